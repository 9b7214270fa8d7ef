/**
 * `malleable assist`, in-process: one AI turn over an app file with the offline planner (the
 * environment's ANTHROPIC_API_KEY is cleared for the run, so the tests never reach an API),
 * printing the checked batch, or applying it and writing the changed app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/lib/cli/main';
import { fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import { rootComponent } from '../../src/lib/model/types';
import { template } from './helpers';

let dir: string;
let savedKey: string | undefined;

beforeAll(() => {
  // The CLI reads the key from process.env: without it, the offline planner answers.
  savedKey = process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_API_KEY;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-cli-assist-'));
  fs.writeFileSync(path.join(dir, 'todo.json'), JSON.stringify(toAppFile(template('todo'))));
});

afterAll(() => {
  if (savedKey !== undefined) process.env.ANTHROPIC_API_KEY = savedKey;
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number;
  out: string;
  err: string;
}

async function cli(...argv: string[]): Promise<Result> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    cwd: dir
  });
  return { code, out, err };
}

const exists = (name: string) => fs.existsSync(path.join(dir, name));
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('malleable assist', () => {
  it('prints the checked ops of the offline planner', async () => {
    const before = read('todo.json');
    const r = await cli('assist', 'todo.json', 'add a dark mode toggle');
    expect(r.code, r.err).toBe(0);
    const ops = JSON.parse(r.out) as { op: string; type?: string }[];
    expect(ops.some((o) => o.op === 'addState')).toBe(true);
    expect(ops.some((o) => o.op === 'addNode' && o.type === 'Toggle')).toBe(true);
    expect(r.err).toMatch(/offline planner/i);
    expect(read('todo.json')).toBe(before);
  });

  it('--json gives the engine, the summary, the changes and the ops', async () => {
    const r = await cli('assist', 'todo.json', 'add a dark mode toggle', '--json');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['changes', 'engine', 'ok', 'ops', 'summary']);
    expect(result.ok).toBe(true);
    expect(result.engine).toMatch(/offline planner/i);
    expect(typeof result.summary).toBe('string');
    expect((result.changes as string[]).length).toBeGreaterThan(0);
    expect((result.ops as unknown[]).length).toBeGreaterThan(0);
  });

  it('--apply -o writes an app file with the toggle and the dark field', async () => {
    const r = await cli(
      'assist',
      'todo.json',
      'add a dark mode toggle',
      '--apply',
      '-o',
      'out.json'
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('wrote out.json');
    const loaded = fromAppFile(JSON.parse(read('out.json')));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const model = loaded.model;
    expect(rootComponent(model)!.state.dark).toMatchObject({ type: 'boolean' });
    const toggle = [...model.nodes.values()].find((n) => n.type === 'Toggle');
    expect(toggle?.props.checked).toEqual({ $bind: 'dark' });
  });

  it('a request outside the grammar exits 1 with E_NO_PROPOSAL and writes nothing', async () => {
    const r = await cli(
      'assist',
      'todo.json',
      'write me a poem about cheese',
      '--apply',
      '-o',
      'x.json'
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('E_NO_PROPOSAL');
    expect(exists('x.json')).toBe(false);
    const j = await cli('assist', 'todo.json', 'write me a poem about cheese', '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, errors: [{ code: 'E_NO_PROPOSAL' }] });
  });

  it('a missing app file exits 2', async () => {
    const r = await cli('assist', 'missing.json', 'add a dark mode toggle');
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_IO');
    expect(r.out).toBe('');
  });
});
