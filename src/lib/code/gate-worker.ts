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
import type { AppModel, ComponentRecord } from '../model/types';
import { capError } from './cap';
import type { TypeCheckReply, TypeCheckRequest } from './gate-protocol';
import { TypeChecker } from './typecheck';
import type { CodeUnit } from './units';

const checker = new TypeChecker();

function send(reply: TypeCheckReply): void {
  process.send?.(reply);
}

/**
 * Checks a small component once, so TypeScript parses its lib files before the first real
 * request: that takes most of a second, and the time limit is meant for the app's code.
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
      send({ t: 'progress', seq: message.seq, component: job.component });
      return checker.check(message.model, job.component, job.units).map(capError);
    });
    send({ t: 'result', seq: message.seq, errors });
  } catch (e) {
    send({
      t: 'fault',
      seq: message.seq,
      message: String((e as Error)?.message ?? e).slice(0, 500)
    });
  }
}

warm();
process.on('message', (message) => receive(message as TypeCheckRequest));
// The server went away (or closed the channel): nothing is left to check for.
process.on('disconnect', () => process.exit(0));
send({ t: 'ready' });
