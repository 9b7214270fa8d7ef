/**
 * A condition said in words, as an expression over the state: "when it's above 0", "if the count
 * is negative", "once the message is empty", "when subscribe is on". The subject is a state field
 * named in the words, or ("it", "its", "the number") the one field the element itself shows. Only
 * a comparison the field's type allows is read; anything else is a question. Pure.
 */
import type { AppModel, NodeRecord, StateField } from '../model/types';
import { componentOf } from './offline-refs';
import { digits } from './offline-numbers';

/** A condition read: its expression and how to say it back. */
export type Condition =
  | { readonly ok: true; readonly expr: string; readonly words: string }
  | { readonly ok: false; readonly text: string };

const COMPARE: readonly (readonly [RegExp, string])[] = [
  [/^(?:is\s+)?(?:at least|no less than|>=)\s*/, '>='],
  [/^(?:is\s+)?(?:at most|no more than|<=)\s*/, '<='],
  [
    /^(?:is\s+|goes\s+|gets\s+)?(?:above|over|more than|greater than|bigger than|higher than|past|>)\s*/,
    '>'
  ],
  [
    /^(?:is\s+|goes\s+|gets\s+|drops\s+)?(?:below|under|less than|smaller than|lower than|<)\s*/,
    '<'
  ],
  [/^(?:is\s+)?(?:not|isn't|is not|!=)\s*(?:equal to\s+)?/, '!=='],
  [/^(?:is\s+|reaches\s+|hits\s+)?(?:equal to\s+|exactly\s+|=+\s*)?/, '===']
];

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  negative: '< 0',
  'below zero': '< 0',
  positive: '> 0',
  'above zero': '> 0',
  zero: '=== 0'
};

/** The state field an element shows: the one field its text, label or value reads. */
function shownField(node: NodeRecord): string | null {
  const fields = new Set<string>();
  for (const v of Object.values(node.props)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    if ('$bind' in v && typeof v.$bind === 'string') fields.add(v.$bind);
    if ('$expr' in v && typeof v.$expr === 'string')
      for (const m of v.$expr.matchAll(/\bstate\.(\w+)/g)) fields.add(m[1]);
  }
  return fields.size === 1 ? [...fields][0] : null;
}

/** Reads "when …" words about `node` into an expression. */
export function readCondition(model: AppModel, node: NodeRecord, said: string): Condition {
  const state = componentOf(model, node).state;
  let text = digits(said)
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .trim();
  let field: string | null = null;
  const named = Object.keys(state)
    .sort((a, b) => b.length - a.length)
    .find((name) => {
      const spaced = name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
      const re = new RegExp(`^(?:the\\s+)?(?:${name.toLowerCase()}|${spaced})(?:'s|\\s+is|\\s+)`);
      return re.test(`${text} `);
    });
  if (named) {
    field = named;
    const spaced = named.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    text = text
      .replace(new RegExp(`^(?:the\\s+)?(?:${named.toLowerCase()}|${spaced})(?:'s)?\\s*`), '')
      .replace(/^(?:box|field|input|text box|text area|area|checkbox|toggle|slider)\b\s*/, '');
  } else {
    const it =
      /^(?:it'?s|it\s+is|it|its|the\s+(?:number|value|count|total|score|amount))\b\s*/.exec(text);
    if (!it)
      return {
        ok: false,
        text: `I could not tell what "${said}" is about. Name the state field, as in "when count is above 0".`
      };
    field = shownField(node);
    if (!field)
      return {
        ok: false,
        text: `"It" in "${said}" could be more than one value here. Name the state field, as in "when count is above 0".`
      };
    text = text.slice(it[0].length);
  }
  const type: StateField['type'] | undefined = state[field]?.type;
  const ref = `state.${field}`;
  text = text.replace(
    /^(?:is|gets|goes|becomes)\s+(?=(?:negative|positive|zero|empty|on|off|checked|ticked|unchecked|true|false)\b)/,
    ''
  );
  if (type === 'number') {
    if (NUMBER_WORDS[text])
      return { ok: true, expr: `${ref} ${NUMBER_WORDS[text]}`, words: `${field} is ${text}` };
    for (const [re, op] of COMPARE) {
      const m = re.exec(text);
      if (!m) continue;
      const rest = text.slice(m[0].length).trim();
      const n = /^(-?\d+(?:\.\d+)?)(?:\s+or\s+(more|less|above|below))?$/.exec(rest);
      if (!n) continue;
      const inclusive = n[2] ? (/more|above/.test(n[2]) ? '>=' : '<=') : op;
      return {
        ok: true,
        expr: `${ref} ${inclusive} ${n[1]}`,
        words: `${field} ${inclusive} ${n[1]}`
      };
    }
  }
  if (type === 'boolean') {
    if (/^(?:on|checked|ticked|true|set|done)$/.test(text) || text === '')
      return { ok: true, expr: ref, words: `${field} is on` };
    if (/^(?:off|unchecked|unticked|false|not set)$/.test(text))
      return { ok: true, expr: `!${ref}`, words: `${field} is off` };
  }
  if (type === 'string') {
    if (/^(?:is\s+|are\s+|left\s+|still\s+)*(?:empty|blank)$/.test(text))
      return { ok: true, expr: `${ref}.trim() === ''`, words: `${field} is empty` };
    if (
      /^(?:is\s+|are\s+|has been\s+|have been\s+|gets\s+|get\s+)*(?:not empty|filled in|filled out|filled|typed in|entered|given)$/.test(
        text
      )
    )
      return { ok: true, expr: `${ref}.trim() !== ''`, words: `${field} is filled in` };
  }
  return {
    ok: false,
    text: `I could not read "${said}" as a condition on ${field} (${typeof type === 'string' ? type : 'a value'}). Say, for example, "when ${field} is above 0".`
  };
}

/**
 * Several conditions joined by "and" / "or": "the name and email are filled in" (the last part's
 * words go to the parts that have none), "the count is above 0 or the step is 5".
 */
export function readConditions(model: AppModel, node: NodeRecord, said: string): Condition {
  const joiner = /\s+(and|or)\s+/i.exec(said);
  if (!joiner) return readCondition(model, node, said);
  const op = joiner[1].toLowerCase() === 'and' ? ' && ' : ' || ';
  const parts = said.split(/\s+(?:and|or)\s+/i);
  const last = parts[parts.length - 1];
  const state = componentOf(model, node).state;
  // What the last part says of its field ("are filled in"), for the parts that say nothing.
  const field = Object.keys(state).find((name) =>
    new RegExp(`^(?:the\\s+)?${name}\\b`, 'i').test(last)
  );
  const tail = field
    ? last.replace(new RegExp(`^(?:the\\s+)?${field}(?:\\s+(?:box|field|input))?`, 'i'), '')
    : '';
  const read: string[] = [];
  const words: string[] = [];
  for (const part of parts) {
    let one = readCondition(model, node, part);
    if (!one.ok && tail) one = readCondition(model, node, `${part}${tail}`);
    if (!one.ok) return one;
    read.push(one.expr);
    words.push(one.words);
  }
  return {
    ok: true,
    expr: read.map((e) => `(${e})`).join(op),
    words: words.join(op === ' && ' ? ' and ' : ' or ')
  };
}
