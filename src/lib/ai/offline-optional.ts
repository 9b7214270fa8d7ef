/**
 * A field made optional (issue 15): "make the name optional", "the name field is optional",
 * "email must be there but name is optional". A field is required where a handler returns early
 * on it (`if (!state.name.trim() || … ) return;`) and where a button is disabled on it (`disabled:
 * !state.name.trim() || …`); making it optional drops the parts of those `||` chains that read it
 * and keeps the others. A chain left empty goes: the early return, or the button's `disabled`. A
 * field that is already optional, or a condition that is not a plain `||` chain, is a question,
 * never a guess. Pure.
 */
import type { Op } from '../model/types';
import { rootComponent } from '../model/types';
import { ask, type RuleResult } from './offline-turn';
import type { Scene } from './offline-refs';
import { describeNode, findElement } from './offline-refs';

const RULE = 'set-default';

const SAID =
  /^(?:make\s+)?(?:the\s+)?(.+?)\s+(?:(?:is|should be|can be|becomes?)\s+)?(?:optional|not required|not mandatory)$/i;
// "email must be there but …" (or as the wish rewrites it, "make email there but …"): a field
// said to stay required, before what changes.
const KEEP =
  /^(?:make\s+)?(?:the\s+)?(\w+)(?:\s+(?:field|box|input))?\s+(?:there|required|must be there|is required|stays required|must be filled(?:\s+in)?|is needed|has to be there)\s*,?\s+(?:but|and|while)\s+(.+)$/i;

/** The parts of a `||` chain at its top level, or null when it holds brackets around an `||`. */
function chain(expr: string): string[] | null {
  const parts = expr.split(/\s*\|\|\s*/);
  // A part with an unbalanced bracket was split inside a call: not a plain chain.
  const balanced = (p: string) => (p.match(/\(/g) ?? []).length === (p.match(/\)/g) ?? []).length;
  return parts.every(balanced) ? parts : null;
}

/** The input a phrase names, if it names one. */
function inputOf(scene: Scene, said: string): string | undefined {
  const found = findElement(scene, said);
  return found.ok ? found.value.id : undefined;
}

/** The field's name a phrase or an input bound to it names. */
function fieldOf(scene: Scene, said: string): string | null {
  const state = rootComponent(scene.model)?.state ?? {};
  const plain = said.replace(/\s+(?:field|box|input)$/i, '').toLowerCase();
  const named = Object.keys(state).find((f) => f.toLowerCase() === plain);
  if (named) return named;
  const found = findElement(scene, said);
  const bind = found.ok ? (found.value.props.value as { $bind?: string } | undefined) : undefined;
  return bind?.$bind ?? null;
}

/** Makes a required field optional, in every handler and button that requires it. */
export function makeOptional(scene: Scene): RuleResult {
  let text = scene.u.text;
  const keep = KEEP.exec(text);
  if (keep) text = keep[2];
  const m = SAID.exec(text);
  if (!m) return null;
  const field = fieldOf(scene, m[1]);
  const component = rootComponent(scene.model);
  if (!field || !component) return null;
  const reads = new RegExp(`\\bstate\\.${field}\\b`);
  const kept = keep ? fieldOf(scene, keep[1]) : null;
  if (keep && !kept) return null;
  const ops: Op[] = [];
  const where: string[] = [];
  let stillRequired = false;
  for (const [name, handler] of Object.entries(component.handlers)) {
    const guard = /if\s*\(([^;{}]+)\)\s*return;\s*/.exec(handler.body);
    if (!guard || !reads.test(guard[1])) continue;
    const parts = chain(guard[1]);
    if (!parts)
      return ask(RULE, `I cannot tell how ${name} checks ${field}, so I have changed nothing.`);
    const rest = parts.filter((p) => !reads.test(p));
    if (kept && rest.some((p) => new RegExp(`\\bstate\\.${kept}\\b`).test(p))) stillRequired = true;
    const body = rest.length
      ? handler.body.replace(guard[1], rest.join(' || '))
      : handler.body.replace(guard[0], '');
    ops.push({ op: 'setHandler', component: component.name, name, params: handler.params, body });
    where.push(`${name} no longer stops without it`);
  }
  for (const node of scene.model.nodes.values()) {
    const disabled = node.props.disabled as { $expr?: unknown } | undefined;
    if (typeof disabled?.$expr !== 'string' || !reads.test(disabled.$expr)) continue;
    const parts = chain(disabled.$expr);
    if (!parts)
      return ask(
        RULE,
        `I cannot tell how ${describeNode(node)} checks ${field}, so I have changed nothing.`
      );
    const rest = parts.filter((p) => !reads.test(p));
    ops.push(
      rest.length
        ? { op: 'setProp', id: node.id, name: 'disabled', value: { $expr: rest.join(' || ') } }
        : ({ op: 'unsetProp', id: node.id, name: 'disabled' } as Op)
    );
    where.push(`${describeNode(node)} no longer waits for it`);
  }
  if (ops.length === 0) return ask(RULE, `${field} is already optional: nothing requires it.`);
  if (kept && !stillRequired)
    return ask(
      RULE,
      `${kept} is not required now. Should I make it required? (I have changed nothing.)`
    );
  // "make the name box optional and red": the box is what "it" is next, not the Send button.
  const about = inputOf(scene, m[1]);
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `Make ${field} optional: ${where.join('; ')}`,
    ...(about ? { about } : {})
  };
}
