/**
 * The offline rules that edit an element already there: remove it, move it, change its text,
 * change its look; and what they share with the other rules (the prop holding an element's text,
 * the question for words that were not read). Each reads the request (an Utterance in a Scene)
 * and returns a proposal, a question, or null when the request is not its kind. Pure. Adding an
 * element is offline-add.ts; renaming the app, a component or a state field is offline-rename.ts.
 */
import { partQuestion } from './offline-part';
import { elementSchema, ELEMENTS } from '../schema/elements';
import { componentByName, subtreeIds, type NodeRecord, type Op } from '../model/types';
import {
  componentOf,
  describeNode,
  findElement,
  findElements,
  namesExactly,
  type Scene
} from './offline-refs';
import { placement } from './offline-place';
import { isColour, isStyleWord, styleChange, styleOptions } from './offline-style';
import { an, carriesInstruction, literal, quoteOf } from './offline-text';
import { ask, type RuleResult } from './offline-turn';
import { alsoText } from './offline-also-text';

/** The prop that holds an element's text: `text` of a Heading, `label` of a Button, ... */
export function textProp(scene: Scene, type: string, asked?: string): string | undefined {
  const schema = elementSchema(type);
  const names = schema
    ? Object.entries(schema.properties)
        .filter(([, p]) => p.type === 'string' && p['x-kinds'].includes('literal'))
        .map(([name]) => name)
    : Object.entries(componentByName(scene.model, type)?.props ?? {})
        .filter(([, d]) => d.type === 'string')
        .map(([name]) => name);
  if (asked && names.includes(asked)) return asked;
  return ['text', 'label', 'title'].find((p) => names.includes(p));
}

/** The question for text that seems to carry a second instruction the planner did not read. */
export function unread(rule: string, text: string): RuleResult {
  return ask(
    rule,
    `Should the text be exactly "${text}"? It reads like a second instruction I did not understand, so I have changed nothing. Put the text in quotes if it is meant as written, or ask for the other part on its own.`
  );
}

const REMOVE = /^(?:remove|delete|drop|erase|get rid of|take out|take away|trash|kill)\s+(.+)$/i;

/** "remove the clear done button", "delete this". */
export function removeElement(scene: Scene): RuleResult {
  const rule = 'remove-element';
  const m = REMOVE.exec(scene.u.text);
  if (!m) return null;
  let found = findElements(scene, m[1]);
  const from = /^(.+?)\s+from\s+.+$/i.exec(m[1]);
  if (!found.ok && from) {
    const retry = findElements(scene, from[1]);
    if (retry.ok) found = retry;
  }
  if (!found.ok) return ask(rule, found.text);
  const ops: Op[] = [];
  const said: string[] = [];
  for (const node of found.value) {
    if (node.parent === null)
      return ask(
        rule,
        `${describeNode(node)} is the root of component ${componentOf(scene.model, node).name} and cannot be removed. Which element inside it do you mean?`
      );
    // An element inside another one removed here goes with it.
    if (found.value.some((o) => o !== node && subtreeIds(scene.model, o.id).includes(node.id)))
      continue;
    const inside = subtreeIds(scene.model, node.id).length - 1;
    ops.push({ op: 'removeNode', id: node.id });
    said.push(
      `${describeNode(node)}${inside > 0 ? ` and the ${inside} element${inside > 1 ? 's' : ''} inside it` : ''}`
    );
  }
  const readers = stillRead(scene, ops);
  if (readers) return ask(rule, readers);
  return { kind: 'batch', rule, ops, summary: `Remove ${said.join('; ')}` };
}

/**
 * The question when a removed input is the only one that sets a field that code still reads:
 * "remove the email field" would leave `submit` requiring an email nobody can type, a form that
 * never sends. Removing those uses is not a word rule's job, so it asks.
 */
function stillRead(scene: Scene, ops: readonly Op[]): string | null {
  const { model } = scene;
  const gone = new Set(
    ops.flatMap((op) => (op.op === 'removeNode' ? subtreeIds(model, op.id) : []))
  );
  const bindsOf = (node: NodeRecord) =>
    Object.values(node.props).flatMap((v) =>
      v && typeof v === 'object' && '$bind' in v && typeof v.$bind === 'string' ? [v.$bind] : []
    );
  const kept = [...model.nodes.values()].filter((n) => !gone.has(n.id));
  for (const id of gone) {
    const node = model.nodes.get(id)!;
    const component = model.components.get(node.component)!;
    for (const field of bindsOf(node)) {
      if (kept.some((n) => n.component === node.component && bindsOf(n).includes(field))) continue;
      // Read, not only written: `state.email.includes(…)`, not `state.email = ''`.
      const reads = new RegExp(`state\\.${field}\\b(?!\\s*=(?!=))`);
      const users = [
        // A guard, not any read: a handler that stops without the value, a button disabled
        // or a part hidden until it is there. `count += step` still works with step as it is.
        ...Object.entries(component.handlers)
          .filter(([, h]) =>
            h.body
              .split(/[;\n]/)
              .some((line) => /\bif\s*\(|\breturn\b|\bthrow\b/.test(line) && reads.test(line))
          )
          .map(([name]) => `the handler ${name}`),
        ...kept
          .filter(
            (n) =>
              n.component === node.component &&
              Object.entries(n.props).some(
                ([prop, v]) =>
                  (prop === 'disabled' || prop === 'when') &&
                  v &&
                  typeof v === 'object' &&
                  '$expr' in v &&
                  typeof v.$expr === 'string' &&
                  reads.test(v.$expr)
              )
          )
          .map(describeNode)
      ];
      if (users.length > 0)
        return `${describeNode(node)} is the only way to fill in ${field}, and ${users.slice(0, 3).join(', ')} wait${users.length === 1 ? 's' : ''} for it: without the input they would wait for a value nobody can enter (a form that never sends), so I have changed nothing. Removing the input together with those uses needs an AI model connected.`;
    }
  }
  return null;
}

const MOVE =
  /^(?:move|drag|shift|bring|reorder|(?:put|place|take)(?!\s+(?:a|an|another|some|new)\b))\s+(.+)$/i;
const PLACE_WORD =
  /(?:^|\s)(?=(?:(?:on|to|at)\s+the\s+(?:far\s+|very\s+)?(?:right|left)\b|(?:at|to)\s+the\s+(?:very\s+)?(?:top|start|beginning|bottom|end)\b|(?:right\s+|just\s+|directly\s+)?(?:above|below|before|after|under|underneath|beneath|over|on top of|inside|into|in|within)\s+\S))/gi;

/** "move the heading to the bottom", "move this above the list", "move it up". */
export function moveElement(scene: Scene): RuleResult {
  const rule = 'move-element';
  const m = MOVE.exec(scene.u.text);
  if (!m) return null;
  const { model } = scene;
  const body = m[1];
  const step =
    /^(.+?)\s+(up|down)(?:\s+(?:one|a|1|by one))?(?:\s+(?:place|step|spot|position|row|line))?$/i.exec(
      body
    );
  if (step) {
    const found = findElement(scene, step[1]);
    if (!found.ok) return ask(rule, found.text);
    const node = found.value;
    if (node.parent === null)
      return ask(rule, `${describeNode(node)} is the root of its component and cannot move.`);
    const parent = model.nodes.get(node.parent)!;
    const siblings = model.children.get(parent.id) ?? [];
    const at = siblings.indexOf(node.id);
    const up = step[2].toLowerCase() === 'up';
    if ((up && at === 0) || (!up && at === siblings.length - 1))
      return ask(
        rule,
        `${describeNode(node)} is already the ${up ? 'first' : 'last'} in ${describeNode(parent)}. Move it ${up ? 'above' : 'below'} which element?`
      );
    // The index counts the siblings without the moved node.
    const index = up ? at - 1 : at + 1;
    return move(scene, node, {
      parent,
      index,
      words: `${up ? 'up' : 'down'} one place in ${describeNode(parent)}`
    });
  }
  let failure: string | undefined;
  for (const w of body.matchAll(PLACE_WORD)) {
    const at = w.index + w[0].length;
    const found = findElement(scene, body.slice(0, at).trim());
    if (!found.ok) {
      failure ??= found.text;
      continue;
    }
    const place = placement(scene, body.slice(at).trim(), found.value);
    if (place.ok) return move(scene, found.value, place.value);
    failure ??= place.text;
  }
  return ask(
    rule,
    failure ??
      `Where should it go? Say "to the top", "to the bottom", "above …", "below …" or "into …".`
  );
}

function move(
  scene: Scene,
  node: NodeRecord,
  place: { parent: NodeRecord; index: number | undefined; words: string }
): RuleResult {
  const rule = 'move-element';
  if (node.parent === null)
    return ask(rule, `${describeNode(node)} is the root of its component and cannot move.`);
  if (place.parent.component !== node.component)
    return ask(
      rule,
      `${describeNode(node)} and ${describeNode(place.parent)} are in different components; an element moves only within its own.`
    );
  if (subtreeIds(scene.model, node.id).includes(place.parent.id))
    return ask(rule, `${describeNode(node)} cannot move into itself. Where else should it go?`);
  const op: Op = { op: 'moveNode', id: node.id, parent: place.parent.id };
  if (place.index !== undefined) op.index = place.index;
  // Placements speak of where a thing is ("at the top of …"); a move says where it goes.
  const words = place.words.replace(/^at the /, 'to the ');
  return { kind: 'batch', rule, ops: [op], summary: `Move ${describeNode(node)} ${words}` };
}

const STYLE =
  /^(?:make|turn|paint|colou?r|style|render)\s+(.+?)\s+(?:look\s+|be\s+|to\s+|into\s+)?(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|slightly\s+|much\s+|even\s+|more\s+|very\s+|way\s+)*((?:left|right|center|centre)[\s-]aligned|side by side|\S+)$/i;
const LOOK_WORD = /^(.+?)(?:'s)?\s+(colou?r|size|style|tone|variant|look|alignment|theme|weight)$/i;
const LOOK_OF =
  /^(?:the\s+)?(colou?r|size|style|tone|variant|look|alignment|theme|weight)\s+of\s+(.+)$/i;

/** "make the button red", "make the heading smaller", "make the add button secondary". */
export function changeStyle(scene: Scene): RuleResult {
  // "the reset button should be red": the same request said as a wish, for style words only.
  const wish =
    /^(.+?)\s+(?:should|must|needs? to|has to|could)\s+(?:be|look)\s+(?:more\s+)?(\S+)$/i.exec(
      scene.u.text
    );
  if (wish && isStyleWord(wish[2]) && quoteOf(scene.u, wish[2]) === undefined)
    return applyStyle(scene, wish[1], wish[2], false);
  const m = STYLE.exec(scene.u.text);
  if (!m || quoteOf(scene.u, m[2]) !== undefined) return null;
  if (/^(?:say|read|show)$/i.test(m[2])) return null;
  let ref = m[1];
  const look = LOOK_WORD.exec(ref) ?? LOOK_OF.exec(ref);
  if (look) ref = LOOK_WORD.test(ref) ? look[1] : look[2];
  return applyStyle(scene, ref, m[2], Boolean(look));
}

function applyStyle(scene: Scene, ref: string, word: string, sure: boolean): RuleResult {
  const rule = 'change-style';
  const found = findElements(scene, ref);
  if (!found.ok) return sure || isStyleWord(word) ? ask(rule, found.text) : null;
  const ops: Op[] = [];
  const said: string[] = [];
  // Every element named takes the look, or none does: one that cannot is the question.
  for (const node of found.value) {
    // "the title" resolved to the card that holds it: its look is the card's, so ask.
    const part = partQuestion(ref, node, word);
    if (part) return ask(rule, part);
    const result = styleChange(node, word);
    if (!result.ok) return ask(rule, result.text);
    const { prop, value, words } = result.change;
    ops.push({ op: 'setProp', id: node.id, name: prop, value });
    said.push(`${describeNode(node)} ${word.toLowerCase()}: ${words}`);
  }
  return { kind: 'batch', rule, ops, summary: `Make ${said.join('; ')}` };
}

const TEXT =
  /^(?:change|set|update|edit|rename|replace|switch|alter)\s+(.+?)\s+(?:to say|to read|to|as|into|with)\s+(.+)$/i;
const SAY = /^(?:make|have|let)\s+(.+?)\s+(?:say|read|show|display)\s+(.+)$/i;
const TEXT_WORD =
  /^(.+?)(?:'s)?\s+(text|label|title|caption|wording|words|placeholder|heading text|button text)$/i;
const TEXT_OF =
  /^(?:the\s+)?(text|label|title|caption|wording|words|placeholder)\s+(?:of|on|in)\s+(.+)$/i;

const TEXT_SEP = /\s+(to say|to read|to|as|into|with)\s+/gi;

/**
 * Where the element ends and the new text starts. "change Nothing to do yet. to All clear!" has
 * two "to"s: the split whose left side is some element's whole text wins, the longest first, so
 * the old text is read whole; otherwise the first, as TEXT reads it. "to Say hello", with the
 * capital, is the text "Say hello", not "say" + "hello".
 */
function textSplit(scene: Scene): [string, string, string] | null {
  const m = TEXT.exec(scene.u.text);
  if (!m) {
    const say = SAY.exec(scene.u.text);
    return say ? [say[0], say[1], say[2]] : null;
  }
  const head = /^\S+\s+/.exec(m[0])![0];
  const body = scene.u.text.slice(head.length);
  const candidates: [string, string][] = [];
  for (const sep of body.matchAll(TEXT_SEP)) {
    const ref = body.slice(0, sep.index);
    const capital = /^to (?:Say|Read)$/.test(sep[1]);
    const value = capital
      ? body.slice(sep.index).replace(/^\s+to\s+/, '')
      : body.slice(sep.index + sep[0].length);
    if (ref.trim() && value.trim()) candidates.push([ref, value]);
  }
  const exact = candidates.filter(([ref]) => namesExactly(scene, ref));
  const [ref, value] = exact.length ? exact[exact.length - 1] : (candidates[0] ?? [m[1], m[2]]);
  return [m[0], ref, value];
}

/**
 * The one text prop of a node that the reference spelt out ("What needs doing?" is a placeholder),
 * when it is not the prop a text change sets by default; undefined otherwise.
 */
function namedBy(scene: Scene, node: NodeRecord, ref: string): string | undefined {
  const said = ` ${normWords(literal(scene.u, ref))} `;
  const hits = ['label', 'text', 'title', 'placeholder'].filter((prop) => {
    const v = node.props[prop];
    return typeof v === 'string' && normWords(v) !== '' && said.includes(` ${normWords(v)} `);
  });
  return hits.length === 1 && hits[0] === 'placeholder' ? hits[0] : undefined;
}

function normWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "change the heading to 'Shopping'", "set the button text to Go", "rename the add button to Plus". */
export function changeText(scene: Scene): RuleResult {
  const rule = 'change-text';
  const m = textSplit(scene);
  if (!m) return null;
  let ref = m[1];
  let asked: string | undefined;
  // "the button colour to red" is a style request said with "set".
  const look = LOOK_WORD.exec(ref) ?? LOOK_OF.exec(ref);
  if (look)
    return applyStyle(scene, LOOK_WORD.test(ref) ? look[1] : look[2], literal(scene.u, m[2]), true);
  const of = TEXT_OF.exec(ref);
  const named = TEXT_WORD.exec(ref);
  let found = findElement(scene, ref);
  // "the button text": the text of the button, unless "the first text" names a Text itself.
  // "its placeholder", "the placeholder in it": "it" is the element the request is about.
  const inner = (of ? of[2] : named?.[1])?.replace(/^its$/i, 'it');
  if (inner && inner.replace(/^(?:the|a|an)\s*$/i, '').trim()) {
    const owner = findElement(scene, inner);
    if (owner.ok || !found.ok) {
      asked = (of ? of[1] : named![2]).toLowerCase().split(' ').pop();
      found = owner;
      ref = inner;
    }
  }
  if (!found.ok) return ask(rule, found.text);
  const node = found.value;
  // "change 'What needs doing?' to …": the text that named the element is the one replaced, so
  // a reference by an input's placeholder sets the placeholder, not a label it does not show.
  asked ??= namedBy(scene, node, ref);
  const quoted = quoteOf(scene.u, m[2]) !== undefined;
  // "change it to All clear!": the "!" the request ended with belongs to the text.
  const value = literal(scene.u, m[2]) + (quoted ? '' : (scene.u.end ?? ''));
  if (carriesInstruction(scene.u, m[2])) return unread(rule, value);
  // "change the button to red": a look, not a text, unless the words were quoted.
  if (!asked && !quoted && styleChange(node, value).ok && (isColour(value) || !/\s/.test(value)))
    return applyStyle(scene, ref, value, true);
  const prop = textProp(
    scene,
    node.type,
    asked && ['label', 'title', 'placeholder'].includes(asked) ? asked : undefined
  );
  if (!prop)
    return ask(
      rule,
      `${describeNode(node)} shows no text of its own. ${ELEMENTS.has(node.type) ? styleOptions(node) : ''}`.trim()
    );
  if (!value) return ask(rule, `What should ${describeNode(node)} say?`);
  const max = elementSchema(node.type)?.properties[prop]?.maxLength;
  if (typeof max === 'number' && value.length > max)
    return ask(
      rule,
      `That is ${value.length} characters; the ${prop} of ${an(node.type)} holds at most ${max}. Shorter?`
    );
  const before = node.props[prop];
  // "set the count to 5": the words named the state field the element shows, so the data is
  // meant, not a fixed text in place of the live value.
  const field = ref
    .trim()
    .replace(/^(?:the|my|our)\s+/i, '')
    .toLowerCase();
  const component = componentOf(scene.model, node);
  if (
    before &&
    typeof before === 'object' &&
    '$expr' in before &&
    Object.keys(component.state).some((f) => f.toLowerCase() === field) &&
    new RegExp(`\\bstate\\.${field}\\b`, 'i').test(String(before.$expr))
  )
    return ask(
      rule,
      `${describeNode(node)} shows the live value of ${field}. Should ${field} start at ${value} ("make ${field} start at ${value}"), or should ${describeNode(node)} show the fixed text "${value}" instead of the value ("change ${node.id} to '${value}'")?`
    );
  const was =
    before && typeof before === 'object' && !Array.isArray(before) && '$expr' in before
      ? ` (it showed {${String(before.$expr)}}, which this replaces)`
      : '';
  const also = quoted ? null : alsoText(scene, m[2], node);
  if (typeof also === 'string') return ask(rule, also);
  if (also) {
    const other = textProp(scene, also.node.type);
    if (!other) return ask(rule, `${describeNode(also.node)} shows no text of its own.`);
    const [head, text] = [literal(scene.u, also.head), literal(scene.u, also.text)];
    return {
      kind: 'batch',
      rule,
      ops: [
        { op: 'setProp', id: node.id, name: prop, value: head },
        { op: 'setProp', id: also.node.id, name: other, value: text }
      ],
      summary: `Set the ${prop} of ${describeNode(node)} to "${head}" and the ${other} of ${describeNode(also.node)} to "${text}"`
    };
  }
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setProp', id: node.id, name: prop, value }],
    summary: `Set the ${prop} of ${describeNode(node)} to "${value}"${was}`
  };
}
