/**
 * One more thing a button's action does: "when you press Send another it should also untick the
 * newsletter box", "make the clear button also empty the notes", "the reset button should also
 * set the step to 1". The action gets one assignment at its end (after its own checks, so it
 * happens when the action does); the field is named, or is the one an element named is bound to.
 * Pure.
 *
 * Never wrong: an action other elements run too is a question (they would change with it), as
 * is a value the field's type does not take.
 */
import type { Op } from '../model/types';
import { clickHandler, describeNode, findElement, type Scene } from './offline-refs';
import { withDigits } from './offline-numbers';
import { camelName, literal } from './offline-text';
import { ask, type RuleResult } from './offline-turn';

const RULE = 'button-also';

const DOES = String.raw`(untick|uncheck|turn off|switch off|tick|check|turn on|switch on|clear|empty|blank|reset|set)`;
const SAYINGS: readonly RegExp[] = [
  new RegExp(
    String.raw`^when(?:ever)?\s+(?:you|i|we|someone|people|they|the user)\s+(?:press|click|hit|tap|use)(?:es|s)?\s+(.+?)\s*,?\s+(?:it\s+)?(?:should|must|needs? to|has to)\s+also\s+${DOES}\s+(.+)$`,
    'i'
  ),
  new RegExp(String.raw`^(?:make|have|let)\s+(.+?)\s+also\s+${DOES}\s+(.+)$`, 'i'),
  new RegExp(String.raw`^(.+?)\s+(?:should|must|needs? to|has to)\s+also\s+${DOES}\s+(.+)$`, 'i')
];

/** The field a phrase names: a state field, or the one the element it names is bound to. */
function fieldOf(scene: Scene, phrase: string, fields: Record<string, unknown>): string | null {
  const direct = camelName(phrase.replace(/^(?:the|my|its)\s+/i, ''));
  if (Object.hasOwn(fields, direct)) return direct;
  // "the newsletter box": "box" is also a Card's word; read as a checkbox, or the rest alone.
  for (const said of [
    phrase,
    phrase.replace(/\s+box$/i, ' checkbox'),
    phrase.replace(/\s+(?:box|thing|one|option|setting)$/i, '')
  ]) {
    const found = findElement(scene, said);
    if (!found.ok) continue;
    const bound = Object.values(found.value.props).find(
      (v) => v !== null && typeof v === 'object' && '$bind' in v
    ) as { $bind: string } | undefined;
    if (bound) return bound.$bind;
  }
  return null;
}

/** Whether the whole request is one "when I press X, it should also …" (its comma joins it). */
export function alsoWhole(text: string): boolean {
  return SAYINGS[0].test(text);
}

/** "when you press Send another it should also untick the newsletter box". */
export function buttonAlso(scene: Scene): RuleResult {
  scene = withDigits(scene);
  const m = SAYINGS.map((re) => re.exec(scene.u.text)).find(Boolean);
  if (!m) return null;
  const [, ref, verb, rest] = m;
  const found = findElement(scene, ref);
  if (!found.ok) return null;
  const node = found.value;
  const click = clickHandler(scene.model, node);
  if (!click) return null;
  const { name, component, handler: h } = click;
  const does = verb.toLowerCase();
  // "set the step to 1": the value after "to"; the other verbs say it themselves.
  const to = /^(.+?)\s+(?:to|back to)\s+(.+)$/i.exec(rest);
  if (does === 'set' && !to) return null;
  const phrase = does === 'set' ? to![1] : rest;
  const field = fieldOf(scene, phrase, component.state);
  if (!field) return null;
  const type = component.state[field].type;
  let value: string | null = null;
  if (/^(?:untick|uncheck|turn off|switch off)$/.test(does))
    value = type === 'boolean' ? 'false' : null;
  else if (/^(?:tick|check|turn on|switch on)$/.test(does))
    value = type === 'boolean' ? 'true' : null;
  else if (/^(?:clear|empty|blank)$/.test(does))
    value =
      type === 'string'
        ? "''"
        : type === 'boolean'
          ? 'false'
          : typeof type === 'object' && 'array' in type
            ? '[]'
            : null;
  else if (does === 'reset') value = JSON.stringify(component.state[field].initial);
  else {
    const said = literal(scene.u, to![2]).trim();
    if (type === 'number' && /^-?\d+(?:\.\d+)?$/.test(said)) value = said;
    else if (type === 'string') value = JSON.stringify(said);
    else if (type === 'boolean' && /^(?:true|false)$/i.test(said)) value = said.toLowerCase();
  }
  if (value === null)
    return ask(
      RULE,
      `${field} is ${typeof type === 'string' ? `a ${type}` : 'a list'}, so I cannot ${does} it. Say the value, as in "also set ${field} to …".`
    );
  const others = [...scene.model.nodes.values()].filter(
    (n) =>
      n.id !== node.id &&
      Object.values(n.props).some(
        (v) =>
          v !== null && typeof v === 'object' && (v as { $handler?: unknown }).$handler === name
      )
  );
  if (others.length)
    return ask(
      RULE,
      `${name} also runs for ${others.map(describeNode).join(', ')}; adding to it changes ${others.length > 1 ? 'them' : 'it'} too. Say which should change.`
    );
  const line = `state.${field} = ${value};`;
  if (h.body.split('\n').some((l) => l.trim() === line))
    return ask(RULE, `${describeNode(node)} does that already (${line}).`);
  const op: Op = {
    op: 'setHandler',
    component: component.name,
    name,
    params: h.params,
    body: `${h.body.trimEnd()}\n${line}`
  };
  return {
    kind: 'batch',
    rule: RULE,
    ops: [op],
    summary: `${describeNode(node)} also sets ${field} to ${value} (at the end of its action ${name})`
  };
}
