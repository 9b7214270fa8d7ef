/**
 * A look for the rows of a list that depends on the item (issue 15): "grey out the done todos",
 * "make the finished tasks green", "show completed items in bold", "fade the ones that are done".
 * The element in the Each that shows the item's text (a Checkbox's label, a Text) takes the style
 * change as an expression over the loop variable: `item.done ? new : now`. Any list with a
 * yes/no field; a look the element cannot take, or no element showing the text, is a question.
 * Pure.
 */
import { childrenOf, type JsonValue, type NodeRecord } from '../model/types';
import { elementSchema } from '../schema/elements';
import { pickList, qualifier, type ListShape } from './offline-list-shape';
import { describeNode, type Scene } from './offline-refs';
import { isStyleWord, styleChange } from './offline-style';
import { literalStyle } from './offline-style-tokens';
import { ask, type RuleResult } from './offline-turn';

const LOOK = [
  /^(?:make|turn|colou?r|paint|show|render|display)\s+(?:all\s+)?(?:the\s+)?(.+?)\s+(?:look\s+|in\s+|as\s+)?(?:(?:a\s+)?(?:bit|little)\s+)?(\w+)$/i,
  /^(?:the\s+)?(.+?)\s+(?:should|must|need to|needs to)\s+(?:be|look|turn|go|show(?:\s+up)?)\s+(?:in\s+)?(\w+)$/i
];
const FADE =
  /^(?:grey|gray|fade|dim)\s+out\s+(?:all\s+)?(?:the\s+)?(.+)$|^(?:fade|dim)\s+(?:all\s+)?(?:the\s+)?(.+)$/i;

/** The elements in a list's rows that show the item's text field. */
function textNodes(scene: Scene, list: ListShape): NodeRecord[] {
  if (!list.text) return [];
  const out: NodeRecord[] = [];
  const walk = (id: string) => {
    for (const child of childrenOf(scene.model, id)) {
      const node = scene.model.nodes.get(child)!;
      const shows = ['label', 'text', 'title'].some((k) => {
        const v = node.props[k];
        return (
          v &&
          typeof v === 'object' &&
          '$expr' in v &&
          new RegExp(`\\b${list.as}\\.${list.text}\\b`).test(String(v.$expr))
        );
      });
      if (shows) out.push(node);
      walk(child);
    }
  };
  walk(list.each.id);
  return out;
}

function js(value: JsonValue): string {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${js(v)}`)
      .join(', ')} }`.replace('{  }', '{}');
  return typeof value === 'string' ? `'${value.replace(/['\\]/g, '\\$&')}'` : JSON.stringify(value);
}

/** "grey out the done todos", "make the finished tasks green". */
export function rowLook(scene: Scene): RuleResult {
  let phrase: string | undefined;
  let word: string | undefined;
  const fade = FADE.exec(scene.u.text);
  if (fade) [phrase, word] = [fade[1] ?? fade[2], 'grey'];
  else
    for (const re of LOOK) {
      const m = re.exec(scene.u.text);
      if (m) {
        [phrase, word] = [m[1], m[2]];
        break;
      }
    }
  if (!phrase || !word || !isStyleWord(word)) return null;
  // Only a list named with a yes/no condition: "the done todos", "completed ones".
  const bare = phrase.replace(
    /\b(?:\w+ed|done|finished|unfinished|active|open|remaining|pending|not|that|which|are|is|ones?)\b/gi,
    ' '
  );
  const first = pickList(scene, bare.trim());
  if (!first || 'question' in first) return null;
  const q = qualifier(first.list, phrase);
  if ('question' in q) return ask('row-look', q.question);
  if (!q.which) return null;
  const rest = q.rest.replace(/\b(?:ones?|that|which|are|is|items?|rows?)\b/gi, ' ').trim();
  const again = pickList(scene, rest);
  if (!again || 'question' in again || again.list.field !== first.list.field) return null;
  const list = first.list;
  const rule = 'row-look';
  const nodes = textNodes(scene, list);
  if (!nodes.length)
    return ask(
      rule,
      `The rows of ${describeNode(list.each)} show no text of the ${list.field} to restyle.`
    );
  const test = `${q.which.value ? '' : '!'}${list.as}.${q.which.field}`;
  const ops = [];
  for (const node of nodes) {
    const look = styleChange(node, word);
    if (!look.ok) return ask(rule, look.text);
    const { prop, value } = look.change;
    const now =
      prop === 'style'
        ? literalStyle(node)
        : ((node.props[prop] ??
            elementSchema(node.type)?.properties[prop]?.default ??
            null) as JsonValue | null);
    if (now === null || (typeof now === 'object' && !Array.isArray(now) && '$expr' in now))
      return ask(
        rule,
        `${describeNode(node)}'s ${prop} is already an expression; change it in the inspector.`
      );
    ops.push({
      op: 'setProp' as const,
      id: node.id,
      name: prop,
      value: { $expr: `${test} ? ${js(value as JsonValue)} : ${js(now)}` }
    });
  }
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Show the ${list.field} that are ${q.which.words} ${word.toLowerCase()} (${nodes.map(describeNode).join(', ')} in each row), the others as they are`
  };
}
