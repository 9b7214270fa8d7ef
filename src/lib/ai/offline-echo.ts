/**
 * A text with a state field's value in it: "a box to type your name and under it it says hello
 * <name>", "add a text below the email field saying Sent to {email}". The placeholder (`<name>`,
 * `{name}`, `[name]`, "+ whatever I typed") becomes the field's value in an expression; the rest
 * is the text as written. With an input said first, the input and its field are added too and
 * the text goes under it. Pure: a proposal, a question, or null.
 *
 * Never wrong: a placeholder that names no field (and is not the new input's) is a question.
 */
import { childrenOf, rootComponent, type NodeRecord, type Op } from '../model/types';
import { describeNode, findElement, type Scene } from './offline-refs';
import { camelName, freeName, labelFor } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { defaultContainer, splitPlacement } from './offline-place';

const RULE = 'text-with-value';

const INPUT = String.raw`(?:an?\s+)?(?:text\s*box|textbox|text\s+field|text\s+input|input|field|box)\s+(?:to\s+type|to\s+enter|for\s+typing|for|where\s+(?:i|you|people|someone|they)\s+(?:can\s+)?(?:type|enter))\s+(?:in\s+)?(?:your|my|their|a|the|his|her)?\s*([a-z]+)`;
const SAY = String.raw`(?:(?:it\s+|that\s+)?(?:says?|saying|shows?|showing|displays?|displaying|reads?|reading|greets?\s+(?:you|them|me)\s+with)|(?:an?\s+)?(?:text|line|message|label|heading|greeting)\s+(?:that\s+)?(?:says?|saying|shows?|showing|reading))\s+`;
/** "<input phrase> and under it (it) says <text>". */
const WITH_INPUT = new RegExp(
  String.raw`^(?:(?:add|put|make|create|give me|i want|i need)\s+)?${INPUT}\s*,?\s*(?:and\s+)?(?:then\s+)?(under|below|beneath|underneath)\s+(?:it|that)\s*,?\s*${SAY}(.+)$`,
  'i'
);
/** "add a text under the email field saying Sent to {email}". */
const BESIDE = new RegExp(
  String.raw`^(?:(?:add|put|show)\s+)?(?:an?\s+)?(?:text|line|message|label|greeting)\s+(under|below|beneath|underneath|above)\s+(.+?)\s+(?:that\s+)?(?:says?|saying|shows?|showing|reading)\s+(.+)$`,
  'i'
);
/** A placeholder: `<name>`, `{name}`, `[name]`, or "+ whatever I typed". */
const HOLE =
  /<\s*([a-z][\w\s]*?)\s*>|\{\s*([a-z][\w\s]*?)\s*\}|\[\s*([a-z][\w\s]*?)\s*\]|\+\s*(?:whatever|what)\s+(?:i|you|they|was|someone|people)\s+(?:typed|type|entered|wrote)|\+\s*(?:the\s+|their\s+|my\s+|your\s+)?([a-z]+)$/gi;

/** An expression for the text: the literal parts as written, each placeholder a field. */
function expression(text: string, field: (said: string | null) => string | null): string | null {
  let out = '';
  let at = 0;
  let holes = 0;
  for (const m of text.matchAll(HOLE)) {
    const said = m[1] ?? m[2] ?? m[3] ?? m[5] ?? null;
    const name = field(said);
    if (!name) return null;
    out += escape(text.slice(at, m.index).replace(/\s*\+\s*$/, ' ')) + '${state.' + name + '}';
    at = m.index + m[0].length;
    holes++;
  }
  if (!holes) return null;
  out += escape(text.slice(at));
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return '`' + out + '`';
}

function escape(literal: string): string {
  return literal.replace(/[\\`]/g, (c) => '\\' + c).replace(/\$\{/g, '\\${');
}

/** A text that shows a field's value, and the input it echoes when one is asked for too. */
export function textWithValue(scene: Scene, temps: TempIds): RuleResult {
  const component = rootComponent(scene.model);
  if (!component) return null;
  const text = scene.u.text;
  const fieldOf =
    (fresh: string | null) =>
    (said: string | null): string | null => {
      // "whatever I typed": the input the request adds.
      if (said === null) return fresh;
      const name = camelName(said);
      if (
        fresh &&
        (name === fresh || camelName(said.replace(/^(?:your|my|their)\s+/i, '')) === fresh)
      )
        return fresh;
      return Object.hasOwn(component.state, name) ? name : null;
    };
  const withInput = WITH_INPUT.exec(text);
  if (withInput) {
    const [, word, , said] = withInput;
    const existing = camelName(word);
    const taken = (n: string) =>
      Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n);
    // A field of that name the app has is another one's: the new input gets its own.
    const name = taken(existing) ? freeName(existing, taken) : existing;
    const expr = expression(said, fieldOf(name));
    if (!expr)
      return ask(
        RULE,
        `I read "${said}" as the text, but not which value goes in it. Put the field's name in angle brackets, as in "Hello <${name}>".`
      );
    const place = defaultContainer(scene);
    const input = temps.next();
    const ops: Op[] = [
      { op: 'addState', component: component.name, name, type: 'string', initial: '' },
      {
        op: 'addNode',
        parent: place.parent.id,
        ...(place.index === undefined ? {} : { index: place.index }),
        type: 'TextInput',
        id: input,
        props: { label: labelFor(name), value: { $bind: name } }
      },
      {
        op: 'addNode',
        parent: place.parent.id,
        ...(place.index === undefined ? {} : { index: place.index + 1 }),
        type: 'Text',
        id: temps.next(),
        props: { text: { $expr: expr } }
      }
    ];
    return {
      kind: 'batch',
      rule: RULE,
      ops,
      summary: `Add a state field ${name} (string), a TextInput "${labelFor(name)}" bound to it and under it a Text showing {${expr}}, ${place.words}`
    };
  }
  const beside = BESIDE.exec(text);
  if (!beside || !HOLE.test(beside[3])) {
    HOLE.lastIndex = 0;
    return beside ? null : plainEcho(scene, temps, fieldOf(null));
  }
  HOLE.lastIndex = 0;
  const found = findElement(scene, beside[2]);
  if (!found.ok) return ask(RULE, found.text);
  const expr = expression(beside[3], fieldOf(boundField(found.value)));
  if (!expr)
    return ask(
      RULE,
      `Which value goes in "${beside[3]}"? The state fields here are: ${Object.keys(component.state).join(', ')}; put one in angle brackets, as in "Hello <name>".`
    );
  const anchor = found.value;
  if (!anchor.parent)
    return ask(RULE, `${describeNode(anchor)} is the root; say a place inside it.`);
  const parent: NodeRecord = scene.model.nodes.get(anchor.parent)!;
  const up = /^above$/i.test(beside[1]);
  const index = childrenOf(scene.model, parent.id).indexOf(anchor.id) + (up ? 0 : 1);
  return {
    kind: 'batch',
    rule: RULE,
    ops: [
      {
        op: 'addNode',
        parent: parent.id,
        index,
        type: 'Text',
        id: temps.next(),
        props: { text: { $expr: expr } }
      }
    ],
    summary: `Add a Text showing {${expr}} ${up ? 'above' : 'below'} ${describeNode(anchor)}`
  };
}

/** "add a text saying thanks {name}": a new text with a field's value, placed as said or by default. */
const PLAIN = new RegExp(
  String.raw`^(?:add|put|show)\s+(?:an?\s+)?(text|line|message|label|greeting|heading|title)\s+(?:that\s+)?(?:says?|saying|shows?|showing|reading)\s+(.+)$`,
  'i'
);

function plainEcho(
  scene: Scene,
  temps: TempIds,
  field: (said: string | null) => string | null
): RuleResult {
  const m = PLAIN.exec(scene.u.text);
  if (!m) return null;
  const split = splitPlacement(scene, m[2], true);
  const said = split.ok ? split.value.before : m[2];
  // Only a placeholder said as one: `{name}`, `<name>`, `[name]`.
  if (!/<\s*[a-z]|\{\s*[a-z]|\[\s*[a-z]/i.test(said)) return null;
  if (!split.ok) return ask(RULE, split.text);
  const component = rootComponent(scene.model)!;
  const expr = expression(said, field);
  if (!expr)
    return ask(
      RULE,
      `Which value goes in "${said}"? The state fields here are: ${Object.keys(component.state).join(', ')}; put one in braces, as in "Hello {name}". A text with braces in it is never shown as written.`
    );
  const { place } = split.value;
  const type = /^(?:heading|title)$/i.test(m[1]) ? 'Heading' : 'Text';
  const op: Op = {
    op: 'addNode',
    parent: place.parent.id,
    type,
    id: temps.next(),
    props: { text: { $expr: expr } }
  };
  if (place.index !== undefined) op.index = place.index;
  return {
    kind: 'batch',
    rule: RULE,
    ops: [op],
    summary: `Add a ${type} showing {${expr}} ${place.words}`
  };
}

/** The field an input is bound to ("whatever I typed" in it), or null. */
function boundField(node: NodeRecord): string | null {
  for (const v of Object.values(node.props))
    if (v && typeof v === 'object' && '$bind' in v) return String((v as { $bind: unknown }).$bind);
  return null;
}
