/**
 * Looks the one-word style rule cannot say (issue 15): "make the Send button full width", "make
 * the clear button the same size as the add button", "make the checkbox a toggle" (another type
 * of element with the same binding, in the same place), and a look that follows the state ("the
 * number should turn green when it's above 0"). Each works on any element whose schema has the
 * props involved; anything else is a question. Pure.
 */
import { partQuestion } from './offline-part';
import { elementSchema } from '../schema/elements';
import {
  childrenOf,
  type JsonValue,
  type NodeRecord,
  type Op,
  type PropValue
} from '../model/types';
import { describeNode, findElement, findElements, leadingType, type Scene } from './offline-refs';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { an, literal } from './offline-text';
import { isStyleWord, styleChange } from './offline-style';
import { dependOnState } from './offline-when';
import { rowLook } from './offline-row-look';
import { hasStyle, literalStyle } from './offline-style-tokens';
import { readCondition } from './offline-condition';

// "whole" may already be gone ("the whole list" is the list), so after a verb of filling the
// width alone says it: "take up the width".
const FILLING = String.raw`(?:take\s+up|span|fill|stretch\s+across|stretch\s+to)\s+(?:the\s+)?(?:(?:full|whole|entire)[\s-])?(?:width|row|line)`;
const FULL = String.raw`(?:be\s+|go\s+)?(?:the\s+)?(?:full|whole|entire)[\s-](?:width|row|line)`;
const OF_WHAT = String.raw`(?:\s+of\s+(?:the\s+)?(?:card|form|page|screen|app|column|row))?`;
const FULL_WIDTH = new RegExp(
  String.raw`^(?:make|set|have|let)\s+(.+?)\s+(?:${FILLING}|${FULL})${OF_WHAT}$`,
  'i'
);
const FULL_WISH = new RegExp(
  String.raw`^(.+?)\s+(?:should|must|needs?\s+to|has\s+to)\s+(?:${FILLING}|${FULL})${OF_WHAT}$`,
  'i'
);
const STRETCH =
  /^(?:stretch|widen)\s+(.+?)\s+(?:across|to fill|over)\s+(?:the\s+)?(?:whole\s+|full\s+|entire\s+)?(?:width|card|form|page|screen|row|column)$/i;

/** "make the Send button full width", "the add button should take up the whole width". */
export function fullWidth(scene: Scene): RuleResult {
  const m =
    FULL_WIDTH.exec(scene.u.text) ?? FULL_WISH.exec(scene.u.text) ?? STRETCH.exec(scene.u.text);
  if (!m) return null;
  const rule = 'change-style';
  const found = findElements(scene, m[1]);
  if (!found.ok) return ask(rule, found.text);
  const ops: Op[] = [];
  for (const node of found.value) {
    const look = styleChange(node, 'full width');
    if (!look.ok) return ask(rule, look.text);
    ops.push({ op: 'setProp', id: node.id, name: look.change.prop, value: look.change.value });
  }
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Make ${found.value.map(describeNode).join(', ')} full width (style width "full")`
  };
}

const SAME =
  /^(?:make|set|give)\s+(.+?)\s+(?:the\s+)?same\s+(size|colou?r|width|style|look)\s+(?:as|like)\s+(.+)$/i;
const SAME_WISH =
  /^(.+?)\s+should\s+(?:be|have)\s+the\s+same\s+(size|colou?r|width|style|look)\s+(?:as|like)\s+(.+)$/i;
const AS_BIG = /^make\s+(.+?)\s+(?:as\s+)(big|large|small|wide)\s+as\s+(.+)$/i;

/** The props that make up one aspect of a look. */
const ASPECT: Readonly<Record<string, readonly string[]>> = {
  size: ['size', 'level', 'rows', 'style.fontSize', 'style.width', 'style.padding'],
  width: ['style.width'],
  colour: ['variant', 'tone', 'color', 'style.background', 'style.color', 'style.borderColor'],
  look: ['variant', 'tone', 'size', 'style']
};

/** "make the clear done button the same size as the add button": the other's props copied. */
export function sameLook(scene: Scene): RuleResult {
  const m = SAME.exec(scene.u.text) ?? SAME_WISH.exec(scene.u.text);
  const big = m ? null : AS_BIG.exec(scene.u.text);
  if (!m && !big) return null;
  const [, ref, said, other] = (m ?? big)!;
  const aspect = big
    ? /wide/i.test(said)
      ? 'width'
      : 'size'
    : /colou?r/i.test(said)
      ? 'colour'
      : /style|look/i.test(said)
        ? 'look'
        : said.toLowerCase();
  const rule = 'change-style';
  const targets = findElements(scene, ref);
  if (!targets.ok) return ask(rule, targets.text);
  const model = findElement(scene, other);
  if (!model.ok) return ask(rule, model.text);
  const ops: Op[] = [];
  for (const node of targets.value) {
    if (node.id === model.value.id) continue;
    if (node.type !== model.value.type)
      return ask(
        rule,
        `${describeNode(node)} and ${describeNode(model.value)} are different kinds of element, so their ${aspect} settings differ. Say the ${aspect} you want, for example "make ${describeNode(node)} bigger".`
      );
    const style: Record<string, JsonValue> = { ...(literalStyle(node) ?? {}) };
    const from = literalStyle(model.value);
    if (literalStyle(node) === null || from === null)
      return ask(rule, `A style here is an expression; copy it in the inspector.`);
    let styleChanged = false;
    for (const key of ASPECT[aspect]) {
      if (key === 'style') {
        Object.assign(style, from);
        styleChanged = true;
      } else if (key.startsWith('style.')) {
        const k = key.slice(6);
        if (style[k] === from[k]) continue;
        if (from[k] === undefined) delete style[k];
        else style[k] = from[k];
        styleChanged = true;
      } else if (elementSchema(node.type)?.properties[key]) {
        const want = model.value.props[key] ?? elementSchema(node.type)!.properties[key].default;
        if (want === undefined || JSON.stringify(want) === JSON.stringify(node.props[key]))
          continue;
        ops.push({ op: 'setProp', id: node.id, name: key, value: want as PropValue });
      }
    }
    if (styleChanged && JSON.stringify(style) !== JSON.stringify(literalStyle(node)))
      ops.push({ op: 'setProp', id: node.id, name: 'style', value: style as PropValue });
  }
  if (!ops.length) return ask(rule, `They already have the same ${aspect}; nothing to change.`);
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Give ${targets.value.map(describeNode).join(', ')} the ${aspect} of ${describeNode(model.value)}`
  };
}

const RETYPE = [
  /^(?:make|turn|change|convert|switch)\s+(.+?)\s+(?:in)?to\s+(?:a|an)\s+(.+?)(?:\s+instead)?$/i,
  /^(?:make|turn)\s+(.+?)\s+(?:a|an)\s+(.+?)(?:\s+instead)?$/i,
  /^(?:replace|swap)\s+(.+?)\s+(?:with|for)\s+(?:a|an)\s+(.+?)$/i,
  /^(.+?)\s+should\s+be\s+(?:a|an)\s+(.+?)(?:\s+instead)?$/i
];
const USE_INSTEAD = /^use\s+(?:a|an)\s+(.+?)\s+instead\s+of\s+(.+)$/i;

/** The props that carry an element's meaning: lost in a change of type, they are a question. */
const MEANING = /^(?:on[A-Z]\w*|value|checked|items|when|href|src)$/;

/**
 * "make the checkbox a toggle", "replace the message box with a text field": a new element of
 * the type said, with every prop both schemas have (so its binding and handlers stay), where the
 * old one was; the old one removed. A prop with meaning the new type cannot hold is a question.
 */
export function changeType(scene: Scene, temps: TempIds): RuleResult {
  let ref: string | undefined;
  let typeWords: string | undefined;
  const use = USE_INSTEAD.exec(scene.u.text);
  if (use) [ref, typeWords] = [use[2], use[1]];
  else
    for (const re of RETYPE) {
      const m = re.exec(scene.u.text);
      if (m) {
        [ref, typeWords] = [m[1], m[2]];
        break;
      }
    }
  if (!ref || !typeWords) return null;
  // "a number box": the number input ("a phone number box" elsewhere is a text field).
  const kind = leadingType(
    scene.model,
    typeWords.replace(/^(?:number|numeric)\s+(?:box|field|input)\b/i, 'numberinput')
  );
  // Only a bare type: "make the heading a bit bigger" is not a new type. "… with a number box
  // for the step" names the field the element is bound to, which the new one keeps.
  const forField = kind?.rest
    ? /^(?:for|of|holding|bound to)\s+(?:the\s+)?(.+)$/i.exec(kind.rest)
    : null;
  if (!kind || (kind.rest && !forField)) return null;
  const rule = 'change-type';
  const found = findElement(scene, ref);
  if (!found.ok) return ask(rule, found.text);
  const node = found.value;
  if (forField && !bindsField(node, forField[1]))
    return ask(
      rule,
      `I would put ${an(kind.word)} in place of ${describeNode(node)}, keeping what it is bound to, but I did not read "${literal(scene.u, kind.rest)}" as that, so I have changed nothing.`
    );
  const schema = elementSchema(kind.type);
  if (node.type === 'Each' || node.type === 'If' || kind.type === 'Each' || kind.type === 'If')
    return ask(
      rule,
      `A list or a condition holds other elements over the data; ${describeNode(node)} cannot become ${an(kind.word)} or be made from one offline.`
    );
  if (!schema || !elementSchema(node.type))
    return ask(
      rule,
      `I can change one element into another kind only between the built-in elements.`
    );
  if (node.type === kind.type)
    return ask(rule, `${describeNode(node)} is already ${an(kind.word)}.`);
  if (childrenOf(scene.model, node.id).length)
    return ask(
      rule,
      `${describeNode(node)} holds other elements; changing its kind would move them. Add ${an(kind.word)} and move them into it.`
    );
  const props: Record<string, PropValue> = {};
  const lost: string[] = [];
  for (const [key, value] of Object.entries(node.props)) {
    if (schema.properties[key] && sameKind(node.type, kind.type, key)) props[key] = value;
    else if (MEANING.test(key)) lost.push(key);
  }
  // A label is the text of one and the label of the other ("Heading" text → a Button's label).
  const text = node.props.text ?? node.props.label ?? node.props.title;
  for (const key of ['label', 'text', 'title'])
    if (text !== undefined && props[key] === undefined && schema.properties[key]) {
      props[key] = text;
      break;
    }
  if (kind.type === 'Link' && !props.href)
    return ask(
      rule,
      `A link to where? ${describeNode(node)} has no address; say "add a link to https://…" and remove it if you like.`
    );
  // A button that does nothing is never added (issue 15): only one that keeps a click handler.
  if (kind.type === 'Button' && !props.onClick)
    return ask(
      rule,
      `A button needs something to do, and ${describeNode(node)} runs nothing. Add a button that runs one of the app's actions instead ("add a button labelled Go that runs …").`
    );
  if (lost.length)
    return ask(
      rule,
      `${an(kind.word, true)} has no ${lost.join(' or ')} like ${describeNode(node)}'s, so what it does would be lost. Which element should do it?`
    );
  const parent = node.parent;
  if (!parent) return ask(rule, `${describeNode(node)} is the root of its component.`);
  const index = childrenOf(scene.model, parent).indexOf(node.id);
  const id = temps.next();
  return {
    kind: 'batch',
    rule,
    ops: [
      { op: 'addNode', parent, index, type: kind.type, id, props },
      { op: 'removeNode', id: node.id }
    ],
    summary: `Replace ${describeNode(node)} with ${an(kind.type)} in the same place, keeping ${Object.keys(props).join(', ') || 'nothing'}`
  };
}

/** Whether a node is bound to the state field the words name ("the step" → `step`). */
function bindsField(node: NodeRecord, words: string): boolean {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return Object.values(node.props).some(
    (v) =>
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      '$bind' in v &&
      plain(String(v.$bind)) === plain(words)
  );
}

/** A prop of one type that means the same on the other (a `size` scale may differ). */
function sameKind(from: string, to: string, key: string): boolean {
  const a = elementSchema(from)?.properties[key];
  const b = elementSchema(to)?.properties[key];
  if (!a || !b) return false;
  return JSON.stringify(a.enum ?? null) === JSON.stringify(b.enum ?? null) && a.type === b.type;
}

const WHEN_LOOK = [
  /^(?:make|turn|colou?r|paint|show)\s+(.+?)\s+(?:in\s+)?(\w+(?:[\s-]width)?)\s+(?:when(?:ever)?|if|once|while)\s+(.+)$/i,
  /^(.+?)\s+(?:should|must|needs? to|has to|could|will)\s+(?:turn|be|go|become|look|show|get)\s+(?:in\s+)?(\w+)\s+(?:when(?:ever)?|if|once|while)\s+(.+)$/i,
  /^(.+?)\s+(?:turns?|goes|becomes)\s+(\w+)\s+(?:when(?:ever)?|if|once|while)\s+(.+)$/i
];
const LOOK_FIRST =
  /^(?:when(?:ever)?|if|once|while)\s+(.+?),?\s+(?:make|turn|colou?r|show)\s+(.+?)\s+(?:in\s+)?(\w+)$/i;

/**
 * "the number should turn green when it's above 0": the style change, as an expression of the
 * condition that switches between it and the look the element has now.
 */
export function conditionalLook(scene: Scene): RuleResult {
  let ref: string | undefined;
  let word: string | undefined;
  let cond: string | undefined;
  const first = LOOK_FIRST.exec(scene.u.text);
  if (first) [cond, ref, word] = [first[1], first[2], first[3]];
  else
    for (const re of WHEN_LOOK) {
      const m = re.exec(scene.u.text);
      if (m) {
        [ref, word, cond] = [m[1], m[2], m[3]];
        break;
      }
    }
  if (!ref || !word || !cond) return null;
  const rule = 'conditional-style';
  const found = findElement(scene, ref);
  if (!found.ok) return null;
  const node = found.value;
  const look = styleChange(node, word);
  if (!look.ok) return ask(rule, look.text);
  const test = readCondition(scene.model, node, cond);
  if (!test.ok) return ask(rule, test.text);
  const { prop, value } = look.change;
  const now =
    prop === 'style' && hasStyle(node)
      ? literalStyle(node)
      : ((node.props[prop] ??
          elementSchema(node.type)?.properties[prop]?.default ??
          null) as JsonValue | null);
  if (now === null || (typeof now === 'object' && !Array.isArray(now) && '$expr' in now))
    return ask(
      rule,
      `${describeNode(node)}'s ${prop} is already an expression or has no value to come back to; change it in the inspector.`
    );
  return {
    kind: 'batch',
    rule,
    ops: [
      {
        op: 'setProp',
        id: node.id,
        name: prop,
        value: { $expr: `${test.expr} ? ${js(value as JsonValue)} : ${js(now)}` }
      }
    ],
    summary: `Make ${describeNode(node)} ${word.toLowerCase()} while ${test.words} (${look.change.words}), as it is otherwise`
  };
}

/** A JSON value as a JavaScript literal (object keys unquoted when they are names). */
function js(value: JsonValue): string {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[A-Za-z_]\w*$/.test(k) ? k : JSON.stringify(k)}: ${js(v)}`)
      .join(', ')} }`.replace('{  }', '{}');
  return typeof value === 'string' ? `'${value.replace(/['\\]/g, '\\$&')}'` : JSON.stringify(value);
}

const SHOW_IN =
  /^(?:show|display|render|print|write)\s+(.+?)\s+in\s+(?:a\s+|the\s+)?(\w+)(?:\s+(?:colou?r|text|font|letters))?$/i;
const VERBLESS =
  /^(?:the\s+)?(.+?)\s+(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|much\s+|way\s+)?(\S+)$/i;

/**
 * A look said without "make": "show the thank you text in green", "counter card smaller", "send
 * button red". Only a style word after words that name one element (or several, for a plural).
 */
export function lookWithoutMake(scene: Scene): RuleResult {
  const m = SHOW_IN.exec(scene.u.text) ?? VERBLESS.exec(scene.u.text);
  if (
    !m ||
    !isStyleWord(m[2]) ||
    /^(?:make|turn|colou?r|paint|style|render|set|change|cent(?:er|re)|align|move|put|place)\b/i.test(
      scene.u.text
    )
  )
    return null;
  const found = findElements(scene, m[1]);
  if (!found.ok) return null;
  const rule = 'change-style';
  const ops: Op[] = [];
  const said: string[] = [];
  for (const node of found.value) {
    const part = partQuestion(m[1], node, m[2]);
    if (part) return ask(rule, part);
    const look = styleChange(node, m[2]);
    if (!look.ok) return ask(rule, look.text);
    ops.push({ op: 'setProp', id: node.id, name: look.change.prop, value: look.change.value });
    said.push(`${describeNode(node)} ${m[2].toLowerCase()}: ${look.change.words}`);
  }
  return { kind: 'batch', rule, ops, summary: `Make ${said.join('; ')}` };
}

/** The look rules in order: a condition first, since its look part alone is a plain restyle. */
export function restyle(scene: Scene, temps: TempIds): RuleResult {
  return (
    conditionalLook(scene) ??
    dependOnState(scene, temps) ??
    rowLook(scene) ??
    fullWidth(scene) ??
    sameLook(scene) ??
    changeType(scene, temps) ??
    lookWithoutMake(scene)
  );
}
