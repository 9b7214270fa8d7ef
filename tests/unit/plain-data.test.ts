/**
 * Plain data only (issue 12, point 4): lib0 decodes an object key `__proto__` by assignment, so
 * a value that crossed a Yjs update can carry a prototype, and a check that reads its fields
 * reads them through it. Each attack below builds the value the way a hostile peer does (an own
 * `__proto__` key from JSON.parse, encoded by one Y.Doc and decoded by another) and shows where
 * it is stopped: the helper, the typed check, resolve, and the page's serialisation.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as devalue from 'devalue';
import { isPlainJson, plainProblem } from '../../src/lib/model/plain';
import { checkValue } from '../../src/lib/schema/statetype';
import { readModel } from '../../src/lib/model/ydoc';
import { commitModel } from '../../src/lib/ops/commit';
import { originFor } from '../../src/lib/ops/write';
import { templateModel } from '../../src/lib/templates';
import { fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import type { StateType } from '../../src/lib/schema/types.generated';

const ITEMS: StateType = { array: { object: { id: 'number', title: 'string', done: 'boolean' } } };

/** `json` as another peer decodes it after a Yjs round trip (lib0 assigns every key). */
function decoded(json: string): unknown {
  const a = new Y.Doc();
  a.getMap('x').set('v', JSON.parse(json));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return b.getMap('x').get('v');
}

/** A list with a hole at 1. */
function holey(): unknown[] {
  const list: unknown[] = [1];
  list[2] = 3;
  return list;
}

const POISON = '[{"__proto__": {"id": 1, "title": "x", "done": false}}]';

/** A todo app's document. */
function todoDoc(): Y.Doc {
  const doc = new Y.Doc();
  commitModel(doc, templateModel('todo'), originFor({ id: 'ann', role: 'owner' }));
  return doc;
}

/** Writes `json` under `state.items` the way a peer's update does, straight into `doc`. */
function peerWrites(doc: Y.Doc, write: (peer: Y.Doc) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(peer);
  write(peer);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before));
}

describe('isPlainJson', () => {
  it('the decoded value has a prototype, and is refused', () => {
    const value = decoded(POISON) as object[];
    // The premise: the title is readable, through the prototype, and there is no own key.
    expect((value[0] as { title?: string }).title).toBe('x');
    expect(Object.keys(value[0])).toEqual([]);
    expect(plainProblem(value)).toMatchObject({ path: '/0' });
    expect(isPlainJson(value)).toBe(false);
  });

  it('an own key __proto__ (as JSON.parse makes it) is refused', () => {
    expect(plainProblem(JSON.parse('{"a": {"__proto__": {}}}'))?.path).toBe('/a/__proto__');
  });

  it('refuses what JSON cannot hold, and accepts what it can', () => {
    for (const bad of [NaN, Infinity, undefined, () => 1, 1n, new Date(0), new Map(), holey()])
      expect(isPlainJson(bad), String(bad)).toBe(false);
    for (const good of [null, 0, 'x', true, [], {}, { a: [1, { b: null }] }, Object.create(null)])
      expect(isPlainJson(good)).toBe(true);
  });

  it('bounds depth and size without recursion (a million deep is refused, not a stack overflow)', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(plainProblem(deep)?.message).toMatch(/deeper than 64/);
    expect(plainProblem(new Array(300_000).fill(0))?.message).toMatch(/more than 200000/);
  });
});

describe('checkValue reads own fields of plain values only', () => {
  it('the decoded list of items is refused with E_DATA_NOT_PLAIN', () => {
    expect(checkValue(ITEMS, decoded(POISON))).toMatchObject({
      path: '/0',
      code: 'E_DATA_NOT_PLAIN'
    });
  });

  it('an own __proto__ key is refused, even where the type would take the rest', () => {
    const value = JSON.parse('{"id": 1, "title": "x", "done": true, "__proto__": {}}');
    expect(checkValue(ITEMS, [value])?.code).toBe('E_DATA_NOT_PLAIN');
  });

  it('a field found only on the prototype does not count as present', () => {
    const value = Object.assign(Object.create({ title: 'inherited' }), { id: 1, done: false });
    expect(checkValue(ITEMS, [value])).not.toBeNull();
  });

  it('a type that is not a state type (a lookup that found `constructor`) is a problem, not a throw', () => {
    const decls: Record<string, { type: StateType }> = {};
    const found = (decls as Record<string, { type: StateType }>)['constructor'];
    expect(() => checkValue(found.type, 1)).not.toThrow();
    expect(checkValue(found.type, 1)?.message).toMatch(/no known state type/);
  });

  it('plain values still pass', () => {
    expect(checkValue(ITEMS, JSON.parse('[{"id": 1, "title": "x", "done": false}]'))).toBeNull();
  });
});

describe('resolve leaves a stored value that is not plain out, so the app keeps answering', () => {
  it('data: the field reads as its initial value; the page data serialises; the export imports', () => {
    const doc = todoDoc();
    peerWrites(doc, (peer) => peer.getMap('state').set('items', JSON.parse(POISON)));
    const stored = doc.getMap('state').get('items') as object[];
    expect(Object.getPrototypeOf(stored[0])).not.toBe(Object.prototype);
    const model = readModel(doc);
    expect(model.data.items).toEqual(templateModel('todo').data.items);
    // SvelteKit serialises the page's data with devalue, which throws on a non-plain object:
    // that was the 500 of /apps/ID for everyone.
    expect(() => devalue.stringify({ data: model.data })).not.toThrow();
    const file = JSON.parse(JSON.stringify(toAppFile(model)));
    expect(fromAppFile(file).ok).toBe(true);
  });

  it('a state field whose initial is not plain is left out of the component', () => {
    const doc = todoDoc();
    const rootId = readModel(doc).meta.root;
    peerWrites(doc, (peer) => {
      const state = (peer.getMap('components').get(rootId) as Y.Map<unknown>).get(
        'state'
      ) as Y.Map<unknown>;
      state.set('evil', { type: ITEMS, initial: JSON.parse(POISON) });
    });
    const model = readModel(doc);
    expect(model.components.get(rootId)!.state).not.toHaveProperty('evil');
    expect(() => devalue.stringify(model.data)).not.toThrow();
  });

  it('a node record whose fields come from a prototype is no node', () => {
    const doc = todoDoc();
    const [someNode, record] = [
      ...(doc.getMap('nodes').entries() as Iterable<[string, object]>)
    ][0];
    peerWrites(doc, (peer) =>
      peer.getMap('nodes').set('zz1', JSON.parse(`{"__proto__": ${JSON.stringify(record)}}`))
    );
    const model = readModel(doc);
    expect(model.nodes.has(someNode)).toBe(true);
    expect(model.nodes.has('zz1')).toBe(false);
  });
});
