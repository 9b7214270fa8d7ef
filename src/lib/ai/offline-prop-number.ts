/**
 * A number an element's own schema names: "give the message box 8 rows", "make the grid 3
 * columns wide", "set the rows of the notes area to 4", "the message box should have 3 rows".
 * The word is matched against the element's integer and number props (rows, columns, …), so it
 * works for any element kind whose schema has such a prop. Pure.
 *
 * Never wrong: a word that is no prop of that element is not this rule's; a value outside the
 * prop's range is the planner's question (the self-check refuses it).
 */
import { elementSchema } from '../schema/elements';
import { describeNode, findElement, type Scene } from './offline-refs';
import { withDigits } from './offline-numbers';
import { ask, type RuleResult } from './offline-turn';

const RULE = 'set-number-prop';

const N = String.raw`(\d+)`;
const SAYINGS: readonly [RegExp, number, number, number][] = [
  // [pattern, element group, number group, word group]
  [new RegExp(String.raw`^(?:give|set)\s+(.+?)\s+${N}\s+([a-z]+?)s?$`, 'i'), 1, 2, 3],
  [
    new RegExp(
      String.raw`^(?:make|have)\s+(.+?)\s+(?:be\s+)?${N}\s+([a-z]+?)s?(?:\s+(?:tall|high|wide|long|across))?$`,
      'i'
    ),
    1,
    2,
    3
  ],
  [
    new RegExp(
      String.raw`^(?:set|change)\s+the\s+([a-z]+?)s?\s+(?:of|on|for)\s+(.+?)\s+to\s+${N}$`,
      'i'
    ),
    2,
    3,
    1
  ],
  [
    new RegExp(
      String.raw`^(.+?)\s+(?:should|must|needs? to)\s+(?:have|show|be)\s+${N}\s+([a-z]+?)s?(?:\s+(?:tall|high|wide|long))?$`,
      'i'
    ),
    1,
    2,
    3
  ]
];

/** "give the message box 8 rows". */
export function setNumberProp(scene: Scene): RuleResult {
  scene = withDigits(scene);
  for (const [re, el, n, word] of SAYINGS) {
    const m = re.exec(scene.u.text);
    if (!m) continue;
    const found = findElement(scene, m[el]);
    if (!found.ok) continue;
    const node = found.value;
    const schema = elementSchema(node.type);
    if (!schema) continue;
    const said = m[word].toLowerCase();
    // The prop the word names: "rows" → rows, "column" → columns; integer or number props only.
    const prop = Object.entries(schema.properties).find(
      ([name, p]) =>
        (p.type === 'integer' || p.type === 'number') &&
        p['x-kinds'].includes('literal') &&
        [name, name.replace(/s$/, '')].includes(said)
    )?.[0];
    if (!prop) continue;
    const value = Number(m[n]);
    if (node.props[prop] === value)
      return ask(RULE, `${describeNode(node)} has ${prop} ${value} already.`);
    return {
      kind: 'batch',
      rule: RULE,
      ops: [{ op: 'setProp', id: node.id, name: prop, value }],
      summary: `Set ${prop} of ${describeNode(node)} to ${value}`
    };
  }
  return null;
}
