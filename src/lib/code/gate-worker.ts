/**
 * The entry of the server gate's type-check process (started by ../server/typecheck-pool.ts): one
 * warm `TypeChecker` answering `TypeCheckRequest`s over IPC (protocol: ./gate-protocol.ts).
 *
 * It runs in a process of its own because type-level code from a peer or the AI can keep
 * TypeScript busy for minutes and make it allocate gigabytes: the parent kills this process at
 * the time limit, and a heap past `--max-old-space-size` ends only this process, never the
 * server. Under vitest, tsx and the CLI it runs from source (`--import tsx`); `npm run build`
 * bundles it to build/sandbox/typecheck-worker.js with `typescript` left external.
 */
import type { TypeCheckReply, TypeCheckRequest } from './gate-protocol';
import { TypeChecker } from './typecheck';
import { answerTypeCheck, warmChecker } from './typecheck-service';

const checker = new TypeChecker();

function send(reply: TypeCheckReply): void {
  process.send?.(reply);
}

warmChecker(checker);
process.on('message', (message) => answerTypeCheck(checker, message as TypeCheckRequest, send));
// The server went away (or closed the channel): nothing is left to check for.
process.on('disconnect', () => process.exit(0));
send({ t: 'ready' });
