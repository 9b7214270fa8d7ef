/**
 * How much a button steps a number (issue 15): "make the plus button add 5", "plus should add 5
 * and minus should take away 5", "the buttons should go up and down by 10", "+ and - should always
 * go by 1". Each button named must run a handler that only steps one number field
 * (`state.count += …;`, `-=`, or `state.count = state.count ± …;`). The amount becomes the number
 * said; when the amount is a field an input sets (the counter's step slider) and every button
 * named reads it, that field's starting value is set instead, so the input keeps working. A
 * handler another element shares, or any other body, is a question. Pure.
 */
import { childrenOf, type NodeRecord, type Op } from '../model/types';
import {
  componentOf,
  describeNode,
  findElement,
  findElements,
  type Found,
  type Scene
} from './offline-refs';
import { countedField } from './offline-normal';
import { ask, type RuleResult } from './offline-turn';
import { withDigits } from './offline-numbers';

const UP = String.raw`add|adds|add on|go up by|goes up by|increase by|increases by|count up by|counts up by|plus`;
const DOWN = String.raw`take away|takes away|take off|takes off|subtract|subtracts|remove|removes|minus|go down by|goes down by|decrease by|decreases by|count down by|counts down by|lower by|lowers by`;
const ANY = String.raw`go by|goes by|step by|steps by|count by|counts by|change by|changes by|move by|moves by|jump by|jumps by|go in steps of|goes in steps of|work in steps of|in steps of|use steps of|use a step of|change it by|change the count by|go up and down by|move up and down by|count in|do`;
const CLAUSE = new RegExp(
  String.raw`^(?:make\s+|have\s+|let\s+)?(.+?)\s+(?:(?:should|must|needs?\s+to|has\s+to|will|to)\s+)?(?:(?:always|only|just|instead)\s+)?(${UP}|${DOWN}|${ANY})\s+(\d+(?:\.\d+)?)(?:\s+(?:each|every|at a|per)\s+(?:time|click|press|go))?(?:\s+instead)?$`,
  'i'
);
/** "plus should add 5, minus should take away 5" / "… and …": each clause a step of its own. */
const CLAUSES =
  /\s*(?:,\s*and|,|;|\band\b)\s+(?=\S+(?:\s+\S+){0,3}?\s+(?:should|must|needs?\s+to|has\s+to|will|always|only|just|add|adds|take|takes|subtract|subtracts|go|goes|count|counts|step|steps|remove|removes|decrease|decreases|increase|increases))/i;

interface Step {
  readonly node: NodeRecord;
  readonly handler: string;
  readonly field: string;
  readonly sign: '+' | '-';
  readonly amount: string;
  readonly by: string;
}

/** A bare "-" is how people type the minus sign "−" of a label: said as its word. */
function symbols(ref: string): string {
  return ref.replace(/(^|\s)-(?=\s|$)/g, '$1minus');
}

/**
 * "make the count go up by 5", "the counter should go by 2": the number the app counts with, said
 * by its name, "the counter", "the number" or "it", stands for the buttons that step it (those
 * that add, for a verb of adding; those that take away, for one of taking away; else all).
 */
function steppers(scene: Scene, ref: string, verb: string): Found<NodeRecord[]> | null {
  const field = countedField(scene.model);
  if (!field) return null;
  const words = ref.toLowerCase().replace(/^(?:the|my)\s+/, '');
  if (
    !['it', 'counter', 'count', 'number', 'total', 'score', field.toLowerCase()].includes(words)
  ) {
    // The element that shows the number ("the number" is read as it before the rules).
    const shown = findElement(scene, ref);
    if (!shown.ok || shown.value.type === 'Button') return null;
    const reads = Object.values(shown.value.props).some(
      (v) =>
        v &&
        typeof v === 'object' &&
        '$expr' in v &&
        new RegExp(`\\bstate\\.${field}\\b`).test(String(v.$expr))
    );
    if (!reads) return null;
  }
  const want =
    signOf(verb, '+') === '-' ? '-' : new RegExp(`^(?:${UP})$`, 'i').test(verb) ? '+' : null;
  const buttons = [...scene.model.nodes.values()].filter((n) => {
    const on = n.props.onClick;
    if (n.type !== 'Button' || !on || typeof on !== 'object' || !('$handler' in on)) return false;
    const h = componentOf(scene.model, n).handlers[String(on.$handler)];
    const step = h ? stepOf(h.body) : null;
    return step?.field === field && (!want || step.sign === want);
  });
  return buttons.length ? { ok: true, value: buttons } : null;
}

/** The step a handler body takes: `state.f += e;` and its kin. */
function stepOf(body: string): { field: string; sign: '+' | '-'; by: string } | null {
  const b = body.trim();
  const compound = /^state\.(\w+)\s*([+-])=\s*([^;]+?);?$/.exec(b);
  if (compound)
    return { field: compound[1], sign: compound[2] as '+' | '-', by: compound[3].trim() };
  const plain = /^state\.(\w+)\s*=\s*state\.(\w+)\s*([+-])\s*([^;]+?);?$/.exec(b);
  if (plain && plain[1] === plain[2])
    return { field: plain[1], sign: plain[3] as '+' | '-', by: plain[4].trim() };
  return null;
}

function signOf(verb: string, own: '+' | '-'): '+' | '-' {
  const v = verb.toLowerCase();
  if (new RegExp(`^(?:${DOWN})$`, 'i').test(v)) return '-';
  if (new RegExp(`^(?:${UP})$`, 'i').test(v)) return '+';
  return own;
}

/** How many elements run a handler. */
function users(scene: Scene, component: string, handler: string): number {
  let n = 0;
  for (const node of scene.model.nodes.values())
    if (node.component === component)
      for (const v of Object.values(node.props))
        if (v && typeof v === 'object' && '$handler' in v && v.$handler === handler) n++;
  return n;
}

/** An input bound to a field (the step slider): its amount is that input's to set. */
function inputFor(scene: Scene, field: string): NodeRecord | undefined {
  return [...scene.model.nodes.values()].find((n) =>
    Object.values(n.props).some(
      (v) => v && typeof v === 'object' && '$bind' in v && v.$bind === field
    )
  );
}

/** "make the plus button add 5", "+ and - should go by 1": the buttons' step rewritten. */
export function setStep(scene: Scene): RuleResult {
  scene = withDigits(scene);
  // One clause ("+ and - should go by 1", a list of buttons) when its buttons are found, else
  // one per "and" ("plus should add 5 and minus should take away 5").
  // "add a button that adds 10" is a new button, not a change to one.
  if (/^(?:add|create|insert|put|include|give|build)\b/i.test(scene.u.text)) return null;
  // "change the + button to say Add one" is a text: what a button says is not what it does.
  if (
    /^(?:change|set|rename|label|call|retitle)\b|\b(?:say|says|read|reads|labelled|called|named)\b/i.test(
      scene.u.text
    )
  )
    return null;
  const whole = CLAUSE.exec(scene.u.text);
  const one = whole && findElements(scene, symbols(whole[1])).ok;
  const clauses = one ? [scene.u.text] : scene.u.text.split(CLAUSES).map((c) => c.trim());
  const matches = one ? [whole] : clauses.map((c) => CLAUSE.exec(c));
  if (!matches.every(Boolean)) return null;
  const rule = 'set-step';
  const steps: Step[] = [];
  for (const m of matches as RegExpExecArray[]) {
    const counted = steppers(scene, m[1], m[2]);
    const found = counted ?? findElements(scene, symbols(m[1]));
    if (!found.ok)
      return clauses.length > 1 || /button|\+|−|-/.test(m[1]) ? ask(rule, found.text) : null;
    for (const node of found.value) {
      const on = node.props.onClick;
      const handler =
        on && typeof on === 'object' && '$handler' in on && typeof on.$handler === 'string'
          ? on.$handler
          : null;
      const component = componentOf(scene.model, node);
      const step = handler ? stepOf(component.handlers[handler]?.body ?? '') : null;
      if (!handler || !step)
        return ask(
          rule,
          `${describeNode(node)} does not step a number by an amount I can change offline${handler ? ` (it runs ${handler})` : ''}. Name a button whose action adds to or takes from a number, like the counter's + and −.`
        );
      if (component.state[step.field]?.type !== 'number')
        return ask(rule, `${describeNode(node)} steps ${step.field}, which is not a number.`);
      if (childrenOf(scene.model, node.id).length) return null;
      steps.push({
        node,
        handler,
        field: step.field,
        sign: signOf(m[2], step.sign),
        amount: m[3],
        by: step.by
      });
    }
  }
  if (!steps.length) return null;
  const component = componentOf(scene.model, steps[0].node);
  // A handler that some element not named also runs would change that element too.
  for (const s of steps) {
    const named = steps.filter((t) => t.handler === s.handler).length;
    if (users(scene, component.id, s.handler) > named)
      return ask(
        rule,
        `${describeNode(s.node)} shares its action ${s.handler} with another element, which would change too. Name every button that runs it, or add a new button ("add a +${s.amount} button").`
      );
  }
  // The amount is an input's field, read by every button named, the same number said for all,
  // and each keeps its direction: that field starts at the number instead.
  const field = /^state\.(\w+)$/.exec(steps[0].by)?.[1];
  if (
    field &&
    inputFor(scene, field) &&
    steps.every((s) => s.by === steps[0].by && s.amount === steps[0].amount) &&
    steps.every((s) => s.sign === stepOf(component.handlers[s.handler].body)!.sign)
  ) {
    // Another button stepping by the same field would change too: it must be named as well.
    const others = Object.entries(component.handlers).filter(
      ([name, h]) =>
        !steps.some((s) => s.handler === name) &&
        new RegExp(`\\bstate\\.${field}\\b`).test(h.body) &&
        users(scene, component.id, name) > 0
    );
    if (others.length)
      return ask(
        rule,
        `${describeNode(steps[0].node)} steps by ${field}, and so does ${others.map(([n]) => n).join(' and ')}; changing it changes both. Say what each button should do ("plus should add ${steps[0].amount} and minus should take away ${steps[0].amount}"), or "make ${field} start at ${steps[0].amount}".`
      );
    const current = component.state[field];
    if (!current || current.type !== 'number')
      return ask(rule, `The step ${field} is not a number.`);
    const value = Number(steps[0].amount);
    if (current.initial === value)
      return ask(
        rule,
        `${field} already starts at ${value}; ${describeNode(inputFor(scene, field)!)} sets it.`
      );
    return {
      kind: 'batch',
      rule,
      ops: [
        {
          op: 'retypeState',
          component: component.name,
          name: field,
          type: current.type,
          migrate: 'value',
          initial: value
        }
      ],
      summary: `Make ${field} (the amount ${steps.map((s) => describeNode(s.node)).join(' and ')} step by) start at ${value} (${describeNode(inputFor(scene, field)!)} still changes it)`
    };
  }
  if (steps.some((s) => /^state\.\w+$/.test(s.by) && inputFor(scene, s.by.slice(6))))
    return ask(
      rule,
      `${steps.map((s) => describeNode(s.node)).join(' and ')} step by ${steps[0].by.slice(6)}, which ${describeNode(inputFor(scene, steps[0].by.slice(6))!)} sets. Say "make ${steps[0].by.slice(6)} start at ${steps[0].amount}" to keep it, or remove it first and ask again.`
    );
  const ops: Op[] = [];
  const done = new Set<string>();
  for (const s of steps) {
    if (done.has(s.handler)) continue;
    done.add(s.handler);
    const h = component.handlers[s.handler];
    ops.push({
      op: 'setHandler',
      component: component.name,
      name: s.handler,
      ...(h.params ? { params: h.params } : {}),
      body: `state.${s.field} ${s.sign}= ${s.amount};`
    });
  }
  return {
    kind: 'batch',
    rule,
    ops,
    summary: steps
      .map(
        (s) =>
          `${describeNode(s.node)} ${s.sign === '+' ? 'adds' : 'takes away'} ${s.amount} (${s.handler}: state.${s.field} ${s.sign}= ${s.amount};)`
      )
      .join('; ')
  };
}
