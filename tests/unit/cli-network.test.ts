/**
 * `--allow-network` (issue 12): an app file or JSX file that grants itself a network origin is
 * untrusted input. `malleable run` and `malleable import` ignore such a grant unless the person
 * running them names the origin, and say which origins they ignored. The attack: a file whose
 * handler sends a request to a listener on loopback; without the flag the request is refused by
 * the sandbox (E_CAPABILITY) and the listener hears nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/lib/cli/main';
import { toAppFile } from '../../src/lib/model/appfile';
import { componentJsx } from '../../src/lib/code/jsx';
import { planOps } from '../../src/lib/ops/plan';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel, Op } from '../../src/lib/model/types';
import { rootOf, template } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-net-'));
let server: http.Server;
let hits = 0;
let origin = '';

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    hits++;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ title: 'from the listener' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The counter with a button whose handler asks the listener, granted in the file itself. */
function selfGranting(): AppModel {
  const m = template('counter');
  const ops: Op[] = [
    { op: 'addState', component: 'App', name: 'title', type: 'string', initial: '' },
    {
      op: 'setCapabilities',
      component: 'App',
      capabilities: { network: { origins: [origin] } }
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'send',
      body: `caps.network.getJson('${origin}/?d=' + state.count, 'loaded');`
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'loaded',
      body: "state.title = event.ok ? event.data.title : 'failed';"
    },
    {
      op: 'addNode',
      parent: rootOf(m),
      type: 'Button',
      id: 'send',
      props: { label: 'Send', onClick: { $handler: 'send' } }
    }
  ];
  const plan = planOps(m, ops, undefined, { ids: seededIds(5) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

async function run(extra: string[]) {
  const model = selfGranting();
  const button = [...model.nodes.values()].find((n) => n.props.label === 'Send')!.id;
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify(toAppFile(model)));
  fs.writeFileSync(
    path.join(dir, 'events.json'),
    JSON.stringify([{ node: button, event: 'click' }])
  );
  const result = await cli(['run', 'app.json', '--events', 'events.json', '--json', ...extra]);
  return {
    ...result,
    result: JSON.parse(result.out || 'null') as {
      state: Record<string, unknown>;
      errors: { code: string }[];
    } | null
  };
}

describe('malleable run --allow-network', () => {
  it('ignores the origin the file grants itself: the request is refused and never made', async () => {
    const before = hits;
    const { code, err, result } = await run([]);
    expect(code).toBe(0);
    expect(result!.errors.map((e) => e.code)).toEqual(['E_CAPABILITY']);
    expect(result!.state.title).toBe('');
    expect(hits).toBe(before);
    expect(err.trim().split('\n')).toEqual([
      `malleable: ignored the network origins the file grants itself: ${origin} (App); pass --allow-network ORIGIN to grant one`
    ]);
  });

  it('another confirmed origin does not grant this one', async () => {
    const before = hits;
    const { result, err } = await run(['--allow-network', 'https://api.example.com']);
    expect(result!.errors.map((e) => e.code)).toEqual(['E_CAPABILITY']);
    expect(hits).toBe(before);
    expect(err).toContain(`ignored the network origins the file grants itself: ${origin}`);
  });

  it('with the origin confirmed, the request is made and its answer reaches the handler', async () => {
    const before = hits;
    const { code, err, result } = await run(['--allow-network', origin]);
    expect(code).toBe(0);
    expect(result!.errors).toEqual([]);
    expect(result!.state.title).toBe('from the listener');
    expect(hits).toBe(before + 1);
    expect(err).toBe('');
  });

  it('a malformed --allow-network is a usage error (exit 2), and nothing runs', async () => {
    const before = hits;
    for (const bad of ['127.0.0.1', 'https://x.example/path', 'file:///etc']) {
      // --json: the coded error is on stdout.
      const { code, out } = await run(['--allow-network', bad]);
      expect(code, bad).toBe(2);
      expect(out, bad).toContain('E_USAGE');
    }
    expect(hits).toBe(before);
  });
});

describe('malleable import --allow-network', () => {
  const importOps = async (extra: string[]) => {
    const model = selfGranting();
    const app = [...model.components.values()].find((c) => c.name === 'App')!;
    fs.writeFileSync(path.join(dir, 'App.jsx'), componentJsx(model, app.id));
    const { code, out, err } = await cli(['import', 'App.jsx', '--json', ...extra]);
    const parsed = JSON.parse(out) as { ok: boolean; ops?: Op[] };
    const grants = (parsed.ops ?? [])
      .filter((op) => op.op === 'setCapabilities')
      .map((op) => (op as Extract<Op, { op: 'setCapabilities' }>).capabilities.network?.origins);
    return { code, err, grants };
  };

  it('prints ops that do not grant the origin the file gave itself, and says so', async () => {
    const { code, err, grants } = await importOps([]);
    expect(code).toBe(0);
    expect(grants).toEqual([[]]);
    expect(err).toContain(`ignored the network origins the file grants itself: ${origin} (App)`);
  });

  it('keeps the origin when --allow-network names it', async () => {
    const { code, err, grants } = await importOps(['--allow-network', origin]);
    expect(code).toBe(0);
    expect(grants).toEqual([[origin]]);
    expect(err).not.toContain('ignored');
  });
});
