/**
 * Another value for a button that sets a field: "make the reset button go back to 10 instead of
 * 0", "the clear button should set the name to Guest". The button's action must set one field
 * to one fixed value (`state.count = 0;`); that value is replaced, typed as the field is. Pure.
 *
 * Never wrong: an action that sets no fixed value, or several, is a question; so is one other
 * elements run too (they would change with it), and an "instead of" value it does not set.
 */
import type { Op } from '../model/types';
import { clickHandler, describeNode, findElement, type Scene } from './offline-refs';
import { withDigits } from './offline-numbers';
import { camelName, literal } from './offline-text';
import { ask, type RuleResult } from './offline-turn';

const RULE = 'button-sets-value';

const TO = String.raw`(?:go(?:es)?\s+back\s+to|reset(?:s)?\s+(?:it\s+|(?:the\s+)?(\w+)\s+)?(?:back\s+)?to|set(?:s)?\s+(?:it|(?:the\s+)?(\w+))\s+(?:back\s+)?to|put(?:s)?\s+(?:it|(?:the\s+)?(\w+))\s+back\s+to|return(?:s)?\s+to|start(?:s)?\s+(?:again\s+)?(?:from|at))`;
const TAIL = String.raw`\s+(.+?)(?:\s*,?\s*(?:instead of|not|rather than)\s+([^\s,]+))?`;
const SAYINGS: readonly RegExp[] = [
  new RegExp(String.raw`^(?:make|have|let)\s+(.+?)\s+${TO}${TAIL}$`, 'i'),
  new RegExp(
    String.raw`^(.+?)\s+(?:should|must|needs? to|has to|ought to|will)\s+(?:always\s+)?${TO}${TAIL}$`,
    'i'
  ),
  new RegExp(
    String.raw`^(?:when i (?:press|click|hit|tap)\s+)(.+?),?\s+(?:it\s+should\s+)?${TO}${TAIL}$`,
    'i'
  )
];

/** The value said, as a literal of the field's type, or null. */
function valueOf(said: string, type: unknown): string | null {
  if (type === 'number')
    return /^-?\d+(?:\.\d+)?$/.test(said)
      ? String(Number(said))
      : /^zero$/i.test(said)
        ? '0'
        : null;
  if (type === 'boolean')
    return /^(?:true|on|yes|checked|ticked)$/i.test(said)
      ? 'true'
      : /^(?:false|off|no|unchecked|unticked)$/i.test(said)
        ? 'false'
        : null;
  if (type === 'string') return JSON.stringify(said.replace(/^(?:empty|nothing|blank)$/i, ''));
  return null;
}

/** "make the reset button go back to 10 instead of 0". */
export function buttonSetsValue(scene: Scene): RuleResult {
  scene = withDigits(scene);
  for (const re of SAYINGS) {
    const m = re.exec(scene.u.text);
    if (!m) continue;
    const [, ref, f1, f2, f3, to, old] = m;
    const found = findElement(scene, ref);
    if (!found.ok) return null;
    const node = found.value;
    const click = clickHandler(scene.model, node);
    if (!click) return null;
    const { name, component, handler: h } = click;
    const sets = [
      ...h.body.matchAll(
        /\bstate\.(\w+)\s*=(?!=)\s*(-?\d+(?:\.\d+)?|true|false|'[^']*'|"[^"]*")\s*;/g
      )
    ];
    const named = f1 ?? f2 ?? f3;
    const field = named ? camelName(named) : undefined;
    const fitting = sets.filter((s) => !field || s[1] === field);
    if (fitting.length !== 1)
      return ask(
        RULE,
        `${describeNode(node)} runs ${name}, which ${fitting.length ? 'sets several values' : 'sets no fixed value'} (${h.body.trim()}); offline I can only change an action that sets one field to one value.`
      );
    const [whole, target, current] = fitting[0];
    const value = valueOf(literal(scene.u, to).trim(), component.state[target]?.type);
    if (value === null)
      return ask(
        RULE,
        `${target} is a ${String(component.state[target]?.type)}; "${literal(scene.u, to)}" is not a value it can take.`
      );
    if (old !== undefined) {
      const was = valueOf(literal(scene.u, old).trim(), component.state[target]?.type);
      if (
        was !== current &&
        !(was && current && JSON.parse(was) === JSON.parse(current.replace(/^'(.*)'$/, '"$1"')))
      )
        return ask(
          RULE,
          `${describeNode(node)} sets ${target} to ${current}, not ${literal(scene.u, old)}. Should it set ${target} to ${literal(scene.u, to)}?`
        );
    }
    if (value === current)
      return ask(RULE, `${describeNode(node)} already sets ${target} to ${current}.`);
    // Another element running the same action would change too: that is not what was asked.
    const others = [...scene.model.nodes.values()].filter(
      (n) =>
        n.id !== node.id &&
        n.component === node.component &&
        Object.values(n.props).some(
          (v) =>
            v !== null && typeof v === 'object' && (v as { $handler?: unknown }).$handler === name
        )
    );
    if (others.length)
      return ask(
        RULE,
        `${name} also runs for ${others.map(describeNode).join(', ')}; changing it changes ${others.length > 1 ? 'them' : 'it'} too. Say which should change.`
      );
    const body = h.body.replace(whole, `state.${target} = ${value};`);
    const op: Op = { op: 'setHandler', component: component.name, name, params: h.params, body };
    return {
      kind: 'batch',
      rule: RULE,
      ops: [op],
      summary: `${describeNode(node)} sets ${target} to ${value} instead of ${current} (its action ${name})`
    };
  }
  return null;
}
