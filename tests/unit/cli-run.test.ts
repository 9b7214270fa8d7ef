/**
 * `malleable run`: the counter and todo templates driven headless in the real sandbox, as a
 * person's clicks and typing would drive them; an app file edited by hand to carry code the gate
 * refuses is refused before anything runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/lib/cli/main';
import { toAppFile } from '../../src/lib/model/appfile';
import type { AppModel } from '../../src/lib/model/types';
import { nodeWith, nodesOfType, template } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-run-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(model: AppModel | object, events?: unknown[]) {
  fs.writeFileSync(
    path.join(dir, 'app.json'),
    JSON.stringify('meta' in model ? toAppFile(model as AppModel) : model)
  );
  const argv = ['run', 'app.json', '--json'];
  if (events) {
    fs.writeFileSync(path.join(dir, 'events.json'), JSON.stringify(events));
    argv.push('--events', 'events.json');
  }
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });
  return {
    code,
    err,
    result: out
      ? (JSON.parse(out) as {
          state: Record<string, unknown>;
          view: unknown;
          errors: { code: string }[];
        })
      : null
  };
}

describe('malleable run', () => {
  it('drives the counter: clicks and the step slider', async () => {
    const m = template('counter');
    const plus = nodeWith(m, 'Button', '+').id;
    const slider = nodesOfType(m, 'Slider')[0].id;
    const { code, result } = await run(m, [
      { node: plus, event: 'click' },
      { node: slider, event: 'change', value: 3 },
      { node: plus, event: 'click' },
      { node: nodeWith(m, 'Button', '−').id, event: 'click' }
    ]);
    expect(code).toBe(0);
    expect(result!.errors).toEqual([]);
    expect(result!.state).toEqual({ count: 1, step: 3 });
    expect(JSON.stringify(result!.view)).toContain('"text":"1"');
  });

  it('drives the todo: type, submit, tick the first item, delete the second', async () => {
    const m = template('todo');
    const input = nodesOfType(m, 'TextInput')[0].id;
    const checkbox = nodesOfType(m, 'Checkbox')[0].id;
    const remove = nodeWith(m, 'Button', 'Delete').id;
    const { code, result } = await run(m, [
      { node: input, event: 'input', value: 'milk' },
      { node: input, event: 'submit' },
      { node: checkbox, event: 'change', index: 1, checked: true },
      { node: remove, event: 'click', index: 0 }
    ]);
    expect(code).toBe(0);
    expect(result!.errors).toEqual([]);
    expect(result!.state.items).toEqual([
      { id: 2, title: 'Reshape this app', done: true },
      { id: 3, title: 'milk', done: false }
    ]);
    expect(result!.state.draft).toBe('');
  });

  it('reports an event on a node that is not on screen, and goes on', async () => {
    const m = template('counter');
    const { code, result } = await run(m, [
      { node: 'zzzzzz', event: 'click' },
      { node: nodeWith(m, 'Button', '+').id, event: 'click' }
    ]);
    expect(code).toBe(0);
    expect(result!.errors.map((e) => e.code)).toEqual(['E_NODE_NOT_FOUND']);
    expect(result!.state.count).toBe(1);
  });

  it('refuses an app file edited by hand to carry code the gate refuses, before it runs', async () => {
    const file = toAppFile(template('counter'));
    file.components[0].handlers.increment = { params: [], body: 'globalThis.process.exit(1);' };
    const { code, result } = await run(file, [{ node: 'x', event: 'click' }]);
    expect(code).toBe(1);
    // With --json the refusal is JSON on stdout, and there is no state: nothing ran.
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'E_POLICY_GLOBAL' }] });
    expect(result).not.toHaveProperty('state');
  });

  it('refuses an events file of the wrong shape', async () => {
    const { code, result } = await run(template('counter'), [{ click: 'b1' }]);
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'E_FIELD_VALUE', path: '/0' }] });
  });
});
