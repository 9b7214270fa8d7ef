/**
 * The offline rule that keeps a number within a limit: "set a max of 50", "don't let the count
 * go below zero", "it can't go over 20". Every handler that steps the field is rewritten to clamp
 * it (`state.count = Math.min(50, state.count + state.step);`), so no button can pass the
 * limit. Pure: a proposal, a question, or null.
 *
 * Never wrong: the rule answers only when every word of the request is one it read (the limit,
 * the field, and words such as "so it can't go higher"); anything more is left to other rules.
 */
import { rootComponent, type Op } from '../model/types';
import { countedField } from './offline-normal';
import type { Scene } from './offline-refs';
import { camelName } from './offline-text';
import { ask, type RuleResult } from './offline-turn';
import { withDigits } from './offline-numbers';

const NUMBER = String.raw`(-?\d+(?:\.\d+)?|zero)`;
const NOT = String.raw`(?:can'?t|cannot|can not|shouldn'?t|should not|mustn'?t|must not|never|not|won'?t|doesn'?t|does not|don'?t|dont|do not)`;
const LET = String.raw`(?:(?:let|allow)\s+(?:the\s+)?(\w+)\s+(?:to\s+)?)?`;
const LIMITS: readonly { re: RegExp; side: 'max' | 'min' }[] = [
  {
    re: new RegExp(
      String.raw`\b(?:max(?:imum)?|limit|cap|ceiling|upper limit)\s+(?:of\s+|at\s+|to\s+)?${NUMBER}\b`,
      'i'
    ),
    side: 'max'
  },
  {
    re: new RegExp(
      String.raw`\b(?:min(?:imum)?|floor|lower limit)\s+(?:of\s+|at\s+|to\s+)?${NUMBER}\b`,
      'i'
    ),
    side: 'min'
  },
  {
    re: new RegExp(
      String.raw`\b${NOT}\s+${LET}(?:go|get|count|climb|rise)?\s*(?:over|above|higher than|more than|past|beyond)\s+${NUMBER}\b`,
      'i'
    ),
    side: 'max'
  },
  {
    re: new RegExp(
      String.raw`\b${NOT}\s+${LET}(?:go|get|drop|fall|count)?\s*(?:below|under|lower than|less than|negative)\s*${NUMBER}?`,
      'i'
    ),
    side: 'min'
  }
];
// Words that say nothing more than the limit does.
const FILLER = new Set(
  "set a an the so that it its can can't cant cannot go get higher lower above below any further more less make sure never let allow don't dont do not number value keep put limit stay should must will ever be able to allowed is on for of".split(
    ' '
  )
);

/** "set a max of 50 so it can't go higher", "don't let the count go below zero". */
export function limitField(scene: Scene): RuleResult {
  scene = withDigits(scene);
  const rule = 'limit-number';
  const text = scene.u.text;
  for (const { re, side } of LIMITS) {
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[m.length - 1];
    const limit = raw === undefined || /^zero$/i.test(raw) ? 0 : Number(raw);
    const component = rootComponent(scene.model);
    if (!component) return null;
    // The field: named ("the count"), else the one number the app counts with.
    const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length))
      .toLowerCase()
      .split(/[^a-z0-9']+/)
      .filter(Boolean);
    const named = [...rest, m[1] ?? ''].map(camelName).find((w) => w && component.state[w]);
    const field = named ?? countedField(scene.model);
    if (!field || component.state[field].type !== 'number') return null;
    const unread = rest.filter((w) => !FILLER.has(w) && camelName(w) !== field);
    if (unread.length) return null;
    const f = `state.${field}`;
    const clamp = side === 'max' ? 'Math.min' : 'Math.max';
    const steps = side === 'max' ? /[+*]/ : /[-/]/;
    const ops: Op[] = [];
    for (const [name, h] of Object.entries(component.handlers)) {
      const body = h.body.replace(
        new RegExp(String.raw`\bstate\.${field}\s*([-+*/])=\s*([^;\n]+);`, 'g'),
        (all, op: string, by: string) =>
          steps.test(op) ? `${f} = ${clamp}(${limit}, ${f} ${op} ${by.trim()});` : all
      );
      if (body !== h.body)
        ops.push({ op: 'setHandler', component: component.name, name, params: h.params, body });
    }
    if (!ops.length)
      return ask(
        rule,
        `No action here moves ${field} ${side === 'max' ? 'up' : 'down'}, so there is nothing to limit.`
      );
    return {
      kind: 'batch',
      rule,
      ops,
      summary: `Keep ${field} ${side === 'max' ? 'at most' : 'at least'} ${limit}: ${ops.map((o) => (o as { name: string }).name).join(', ')} ${ops.length === 1 ? 'stops' : 'stop'} there`
    };
  }
  return null;
}
