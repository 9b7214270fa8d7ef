/**
 * Suggestions (issue 16) on a real StudioServer (in-memory SQLite, the real compile gate and a
 * sandbox process): a user's request is checked as an editor would apply it and kept; a
 * reviewer applies it (one undo step of theirs, the asker named in the history) or declines it
 * with a note the asker sees. The attacks: a user applying or declining a suggestion (their own
 * included), a viewer suggesting, a suggestion that does not pass the check, one that conflicts
 * with a change made since, deciding twice, a link filling the reviewers' list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AssistMessage } from '../../src/lib/ai/protocol';
import { docRoots } from '../../src/lib/model/ydoc';
import type { HistoryEntry } from '../../src/lib/ops/write';
import type { Actor } from '../../src/lib/ops/plan';
import { assistTurn } from '../../src/lib/server/assist';
import type { AppSession } from '../../src/lib/server/session';
import { StudioServer } from '../../src/lib/server/studio';
import {
  applySuggestion,
  declineSuggestion,
  previewSuggestion,
  suggest,
  suggestionsFor,
  SUGGESTION_LIMITS
} from '../../src/lib/server/suggestions';
import { canonical } from './helpers';

const owner: Actor = { id: 'owner', name: 'Ann', role: 'owner' };
const editor: Actor = { id: 'link:ed1~p-bob', name: 'Bob', role: 'editor' };
const uma: Actor = { id: 'link:us1~p-uma', name: 'Uma', role: 'user' };
const umaTab2: Actor = { id: 'link:us1~p-uma2', name: 'Uma', role: 'user' };
const cy: Actor = { id: 'link:us2~p-cy', name: 'Cy', role: 'user' };
const viewer: Actor = { id: 'link:vw1~p-vic', name: 'Vic', role: 'viewer' };

let studio: StudioServer;

beforeAll(() => {
  studio = new StudioServer(':memory:', { demo: false });
});

afterAll(async () => {
  await studio?.close();
});

async function todoApp(): Promise<AppSession> {
  const created = await studio.create({ template: 'todo' });
  if (!created.ok) throw new Error(created.errors[0].message);
  return (await studio.session(created.app.id))!;
}

/** A user's request in the app page, through the assistant (offline planner): its proposal. */
async function ask(session: AppSession, actor: Actor, message: string) {
  const events: AssistMessage[] = [];
  for await (const event of assistTurn(session, actor, { message, suggest: true }, {}))
    events.push(event);
  const last = events.at(-1)!;
  expect(last.type, JSON.stringify(last)).toBe('proposal');
  return last as Extract<AssistMessage, { type: 'proposal' }>;
}

async function kept(session: AppSession, actor: Actor, request: string) {
  const proposal = await ask(session, actor, request);
  const made = await suggest(studio.suggestions, session, actor, { request, ops: proposal.ops });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  return made.ok ? made.value : (null as never);
}

describe('suggestions', () => {
  it('a user’s request becomes a suggestion; the owner applies it as one undo step naming the asker', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    // Without `suggest`, the same request from a user is refused: the assistant acts with their rights.
    const plain: AssistMessage[] = [];
    for await (const e of assistTurn(session, uma, { message: 'add a dark mode toggle' }, {}))
      plain.push(e);
    expect(plain.at(-1)).toMatchObject({ type: 'failed' });

    const record = await kept(session, uma, 'add a dark mode toggle');
    expect(record).toMatchObject({ status: 'pending', askerName: 'Uma', askerLink: 'link:us1' });
    expect(record.summary).not.toBe('');
    // Kept, not applied.
    expect(canonical(session.model)).toBe(before);
    expect(JSON.stringify(session.doc.toJSON())).not.toContain(record.id);

    // The asker sees it from another tab of the same link; another user does not.
    const mine = await suggestionsFor(studio.suggestions, session, umaTab2);
    expect(mine.ok && mine.value.map((s) => s.id)).toEqual([record.id]);
    expect(mine.ok && mine.value[0].ops).toBeUndefined();
    const others = await suggestionsFor(studio.suggestions, session, cy);
    expect(others.ok && others.value).toEqual([]);
    const all = await suggestionsFor(studio.suggestions, session, editor);
    expect(all.ok && all.value[0]).toMatchObject({ id: record.id, changedSince: false });

    // The asker cannot apply or decline it.
    for (const actor of [uma, umaTab2, cy, viewer]) {
      const tried = await applySuggestion(studio.suggestions, session, actor, record.id, {});
      expect(tried.result.ok).toBe(false);
      expect(!tried.result.ok && tried.result.errors[0].code).toBe('E_FORBIDDEN');
      const declined = await declineSuggestion(studio.suggestions, session, actor, record.id, {});
      expect(!declined.ok && declined.errors[0].code).toBe('E_FORBIDDEN');
    }
    expect(canonical(session.model)).toBe(before);

    const applied = await applySuggestion(studio.suggestions, session, owner, record.id, {});
    expect(applied.result.ok, JSON.stringify(applied.result)).toBe(true);
    expect(applied.record).toMatchObject({ status: 'applied', decidedBy: 'Ann' });
    const last = docRoots(session.doc).history.toArray().at(-1) as HistoryEntry;
    expect(last.prompt).toBe('Suggested by Uma: add a dark mode toggle');
    expect(canonical(session.model)).not.toBe(before);
    // One undo step, the approver's.
    expect(session.history(owner).undo).toBe(1);
    expect((await session.undo(owner)).ok).toBe(true);
    expect(canonical(session.model)).toBe(before);

    // Decided once.
    const again = await applySuggestion(studio.suggestions, session, owner, record.id, {});
    expect(!again.result.ok && again.result.errors[0].code).toBe('E_SUGGESTION_DECIDED');
    const seen = await suggestionsFor(studio.suggestions, session, uma);
    expect(seen.ok && seen.value[0]).toMatchObject({ status: 'applied', decidedBy: 'Ann' });
  });

  it('a declined suggestion carries the note the asker sees, and changes nothing', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    const record = await kept(session, uma, 'change the heading to "Groceries"');
    const declined = await declineSuggestion(studio.suggestions, session, editor, record.id, {
      note: 'We keep the name Todos.'
    });
    expect(declined.ok && declined.value).toMatchObject({
      status: 'declined',
      note: 'We keep the name Todos.',
      decidedBy: 'Bob'
    });
    const seen = await suggestionsFor(studio.suggestions, session, uma);
    expect(seen.ok && seen.value[0]).toMatchObject({ note: 'We keep the name Todos.' });
    expect(canonical(session.model)).toBe(before);
    const applied = await applySuggestion(studio.suggestions, session, owner, record.id, {});
    expect(!applied.result.ok && applied.result.errors[0].code).toBe('E_SUGGESTION_DECIDED');
    expect(canonical(session.model)).toBe(before);
  });

  it('a suggestion whose app changed since is planned again; when it conflicts the reviewer is told what, and nothing is applied', async () => {
    const session = await todoApp();
    const record = await kept(session, uma, 'change the heading to "Groceries"');
    // Meanwhile the owner removes the heading the suggestion changes.
    const heading = [...session.model.nodes.values()].find((n) => n.type === 'Heading')!;
    const removed = await session.apply(owner, [{ op: 'removeNode', id: heading.id }]);
    expect(removed.ok, JSON.stringify(removed)).toBe(true);
    const listed = await suggestionsFor(studio.suggestions, session, owner);
    expect(listed.ok && listed.value[0].changedSince).toBe(true);
    const before = canonical(session.model);
    // The reviewer's preview already says what no longer fits.
    const preview = await previewSuggestion(studio.suggestions, session, owner, record.id);
    expect(preview).toMatchObject({ ok: false, changedSince: true });
    expect('errors' in preview && preview.errors[0].code).toBe('E_SUGGESTION_CONFLICT');
    const tried = await applySuggestion(studio.suggestions, session, owner, record.id, {});
    expect(tried.result.ok).toBe(false);
    expect(tried.changedSince).toBe(true);
    const errors = tried.result.ok ? [] : tried.result.errors;
    expect(errors[0].code).toBe('E_SUGGESTION_CONFLICT');
    expect(errors.length).toBeGreaterThan(1);
    expect(canonical(session.model)).toBe(before);
    // Still pending: the reviewer may decline it, or the asker ask again.
    const after = await suggestionsFor(studio.suggestions, session, owner);
    expect(after.ok && after.value[0].status).toBe('pending');

    // A change since that does not touch it: planned again and applied.
    const other = await kept(session, uma, 'add a dark mode toggle');
    await session.apply(owner, [{ op: 'setMeta', name: 'title', value: 'Renamed meanwhile' }]);
    const shown = await previewSuggestion(studio.suggestions, session, editor, other.id);
    expect(shown).toMatchObject({ ok: true, changedSince: true });
    expect('diff' in shown && shown.diff.length).toBeGreaterThan(0);
    const byUser = await previewSuggestion(studio.suggestions, session, uma, other.id);
    expect('refused' in byUser && byUser.refused[0].code).toBe('E_FORBIDDEN');
    const applied = await applySuggestion(studio.suggestions, session, editor, other.id, {});
    expect(applied.changedSince).toBe(true);
    expect(applied.result.ok, JSON.stringify(applied.result)).toBe(true);
  });

  it('no Yjs peer can write or approve a suggestion: they are not in the document', async () => {
    const session = await todoApp();
    const record = await kept(session, uma, 'add a dark mode toggle');
    // A user's raw peer writes a suggestions map, as if approving one: refused, nothing changes.
    const before = Y.encodeStateAsUpdate(session.doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, before);
    const sv = Y.encodeStateVector(peer);
    peer.getMap('suggestions').set(record.id, { status: 'applied' });
    const written = await session.receive(uma, Y.encodeStateAsUpdate(peer, sv));
    expect(written.ok).toBe(false);
    expect(Y.encodeStateAsUpdate(session.doc)).toEqual(before);
    const listed = await suggestionsFor(studio.suggestions, session, owner);
    expect(listed.ok && listed.value[0].status).toBe('pending');
  });

  it('refuses what it must, storing nothing', async () => {
    const session = await todoApp();
    const count = async () => {
      const listed = await suggestionsFor(studio.suggestions, session, owner);
      return listed.ok ? listed.value.length : -1;
    };
    const viewerTry = await suggest(studio.suggestions, session, viewer, {
      request: 'x',
      ops: [{ op: 'setMeta', name: 'title', value: 'Hi' }]
    });
    expect(!viewerTry.ok && viewerTry.errors[0].code).toBe('E_FORBIDDEN');
    const listedByViewer = await suggestionsFor(studio.suggestions, session, viewer);
    expect(!listedByViewer.ok && listedByViewer.errors[0].code).toBe('E_FORBIDDEN');
    // Ops that do not pass the check (a node that does not exist, code that does not compile).
    const bad = await suggest(studio.suggestions, session, uma, {
      request: 'break it',
      ops: [{ op: 'removeNode', id: 'nope' }]
    });
    expect(bad.ok).toBe(false);
    const badCode = await suggest(studio.suggestions, session, uma, {
      request: 'break it',
      ops: [
        {
          op: 'setHandler',
          component: [...session.model.components.keys()][0],
          name: 'boom',
          body: 'this is not code {'
        }
      ]
    });
    expect(badCode.ok).toBe(false);
    for (const body of [
      { request: '', ops: [{ op: 'setMeta', name: 'title', value: 'Hi' }] },
      { request: 'x'.repeat(SUGGESTION_LIMITS.request + 1), ops: [] },
      { request: 'no ops', ops: 'nope' },
      { request: 'huge', ops: [{ op: 'setMeta', name: 'title', value: 'x'.repeat(300_000) }] }
    ]) {
      const refused = await suggest(studio.suggestions, session, uma, body);
      expect(refused.ok).toBe(false);
    }
    expect(await count()).toBe(0);
    const missing = await applySuggestion(studio.suggestions, session, owner, 'sgnothere', {});
    expect(!missing.result.ok && missing.result.errors[0].code).toBe('E_SUGGESTION_NOT_FOUND');
    // A suggestion of another app is not found through this one.
    const elsewhere = await todoApp();
    const foreign = await kept(elsewhere, uma, 'add a dark mode toggle');
    const cross = await applySuggestion(studio.suggestions, session, owner, foreign.id, {});
    expect(!cross.result.ok && cross.result.errors[0].code).toBe('E_SUGGESTION_NOT_FOUND');

    // One link cannot fill the reviewers' list.
    const ops = [{ op: 'setMeta', name: 'title', value: 'A title' }];
    for (let i = 0; i < SUGGESTION_LIMITS.pendingPerLink; i++) {
      const made = await suggest(studio.suggestions, session, uma, { request: `n${i}`, ops });
      expect(made.ok, JSON.stringify(made)).toBe(true);
    }
    const over = await suggest(studio.suggestions, session, umaTab2, { request: 'more', ops });
    expect(!over.ok && over.errors[0].code).toBe('E_SUGGESTION_LIMIT');
    // Another link still can.
    expect((await suggest(studio.suggestions, session, cy, { request: 'mine', ops })).ok).toBe(
      true
    );
    expect(await count()).toBe(SUGGESTION_LIMITS.pendingPerLink + 1);
  });
});
