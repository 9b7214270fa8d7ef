/**
 * What a type-check worker does, wherever it runs: warm a `TypeChecker` before the first request
 * (TypeScript parses its lib files then, which takes most of a second, and the caller's time
 * limit is meant for the app's code), and answer each `TypeCheckRequest` with a progress message
 * per component, then its errors, or a fault. The server's process (./gate-worker.ts, over IPC)
 * and the browser's Web Worker (../editor/typecheck-worker.ts) are each this plus their channel.
 */
import type { AppModel, ComponentRecord } from '../model/types';
import { capError } from './cap';
import type { TypeCheckReply, TypeCheckRequest } from './gate-protocol';
import type { TypeChecker } from './typecheck';
import type { CodeUnit } from './units';

/** Checks a small component once, so the first real request finds TypeScript warm. */
export function warmChecker(checker: TypeChecker): void {
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

/** Answers one request through `send` (anything but a `check` is ignored). */
export function answerTypeCheck(
  checker: TypeChecker,
  message: TypeCheckRequest,
  send: (reply: TypeCheckReply) => void
): void {
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
