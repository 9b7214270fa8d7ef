/**
 * One AI turn on the server, the code path of `POST /api/assist`: `assistTurn` and
 * `applyProposal` on a real StudioServer session (in-memory SQLite, the real compile gate and a
 * sandbox process). The offline planner and Claude through the fake Messages API
 * (tests/fake-anthropic/server.ts), the person's rights, conversations, applying part of a
 * proposal, a proposal that meets someone else's change, and a change of capabilities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistMessage } from '../../src/lib/ai/protocol';
import { toAppFile } from '../../src/lib/model/appfile';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import { docRoots } from '../../src/lib/model/ydoc';
import type { HistoryEntry } from '../../src/lib/ops/write';
import type { Actor } from '../../src/lib/ops/plan';
import { applyProposal, assistTurn } from '../../src/lib/server/assist';
import type { AppSession } from '../../src/lib/server/session';
import { StudioServer } from '../../src/lib/server/studio';
import { loadTranscript, startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server';
import { canonical, template } from './helpers';

const owner: Actor = { id: 'ann', name: 'Ann', role: 'owner' };
const editor: Actor = { id: 'bob', name: 'Bob', role: 'editor' };
const user: Actor = { id: 'uma', name: 'Uma', role: 'user' };
const viewer: Actor = { id: 'vic', name: 'Vic', role: 'viewer' };

/** No key: the offline planner, whatever the environment running the tests holds. */
const OFFLINE: NodeJS.ProcessEnv = {};

let studio: StudioServer;
let fake: FakeAnthropic;
let claude: NodeJS.ProcessEnv;

beforeAll(async () => {
  studio = new StudioServer(':memory:', { demo: false });
  fake = await startFakeAnthropic();
  claude = { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url };
});

afterAll(async () => {
  await fake?.close();
  await studio?.close();
});

/** A new todo app's session. `seeded`: the ids of the transcripts (the todo template, seed 7). */
async function todoApp(seeded = false): Promise<AppSession> {
  const created = await studio.create(
    seeded ? { file: toAppFile(template('todo')) } : { template: 'todo' }
  );
  if (!created.ok) throw new Error(created.errors[0].message);
  return (await studio.session(created.app.id))!;
}

async function turn(
  session: AppSession,
  actor: Actor,
  message: string,
  env: NodeJS.ProcessEnv,
  extra: { selection?: string | null; conversation?: string | null } = {}
): Promise<AssistMessage[]> {
  const events: AssistMessage[] = [];
  for await (const event of assistTurn(session, actor, { message, ...extra }, env))
    events.push(event);
  return events;
}

type Proposal = Extract<AssistMessage, { type: 'proposal' }>;
type Failed = Extract<AssistMessage, { type: 'failed' }>;

function proposalOf(events: AssistMessage[]): Proposal {
  const last = events.at(-1)!;
  expect(last.type, JSON.stringify(last)).toBe('proposal');
  return last as Proposal;
}

function failureOf(events: AssistMessage[]): Failed {
  const last = events.at(-1)!;
  expect(last.type, JSON.stringify(last)).toBe('failed');
  return last as Failed;
}

const codes = (errors: readonly { code: string }[]) => errors.map((e) => e.code);

/** The root component's Heading. */
function headingOf(session: AppSession): string {
  const model = session.model;
  const root = rootComponent(model)!;
  return childrenOf(model, root.root).find((n) => model.nodes.get(n)!.type === 'Heading')!;
}

type Block = { type?: string; content?: unknown; is_error?: boolean };
type Message = { role: string; content: string | Block[] };

/** The coded errors the fake received in tool results, request by request. */
function toolResultCodes(): string[][] {
  return fake.requests.map((request) => {
    const last = (request.body!.messages as Message[]).at(-1)!;
    if (typeof last.content === 'string') return [];
    return last.content
      .filter((b) => b.type === 'tool_result' && b.is_error === true)
      .flatMap((b) =>
        (JSON.parse(String(b.content)) as { errors: { code: string }[] }).errors.map((e) => e.code)
      );
  });
}

describe('assistTurn with the offline planner', () => {
  it('proposes a dark mode toggle, and applying it is one undo step with the request', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    const events = await turn(session, owner, 'add a dark mode toggle', OFFLINE);

    expect(events[0]).toMatchObject({ type: 'engine', engine: 'offline' });
    expect((events[0] as { note: string }).note).toMatch(/offline planner/i);
    expect(events.slice(1, -1).every((e) => e.type === 'status')).toBe(true);
    expect(events.length).toBeGreaterThan(2);

    const proposal = proposalOf(events);
    expect(proposal.changes.length).toBeGreaterThan(0);
    expect(proposal.changes.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
    const app = proposal.diff.find((d) => d.component === 'App')!;
    expect(app).toBeDefined();
    expect(app.lines.some((l) => l.kind === 'add' && l.text.includes('<Toggle'))).toBe(true);
    expect(proposal.live.ok).toBe(true);
    expect(proposal.needsApproval).toBe(false);
    // A proposal writes nothing.
    expect(canonical(session.model)).toBe(before);

    const prompt = 'add a dark mode toggle';
    const applied = await applyProposal(session, owner, { ops: proposal.ops, prompt });
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    const root = rootComponent(session.model)!;
    expect(root.state.dark).toMatchObject({ type: 'boolean' });
    const last = docRoots(session.doc).history.toArray().at(-1) as HistoryEntry;
    expect(last).toMatchObject({ source: 'ai', prompt });
    expect(last.summary).toBe(applied.ok ? applied.summary : null);

    const undone = await session.undo(owner);
    expect(undone.ok, JSON.stringify(undone)).toBe(true);
    expect(canonical(session.model)).toBe(before);
  });
});

describe('assistTurn with Claude through the fake Messages API', () => {
  it('repairs a refused attempt with the coded errors and ends in a proposal', async () => {
    const session = await todoApp(true);
    const transcript = loadTranscript('wrong-prop-type');
    fake.play(transcript.responses);
    const events = await turn(session, owner, transcript.message, claude, {
      selection: transcript.selection
    });

    expect(events[0]).toMatchObject({ type: 'engine', engine: 'claude' });
    const statuses = events.flatMap((e) => (e.type === 'status' ? [e.text] : []));
    expect(statuses).toContain('Repairing (1 of 3)…');
    const proposal = proposalOf(events);
    expect(proposal.attempts).toBe(2);
    expect(proposal.ops).toEqual((transcript.responses[1].tool as { ops: unknown[] }).ops);
    expect(proposal.live.ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(toolResultCodes()).toEqual([[], ['E_PROP_TYPE']]);
  });

  it('fails with the last coded errors when the repairs run out, and applies nothing', async () => {
    const session = await todoApp(true);
    const before = canonical(session.model);
    const transcript = loadTranscript('repairs-exhausted');
    fake.play(transcript.responses);
    const events = await turn(session, owner, transcript.message, claude);

    const failed = failureOf(events);
    expect(failed.text).toContain('4 attempts');
    expect(failed.errors.length).toBeGreaterThan(0);
    expect(failed.errors.every((e) => /^E_[A-Z_]+$/.test(e.code))).toBe(true);
    expect(events.some((e) => e.type === 'proposal')).toBe(false);
    expect(fake.requests).toHaveLength(4);
    expect(canonical(session.model)).toBe(before);
  });

  it('fails clearly when the API refuses the key', async () => {
    const session = await todoApp(true);
    const transcript = loadTranscript('invalid-key');
    fake.play(transcript.responses);
    const events = await turn(session, owner, transcript.message, claude);

    const failed = failureOf(events);
    expect(failed.text).toContain('ANTHROPIC_API_KEY');
    expect(failed.text).toContain('401');
    expect(failed.text).not.toContain('test-key');
    expect(failed.text).not.toMatch(/\n\s+at /);
  });

  it('sends the earlier turns of the same conversation, and only of it', async () => {
    const session = await todoApp(true);
    const first = loadTranscript('good-first-time');
    fake.play(first.responses);
    proposalOf(await turn(session, owner, first.message, claude, { conversation: 'c1' }));

    const again = loadTranscript('good-first-time');
    fake.play(again.responses);
    await turn(session, owner, 'Now make the toggle say Night', claude, { conversation: 'c1' });
    const messages = fake.requests[0].body!.messages as Message[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(messages[0].content)).toContain(first.message);
    expect(JSON.stringify(messages[1].content)).toContain('I proposed:');
    expect(JSON.stringify(messages[2].content)).toContain('Now make the toggle say Night');

    fake.play(again.responses);
    await turn(session, owner, 'Add a dark mode toggle', claude, { conversation: 'c2' });
    expect((fake.requests[0].body!.messages as Message[]).map((m) => m.role)).toEqual(['user']);
  });
});

describe('the rights of the person who asks', () => {
  it('a user cannot have the definition changed for them', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    const failed = failureOf(await turn(session, user, 'add a dark mode toggle', OFFLINE));
    expect(codes(failed.errors)).toContain('E_FORBIDDEN');
    expect(canonical(session.model)).toBe(before);
  });

  it('a viewer is refused before any engine works', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    fake.play(loadTranscript('good-first-time').responses);
    const events = await turn(session, viewer, 'add a dark mode toggle', claude);
    expect(events.map((e) => e.type)).toEqual(['engine', 'failed']);
    expect(codes(failureOf(events).errors)).toEqual(['E_FORBIDDEN']);
    expect(fake.requests).toHaveLength(0);
    expect(canonical(session.model)).toBe(before);
  });
});

describe('applyProposal', () => {
  it('refuses part of a proposal that leaves out what it depends on; a part that stands alone applies', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    const proposal = proposalOf(await turn(session, owner, 'add a counter', OFFLINE));
    const ops = proposal.ops as { op: string; name?: string }[];
    const field = ops.findIndex((o) => o.op === 'addState');
    expect(field).toBeGreaterThanOrEqual(0);
    const name = ops[field].name!;

    const without = ops.map((_, i) => i).filter((i) => i !== field);
    const refused = await applyProposal(session, owner, { ops, chosen: without });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.length).toBeGreaterThan(0);
    expect(refused.errors.every((e) => /^E_[A-Z_]+$/.test(e.code))).toBe(true);
    expect(refused.errors.map((e) => e.message).join('\n')).toContain(name);
    expect(canonical(session.model)).toBe(before);

    const alone = await applyProposal(session, owner, { ops, chosen: [field] });
    expect(alone.ok, JSON.stringify(alone)).toBe(true);
    expect(rootComponent(session.model)!.state[name]).toMatchObject({ type: 'number' });
  });

  it('refuses a proposal whose element someone else removed meanwhile', async () => {
    const session = await todoApp();
    const heading = headingOf(session);
    const proposal = proposalOf(
      await turn(session, owner, "change the heading to 'Groceries'", OFFLINE)
    );
    expect(JSON.stringify(proposal.ops)).toContain(heading);

    const removed = await session.apply(editor, [{ op: 'removeNode', id: heading }]);
    expect(removed.ok, JSON.stringify(removed)).toBe(true);
    const theirs = canonical(session.model);

    const refused = await applyProposal(session, owner, { ops: proposal.ops });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(codes(refused.errors)).toContain('E_NODE_NOT_FOUND');
    expect(canonical(session.model)).toBe(theirs);
    expect(session.model.nodes.has(heading)).toBe(false);
  });

  it('applies a change of capabilities only for an owner who approves it', async () => {
    const session = await todoApp();
    const before = canonical(session.model);
    const ops = [{ op: 'setCapabilities', component: 'App', capabilities: { clock: true } }];

    const asEditor = await applyProposal(session, editor, { ops, approved: true });
    expect(asEditor.ok).toBe(false);
    if (!asEditor.ok) expect(codes(asEditor.errors)).toEqual(['E_NEEDS_OWNER']);

    const unapproved = await applyProposal(session, owner, { ops });
    expect(unapproved.ok).toBe(false);
    if (!unapproved.ok) {
      expect(codes(unapproved.errors)).toEqual(['E_NEEDS_OWNER']);
      expect(unapproved.errors[0].message).toMatch(/approve it explicitly/);
    }
    expect(canonical(session.model)).toBe(before);

    const approved = await applyProposal(session, owner, { ops, approved: true });
    expect(approved.ok, JSON.stringify(approved)).toBe(true);
    expect(rootComponent(session.model)!.capabilities).toMatchObject({ clock: true });
  });
});
