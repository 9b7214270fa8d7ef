/**
 * What a peer hands the server, checked as pure functions (issue 12, "cheap refusals first"):
 * the update's structs read off its bytes before any mirror (precheck.ts), history entries
 * (history-entry.ts) and the History panel's reading of a log that already holds bad ones, meta
 * entries (layout.ts) and presence states and names (presence.ts). The same attacks through a
 * real server are tests/collab/peer-bounds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyToMirror, checkRole, precheckUpdate } from '../../src/lib/collab/check';
import { historyEntryProblem, readHistory } from '../../src/lib/collab/history-entry';
import { MAX_UPDATE_RECORDS, metaProblems } from '../../src/lib/collab/layout';
import { presenceProblem, presentName, readPeer } from '../../src/lib/collab/presence';
import { commitModel } from '../../src/lib/ops/commit';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { commitData } from '../../src/lib/runtime/live';
import { readModel } from '../../src/lib/model/ydoc';
import { templateModel } from '../../src/lib/templates';
import type { Actor } from '../../src/lib/ops/plan';

const NOW = Date.UTC(2025, 0, 1);
const editor: Actor = { id: 'link:e~ed-0001', role: 'editor' };
const user: Actor = { id: 'link:u~us-0001', role: 'user' };
const viewer: Actor = { id: 'link:v~vi-0001', role: 'viewer' };

function entry(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    who: editor.id,
    name: 'Eve',
    when: NOW,
    source: 'visual',
    summary: 'Changed the heading',
    ops: [{ op: 'setProp', id: 'h1', name: 'text', value: 'x' }],
    idMap: {},
    ...fields
  };
}

describe('history entries a peer appends', () => {
  const problem = (fields: Record<string, unknown>, actor = editor) =>
    historyEntryProblem(entry(fields), actor, NOW)?.code ?? null;

  it('a well-formed entry passes, restorable for an editor', () => {
    expect(problem({})).toBeNull();
    expect(problem({ before: 'AAEC', prompt: 'make it blue', source: 'ai' })).toBeNull();
  });

  it('a bad when, a numeric name, an unknown source and other bad fields: E_HISTORY_INVALID', () => {
    for (const bad of [
      { when: 'yesterday' },
      { when: NaN },
      { when: 1e300 },
      { when: NOW + 3 * 24 * 3600 * 1000 },
      { name: 42 },
      { name: 'x'.repeat(61) },
      { source: 'magic' },
      { summary: 7 },
      { summary: 'x'.repeat(301) },
      { prompt: 'x'.repeat(4001) },
      { ops: 'setProp' },
      { ops: [42] },
      { ops: new Array(2001).fill({ op: 'setProp' }) },
      { idMap: { t1: 5 } },
      { idMap: [] },
      { before: 42 },
      { extra: true },
      { ops: [{ op: 'x', value: 'y'.repeat(300 * 1024) }] }
    ])
      expect(problem(bad), JSON.stringify(bad).slice(0, 60)).toBe('E_HISTORY_INVALID');
  });

  it('a decoded prototype is no entry (its fields would be read through it)', () => {
    const a = new Y.Doc();
    a.getArray('h').push([JSON.parse(`{"__proto__": ${JSON.stringify(entry())}}`)]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(historyEntryProblem(b.getArray('h').get(0), editor, NOW)?.code).toBe(
      'E_HISTORY_INVALID'
    );
  });

  it('a forged restorable entry from a user, or one in someone else’s name, is refused', () => {
    expect(problem({ who: user.id, before: 'AAEC' }, user)).toBe('E_HISTORY_INVALID');
    expect(problem({ who: 'owner' })).toBe('E_HISTORY_LOCKED');
  });
});

describe('the History panel reads a log that already holds bad entries', () => {
  it('bad entries become unreadable rows; good ones keep their place for a restore', () => {
    const good = entry();
    const rows = readHistory([
      42,
      'x',
      null,
      entry({ when: 'soon' }),
      entry({ name: 7 }),
      entry({ when: 1e300 }),
      good,
      Object.create({ who: 'x' })
    ]);
    expect(rows.map((r) => r.ok)).toEqual([false, false, false, false, false, false, true, false]);
    expect(rows[6]).toMatchObject({ ok: true, index: 6, entry: good });
    // Each readable row holds what the panel formats without throwing.
    for (const row of rows)
      if (row.ok) expect(() => new Date(row.entry.when).toISOString()).not.toThrow();
  });

  it('a stored entry the server wrote long ago, with a long summary, still reads', () => {
    const old = entry({ when: 1, summary: `Restored the app to before “${'x'.repeat(400)}”` });
    expect(readHistory([old])[0].ok).toBe(true);
  });
});

describe('meta', () => {
  it('only title, theme, version and root, each a short plain value', () => {
    expect(
      metaProblems([
        ['title', 'Todo'],
        ['theme', 'dark'],
        ['version', 1],
        ['root', 'c1']
      ])
    ).toEqual([]);
    for (const bad of [
      ['evil', 'x'],
      ['constructor', 'x'],
      ['title', 'x'.repeat(201)],
      ['title', { nested: 'object' }],
      ['title', new Y.Text('x')],
      ['theme', 'neon'],
      ['version', 1.5]
    ] as const)
      expect(metaProblems([bad])[0]?.code, String(bad[0])).toBe('E_META_INVALID');
  });
});

describe('presence', () => {
  const state = { user: null, selection: 'h1', pointer: { x: 1, y: 2 }, field: null };

  it('a studio’s state passes; a 1.5 MB field, unknown fields and bad shapes do not', () => {
    expect(presenceProblem(state)).toBeNull();
    expect(presenceProblem({ ...state, field: 'x'.repeat(1_500_000) })).toMatch(/wrong shape/);
    expect(presenceProblem({ ...state, junk: 'x'.repeat(1_500_000) })).toMatch(/no field/);
    expect(presenceProblem({ ...state, user: { name: 'x'.repeat(9000) } })).toMatch(/larger/);
    expect(presenceProblem({ ...state, pointer: { x: 1, y: 2, z: 3 } })).toMatch(/wrong shape/);
    expect(presenceProblem({ ...state, pointer: { x: 'a', y: 2 } })).toMatch(/wrong shape/);
  });

  it('a link holder named like a role, or "You", shows with the link’s role', () => {
    for (const name of ['Owner', 'owner', ' OWNER! ', 'You', 'Editor'])
      expect(presentName(name, 'link:abc~p-000001', 'editor')).toBe(`${name} (editor link)`);
    expect(presentName('Ada', 'link:abc~p-000001', 'editor')).toBe('Ada');
    // The person at the machine is the owner: their name is theirs.
    expect(presentName('Owner', 'owner~p-000001', 'owner')).toBe('Owner');
    const peer = readPeer(7, {
      user: { id: 'link:abc~p-000001', name: 'Owner', role: 'user', color: '#000000' }
    });
    expect(peer?.name).toBe('Owner (user link)');
    expect(peer?.role).toBe('user');
  });
});

/** A todo app, its server copy, and a peer's copy to write updates in. */
function apps(): { server: Y.Doc; peer: Y.Doc; rootId: string } {
  const server = new Y.Doc({ gc: false });
  commitModel(server, templateModel('todo'), originFor({ id: 'ann', role: 'owner' }));
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  return { server, peer, rootId: readModel(server).meta.root };
}

/** What `write` adds to the peer's copy, as one update. */
function updateOf(peer: Y.Doc, write: () => void): Uint8Array {
  const before = Y.encodeStateVector(peer);
  write();
  return Y.encodeStateAsUpdate(peer, before);
}

describe('precheckUpdate: what is refused before any mirror', () => {
  it('honest updates pass: commits of several kinds, app data, and a sync reply of known structs', () => {
    const { server, peer } = apps();
    const origin = originFor(editor);
    const commit = updateOf(peer, () => {
      const written = commitPlanned(
        peer,
        [
          { op: 'addComponent', name: 'Card2' },
          { op: 'addState', component: 'Card2', name: 'n', type: 'number', initial: 0 },
          { op: 'setHandler', component: 'Card2', name: 'bump', body: 'state.n += 1;' },
          { op: 'setMeta', name: 'title', value: 'Renamed' }
        ],
        origin
      );
      expect(written.ok).toBe(true);
    });
    expect(precheckUpdate(server, commit, editor)).toBeNull();
    const data = updateOf(peer, () =>
      commitData(peer, { draft: '' }, { draft: 'typed' }, { data: user.id })
    );
    expect(precheckUpdate(server, data, user)).toBeNull();
    // A viewer's sync reply holds what the server has (and its delete set): nothing new.
    expect(precheckUpdate(server, Y.encodeStateAsUpdate(server), viewer)).toBeNull();
  });

  it('a well-formed flood past the record limit: E_BATCH_TOO_LARGE; the planner’s largest batch fits', () => {
    const { server, peer } = apps();
    const model = readModel(server);
    const root = model.components.get(model.meta.root)!;
    const flood = (count: number) =>
      updateOf(peer, () =>
        peer.transact(() => {
          for (let i = 0; i < count; i++) {
            // Order keys only need to be well-formed here: the check counts before it places.
            peer.getMap('nodes').set(`w${i.toString(36)}`, {
              type: 'Text',
              component: root.id,
              parent: root.root,
              order: `a${i.toString(36)}`
            });
            peer.getMap('props').set(`w${i.toString(36)}/text`, `flood ${i}`);
          }
        })
      );
    expect(precheckUpdate(server, flood(MAX_UPDATE_RECORDS / 2 + 1), editor)?.code).toBe(
      'E_BATCH_TOO_LARGE'
    );
    // 2,000 one-prop nodes, the most the planner takes in one batch as ops: let through.
    const { server: other, peer: honest } = apps();
    const otherModel = readModel(other);
    const otherRoot = otherModel.components.get(otherModel.meta.root)!;
    const batch = updateOf(honest, () => {
      const written = commitPlanned(
        honest,
        Array.from({ length: 2000 }, (_, i) => ({
          op: 'addNode',
          parent: otherRoot.root,
          type: 'Text',
          props: { text: `row ${i}` }
        })),
        originFor(editor)
      );
      expect(written.ok ? [] : written.errors.slice(0, 2)).toEqual([]);
    });
    expect(precheckUpdate(other, batch, editor)).toBeNull();
  });

  it('a viewer’s first new struct refuses the update: E_FORBIDDEN', () => {
    const { server, peer } = apps();
    const update = updateOf(peer, () => peer.getMap('state').set('draft', 'x'));
    expect(precheckUpdate(server, update, viewer)?.code).toBe('E_FORBIDDEN');
  });

  it('a user writes app data only: not the definition, not the history', () => {
    const { server, peer } = apps();
    const props = updateOf(peer, () => peer.getMap('props').set('x/text', 'defaced'));
    expect(precheckUpdate(server, props, user)?.code).toBe('E_FORBIDDEN');
    const history = updateOf(peer, () => peer.getArray('history').push([entry({ who: user.id })]));
    expect(precheckUpdate(server, history, user)?.code).toBe('E_FORBIDDEN');
  });

  it('nesting deeper than the layout, anywhere: E_PEER_TOO_DEEP', () => {
    const { server, peer, rootId } = apps();
    const deep = updateOf(peer, () =>
      peer.transact(() => {
        let map = (peer.getMap('components').get(rootId) as Y.Map<unknown>).get(
          'state'
        ) as Y.Map<unknown>;
        for (let i = 0; i < 6000; i++) {
          const next = new Y.Map<unknown>();
          map.set('k', next);
          map = next;
        }
      })
    );
    expect(deep.byteLength).toBeGreaterThan(60_000);
    expect(precheckUpdate(server, deep, editor)?.code).toBe('E_PEER_TOO_DEEP');
    const inNodes = updateOf(peer, () => peer.getMap('nodes').set('zz1', new Y.Map()));
    expect(precheckUpdate(server, inNodes, editor)?.code).toBe('E_PEER_TOO_DEEP');
    const inHistory = updateOf(peer, () => peer.getArray('history').push([new Y.Map()]));
    expect(precheckUpdate(server, inHistory, editor)?.code).toBe('E_PEER_TOO_DEEP');
  });

  it('meta: a subdocument, a Y.Text, an unknown key: E_META_INVALID', () => {
    for (const write of [
      (meta: Y.Map<unknown>) => meta.set('title', new Y.Doc()),
      (meta: Y.Map<unknown>) => meta.set('title', new Y.Text('x')),
      (meta: Y.Map<unknown>) => meta.set('k00001', 'x')
    ]) {
      const { server, peer } = apps();
      const update = updateOf(peer, () => write(peer.getMap('meta')));
      expect(precheckUpdate(server, update, editor)?.code).toBe('E_META_INVALID');
    }
  });

  it('foreign roots, subdocuments elsewhere, and non-plain values are refused', () => {
    const cases: [(peer: Y.Doc, rootId: string) => void, string][] = [
      [(peer) => peer.getMap('evil').set('x', 1), 'E_PEER_INVALID'],
      [(peer) => peer.getText('meta2').insert(0, 'x'), 'E_PEER_INVALID'],
      [(peer) => peer.getMap('props').set('x/text', new Y.Doc()), 'E_PEER_INVALID'],
      [
        (peer) => peer.getMap('state').set('items', JSON.parse('[{"__proto__": {"id": 1}}]')),
        'E_DATA_NOT_PLAIN'
      ],
      [
        (peer, rootId) =>
          (
            (peer.getMap('components').get(rootId) as Y.Map<unknown>).get('state') as Y.Map<unknown>
          ).set('evil', { type: 'number', initial: JSON.parse('{"__proto__": {}}') }),
        'E_DATA_NOT_PLAIN'
      ]
    ];
    for (const [write, code] of cases) {
      const { server, peer, rootId } = apps();
      expect(
        precheckUpdate(
          server,
          updateOf(peer, () => write(peer, rootId)),
          editor
        )?.code
      ).toBe(code);
    }
  });

  it('an update whose parent the server lacks: E_PEER_INCOMPLETE', () => {
    const { server, peer } = apps();
    const first = updateOf(peer, () => peer.getArray('history').push([entry()]));
    const second = updateOf(peer, () => peer.getArray('history').push([entry()]));
    expect(precheckUpdate(server, second, editor, NOW)?.code).toBe('E_PEER_INCOMPLETE');
    expect(precheckUpdate(server, first, editor, NOW)).toBeNull();
  });
});

describe('the mirror’s check holds the same lines for callers without the precheck', () => {
  /** Applies what `write` does in the peer's copy to a mirror of the server's, and judges it. */
  function judged(role: Actor, write: (peer: Y.Doc, rootId: string) => void): string | null {
    const { server, peer, rootId } = apps();
    const update = updateOf(peer, () => write(peer, rootId));
    const mirror = new Y.Doc({ gc: false });
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(server));
    const tried = applyToMirror(mirror, update);
    if (!tried.ok) return tried.error.code;
    return checkRole(tried.facts, role)[0]?.code ?? null;
  }

  it('nesting, meta and history are refused with the same codes', () => {
    const deep = (peer: Y.Doc, rootId: string) =>
      peer.transact(() => {
        let map = (peer.getMap('components').get(rootId) as Y.Map<unknown>).get(
          'state'
        ) as Y.Map<unknown>;
        for (let i = 0; i < 6000; i++) {
          const next = new Y.Map<unknown>();
          map.set('k', next);
          map = next;
        }
      });
    expect(judged(editor, deep)).toBe('E_PEER_TOO_DEEP');
    expect(judged(editor, (peer) => peer.getMap('meta').set('title', new Y.Text('x')))).toBe(
      'E_META_INVALID'
    );
    expect(judged(editor, (peer) => peer.getMap('meta').set('k1', 'x'))).toBe('E_META_INVALID');
    expect(
      judged(editor, (peer) =>
        peer.getArray('history').push([entry({ when: 'soon', who: editor.id })])
      )
    ).toBe('E_HISTORY_INVALID');
    expect(judged(user, (peer) => peer.getArray('history').push([entry({ who: user.id })]))).toBe(
      'E_FORBIDDEN'
    );
    expect(judged(editor, (peer) => peer.getMap('meta').set('title', 'Fine'))).toBeNull();
  });
});
