/**
 * The server's gate as an attacker meets it (issue 12, "the gate off the main thread"): type-level
 * code that keeps TypeScript busy for many seconds, or eats its memory, ends in E_GATE_TIMEOUT
 * while the server's event loop keeps ticking, and the next honest check passes; a batch with
 * too much code is refused before any stage runs; messages and frames stay short; and for honest
 * code the verdict is the synchronous CompileGate's, error for error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { ServerGate } from '../../src/lib/server/gate';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import { nodesOfType, template } from './helpers';

/**
 * A handler of about 1.2 KB that JavaScript reads as harmless and TypeScript as a union of
 * 2^14 intersections: checked on the calling thread it took 15 s and 290 MB here, and passed.
 */
function slowHandler(levels = 14): string {
  const lines = ['const v = state.count;'];
  for (let i = 0; i <= levels; i++)
    lines.push(`const u${i} = v > ${i} ? { a${i}: 1 } : { b${i}: "" };`);
  lines.push('const x0 = u0;');
  for (let i = 1; i <= levels; i++) lines.push(`const x${i} = Object.assign(x${i - 1}, u${i});`);
  lines.push(`state.count = Object.keys(x${levels}).length;`);
  return lines.join('\n');
}

/** The counter (or another template) with a batch on top, planned without any gate. */
function edited(ops: (m: AppModel) => Op[], name = 'counter'): AppModel {
  const base = template(name);
  const plan = planOps(base, ops(base), undefined, { ids: seededIds(3), verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

const handler = (name: string, body: string): Op => ({
  op: 'setHandler',
  component: 'App',
  name,
  body
});

const app = (m: AppModel) => new Set([componentByName(m, 'App')!.id]);

/** Honest batches, some refused: each gate must say the same about every one. */
const honest: [string, AppModel][] = [
  ...TEMPLATE_NAMES.map((name): [string, AppModel] => [name, template(name)]),
  ['a type error in a handler', edited(() => [handler('bad', 'state.count = "x";')])],
  ['a policy error', edited(() => [handler('bad', 'fetch("http://x"); state.count = 1;')])],
  ['a syntax error', edited(() => [handler('bad', 'state.count = (1;')])],
  [
    'a type error in an expression',
    edited((m) => [
      {
        op: 'setProp',
        id: nodesOfType(m, 'Heading')[0].id,
        name: 'text',
        value: { $expr: 'state.count.toUpperCase()' }
      }
    ])
  ],
  [
    'a second component with a type error',
    edited(() => [
      { op: 'addComponent', name: 'Row', props: { title: { type: 'string', default: '' } } },
      { op: 'addState', component: 'Row', name: 'open', type: 'boolean', initial: false },
      { op: 'setHandler', component: 'Row', name: 'flip', body: 'state.open = props.title;' }
    ])
  ],
  ['the todo with a wrong item', edited(() => [handler('bad', 'state.items = 3;')], 'todo')]
];

describe('ServerGate', () => {
  // Requests of at most 300 characters of code: the templates' checks go as several requests,
  // so the results put together from them are compared too.
  const gate = new ServerGate({ timeoutMs: 2000, chunkChars: 300 });
  const sync = new CompileGate();

  beforeAll(async () => {
    // The first check waits for the process to start and warm up (not part of the time limit).
    gate.warm();
    expect((await gate.compile(template('counter'))).ok).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await gate.dispose();
    sync.dispose();
  });

  it('gives the synchronous gate’s verdict on honest batches, error for error', async () => {
    for (const [what, model] of honest) {
      const expected = sync.compile(model, undefined, { modules: true });
      const got = await gate.compile(model, undefined, { modules: true });
      expect({ what, ...got }, what).toEqual({ what, ...expected });
      // Again, now answered from the cache on this side of the process boundary.
      const sent = gate.stats.unitsSent;
      expect(await gate.compile(model, undefined, { modules: true }), what).toEqual(expected);
      expect(gate.stats.unitsSent, what).toBe(sent);
    }
    expect(honest.some(([, m]) => !sync.compile(m).ok)).toBe(true);
  });

  it('checks queued batches one at a time and gives each its own errors', async () => {
    const models = [1, 2, 3].map((n) =>
      edited(() => [handler(`bad${n}`, `state.count = "${n}";`)])
    );
    const results = await Promise.all(models.map((m) => gate.compile(m)));
    results.forEach((result, i) => {
      expect(result.errors).toEqual(sync.compile(models[i]).errors);
      expect(result.errors[0].path).toBe(`/components/App/handlers/bad${i + 1}`);
    });
  });

  it('stops a slow type-level handler with E_GATE_TIMEOUT while the event loop keeps running', async () => {
    const model = edited(() => [handler('slow', slowHandler())]);
    const starts = gate.processStarts;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const result = await gate.compile(model, app(model));
    clearInterval(ticker);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'E_GATE_TIMEOUT',
      path: '/components/App/handlers/slow'
    });
    expect(result.errors[0].message).toMatch(/^Type-checking handler slow of App took longer/);
    // The check held the process for its whole 2 s limit; had it run on this thread, not one
    // tick would have run until it ended.
    expect(ticks).toBeGreaterThan(40);

    // The stopped process is replaced: the next honest check is answered, by a fresh process.
    const next = edited(() => [handler('after', 'state.count = "late";')]);
    const answer = await gate.compile(next, app(next));
    expect(answer.errors).toEqual(sync.compile(next, app(next)).errors);
    expect(answer.errors[0].code).toBe('E_TYPE');
    expect(gate.processStarts).toBe(starts + 1);
    // And the slow handler stays refused (a refusal is not cached as a pass).
    expect((await gate.compile(model, app(model))).errors[0].code).toBe('E_GATE_TIMEOUT');
  }, 60_000);

  it('refuses a batch carrying more code than the limit before any stage runs', async () => {
    // Eleven handlers of 19,499 characters (the op schema allows 20,000 each): 214 KB.
    const body = 'state.count = state.count + 1;\n'.repeat(629);
    const model = edited(() => Array.from({ length: 11 }, (_, i) => handler(`big${i}`, body)));
    const checks = gate.stats.typeChecks;
    const result = await gate.compile(model, app(model));
    expect(result.errors.map((e) => e.code)).toEqual(['E_CODE_TOO_LARGE']);
    expect(result.errors[0].message).toMatch(/the limit is 200000/);
    expect(gate.stats.typeChecks).toBe(checks);
    // The parse and policy stages, linear, still judge it for the browser.
    expect(gate.compileStatic(model, app(model)).ok).toBe(true);
  });

  it('caps messages and frames of errors on long lines, keeping the caret', async () => {
    const filler = 'a'.repeat(19_000);
    const model = edited(() => [
      handler('typed', `state.count = "${filler}";`),
      handler('policed', `const s = "${filler}" + fetch; state.count = s.length;`)
    ]);
    const result = await gate.compile(model, app(model));
    expect(result.errors.map((e) => e.code)).toEqual(['E_POLICY_GLOBAL']);
    const typed = edited(() => [handler('typed', `state.count = "${filler}" + 1;`)]);
    const typeResult = await gate.compile(typed, app(typed));
    expect(typeResult.errors.map((e) => e.code)).toEqual(['E_TYPE']);
    for (const error of [...result.errors, ...typeResult.errors]) {
      expect(error.message.length).toBeLessThanOrEqual(500);
      expect(error.frame!.length).toBeLessThan(1000);
      expect(error.frame).toMatch(/\^/);
    }
    // The policy error points past the filler: the frame is a window around the caret.
    const frame = result.errors[0].frame!.split('\n');
    const caretLine = frame.find((l) => /^\s+\|\s*…?\s*\^/.test(l))!;
    const codeLine = frame[frame.indexOf(caretLine) - 1];
    expect(codeLine.slice(caretLine.indexOf('^'))).toMatch(/^fetch/);
    expect(sync.compile(model, app(model)).errors).toEqual(result.errors);
  });

  it('compiles a stored slow handler without TypeScript, synchronously, for the browser', () => {
    const model = edited(() => [handler('slow', slowHandler())]);
    const checks = gate.stats.typeChecks;
    const result = gate.compileStatic(model, undefined, { modules: true });
    expect(result.ok).toBe(true);
    expect(result.modules.get(componentByName(model, 'App')!.id)).toContain('slow(');
    expect(gate.stats.typeChecks).toBe(checks);
  });
});

describe('ServerGate memory limit', () => {
  // A low limit and a long time limit, so memory is what stops the check. TypeScript with its
  // lib files warm takes about 100 MB; the slow handler takes about 290 MB.
  const gate = new ServerGate({ timeoutMs: 120_000, memoryMb: 160 });
  afterAll(() => gate.dispose());

  it('ends a memory-hungry check in E_GATE_TIMEOUT and the server process survives', async () => {
    // The app as stored, checked first: the edit then hands the checker the one new handler.
    expect((await gate.compile(template('counter'))).ok).toBe(true);
    const model = edited(() => [handler('hungry', slowHandler(15))]);
    const result = await gate.compile(model, app(model));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'E_GATE_TIMEOUT',
      path: '/components/App/handlers/hungry'
    });
    expect(result.errors[0].message).toMatch(/needed more than 160 MB/);
    const honest = edited(() => [handler('fine', 'state.count = state.count * 2;')]);
    expect((await gate.compile(honest, app(honest))).ok).toBe(true);
  }, 180_000);
});
