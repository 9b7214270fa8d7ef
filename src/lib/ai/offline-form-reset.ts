/**
 * A button that empties a whole form (issue 15): "add a button that clears the form", "add a
 * reset button that empties all the fields", "add a Start again button that resets everything".
 * Its handler sets every field an input of the component is bound to back to its starting value
 * (text, numbers, yes/no and choices; never a list), and the button goes after the form's last
 * input unless a place is said. A form with no bound inputs is a question. Pure.
 */
import type { JsonValue, NodeRecord, Op } from '../model/types';
import { componentOf, readingOrder, type Scene } from './offline-refs';
import { splitPlacement } from './offline-place';
import { capitalized, freeName, literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RESET =
  /^(?:add|create|put|include|give me)\s+(?:(?:a|an|one)\s+)?(?:(.+?)\s+)?button\s*(.*?)\s*(?:that|which|to)\s+(?:clears?|resets?|empties|empty|wipes?|blanks?)\s+(?:out\s+)?(?:the\s+(?:whole\s+)?form|all\s+(?:of\s+)?the\s+(?:fields|inputs|boxes)|every\s+(?:field|input|box)|the\s+(?:fields|inputs|boxes)|everything\s+(?:typed|entered|in the form|in the fields))(.*)$/i;
const NAMED =
  /^(?:add|create|put|include|give me)\s+(?:(?:a|an|one)\s+)?((?:clear|reset|empty|wipe)\s+(?:form|all\s+fields|fields))\s+button\b(.*)$/i;

function bound(node: NodeRecord): string | undefined {
  for (const key of ['value', 'checked']) {
    const v = node.props[key];
    if (v && typeof v === 'object' && '$bind' in v && typeof v.$bind === 'string') return v.$bind;
  }
  return undefined;
}

/** "add a button that clears the form": every bound field back to where it started. */
export function formReset(scene: Scene, temps: TempIds): RuleResult {
  const m = RESET.exec(scene.u.text);
  const named = m ? null : NAMED.exec(scene.u.text);
  if (!m && !named) return null;
  const rule = 'button-action';
  const label = m ? (m[1] ? literal(scene.u, m[1]) : 'Clear form') : literal(scene.u, named![1]);
  const where = (m ? `${m[2]} ${m[3]}` : named![2]).trim();
  const inputs = readingOrder(scene.model).filter((n) => bound(n));
  if (!inputs.length) return ask(rule, 'This app has no inputs bound to its state to clear.');
  const component = componentOf(scene.model, inputs[0]);
  const fields: string[] = [];
  for (const node of inputs) {
    const field = bound(node)!;
    const type = component.state[field]?.type;
    if (node.component !== component.id || !type || (typeof type === 'object' && 'array' in type))
      continue;
    if (!fields.includes(field)) fields.push(field);
  }
  if (!fields.length) return ask(rule, 'The inputs here are not bound to fields I can clear.');
  const split = splitPlacement(scene, where, false);
  if (!split.ok) return ask(rule, split.text);
  if (split.value.before.trim()) return null;
  const body = fields
    .map((f) => `state.${f} = ${JSON.stringify(component.state[f].initial as JsonValue)};`)
    .join('\n');
  const name = freeName(
    'clearForm',
    (n) => Object.hasOwn(component.handlers, n) || Object.hasOwn(component.state, n)
  );
  const last = inputs[inputs.length - 1];
  const parent = last.parent!;
  const siblings = [...scene.model.nodes.values()].filter((n) => n.parent === parent);
  const at = split.value.said
    ? {
        parent: split.value.place.parent.id,
        index: split.value.place.index,
        words: split.value.place.words
      }
    : {
        parent,
        index: afterButtons(
          siblings.sort((a, b) => (a.order < b.order ? -1 : 1)),
          last
        ),
        words: `after the form's inputs and buttons`
      };
  const ops: Op[] = [
    { op: 'setHandler', component: component.name, name, body },
    {
      op: 'addNode',
      parent: at.parent,
      ...(at.index !== undefined ? { index: at.index } : {}),
      type: 'Button',
      id: temps.next(),
      props: { label: capitalized(label), variant: 'secondary', onClick: { $handler: name } }
    }
  ];
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Add a Button "${capitalized(label)}" ${at.words} that runs a new handler ${name}, which sets ${fields.join(', ')} back to where they start`
  };
}

/** After the last input and the buttons that follow it ("Send"), in its container. */
function afterButtons(siblings: readonly NodeRecord[], last: NodeRecord): number {
  let at = siblings.indexOf(last) + 1;
  while (at < siblings.length && siblings[at].type === 'Button') at++;
  return at;
}
