/**
 * commitBatch: one transaction per batch, with the actor's origin; a rejected batch, whatever is
 * wrong with it and wherever the bad op sits, leaves the document byte-identical and emits no
 * update.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitBatch, commitModel, originFor, type HistoryEntry } from '../../src/lib/ops/commit';
import { currentModel } from '../../src/lib/model/store';
import { docRoots, readModel, undoScope } from '../../src/lib/model/ydoc';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, type Op } from '../../src/lib/model/types';
import { canonical, nodeWith, nodesOfType, rootOf, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

/** Runs `fn` and reports whether the document changed at all. */
function watch(doc: Y.Doc, fn: () => void): { updates: number; same: boolean } {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  fn();
  doc.off('update', count);
  return { updates, same: Buffer.from(before).equals(Buffer.from(Y.encodeStateAsUpdate(doc))) };
}

describe('commitBatch', () => {
  it('writes a batch in one transaction with the origin, and reads back as planned', () => {
    const { doc, origin } = templateDoc('todo');
    const model = currentModel(doc).model;
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const heading = nodesOfType(model, 'Heading')[0];
    const result = commitBatch(
      doc,
      [
        { op: 'setProp', id: heading.id, name: 'text', value: 'Groceries' },
        {
          op: 'addNode',
          parent: rootOf(model),
          index: 1,
          type: 'Text',
          props: { text: 'Things to buy' }
        },
        { op: 'addState', component: 'App', name: 'dark', type: 'boolean', initial: false }
      ],
      origin,
      { verify: gateVerifier(), source: 'visual', ids: seededIds(3), now: 1000 }
    );
    expect(result.ok).toBe(true);
    expect(origins).toEqual([origin]);
    const read = readModel(doc);
    expect(canonical(read)).toBe(canonical(result.ok ? result.model : model));
    expect(read.nodes.get(heading.id)!.props.text).toBe('Groceries');
    expect(read.data.dark).toBe(false);
    const history = docRoots(doc).history.toArray() as HistoryEntry[];
    expect(history.at(-1)).toMatchObject({
      who: 'alice',
      name: 'Alice',
      when: 1000,
      source: 'visual',
      summary: expect.stringContaining('Set text of Heading')
    });
  });

  it('is undone in one step by the person’s undo manager, and only theirs', () => {
    const { doc, origin } = templateDoc('counter');
    const bob = originFor({ id: 'bob', role: 'editor' });
    const undo = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0
    });
    const before = canonical(currentModel(doc).model);
    const card = nodeWith(currentModel(doc).model, 'Card', 'Counter');
    expect(
      commitBatch(
        doc,
        [
          { op: 'setProp', id: card.id, name: 'title', value: 'Clicks' },
          { op: 'setMeta', name: 'title', value: 'Clicker' }
        ],
        origin,
        { verify: gateVerifier() }
      ).ok
    ).toBe(true);
    expect(
      commitBatch(doc, [{ op: 'setProp', id: card.id, name: 'tone', value: 'accent' }], bob, {
        verify: gateVerifier()
      }).ok
    ).toBe(true);
    undo.undo();
    const after = currentModel(doc).model;
    expect(after.nodes.get(card.id)!.props).toEqual({
      title: 'Counter',
      padding: 'lg',
      tone: 'accent'
    });
    expect(after.meta.title).toBe('Counter');
    expect(undo.undoStack.length).toBe(0);
    undo.redo();
    expect(currentModel(doc).model.meta.title).toBe('Clicker');
    expect(canonical(currentModel(doc).model)).not.toBe(before);
  });

  it('re-reads the document after a remote update', () => {
    const { doc } = templateDoc('todo');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const heading = nodesOfType(currentModel(peer).model, 'Heading')[0];
    commitBatch(
      peer,
      [{ op: 'setProp', id: heading.id, name: 'text', value: 'From a peer' }],
      originFor({ id: 'bob' }),
      { verify: gateVerifier() }
    );
    expect(currentModel(doc).model.nodes.get(heading.id)!.props.text).toBe('Todo');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(currentModel(doc).model.nodes.get(heading.id)!.props.text).toBe('From a peer');
  });

  it('commitModel refuses a document that already holds an app', () => {
    const { doc, origin } = templateDoc('todo');
    expect(() => commitModel(doc, currentModel(doc).model, origin)).toThrow(/empty document/);
  });
});

describe('atomicity', () => {
  const { doc, origin } = templateDoc('todo');
  const model = currentModel(doc).model;
  const root = rootOf(model);
  const heading = nodesOfType(model, 'Heading')[0];
  const valid: Op[] = [
    { op: 'addNode', parent: root, type: 'Card', id: 'c', props: { title: 'Stats' } },
    { op: 'addNode', parent: 'c', type: 'Text', id: 't', props: { text: 'hello' } },
    { op: 'setProp', id: heading.id, name: 'level', value: 2 },
    { op: 'moveNode', id: 't', parent: root, index: 0 },
    {
      op: 'addState',
      component: 'App',
      name: 'filter',
      type: { enum: ['all', 'open', 'done'] },
      initial: 'all'
    },
    { op: 'setHandler', component: 'App', name: 'showAll', body: "state.filter = 'all';" },
    {
      op: 'addNode',
      parent: 'c',
      type: 'Button',
      props: { label: 'All', onClick: { $handler: 'showAll' } }
    },
    { op: 'setMeta', name: 'title', value: 'Todo+' }
  ];
  const poison: Op[] = [
    { op: 'setProp', id: 'nope', name: 'text', value: 'x' },
    { op: 'setProp', id: heading.id, name: 'level', value: 'two' } as unknown as Op
  ];

  it('the valid batch commits (so the refusals below are about the bad op)', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(commitBatch(copy, valid, origin, { verify: gateVerifier() }).ok).toBe(true);
  });

  for (let k = 0; k < valid.length; k++) {
    for (const [which, bad] of poison.entries()) {
      it(`a batch whose op ${k} is invalid (${which ? 'bad value' : 'bad id'}) writes nothing`, () => {
        const ops = valid.map((op, i) => (i === k ? bad : op));
        let result: ReturnType<typeof commitBatch> | undefined;
        const seen = watch(
          doc,
          () => (result = commitBatch(doc, ops, origin, { verify: gateVerifier() }))
        );
        expect(result!.ok).toBe(false);
        expect(result!.ok ? [] : result!.errors.map((e) => e.op)).toContain(k);
        expect(seen).toEqual({ updates: 0, same: true });
      });
    }
  }
});

describe('bad input', () => {
  const { doc, origin } = templateDoc('todo');
  const model = currentModel(doc).model;
  const root = rootOf(model);
  const nested = (depth: number) => {
    let spec: Record<string, unknown> = { type: 'Text' };
    for (let i = 0; i < depth; i++) spec = { type: 'Stack', children: [spec] };
    return [{ op: 'addNode', parent: root, ...spec }];
  };
  const bad: [string, unknown, string, string?][] = [
    ['not an array', { op: 'setMeta' }, 'E_BATCH_NOT_ARRAY'],
    ['a null op', [null], 'E_OP_NOT_OBJECT', '/0'],
    ['an unknown op', [{ op: 'deleteEverything' }], 'E_UNKNOWN_OP', '/0/op'],
    ['a missing field', [{ op: 'removeNode' }], 'E_FIELD_MISSING', '/0/id'],
    [
      'an extra field',
      [{ op: 'removeNode', id: root, force: true }],
      'E_FIELD_UNKNOWN',
      '/0/force'
    ],
    [
      'a wrong field type',
      [{ op: 'moveNode', id: root, parent: root, index: 'first' }],
      'E_FIELD_TYPE',
      '/0/index'
    ],
    [
      'a negative index',
      [{ op: 'moveNode', id: root, parent: root, index: -1 }],
      'E_FIELD_VALUE',
      '/0/index'
    ],
    [
      'an id that does not exist',
      [{ op: 'removeNode', id: 'zzzzzz' }],
      'E_NODE_NOT_FOUND',
      '/0/id'
    ],
    [
      'a prop of the wrong type',
      [{ op: 'setProp', id: root, name: 'gap', value: 12 }],
      'E_PROP_TYPE',
      '/0/value'
    ],
    [
      'an expression where only a literal goes',
      [{ op: 'addNode', parent: root, type: 'Each', props: { as: { $expr: 'x' } } }],
      'E_PROP_KIND',
      '/0/props/as'
    ],
    [
      'a literal object posing as a value kind',
      [{ op: 'setProp', id: root, name: 'gap', value: { $expr: 1 } }],
      'E_FIELD_VALUE',
      '/0/value'
    ],
    [
      'a cycle',
      [
        {
          op: 'addNode',
          parent: root,
          type: 'Stack',
          id: 's',
          children: [{ type: 'Stack', id: 'in' }]
        },
        { op: 'moveNode', id: 's', parent: 'in' }
      ],
      'E_CYCLE',
      '/1/parent'
    ],
    [
      'a 10 MB batch',
      [{ op: 'setMeta', name: 'title', value: 'x'.repeat(10_000_000) }],
      'E_BATCH_TOO_LARGE'
    ],
    [
      'too many ops',
      Array.from({ length: 2001 }, () => ({ op: 'setMeta', name: 'title', value: 'x' })),
      'E_BATCH_TOO_LARGE'
    ],
    ['children nested 5,000 deep', nested(5000), 'E_TOO_DEEP'],
    [
      'a value nested 100 deep',
      [
        {
          op: 'setProp',
          id: root,
          name: 'gap',
          value: JSON.parse('['.repeat(100) + ']'.repeat(100))
        }
      ],
      'E_TOO_DEEP'
    ]
  ];
  for (const [what, ops, code, path] of bad) {
    it(`${what}: ${code}, document byte-identical, no update`, () => {
      let result: ReturnType<typeof commitBatch> | undefined;
      const seen = watch(
        doc,
        () => (result = commitBatch(doc, ops, origin, { verify: gateVerifier() }))
      );
      expect(seen).toEqual({ updates: 0, same: true });
      expect(result!.ok).toBe(false);
      const first = result!.ok ? undefined : result!.errors[0];
      expect(first?.code).toBe(code);
      if (path) expect(first?.path).toBe(path);
    });
  }

  it('the app still takes a valid batch afterwards', () => {
    expect(
      commitBatch(
        doc,
        [{ op: 'addNode', parent: root, type: 'Text', props: { text: 'still here' } }],
        origin,
        { verify: gateVerifier() }
      ).ok
    ).toBe(true);
    expect(childrenOf(currentModel(doc).model, root)).toHaveLength(
      childrenOf(model, root).length + 1
    );
  });
});
