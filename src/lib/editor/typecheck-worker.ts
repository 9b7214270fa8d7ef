/**
 * The browser's type-check Web Worker (a module worker): one warm `TypeChecker` (../code/
 * typecheck.ts) over TypeScript's lib files bundled as text (./typecheck-libs.ts), answering the
 * same `TypeCheckRequest`s as the server's type-check process (../code/gate-protocol.ts).
 *
 * Its chunk holds `typescript` (several MB), so nothing starts it on open or for a literal edit:
 * `BrowserTypecheck` (./typecheck-client.ts) creates it the first time a batch changes an
 * expression, a handler or a state type. It runs in a worker of its own, apart from the gate
 * worker, because a few hundred bytes of type-level code can keep TypeScript busy for minutes:
 * the page terminates this worker at the time limit (and starts a fresh one), which it could not
 * do to the gate worker without losing its replica.
 */
import type { TypeCheckReply, TypeCheckRequest } from '../code/gate-protocol';
import { TypeChecker } from '../code/typecheck';
import { answerTypeCheck, warmChecker } from '../code/typecheck-service';
import { LIB_DIRECTORY, readBundledLib } from './typecheck-libs';

/** The worker's global scope, typed structurally (the DOM lib's worker types are not loaded). */
const scope = globalThis as unknown as {
  postMessage(message: TypeCheckReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const checker = new TypeChecker({ libDirectory: LIB_DIRECTORY, readLib: readBundledLib });

warmChecker(checker);
scope.addEventListener('message', (event) =>
  answerTypeCheck(checker, event.data as TypeCheckRequest, (reply) => scope.postMessage(reply))
);
scope.postMessage({ t: 'ready' });
