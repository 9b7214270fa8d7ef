/**
 * The offline rule for a checkbox that must be ticked before an action: "add a checkbox 'I agree'
 * that must be ticked to send". The checkbox and its boolean field are added as add-input adds
 * them; the handler of the button that does the action (found by its label: "send" → the Send
 * button) returns early while the box is not ticked, and the button is disabled until it is.
 * Pure: a proposal, a question, or null.
 */
import type { Op, PropValue } from '../model/types';
import { addTarget } from './offline-add';
import { addInput } from './offline-recipes';
import { componentOf, describeNode, findElement, type Scene } from './offline-refs';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const GATE =
  /^(.+?)\s+(?:that|which)\s+(?:must|has to|needs to|should)\s+be\s+(?:ticked|checked|on|ticked on|accepted|agreed to)\s+(?:to|before (?:you can |they can |people can )?|in order to|for)\s*(\w+)$/i;

/** "add a checkbox 'I agree' that must be ticked to send". */
export function gatedCheckbox(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'gated-checkbox';
  const m = GATE.exec(scene.u.text);
  if (!m) return null;
  const first = { ...scene, u: { ...scene.u, text: m[1] } };
  const target = addTarget(first);
  if (!target || !['Checkbox', 'Toggle'].includes(target.type)) return null;
  const added = addInput(first, target, temps);
  if (!added || added.kind !== 'batch') return added;
  const field = added.ops.find((op) => op.op === 'addState') as { name: string } | undefined;
  if (!field) return null;
  const button = findElement(scene, `the ${m[2]} button`);
  if (!button.ok || button.value.type !== 'Button')
    return ask(rule, `Which button should the box hold back? I found no "${m[2]}" button.`);
  const onClick = button.value.props.onClick as { $handler?: string } | undefined;
  const component = componentOf(scene.model, button.value);
  const handler = onClick?.$handler ? component.handlers[onClick.$handler] : undefined;
  if (!onClick?.$handler || !handler)
    return ask(rule, `${describeNode(button.value)} runs no action to hold back.`);
  const f = `state.${field.name}`;
  const disabled = button.value.props.disabled;
  const before =
    disabled && typeof disabled === 'object' && '$expr' in disabled
      ? String((disabled as { $expr: string }).$expr)
      : null;
  const value: PropValue = { $expr: before ? `(${before}) || !${f}` : `!${f}` };
  const ops: Op[] = [
    ...added.ops,
    {
      op: 'setHandler',
      component: component.name,
      name: onClick.$handler,
      params: handler.params,
      body: `if (!${f}) return;\n${handler.body}`
    },
    { op: 'setProp', id: button.value.id, name: 'disabled', value }
  ];
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `${added.summary}; ${describeNode(button.value)} is disabled, and ${onClick.$handler} does nothing, until it is ticked`
  };
}
