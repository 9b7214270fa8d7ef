/**
 * The offline rule for a range: "change the step slider so it goes up to 20", "make the slider go
 * from 1 to 100", "set the max of the volume slider to 11". The numbers go to the element's own
 * `min` / `max` props (a Slider's, or any element whose schema has them). Pure.
 */
import { elementSchema } from '../schema/elements';
import type { Op } from '../model/types';
import { describeNode, findElements, type Scene } from './offline-refs';
import { ask, type RuleResult } from './offline-turn';
import { withDigits } from './offline-numbers';

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const RANGES: readonly { re: RegExp; min?: number; max?: number }[] = [
  {
    re: new RegExp(
      `^(?:change|make|set|have|let)\\s+(.+?)\\s+(?:so (?:that )?it\\s+|to\\s+)?(?:go(?:es)?|run(?:s)?|range(?:s)?)\\s+from\\s+${NUM}\\s+(?:to|up to)\\s+${NUM}$`,
      'i'
    ),
    min: 2,
    max: 3
  },
  {
    re: new RegExp(
      `^(?:change|make|set|have|let)\\s+(.+?)\\s+(?:so (?:that )?it\\s+|to\\s+)?(?:go(?:es)?|count(?:s)?|run(?:s)?)\\s+up\\s+to\\s+${NUM}$`,
      'i'
    ),
    max: 2
  },
  {
    re: new RegExp(`^(?:the\\s+)?(.+?)\\s+should\\s+go\\s+up\\s+to\\s+${NUM}$`, 'i'),
    max: 2
  },
  {
    re: new RegExp(
      `^(?:set|change|make)\\s+the\\s+(?:max(?:imum)?|top|highest value)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|at)\\s+${NUM}$`,
      'i'
    ),
    max: 2
  },
  {
    re: new RegExp(
      `^(?:set|change|make)\\s+the\\s+(?:min(?:imum)?|bottom|lowest value)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|at)\\s+${NUM}$`,
      'i'
    ),
    min: 2
  },
  {
    re: new RegExp(
      `^(?:set|change|make)\\s+(.+?)(?:'s)?\\s+max(?:imum)?\\s+(?:to|at)\\s+${NUM}$`,
      'i'
    ),
    max: 2
  },
  {
    re: new RegExp(
      `^(?:set|change|make)\\s+(.+?)(?:'s)?\\s+min(?:imum)?\\s+(?:to|at)\\s+${NUM}$`,
      'i'
    ),
    min: 2
  }
];

/** "make the slider go up to 20": the element's `max` (and `min`), within what the schema allows. */
export function setRange(scene: Scene): RuleResult {
  scene = withDigits(scene);
  const rule = 'set-range';
  for (const { re, min, max } of RANGES) {
    const m = re.exec(scene.u.text);
    if (!m) continue;
    const found = findElements(scene, m[1]);
    if (!found.ok) return ask(rule, found.text);
    const lo = min ? Number(m[min]) : undefined;
    const hi = max ? Number(m[max]) : undefined;
    if (lo !== undefined && hi !== undefined && lo >= hi)
      return ask(rule, `From ${lo} to ${hi} is no range; which is the smallest value?`);
    const ops: Op[] = [];
    for (const node of found.value) {
      const props = elementSchema(node.type)?.properties ?? {};
      if (!props.max || !props.min)
        return ask(rule, `${describeNode(node)} has no range to set; a Slider does.`);
      const now = (p: string, d: number) =>
        typeof node.props[p] === 'number' ? (node.props[p] as number) : d;
      if ((lo ?? now('min', 0)) >= (hi ?? now('max', 100)))
        return ask(
          rule,
          `${describeNode(node)} goes from ${now('min', 0)} to ${now('max', 100)}; that would leave no range. Say both ends ("from 1 to 20").`
        );
      if (lo !== undefined) ops.push({ op: 'setProp', id: node.id, name: 'min', value: lo });
      if (hi !== undefined) ops.push({ op: 'setProp', id: node.id, name: 'max', value: hi });
    }
    const words = [lo !== undefined ? `from ${lo}` : '', hi !== undefined ? `up to ${hi}` : '']
      .filter(Boolean)
      .join(' ');
    return {
      kind: 'batch',
      rule,
      ops,
      summary: `Make ${found.value.map(describeNode).join(' and ')} go ${words}`
    };
  }
  return null;
}
