/**
 * The code tab's endpoint (src/routes/api/apps/[id]/code/+server.ts), called as SvelteKit calls
 * it, over a studio server in a temporary DATA_DIR: the round trip, an edit becoming ops and a
 * changed model, and the refusals (syntax, not a component, the gate's type and policy errors),
 * each placed at the line of the text it is about. Plus `locateError` on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeError } from '../../src/lib/code/locate';
import { docRoots } from '../../src/lib/model/ydoc';
import type { HistoryEntry } from '../../src/lib/ops/commit';
import type { StudioServer } from '../../src/lib/server/studio';
import { markOwner } from '../../src/lib/server/owner';

// The store opens its database on first use, under DATA_DIR: set it before anything loads it.
const dataDir = mkdtempSync(join(tmpdir(), 'malleable-code-'));
process.env.DATA_DIR = dataDir;

type Handler = (event: unknown) => Promise<Response> | Response;
let GET: Handler;
let POST: Handler;
let server: StudioServer;
let locateError: typeof import('../../src/lib/code/locate').locateError;

beforeAll(async () => {
  const route = await import('../../src/routes/api/apps/[id]/code/+server');
  GET = route.GET as unknown as Handler;
  POST = route.POST as unknown as Handler;
  server = (await import('../../src/lib/server/studio')).studioServer();
  locateError = (await import('../../src/lib/code/locate')).locateError;
});

afterAll(async () => {
  for (const app of await server.store.list()) await server.delete(app.id);
  rmSync(dataDir, { recursive: true, force: true });
});

async function newApp(template = 'todo'): Promise<string> {
  const created = await server.create({ template });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.app.id;
}

async function getSource(id: string, component?: string): Promise<Response> {
  const url = new URL(`http://studio.test/api/apps/${id}/code`);
  if (component) url.searchParams.set('component', component);
  return GET({ params: { id }, url, request: new Request(url), locals: { studio: server } });
}

async function post(id: string, body: unknown, dryRun = false): Promise<Response> {
  const url = new URL(`http://studio.test/api/apps/${id}/code${dryRun ? '?dryRun=1' : ''}`);
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  // The person at the machine, as the `handle` hook marks them (src/hooks.server.ts).
  markOwner(request);
  return POST({ params: { id }, url, request, locals: { studio: server } });
}

async function sourceOf(id: string): Promise<string> {
  const answer = (await (await getSource(id)).json()) as { source: string };
  return answer.source;
}

/** The 1-based line of the first occurrence of `text` in `source`. */
function lineOf(source: string, text: string): number {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the source`);
  return source.slice(0, at).split('\n').length;
}

async function errorsOf(response: Response): Promise<CodeError[]> {
  expect(response.status).toBe(422);
  const answer = (await response.json()) as { ok: boolean; errors: CodeError[] };
  expect(answer.ok).toBe(false);
  return answer.errors;
}

describe('GET', () => {
  it('answers the root component’s JSX form, every element with its id', async () => {
    const id = await newApp();
    const answer = (await (await getSource(id)).json()) as { component: string; source: string };
    expect(answer.component).toBe('App');
    expect(answer.source).toContain('export default function App()');
    for (const node of (await server.session(id))!.model.nodes.keys())
      expect(answer.source).toContain(`id="${node}"`);
  });

  it('answers 404 with E_COMPONENT_NOT_FOUND for a component the app does not have', async () => {
    const response = await getSource(await newApp(), 'Nope');
    expect(response.status).toBe(404);
    const answer = (await response.json()) as { errors: CodeError[] };
    expect(answer.errors[0].code).toBe('E_COMPONENT_NOT_FOUND');
  });

  it('answers 404 with E_APP_NOT_FOUND for an app that does not exist', async () => {
    const response = await getSource('nosuchapp1');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: CodeError[] }).errors[0].code).toBe(
      'E_APP_NOT_FOUND'
    );
  });
});

describe('POST', () => {
  it('the text as it is: ok, nothing committed', async () => {
    const id = await newApp();
    const session = (await server.session(id))!;
    const before = session.model;
    const source = await sourceOf(id);
    const dry = (await (await post(id, { component: 'App', source }, true)).json()) as {
      ops: unknown[];
    };
    expect(dry.ops).toEqual([]);
    const response = await post(id, { component: 'App', source });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { ok: boolean; summary: string | null };
    expect(answer).toMatchObject({ ok: true, summary: null });
    expect(session.model).toBe(before);
  });

  it('an edited label: the dry run names the op, the save changes the model with source code', async () => {
    const id = await newApp();
    const session = (await server.session(id))!;
    const source = await sourceOf(id);
    const heading = [...session.model.nodes.values()].find((n) => n.type === 'Heading')!;
    const edited = source.replace('text="Todo"', 'text="My list"');
    const dry = (await (await post(id, { component: 'App', source: edited }, true)).json()) as {
      ops: unknown[];
    };
    expect(dry.ops).toEqual([{ op: 'setProp', id: heading.id, name: 'text', value: 'My list' }]);
    expect(session.model.nodes.get(heading.id)!.props.text).toBe('Todo');

    const response = await post(id, { component: 'App', source: edited });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { ok: boolean; update: string };
    expect(answer.ok).toBe(true);
    expect(typeof answer.update).toBe('string');
    expect(session.model.nodes.get(heading.id)!.props.text).toBe('My list');
    const history = docRoots(session.doc).history.toArray() as HistoryEntry[];
    expect(history.at(-1)?.source).toBe('code');
    expect(await sourceOf(id)).toBe(edited);
  });

  it('a syntax error: E_SYNTAX at its line, nothing applied', async () => {
    const id = await newApp();
    const session = (await server.session(id))!;
    const before = session.model;
    const source = await sourceOf(id);
    // An unclosed tag: the parser stops at the next element.
    const broken = source.replace('level={1} />', 'level={1}');
    const errors = await errorsOf(await post(id, { component: 'App', source: broken }));
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('E_SYNTAX');
    expect(errors[0].line).toBe(lineOf(broken, 'level={1}') + 1);
    expect(errors[0].column).toBeGreaterThan(0);
    expect(session.model).toBe(before);
  });

  it('pasted text that is not a component module: coded errors with a line, nothing applied', async () => {
    const id = await newApp();
    const before = (await server.session(id))!.model;
    const prose = await errorsOf(await post(id, { source: 'Dear team, please see below.' }));
    expect(prose[0].code).toBe('E_SYNTAX');
    expect(prose[0].line).toBe(1);
    const notComponent = await errorsOf(
      await post(id, { source: 'const x = 1;\nconsole.log(x);\n' })
    );
    expect(notComponent.every((e) => e.code === 'E_IMPORT_JSX')).toBe(true);
    expect(notComponent[0].line).toBe(1);
    expect((await server.session(id))!.model).toBe(before);
  });

  it('an element with an id the app does not have is a new element', async () => {
    const id = await newApp();
    const session = (await server.session(id))!;
    const count = session.model.nodes.size;
    const source = await sourceOf(id);
    const edited = source.replace(
      /(<Heading [^>]*\/>)/,
      '$1\n      <Text id="zz9" text="Added in code" />'
    );
    const response = await post(id, { component: 'App', source: edited });
    expect(response.status).toBe(200);
    expect(session.model.nodes.size).toBe(count + 1);
    const added = [...session.model.nodes.values()].find((n) => n.props.text === 'Added in code');
    expect(added?.type).toBe('Text');
  });

  it('a type error in an expression: E_TYPE at the line of that prop, nothing applied', async () => {
    const id = await newApp();
    const session = (await server.session(id))!;
    const before = session.model;
    const source = await sourceOf(id);
    const edited = source.replace("state.draft.trim() === ''", 'state.draftt.trim() === 1');
    const errors = await errorsOf(await post(id, { component: 'App', source: edited }));
    const typeError = errors.find((e) => e.code === 'E_TYPE');
    expect(typeError?.line).toBe(lineOf(edited, 'state.draftt'));
    // The caret sits on the misspelt name.
    const line = edited.split('\n')[typeError!.line! - 1];
    expect(line.slice(typeError!.column! - 1)).toMatch(/^draftt/);
    expect(session.model).toBe(before);
  });

  it('a type error in a handler body: at its line inside the function', async () => {
    const id = await newApp();
    const source = await sourceOf(id);
    const edited = source.replace(
      'if (!title) return;',
      "if (!title) return;\n  state.nextId = 'seven';"
    );
    const errors = await errorsOf(await post(id, { component: 'App', source: edited }));
    expect(errors[0].code).toBe('E_TYPE');
    expect(errors[0].line).toBe(lineOf(edited, "state.nextId = 'seven'"));
  });

  it('a policy error in an expression: at its line', async () => {
    const id = await newApp();
    const source = await sourceOf(id);
    const edited = source.replace('when={state.items.length === 0}', 'when={window.top === 0}');
    const errors = await errorsOf(await post(id, { component: 'App', source: edited }));
    expect(errors[0].code).toBe('E_POLICY_GLOBAL');
    expect(errors[0].line).toBe(lineOf(edited, 'window.top'));
  });

  it('a body without source is refused with E_FIELD_TYPE', async () => {
    const response = await post(await newApp(), { component: 'App' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: CodeError[] }).errors[0].code).toBe(
      'E_FIELD_TYPE'
    );
  });
});

describe('locateError', () => {
  const source = [
    'function addItem() {',
    '  const title = state.draft;',
    '  state.count = title;',
    '}',
    '',
    'export default function App() {',
    '  return (',
    '    <Stack id="s1">',
    '      <Button id="b2" label="Add" disabled={state.count > 1} onClick={addItem} />',
    '    </Stack>',
    '  );',
    '}'
  ].join('\n');

  it('places a planner error by the op it names', () => {
    const placed = locateError(
      { code: 'E_PROP_TYPE', message: 'x', op: 0, path: '/0/value' },
      source,
      [{ op: 'setProp', id: 'b2', name: 'label' }]
    );
    expect(placed).toMatchObject({ line: 9, column: 23 });
  });

  it('places a gate error of a handler at the marked line of its body', () => {
    const placed = locateError(
      {
        code: 'E_TYPE',
        message: 'x',
        path: '/components/App/handlers/addItem',
        frame: '  1 | const title = state.draft;\n> 2 | state.count = title;\n    | ^ x'
      },
      source
    );
    expect(placed).toMatchObject({ line: 3, column: 3 });
  });

  it('leaves an error it cannot place as it was', () => {
    const error = { code: 'E_TYPE' as const, message: 'x', path: '/nodes/gone/props/label' };
    expect(locateError(error, source)).toEqual(error);
  });
});
