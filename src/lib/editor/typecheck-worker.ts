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
import type { AppModel, ComponentRecord } from '../model/types';
import { capError } from '../code/cap';
import type { TypeCheckReply, TypeCheckRequest } from '../code/gate-protocol';
import { TypeChecker } from '../code/typecheck';
import type { CodeUnit } from '../code/units';
import { LIB_DIRECTORY, readBundledLib } from './typecheck-libs';

/** The worker's global scope, typed structurally (the DOM lib's worker types are not loaded). */
const scope = globalThis as unknown as {
  postMessage(message: TypeCheckReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const checker = new TypeChecker({ libDirectory: LIB_DIRECTORY, readLib: readBundledLib });

/**
 * Checks a small component once, so TypeScript parses its lib files before the first request:
 * that takes most of a second, and the page's time limit is meant for the app's code.
 */
function warm(): void {
  const component: ComponentRecord = {
    id: 'warm',
    name: 'Warm',
    root: 'w1',
    props: {},
    state: { n: { type: 'number', initial: 0 } },
    handlers: {},
    capabilities: {}
  };
  const model: AppModel = {
    meta: { title: '', theme: 'light', version: 1, root: 'warm' },
    components: new Map([['warm', component]]),
    nodes: new Map(),
    children: new Map(),
    data: {}
  };
  const units: CodeUnit[] = [
    {
      kind: 'expr',
      component: 'warm',
      node: 'w1',
      type: 'Text',
      prop: 'text',
      source: 'String(state.n)',
      loops: []
    },
    {
      kind: 'handler',
      component: 'warm',
      handler: 'bump',
      params: [],
      source: 'state.n = [1, 2].map((x) => x + 1).length + Math.max(state.n, 0);',
      uses: []
    }
  ];
  checker.check(model, 'warm', units);
}

function receive(message: TypeCheckRequest): void {
  if (message?.t !== 'check') return;
  try {
    const errors = message.jobs.map((job) => {
      scope.postMessage({ t: 'progress', seq: message.seq, component: job.component });
      return checker.check(message.model, job.component, job.units).map(capError);
    });
    scope.postMessage({ t: 'result', seq: message.seq, errors });
  } catch (e) {
    scope.postMessage({
      t: 'fault',
      seq: message.seq,
      message: String((e as Error)?.message ?? e).slice(0, 500)
    });
  }
}

warm();
scope.addEventListener('message', (event) => receive(event.data as TypeCheckRequest));
scope.postMessage({ t: 'ready' });
