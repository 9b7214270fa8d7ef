/**
 * Compile gate benchmark (npm run bench, after run.ts): one changed component of a 2,000-node app,
 * cold (a process's first check: TypeScript loads its lib) and warm (the gate's per-unit caches and
 * the language service kept), against compiling the whole app from scratch in the same run; and
 * the JSX form of a 750-line component, against parsing that text back.
 */
import { parse } from '@babel/parser';
import { CompileGate } from '../../src/lib/code/gate';
import { componentJsx } from '../../src/lib/code/jsx';
import { currentModel } from '../../src/lib/model/store';
import { planOps } from '../../src/lib/ops/plan';
import { rootComponent, type AppModel } from '../../src/lib/model/types';
import { buildApp } from './apps';
import { measure, ms, printTable, since } from './measure';

const started = performance.now();
const app = currentModel(buildApp(2_000, 11)).model;
const texts = [...app.nodes.values()].filter(
  (n) => n.type === 'Text' && typeof n.props.text === 'string'
);

/** The app with one more expression changed: the edit a person makes in the inspector. */
function edited(model: AppModel, i: number): { model: AppModel; touched: ReadonlySet<string> } {
  const node = texts[i % texts.length];
  const plan = planOps(
    model,
    [
      {
        op: 'setProp',
        id: node.id,
        name: 'text',
        value: { $expr: `'Total: ' + String(state.nextId + ${i})` }
      }
    ],
    undefined,
    { verify: () => [] }
  );
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return { model: plan.model, touched: plan.touched };
}

// Cold: the first gate of the process checks the whole app (TypeScript parses its lib files).
const t0 = performance.now();
const first = new CompileGate().compile(app);
const cold = since(t0);
if (!first.ok) throw new Error(JSON.stringify(first.errors.slice(0, 3)));

// From scratch: a fresh gate (empty caches, new language service) over the whole app.
const scratch = measure(1, 5, () => {
  new CompileGate().compile(app);
}).total;

// Warm: one gate; each run changes one expression and checks the changed component.
const gate = new CompileGate();
gate.compile(app);
let serial = 0;
let current = app;
const warm = measure(3, 30, () => {
  const next = edited(current, serial++);
  const t = performance.now();
  const result = gate.compile(next.model, next.touched);
  const took = since(t);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  current = next.model;
  return { total: took };
}).total;

// JSX of a component of about 750 lines: grow a fresh app until its JSX form is that long.
let big = currentModel(buildApp(260, 5)).model;
let jsx = componentJsx(big, rootComponent(big)!.id);
for (let n = 300; jsx.split('\n').length < 750; n += 40) {
  big = currentModel(buildApp(n, 5)).model;
  jsx = componentJsx(big, rootComponent(big)!.id);
}
const lines = jsx.split('\n').length;
const generate = measure(5, 30, () => {
  componentJsx(big, rootComponent(big)!.id);
}).total;
const parseBack = measure(5, 30, () => {
  parse(jsx, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
}).total;

console.log(
  '\nCompile gate: parse → policy → TypeScript, on the root component of a 2,000-node app\n'
);
printTable(
  ['measurement', 'runs', 'median', 'p95', 'ratio vs from scratch'],
  [
    [
      'cold: first check of the process (whole app)',
      '1',
      ms(cold),
      ms(cold),
      `${(cold / scratch.median).toFixed(2)}×`
    ],
    [
      'from scratch: fresh gate, whole app (baseline)',
      String(scratch.runs),
      ms(scratch.median),
      ms(scratch.p95),
      '1.00×'
    ],
    [
      'warm: one expression changed, its component',
      String(warm.runs),
      ms(warm.median),
      ms(warm.p95),
      `${(warm.median / scratch.median).toFixed(3)}×`
    ],
    [
      `JSX form of a ${lines}-line component (vs parsing it back)`,
      String(generate.runs),
      ms(generate.median),
      ms(generate.p95),
      `${(generate.median / parseBack.median).toFixed(2)}× parse`
    ]
  ]
);
console.log(`\nTotal gate bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
