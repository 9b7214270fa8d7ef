/**
 * The browser compile gate's Web Worker (a module worker): `self` ↔ `handleGateMessage`
 * (./gate-replica.ts; protocol in ./gate-protocol.ts). `BrowserGate` (./gate-client.ts) starts it
 * from the address `./gate-worker.ts?worker&url` gives, a file Vite bundles on its own: Babel and
 * the gate core, never `typescript` (tests/unit/gate-browser.test.ts bundles this file and checks).
 *
 * Compiles are coalesced: a `compile` waits for the messages already queued behind it, so a burst
 * of edits costs one compile, answered with the newest `seq` (the page takes it as the answer to
 * every compile before it).
 */
import type { GateAnswer, GateCompileRequest } from './gate-protocol';
import { createGateReplica, handleGateMessage } from './gate-replica';

/** The worker's global scope, typed structurally (the DOM lib's worker types are not loaded). */
const scope = globalThis as unknown as {
  postMessage(message: GateAnswer): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const replica = createGateReplica();
/** The newest compile request not yet run. */
let queued: GateCompileRequest | null = null;

function runQueued(): void {
  const request = queued;
  queued = null;
  const answer = request && handleGateMessage(replica, request);
  if (answer) scope.postMessage(answer);
}

scope.addEventListener('message', (event) => {
  const data = event.data as { t?: unknown } | null;
  if (data?.t === 'compile') {
    if (!queued) setTimeout(runQueued, 0);
    queued = data as GateCompileRequest;
    return;
  }
  const answer = handleGateMessage(replica, event.data);
  if (answer) scope.postMessage(answer);
});
