/**
 * Shared text fields (issue 13): a shared `string` field is a Y.Text in the document. Two people
 * typing into it at once both keep every character; the document grows with the characters
 * typed, not with a copy of the string per keystroke; a peer's update may put characters in such
 * a Y.Text and nothing else (the server's live check), and a Y.Text where the field is not a
 * string is refused by the data-type check.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededIds } from '../../src/lib/model/ids';
import { currentModel } from '../../src/lib/model/store';
import { docRoots } from '../../src/lib/model/ydoc';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import { commitData } from '../../src/lib/runtime/live';
import { applyEdit, rebase, textEdit } from '../../src/lib/model/textdata';
import { StudioServer } from '../../src/lib/server/studio';
import type { AppSession } from '../../src/lib/server/session';
import type { Actor } from '../../src/lib/ops/plan';
import { TEMPLATES } from '../../src/lib/templates';
import { gateVerifier } from '../../src/lib/code/gate';

/** The todo app with a shared text field `note` (ids from a fixed seed). */
function noteDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const origin = originFor({ id: 'alice', name: 'Alice', role: 'owner' });
  const made = commitBatch(
    doc,
    [
      ...TEMPLATES.todo,
      { op: 'addState', component: 'App', name: 'note', type: 'string', initial: '' }
    ],
    origin,
    { verify: gateVerifier(), ids: seededIds(5) }
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Types `text` one key at a time at the end of the field, as a bound input does. */
function typeInto(doc: Y.Doc, field: string, text: string, origin: object): void {
  for (const ch of text) {
    const prev = currentModel(doc).model.data;
    commitData(doc, prev, { ...prev, [field]: `${prev[field] as string}${ch}` }, origin);
  }
}

describe('the text edit', () => {
  it('is the one range between two strings', () => {
    expect(textEdit('Dinner', 'Dinner with A')).toEqual({ index: 6, remove: 0, insert: ' with A' });
    expect(textEdit('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
    expect(textEdit('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });

  it('moves past a peer’s change made meanwhile, so both are kept', () => {
    const base = 'Buy milk';
    const mine = 'Buy milk and eggs';
    const peers = 'Please buy milk';
    const merged = applyEdit(peers, rebase(textEdit(base, mine), base, peers));
    expect(merged).toBe('Please buy milk and eggs');
    // A change before the peer's stays where it is.
    const early = applyEdit(
      'Buy milk today',
      rebase(textEdit('Buy milk', 'Go buy milk'), 'Buy milk', 'Buy milk today')
    );
    expect(early).toBe('Go buy milk today');
  });
});

describe('two people typing into one shared text field', () => {
  it('both keep every character, and the replicas agree', () => {
    const ann = noteDoc();
    const bob = new Y.Doc({ gc: false });
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann));
    const annOrigin = { person: 'ann' };
    const bobOrigin = { person: 'bob' };
    // Interleaved typing, synced every few keys, as two live browsers would.
    const annText = 'Dinner with Ann. ';
    const bobText = 'Bob brings bread.';
    for (let i = 0; i < Math.max(annText.length, bobText.length); i += 3) {
      typeInto(ann, 'note', annText.slice(i, i + 3), annOrigin);
      typeInto(bob, 'note', bobText.slice(i, i + 3), bobOrigin);
      if (i % 6 === 0) sync(ann, bob);
    }
    sync(ann, bob);
    const a = currentModel(ann).model.data.note as string;
    const b = currentModel(bob).model.data.note as string;
    expect(a).toBe(b);
    expect(a).toHaveLength(annText.length + bobText.length);
    // Each person's characters appear in their order.
    const pick = (text: string, from: string) => {
      let at = 0;
      for (const ch of from) if (text[at] === ch) at++;
      return at;
    };
    expect(pick(annText, a)).toBe(annText.length);
    expect(pick(bobText, a)).toBe(bobText.length);
    expect(docRoots(ann).state.get('note')).toBeInstanceOf(Y.Text);
  });

  it('the document grows with the characters typed, not with a copy per keystroke', () => {
    const doc = noteDoc();
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    typeInto(doc, 'note', 'x'.repeat(1000), { person: 'ann' });
    const grown = Y.encodeStateAsUpdate(doc).byteLength - before;
    expect(currentModel(doc).model.data.note).toBe('x'.repeat(1000));
    // A copy per keystroke would be about 500 KB (1 + 2 + … + 1,000 characters).
    expect(grown).toBeLessThan(4 * 1000);
    console.log(`1,000 keystrokes into a shared text field: +${grown} bytes`);
  });

  it('undo takes back a burst of typing as one step of that person', () => {
    const doc = noteDoc();
    const origin = { person: 'ann' };
    const undo = new Y.UndoManager(docRoots(doc).state, {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0
    });
    const prev = currentModel(doc).model.data;
    commitData(doc, prev, { ...prev, note: 'hello' }, origin);
    expect(currentModel(doc).model.data.note).toBe('hello');
    const next = currentModel(doc).model.data;
    commitData(doc, next, { ...next, note: 'hello world' }, origin);
    undo.undo();
    expect(currentModel(doc).model.data.note).toBe('hello');
  });
});

const servers: StudioServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function session(): Promise<AppSession> {
  const studio = new StudioServer(':memory:', { demo: false });
  servers.push(studio);
  const created = await studio.create({ template: 'todo' });
  if (!created.ok) throw new Error('no app');
  const s = (await studio.session(created.app.id))!;
  const added = await s.apply({ id: 'owner', role: 'owner' }, [
    { op: 'addState', component: 'App', name: 'note', type: 'string', initial: '' }
  ]);
  expect(added.ok).toBe(true);
  return s;
}

/** The update a peer sends after `write` on a copy of the session's document. */
function peerUpdate(s: AppSession, write: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(s.doc));
  const vector = Y.encodeStateVector(copy);
  write(copy);
  return Y.encodeStateAsUpdate(copy, vector);
}

describe('a peer’s live update', () => {
  const user: Actor = { id: 'link:u~uma', role: 'user' };

  it('may type characters into a shared text field', async () => {
    const s = await session();
    const update = peerUpdate(s, (doc) => {
      const prev = currentModel(doc).model.data;
      commitData(doc, prev, { ...prev, note: 'typed by a user' }, {});
    });
    const result = await s.receive(user, update);
    expect(result.ok).toBe(true);
    expect(s.model.data.note).toBe('typed by a user');
    const more = peerUpdate(s, (doc) => {
      (docRoots(doc).state.get('note') as Y.Text).insert(0, '» ');
    });
    expect((await s.receive(user, more)).ok).toBe(true);
    expect(s.model.data.note).toBe('» typed by a user');
  });

  it('may not put an embed or a format in it, a text where the field is a list, or a map as data', async () => {
    const s = await session();
    await s.receive(
      user,
      peerUpdate(s, (doc) => docRoots(doc).state.set('note', new Y.Text('start')))
    );
    const attacks: [string, (doc: Y.Doc) => void, string][] = [
      [
        'an embed',
        (doc) => (docRoots(doc).state.get('note') as Y.Text).insertEmbed(0, { evil: 1 }),
        'E_PEER_INVALID'
      ],
      [
        'a format',
        (doc) => (docRoots(doc).state.get('note') as Y.Text).format(0, 2, { bold: true }),
        'E_PEER_INVALID'
      ],
      [
        'a text for a list',
        (doc) => docRoots(doc).state.set('items', new Y.Text('x')),
        'E_DATA_TYPE'
      ],
      ['a map as data', (doc) => docRoots(doc).state.set('note', new Y.Map()), 'E_PEER_INVALID']
    ];
    for (const [what, write, code] of attacks) {
      const before = Y.encodeStateAsUpdate(s.doc);
      const result = await s.receive(user, peerUpdate(s, write));
      expect(result.ok, what).toBe(false);
      expect(!result.ok && result.errors[0].code, what).toBe(code);
      expect(
        Buffer.compare(Buffer.from(Y.encodeStateAsUpdate(s.doc)), Buffer.from(before)),
        what
      ).toBe(0);
    }
    expect(s.model.data.note).toBe('start');
  });
});
