/**
 * A new text that depends on a number or a field: "show 'High score!' when the count passes 20"
 * (a Text inside a new If whose `when` is the condition), "under the number show whether it's
 * even or odd" (a Text whose text is chosen by the value). Conditions are read by
 * offline-condition.ts. The text goes where said, else right after what shows the field. Pure.
 *
 * Never wrong: every word is read (the text, the condition, the place); a condition that cannot
 * be read is a question.
 */
import { childrenOf, rootComponent, type NodeRecord, type Op } from '../model/types';
import { describeNode, findElements, readingOrder, type Scene } from './offline-refs';
import { anchorOf } from './offline-history';
import { literal, quoteOf } from './offline-text';
import { readConditions } from './offline-condition';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RULE = 'conditional-text';

const PLACE = String.raw`(?:(under|below|beneath|underneath|above|after|before)\s+(?:the\s+)?(.+?))`;
/** "show 'High score!' when …", "show a message saying Well done once …", "display X if …". */
const SHOW_WHEN = new RegExp(
  String.raw`^(?:${PLACE}\s*,?\s*)?(?:show|display|add|put|pop up)\s+(?:an?\s+(?:text|message|line|note|label|badge)\s+(?:saying|that says|reading)\s+)?(.+?)\s+(?:when(?:ever)?|once|if|as soon as)\s+(.+?)(?:\s*,\s*${PLACE})?$`,
  'i'
);
/** "show whether it's even or odd", "show if the number is positive or negative". */
const SHOW_WHETHER = new RegExp(
  String.raw`^(?:${PLACE}\s*,?\s*)?(?:show|display|say|tell me)\s+(?:whether|if)\s+(.+?)\s+(?:is\s+)?(even or odd|odd or even|positive or negative|negative or positive)(?:\s*,?\s*${PLACE})?$`,
  'i'
);
// Other ways of saying a comparison, as offline-condition reads it.
const PASSES: readonly [RegExp, string][] = [
  [
    /\b(?:passes|exceeds|goes (?:over|above|past)|gets (?:over|above|past)|is over|tops)\b/i,
    'is above'
  ],
  [/\b(?:drops below|falls below|goes below|goes under|dips below)\b/i, 'is below']
];

/**
 * The subject as offline-condition reads it: an element the request named by its id (the
 * planner's own rewriting of "the number") is "it", the value that element shows.
 */
function subject(scene: Scene, said: string): { words: string; about?: NodeRecord } {
  const id = /^(\w+)\b/.exec(said)?.[1];
  const node = id ? scene.model.nodes.get(id) : undefined;
  return node ? { words: `it${said.slice(id!.length)}`, about: node } : { words: said };
}

/** The element that shows a state field alone ("the number"), first in reading order. */
function showing(scene: Scene, field: string | null): NodeRecord | undefined {
  const component = rootComponent(scene.model);
  return readingOrder(scene.model).find(
    (n) =>
      n.component === component?.id &&
      Object.values(n.props).some((v) => {
        const expr = v && typeof v === 'object' && '$expr' in v ? String(v.$expr) : '';
        return field
          ? new RegExp(String.raw`\bstate\.${field}\b`).test(expr)
          : /\bstate\./.test(expr);
      })
  );
}

/** Where the new text goes: after (or before) the element named, else after `fallback`. */
function slot(
  scene: Scene,
  where: string | undefined,
  ref: string | undefined,
  fallback: NodeRecord | undefined
): { ok: true; parent: NodeRecord; index: number | undefined } | { ok: false; text: string } {
  let anchor = fallback;
  let up = false;
  if (where && ref) {
    const found = findElements(scene, ref);
    if (!found.ok) return found;
    up = /^(?:above|before)$/i.test(where);
    anchor = anchorOf(scene, found.value, !up);
  }
  if (!anchor?.parent) {
    const root = scene.model.nodes.get(rootComponent(scene.model)!.root)!;
    return { ok: true, parent: root, index: undefined };
  }
  const parent = scene.model.nodes.get(anchor.parent)!;
  return {
    ok: true,
    parent,
    index: childrenOf(scene.model, parent.id).indexOf(anchor.id) + (up ? 0 : 1)
  };
}

/** "show 'High score!' when the count passes 20", "show whether it's even or odd". */
export function conditionalText(scene: Scene, temps: TempIds): RuleResult {
  const component = rootComponent(scene.model);
  if (!component) return null;
  // "show underneath the number whether it's odd or even, in small text": the place may come
  // before "whether", and the size of the text after it.
  const small = /\s*,?\s+in\s+(?:small|smaller|little|tiny)\s+(?:text|letters|writing|print)$/i;
  const asked = scene.u.text
    .replace(small, '')
    .replace(
      /^(show|display|say)\s+((?:under(?:neath)?|below|beneath|above|next to)\s+\S.*?)\s+((?:whether|if)\s+.+)$/i,
      '$1 $3 $2'
    );
  const whether = SHOW_WHETHER.exec(asked);
  if (whether) {
    const turn = evenOdd({ ...scene, u: { ...scene.u, text: asked } }, temps, whether);
    // The small text asked for is the new Text's size.
    if (turn?.kind === 'batch' && small.test(scene.u.text))
      for (const op of turn.ops) if (op.op === 'addNode') op.props = { ...op.props, size: 'sm' };
    return turn;
  }
  const m = SHOW_WHEN.exec(scene.u.text);
  if (!m) return null;
  const [, where1, ref1, said, cond, where2, ref2] = m;
  // The text must be one text: quoted, or a few words (a verb inside is another instruction).
  const quoted = quoteOf(scene.u, said);
  if (
    quoted === undefined &&
    (said.split(/\s+/).length > 4 || /^(?:the|a|an|it|this|my)\b/i.test(said))
  )
    return null;
  // "show Reset when …" names the Reset button: showing it is offline-when's, not a new text.
  if (findElements(scene, said).ok) return null;
  const text = quoted ?? literal(scene.u, said);
  const said2 = subject(scene, cond);
  let words = said2.words;
  for (const [re, to] of PASSES) words = words.replace(re, to);
  const root = scene.model.nodes.get(component.root)!;
  // "it" is the number the app shows; offline-condition reads it off the element showing it.
  const about = said2.about ?? showing(scene, null) ?? root;
  const read = readConditions(scene.model, about, words);
  // Unread, the request is left to the other rules: the add rule asks about a text that holds
  // a condition, and suggests quoting it.
  if (!read.ok) return null;
  const field = /\bstate\.(\w+)/.exec(read.expr)?.[1] ?? null;
  const place = slot(scene, where1 ?? where2, ref1 ?? ref2, showing(scene, field));
  if (!place.ok) return ask(RULE, place.text);
  const wrap = temps.next();
  const ops: Op[] = [
    {
      op: 'addNode',
      parent: place.parent.id,
      ...(place.index === undefined ? {} : { index: place.index }),
      type: 'If',
      id: wrap,
      props: { when: { $expr: read.expr } }
    },
    { op: 'addNode', parent: wrap, type: 'Text', id: temps.next(), props: { text } }
  ];
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `Add a Text "${text}" in ${describeNode(place.parent)}, shown only while ${read.words}`
  };
}

function evenOdd(scene: Scene, temps: TempIds, m: RegExpExecArray): RuleResult {
  const [, where1, ref1, said, pair, where2, ref2] = m;
  const component = rootComponent(scene.model)!;
  const named = subject(scene, said);
  const about = named.about ?? showing(scene, null) ?? scene.model.nodes.get(component.root)!;
  // The subject alone, compared with 0, names the field the way offline-condition reads it.
  const read = readConditions(scene.model, about, `${named.words} is above 0`);
  if (!read.ok) return ask(RULE, read.text);
  const field = /\bstate\.(\w+)/.exec(read.expr)?.[1];
  if (!field || component.state[field]?.type !== 'number')
    return ask(RULE, `Which number should I say that of? Name its state field.`);
  const ref = `state.${field}`;
  const expr = /even|odd/i.test(pair)
    ? `${ref} % 2 === 0 ? 'Even' : 'Odd'`
    : `${ref} > 0 ? 'Positive' : ${ref} < 0 ? 'Negative' : 'Zero'`;
  const place = slot(scene, where1 ?? where2, ref1 ?? ref2, showing(scene, field));
  if (!place.ok) return ask(RULE, place.text);
  return {
    kind: 'batch',
    rule: RULE,
    ops: [
      {
        op: 'addNode',
        parent: place.parent.id,
        ...(place.index === undefined ? {} : { index: place.index }),
        type: 'Text',
        id: temps.next(),
        props: { text: { $expr: expr } }
      }
    ],
    summary: `Add a Text in ${describeNode(place.parent)} that says whether ${field} is ${pair.toLowerCase()}: {${expr}}`
  };
}
