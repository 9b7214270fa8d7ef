/**
 * The browser compile gate's worker as a browser gets it: bundled from gate-worker.ts with
 * esbuild (what Vite does for `new Worker(new URL(...))`), it holds no TypeScript, and the bundle
 * runs in a bare JavaScript realm with only a worker's globals (no `process`, `Buffer`,
 * `require`), answering the protocol.
 */
import { build, type Metafile } from 'esbuild';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { GateAnswer } from '../../src/lib/editor/gate-protocol';
import { createGateReplica, handleGateMessage } from '../../src/lib/editor/gate-replica';
import { templateDoc } from './helpers';

const entry = 'src/lib/editor/gate-worker.ts';

async function bundle(format: 'esm' | 'iife'): Promise<{ text: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    write: false,
    bundle: true,
    platform: 'browser',
    format,
    metafile: true,
    logLevel: 'silent'
  });
  return { text: result.outputFiles[0].text, metafile: result.metafile };
}

describe('browser gate bundle', () => {
  let esm: { text: string; metafile: Metafile };
  beforeAll(async () => {
    esm = await bundle('esm');
  }, 60_000);

  it('holds no TypeScript (nothing left external)', () => {
    const inputs = Object.keys(esm.metafile.inputs);
    expect(inputs).toContain(entry);
    expect(inputs.some((path) => path.includes('src/lib/code/gate-core.ts'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/typescript\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /src\/lib\/code\/(typecheck|gate)\.ts$/.test(path))).toEqual([]);
    // No import left for the browser to resolve: everything the worker needs is in the bundle.
    const output = Object.values(esm.metafile.outputs)[0];
    expect(output.imports.filter((i) => i.external)).toEqual([]);
  });

  it('runs with only a worker’s globals and answers a compile', async () => {
    const { text } = await bundle('iife');
    const posted: GateAnswer[] = [];
    const listeners: ((event: { data: unknown }) => void)[] = [];
    const scope: Record<string, unknown> = {
      addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
        if (type === 'message') listeners.push(listener);
      },
      postMessage: (answer: GateAnswer) => posted.push(answer),
      setTimeout,
      clearTimeout,
      queueMicrotask,
      crypto: globalThis.crypto,
      TextEncoder,
      TextDecoder,
      URL,
      console
    };
    scope.self = scope;
    const realm = vm.createContext(scope);
    vm.runInContext(text, realm, { filename: 'gate-worker.js' });
    expect(vm.runInContext('typeof process + typeof Buffer + typeof require', realm)).toBe(
      'undefinedundefinedundefined'
    );
    expect(listeners).toHaveLength(1);

    const { doc } = templateDoc('todo');
    // A structured clone lands in the worker's realm: so must the update's bytes.
    const RealmBytes = vm.runInContext('Uint8Array', realm) as Uint8ArrayConstructor;
    const send = (data: unknown) => listeners[0]({ data });
    send({ t: 'update', seq: 1, update: new RealmBytes(Y.encodeStateAsUpdate(doc)) });
    send({ t: 'compile', seq: 2 });
    send({ t: 'compile', seq: 3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The two compiles were coalesced into one answer, for the newer.
    expect(posted.map((a) => [a.t, a.seq])).toEqual([['compiled', 3]]);
    const answer = posted[0];
    expect(answer.t === 'compiled' && answer.errors).toEqual([]);
    // The same as the worker's logic gives in this process.
    const here = createGateReplica();
    handleGateMessage(here, { t: 'update', seq: 1, update: Y.encodeStateAsUpdate(doc) });
    const expected = handleGateMessage(here, { t: 'compile', seq: 3 });
    expect(expected?.t === 'compiled' && expected.live.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(answer))).toEqual(expected);
  }, 60_000);
});
