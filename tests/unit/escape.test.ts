/**
 * The escape corpus (tests/fixtures/escape/, one folder per known attack), run in the real
 * sandbox with the gate's policy stage switched off: what a peer who skipped every check would
 * get to run. Each attack must be contained: a coded error (or, for "contained" cases, a result
 * showing it reached nothing), the host process unchanged, the app answering afterwards.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { seededIds } from '../../src/lib/model/ids';
import {
  componentByName,
  type AppModel,
  type Capabilities,
  type Op
} from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { SandboxHost, type Incident, type ViewNode } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { template } from './helpers';

interface EscapeCase {
  attack: string;
  where: 'handler' | 'render';
  source: string;
  expect: string;
  check?: string;
  capabilities?: Capabilities;
}

const root = path.join(import.meta.dirname, '../fixtures/escape');
const cases = fs
  .readdirSync(root)
  .sort()
  .map((name) => ({
    name,
    c: JSON.parse(fs.readFileSync(path.join(root, name, 'case.json'), 'utf8')) as EscapeCase
  }));

// A server the attacks must never reach: any hit is a failure.
let hits = 0;
let server: http.Server;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The counter with the attack planted where the case says, planned without any gate. */
function plant(c: EscapeCase): AppModel {
  const base = template('counter');
  const appRoot = componentByName(base, 'App')!.root;
  const source = c.source.replaceAll(
    'http://127.0.0.1:9',
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  );
  const ops: Op[] =
    c.where === 'handler'
      ? [
          { op: 'setHandler', component: 'App', name: 'attack', body: source },
          {
            op: 'addNode',
            parent: appRoot,
            type: 'Button',
            props: { label: 'attack', onClick: { $handler: 'attack' } }
          }
        ]
      : [{ op: 'addNode', parent: appRoot, type: 'Text', props: { text: { $expr: source } } }];
  if (c.capabilities)
    ops.push({ op: 'setCapabilities', component: 'App', capabilities: c.capabilities });
  const plan = planOps(base, ops, undefined, { ids: seededIds(4), verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function find(
  view: ViewNode | null | undefined,
  match: (n: ViewNode) => boolean
): ViewNode | undefined {
  if (!view) return undefined;
  if (match(view)) return view;
  for (const child of view.children) {
    const found = find(child, match);
    if (found) return found;
  }
  return undefined;
}

/** Runs one attack; returns every error code seen (results, incidents) and the final data. */
async function run(
  c: EscapeCase
): Promise<{ codes: string[]; data: Record<string, unknown> | null; host: SandboxHost }> {
  const incidents: Incident[] = [];
  const host = new SandboxHost({
    port: () => nodeProcessPort(),
    gate: new CompileGate({ typecheck: false, policy: false }),
    spare: false,
    onIncident: (i) => incidents.push(i)
  });
  const codes: string[] = [];
  // The app runs first as it was; then the attack arrives as a change, as a peer's would.
  const clean = await host.load(template('counter'));
  if (!clean.ok) throw new Error(JSON.stringify(clean.errors));
  const swapped = await host.swap(plant(c));
  if (!swapped.ok) codes.push(...swapped.errors.map((e) => e.code));
  const button = find(host.view, (n) => n.props.label === 'attack');
  if (c.where === 'handler' && button) {
    const onClick = button.props.onClick as { $ref: number };
    const result = await host.dispatch(onClick.$ref, {});
    if (!result.ok) codes.push(...result.errors.map((e) => e.code));
    // A network response (if any was allowed) arrives later; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  codes.push(...incidents.map((i) => i.error.code));
  return { codes, data: (host.data as Record<string, unknown> | null) ?? null, host };
}

describe('escape corpus', () => {
  it('has at least 40 attacks, each saying what it tries', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const { c } of cases) expect(c.attack.length).toBeGreaterThan(5);
  });

  for (const { name, c } of cases) {
    it(`${name}: ${c.attack}`, async () => {
      const hostGlobals = Object.getOwnPropertyNames(globalThis).length;
      const { codes, data, host } = await run(c);
      try {
        if (c.expect === 'contained') {
          expect(codes, `${name} should run and reach nothing`).toEqual([]);
          const check = new Function('result', `return ${c.check ?? 'true'};`) as (
            r: unknown
          ) => boolean;
          expect(check(data), `${name}: ${c.check} over ${JSON.stringify(data)}`).toBe(true);
        } else {
          const wanted = c.expect.split('|');
          expect(
            codes.some((code) => wanted.includes(code)),
            `${name}: expected ${c.expect}, got ${JSON.stringify(codes)}`
          ).toBe(true);
        }
        // The app still answers: it renders, and its own counter still counts.
        const again = await host.render();
        expect(again.ok, `${name}: the app answers after the attack`).toBe(true);
        const plus = find(host.view, (n) => n.props.label === '+');
        const result = await host.dispatch((plus!.props.onClick as { $ref: number }).$ref, {});
        expect(result.ok, `${name}: the app's own handler still runs`).toBe(true);
        // The host is unchanged and nothing reached the network.
        expect(Object.getOwnPropertyNames(globalThis).length).toBe(hostGlobals);
        expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
        expect(hits).toBe(0);
        expect(fs.existsSync('/tmp/pwned')).toBe(false);
      } finally {
        await host.dispose();
      }
    });
  }
});
