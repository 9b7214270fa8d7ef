/**
 * The sandbox's Node entry: a worker_threads Worker running `createSandbox`, its messages on
 * `parentPort`. Started by `nodeWorkerPort` (../port.ts) with resource limits, so a memory bomb
 * ends this worker (ERR_WORKER_OUT_OF_MEMORY) and never the host.
 */
import { parentPort } from 'node:worker_threads';
import { createSandbox } from './core.js';

if (!parentPort) throw new Error('node-worker.js runs only inside a worker_threads Worker');
const port = parentPort;
const receive = createSandbox((message) => port.postMessage(message));
port.on('message', receive);
