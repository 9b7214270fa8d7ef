/**
 * The sandbox's Node entry in a child process: `createSandbox` with its messages on the IPC
 * channel. Started by `nodeProcessPort` (../port.ts). A process, unlike a worker thread, also
 * contains the failures V8 treats as fatal for the whole process: one allocation larger than the
 * heap limit (`'x'.repeat(2 ** 27).toUpperCase()`), or an array past V8's size limit
 * (`s.split('')` of a 2^27-character string). In a worker those abort the host; here they end
 * this process only, and the host restarts it.
 */
import { createSandbox } from './core.js';

const send = process.send?.bind(process);
if (!send) throw new Error('node-process.js runs only as a child process with an IPC channel');
const receive = createSandbox((message) => send(message));
process.on('message', receive);
// The host going away closes the channel; nothing is left to answer.
process.on('disconnect', () => process.exit(0));
