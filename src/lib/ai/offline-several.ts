/**
 * Several elements of one type added at once, each with its own text, optionally laid out:
 * "three buttons in a row: Red, Green, Blue", "a 2 column grid with four cards titled One, Two,
 * Three and Four", "a row of badges New, Hot and Sale". The texts are a list, so the request is
 * read whole (its commas and "and"s join the list, they start no instruction). A count that does
 * not match the texts is a question. Pure.
 */
import type { Op, PropValue } from '../model/types';
import { leadingType, type Scene } from './offline-refs';
import { literal } from './offline-text';
import { textProp } from './offline-edit';
import { buttonAction } from './offline-add';
import { numberOf } from './offline-numbers';
import { splitPlacement } from './offline-place';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RULE = 'add-several';

/** Types a list of texts can name one by one: each shows one text of its own. */
const TEXTED = new Set(['Button', 'Heading', 'Text', 'Card', 'Badge', 'Link']);

type Layout = { kind: 'row' } | { kind: 'grid'; columns: number | undefined } | { kind: 'none' };

interface Reading {
  readonly type: string;
  readonly count: number | undefined;
  readonly texts: readonly string[];
  readonly layout: Layout;
  /** The words after the texts that may say where ("at the top"), else empty. */
  readonly rest: string;
}

const NUMBER = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)`;
const VERB =
  /^(?:(?:add|put|create|make|insert|place|build|show|give me|i want|i need)\s+)?(?:me\s+)?/i;
// "a 2 column grid with …", "a grid of three columns with …", "a row of …", "a grid with …"
const CONTAINER_FIRST: readonly [RegExp, (m: RegExpExecArray) => Layout][] = [
  [
    new RegExp(
      String.raw`^(?:an?\s+)?${NUMBER}[\s-]col(?:umn)?s?\s+grid\s+(?:with|of|holding|containing|that has)\s+`,
      'i'
    ),
    (m) => ({ kind: 'grid', columns: amount(m[1]) })
  ],
  [
    new RegExp(
      String.raw`^(?:an?\s+)?grid\s+(?:of|with)\s+${NUMBER}\s+columns?\s+(?:with|of|holding|containing)\s+`,
      'i'
    ),
    (m) => ({ kind: 'grid', columns: amount(m[1]) })
  ],
  [/^(?:an?\s+)?grid\s+(?:of|with)\s+/i, () => ({ kind: 'grid', columns: undefined })],
  [/^(?:an?\s+)?(?:row|line)\s+(?:of|with)\s+/i, () => ({ kind: 'row' })]
];
// "… in a row", "… side by side", "… in a 3 column grid"
const LAYOUT_AFTER: readonly [RegExp, (m: RegExpExecArray) => Layout][] = [
  [
    /\s*,?\s*(?:in|on)\s+(?:a|one)\s+(?:single\s+)?(?:row|line)\b|\s+side[\s-]by[\s-]side\b|\s+next to each other\b|\s+horizontally\b/i,
    () => ({ kind: 'row' })
  ],
  [
    new RegExp(String.raw`\s*,?\s*in\s+an?\s+${NUMBER}[\s-]col(?:umn)?s?\s+grid\b`, 'i'),
    (m) => ({ kind: 'grid', columns: amount(m[1]) })
  ],
  [/\s*,?\s*in\s+a\s+grid\b/i, () => ({ kind: 'grid', columns: undefined })],
  // "… in 2 columns": a grid said by its columns alone.
  [
    new RegExp(String.raw`\s*,?\s*in\s+${NUMBER}\s+columns\b`, 'i'),
    (m) => ({ kind: 'grid', columns: amount(m[1]) })
  ]
];
const NAMING =
  /^(?:in it\s*)?(?::\s*|,\s*(?=[^,]+,)|(?:titled|called|named|labell?ed|saying|reading|that say|with (?:the )?(?:texts?|labels?|titles?))\s*:?\s+)/i;

/** "2" or "two". */
function amount(said: string): number | undefined {
  return /^\d+$/.test(said) ? Number(said) : numberOf(said);
}

function layoutAfter(text: string): { layout: Layout; text: string } {
  for (const [re, make] of LAYOUT_AFTER) {
    const m = re.exec(text);
    if (m)
      return {
        layout: make(m),
        text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim()
      };
  }
  return { layout: { kind: 'none' }, text };
}

/** The texts of a list: "Red, Green and Blue", each literal (quotes kept as typed). */
function textsOf(scene: Scene, said: string): string[] {
  return said
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => literal(scene.u, p));
}

/** The request read as several elements, or null when it is not that kind. */
export function readSeveral(scene: Scene, text: string): Reading | null {
  // "buttons: Red, Green": the colon parted from the type word, which must stand alone.
  // "menu: 4 cards …": a word that heads the elements, before their count, is not read.
  const headed = text.replace(
    new RegExp(String.raw`^[a-z]+(?:\s+[a-z]+)?\s*:\s*(?=${NUMBER}\s)`, 'i'),
    ''
  );
  let rest = headed.replace(VERB, '').replace(/\s*:\s*/, ' : ');
  let layout: Layout = { kind: 'none' };
  for (const [re, make] of CONTAINER_FIRST) {
    const m = re.exec(rest);
    if (m) {
      layout = make(m);
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const counted = new RegExp(String.raw`^${NUMBER}\s+`, 'i').exec(rest);
  const count = counted ? amount(counted[1]) : undefined;
  if (counted) rest = rest.slice(counted[0].length);
  const lead = leadingType(scene.model, rest);
  if (!lead || !TEXTED.has(lead.type)) return null;
  // A plural type: "buttons", "cards" (the type word alone is one element).
  if (!new RegExp(`^${lead.word}(?:e?s)\\b`, 'i').test(rest)) return null;
  let after = lead.rest;
  if (layout.kind === 'none') ({ layout, text: after } = layoutAfter(after));
  const naming = NAMING.exec(after);
  // "add three headings": how many, but not what they say (a question, never "three" as a text).
  if (!after && count !== undefined && count > 1)
    return { type: lead.type, count, texts: [], layout, rest: '' };
  // Without "called" or a colon, only names that look like names: capitalised or quoted
  // ("a row of badges New, Hot and Sale"), and only with a count or a layout.
  const bare =
    !naming &&
    (count !== undefined || layout.kind !== 'none') &&
    after.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).every((p) => /^(?:⟦\d+⟧|[A-Z0-9])/.test(p));
  if (!naming && !bare) return null;
  if (naming) after = after.slice(naming[0].length);
  // A layout said after the texts: "buttons called A, B and C side by side".
  if (layout.kind === 'none') ({ layout, text: after } = layoutAfter(after));
  const place =
    /\s+(?:at|to|on|above|below|under|before|after|inside|into)\s+(?:the\s+)?(?:top|bottom|start|end|heading|title|card|list|button|⟦\d+⟧)\b.*$/i.exec(
      after
    );
  const names = place ? after.slice(0, place.index) : after;
  const texts = textsOf(scene, names);
  if (texts.length < 2) return null;
  return { type: lead.type, count, texts, layout, rest: place ? place[0].trim() : '' };
}

/** Whether the whole request is one several-elements request (its list is not instructions). */
export function severalWhole(scene: Scene): boolean {
  return readSeveral(scene, scene.u.text) !== null;
}

/**
 * Adds the elements, in the order said, each with its text: inside a new row or grid when one is
 * said, else one after another where a new element goes.
 */
export function addSeveral(scene: Scene, temps: TempIds): RuleResult {
  const said = readSeveral(scene, scene.u.text);
  if (!said) return null;
  const { type, texts, layout } = said;
  if (texts.length === 0)
    return ask(
      RULE,
      `What should the ${said.count} ${type}s say? Name them in order, as in "add ${said.count} ${type.toLowerCase()}s called A, B and C".`
    );
  if (said.count !== undefined && said.count !== texts.length)
    return ask(
      RULE,
      `You asked for ${said.count} but named ${texts.length} (${texts.join(', ')}). Which ${type}s should I add? (Put each text in quotes if one contains a comma or "and".)`
    );
  const prop = textProp(scene, type);
  if (!prop) return null;
  const split = splitPlacement(scene, said.rest, false);
  if (!split.ok) return ask(RULE, split.text);
  if (split.value.before) return null;
  const { place } = split.value;
  const ops: Op[] = [];
  let parent: string = place.parent.id;
  let index = place.index;
  let holder = '';
  if (layout.kind !== 'none') {
    const id = temps.next();
    const columns = layout.kind === 'grid' ? (layout.columns ?? Math.min(texts.length, 3)) : 0;
    const props: Record<string, PropValue> =
      layout.kind === 'row'
        ? { direction: 'horizontal', gap: 'sm', align: 'center' }
        : { columns, gap: 'md' };
    ops.push({
      op: 'addNode',
      parent,
      ...(index === undefined ? {} : { index }),
      type: layout.kind === 'row' ? 'Stack' : 'Grid',
      id,
      props
    });
    holder = layout.kind === 'row' ? ' in a new row' : ` in a new ${columns}-column Grid`;
    parent = id;
    index = undefined;
  }
  for (const [i, text] of texts.entries()) {
    const props: Record<string, PropValue> = { [prop]: text };
    // A button that does nothing is never added (as with one button): each runs the app's
    // action its text names, or the whole request is the question.
    if (type === 'Button') {
      const action = buttonAction(scene, place.parent, text);
      if (!action.ok) return ask(RULE, `About the "${text}" button: ${action.text}`);
      props.onClick = { $handler: action.value };
    }
    ops.push({
      op: 'addNode',
      parent,
      ...(index === undefined ? {} : { index: index + i }),
      type,
      id: temps.next(),
      props
    });
  }
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `Add ${texts.length} ${type}s${holder} ${place.words}: ${texts.map((t) => `"${t}"`).join(', ')}`
  };
}
