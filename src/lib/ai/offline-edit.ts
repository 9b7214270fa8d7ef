/**
 * The offline rules that edit elements and names: add an element, remove, move, change its text,
 * change its look, rename the app or a component. Each reads the request (an Utterance in a
 * Scene) and returns a proposal, a question, or null when the request is not its kind. Pure.
 */
import { elementSchema, ELEMENTS } from '../schema/elements';
import {
  componentByName,
  subtreeIds,
  type NodeRecord,
  type Op,
  type PropValue
} from '../model/types';
import {
  componentOf,
  describeNode,
  findElement,
  findElements,
  leadingType,
  type Found,
  placement,
  splitPlacement,
  type Scene
} from './offline-refs';
import { isColour, isStyleWord, styleChange, styleOptions } from './offline-style';
import { renameStateBatch } from '../code/rename';
import {
  an,
  camelName,
  carriesInstruction,
  labelFor,
  literal,
  pascalName,
  quoteOf
} from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

/** An element type found in "add a …" words, with the words around it. */
export interface AddTarget {
  readonly type: string;
  readonly word: string;
  /** Words before the type word ("Save" in "a Save button"). */
  readonly before: string;
  /** Words after it ("labelled Save below the heading"). */
  readonly rest: string;
}

const ADD =
  /^(?:add|insert|put|create|place|append|include|stick|drop in)\s+(?:(?:a|an|another|one more|some|the)\s+)?(?:new\s+)?(.+)$/i;
const NAMING =
  /^(?:labell?ed|called|named|titled|saying|that says|which says|reading|showing|with (?:the )?(?:text|label|title|caption|words?))\s+/i;

/** The element type an "add …" request names, if it is one. */
export function addTarget(scene: Scene): AddTarget | null {
  const m = ADD.exec(scene.u.text);
  if (!m) return null;
  const body = m[1];
  // The type is the first type word: "a button labelled Save", or after a name, "a Save button".
  const starts = [0, ...[...body.matchAll(/\s/g)].map((s) => s.index + 1)];
  for (const at of starts.slice(0, 4)) {
    const typed = leadingType(scene.model, body.slice(at));
    if (typed)
      return {
        type: typed.type,
        word: typed.word,
        before: body.slice(0, at).trim(),
        rest: typed.rest
      };
  }
  return null;
}

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

/** "add a button labelled Save", "add a heading 'Welcome' at the top", "add a divider". */
export function addElement(scene: Scene, target: AddTarget, temps: TempIds): RuleResult {
  const rule = 'add-element';
  const { type } = target;
  if (type === 'Each' || type === 'If')
    return ask(
      rule,
      `A ${type === 'Each' ? 'list repeats elements over data' : 'condition shows elements while an expression holds'}, so it needs an expression I cannot guess offline. Add elements inside the existing ones, or add a field to list items ("add a priority field to the todo items").`
    );
  const lenient =
    NAMING.test(target.rest) || quoteOf(scene.u, target.rest.split(' ')[0]) !== undefined;
  const split = splitPlacement(scene, target.rest, lenient);
  if (!split.ok) return ask(rule, split.text);
  const { place } = split.value;
  let words = split.value.before;
  const props: Record<string, PropValue> = {};

  if (type === 'Link') {
    const to = /^(?:to|for|pointing to)\s+(\S+)\s*(.*)$/i.exec(words);
    if (to) {
      props.href = literal(scene.u, to[1]);
      words = to[2];
    }
  }
  if (type === 'Image') {
    const src = /^(?:of|from|at|showing|with)\s+(\S+)\s*(.*)$/i.exec(words);
    if (src) {
      props.src = literal(scene.u, src[1]);
      words = src[2];
    }
  }
  if (type === 'Grid') {
    const columns = /^(?:with\s+)?(\d+)\s+columns?\s*(.*)$/i.exec(words);
    if (columns) {
      props.columns = Number(columns[1]);
      words = columns[2];
    }
  }
  if (type === 'Stack' && /^(?:row|horizontal)/.test(target.word)) props.direction = 'horizontal';
  // Style words before the type set the look: "a big heading", "a red button".
  let before = target.before;
  const looks: string[] = [];
  if (before && quoteOf(scene.u, before) === undefined && before.split(' ').every(isStyleWord)) {
    const draft = { id: 'new', type, component: '', parent: null, order: '', props };
    for (const word of before.split(' ')) {
      const look = styleChange(draft, word, true);
      if (!look.ok) return ask(rule, look.text);
      props[look.change.prop] = look.change.value;
      looks.push(word.toLowerCase());
    }
    before = '';
  }
  const text = literal(scene.u, words.replace(NAMING, '') || before);
  if (carriesInstruction(scene.u, words.replace(NAMING, '') || before)) return unread(rule, text);
  if (text) {
    if (type === 'Icon') props.name = text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    else {
      const prop = textProp(scene, type);
      if (!prop)
        return ask(
          rule,
          `${an(type, true)} shows no text, so I do not know where "${text}" goes. Say "add ${an(target.word)}" alone, or add a text next to it.`
        );
      props[prop] = text;
    }
  }
  let wired = '';
  if (type === 'Button') {
    // A button that does nothing is never added: it runs one of the app's actions, or we ask.
    const purpose = PURPOSE.exec(words);
    const action = buttonAction(scene, place.parent, purpose ? literal(scene.u, purpose[1]) : text);
    if (!action.ok) return ask(rule, action.text);
    props.onClick = { $handler: action.value };
    if (purpose) {
      delete props.label;
      props.label = before ? literal(scene.u, before) : labelFor(action.value);
    }
    wired = ` that runs ${action.value}`;
  }
  const op: Op = { op: 'addNode', parent: place.parent.id, type, id: temps.next() };
  if (place.index !== undefined) op.index = place.index;
  if (Object.keys(props).length > 0) op.props = props;
  const shown = typeof props.label === 'string' && type === 'Button' ? props.label : text;
  return {
    kind: 'batch',
    rule,
    ops: [op],
    summary: `Add ${an([...looks, type].join(' '))}${shown ? ` "${shown}"` : ''}${wired} ${place.words}`
  };
}

// "a button that resets the count", "a button to clear the done ones": what it should do.
const PURPOSE = /^(?:that|which|to|for|so (?:that )?(?:i|we|people|you) can)\s+(?!says?\b)(.+)$/i;

/** A word reduced for comparing actions: "resets" and "reset", "clearing" and "clear". */
function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/(?:ing|ed|es|s)$/, '')
    .replace(/e$/, '');
}

/**
 * The handler a new button runs: the one action of the component (taking no parameters) whose
 * name's words are all in what was said ("that clears the done ones" → clearDone, "Reset" →
 * reset). None or several is the question, naming the actions there are.
 */
function buttonAction(scene: Scene, parent: NodeRecord, said: string): Found<string> {
  const component = componentOf(scene.model, parent);
  const actions = Object.entries(component.handlers)
    .filter(([, h]) => h.params.length === 0)
    .map(([name]) => name);
  const runs = /^(?:runs?|calls?)\s+([A-Za-z_$][\w$]*)$/i.exec(said.trim());
  if (runs && actions.includes(runs[1])) return { ok: true, value: runs[1] };
  const words = new Set(
    said
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map(stem)
  );
  const fits = actions.filter((name) => {
    const own = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(' ')
      .map(stem);
    return own.length > 0 && own.every((w) => words.has(w));
  });
  if (fits.length === 1) return { ok: true, value: fits[0] };
  const what = said ? `"${said}"` : 'it';
  if (actions.length === 0)
    return {
      ok: false,
      text: `What should the button do? ${component.name} has no actions yet for a button to run, and I do not add a button that does nothing. Writing new behaviour such as ${what} needs an AI model connected; offline, add a counter or an input instead.`
    };
  return {
    ok: false,
    text: `What should the button do? Offline I can only wire a new button to one of ${component.name}'s actions (${actions.join(', ')}), and none ${fits.length > 1 ? 'alone ' : ''}matches ${what}. Say "add a button labelled Go that runs ${actions[0]}"; writing new behaviour needs an AI model connected.`
  };
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
  return { kind: 'batch', rule, ops, summary: `Remove ${said.join('; ')}` };
}

const MOVE =
  /^(?:move|drag|shift|bring|reorder|(?:put|place|take)(?!\s+(?:a|an|another|some|new)\b))\s+(.+)$/i;
const PLACE_WORD =
  /(?:^|\s)(?=(?:(?:at|to)\s+the\s+(?:very\s+)?(?:top|start|beginning|bottom|end)\b|(?:right\s+|just\s+|directly\s+)?(?:above|below|before|after|under|underneath|beneath|over|on top of|inside|into|in|within)\s+\S))/gi;

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

/** "change the heading to 'Shopping'", "set the button text to Go", "rename the add button to Plus". */
export function changeText(scene: Scene): RuleResult {
  const rule = 'change-text';
  const m = TEXT.exec(scene.u.text) ?? SAY.exec(scene.u.text);
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
  const inner = of ? of[2] : named?.[1];
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
  const value = literal(scene.u, m[2]);
  const quoted = quoteOf(scene.u, m[2]) !== undefined;
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
  const was =
    before && typeof before === 'object' && !Array.isArray(before) && '$expr' in before
      ? ` (it showed {${String(before.$expr)}}, which this replaces)`
      : '';
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setProp', id: node.id, name: prop, value }],
    summary: `Set the ${prop} of ${describeNode(node)} to "${value}"${was}`
  };
}

const RENAME_APP = [
  /^(?:rename|retitle|call|name|title)\s+(?:the\s+|this\s+|my\s+|our\s+)?(?:app|application|project)\s+(?:to\s+|as\s+)?(.+)$/i,
  /^(?:change|set|update|make)\s+(?:the\s+|this\s+)?(?:app(?:lication)?(?:'s)?\s+(?:title|name)|(?:title|name)\s+of\s+(?:the\s+|this\s+)?(?:app|application))\s+(?:to|as|into)\s+(.+)$/i
];

/** "rename the app to Groceries": the app's title. */
export function renameApp(scene: Scene): RuleResult {
  const rule = 'rename-app';
  const m = RENAME_APP.map((r) => r.exec(scene.u.text)).find(Boolean);
  if (!m) return null;
  const title = literal(scene.u, m[1]);
  if (!title) return ask(rule, 'What should the app be called?');
  if (title.length > 200) return ask(rule, 'An app title holds at most 200 characters. Shorter?');
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setMeta', name: 'title', value: title }],
    summary: `Rename the app from "${scene.model.meta.title}" to "${title}"`
  };
}

const RENAME_COMPONENT = [
  /^rename\s+(?:the\s+)?component\s+(\S+)\s+(?:to|as|into)\s+(.+)$/i,
  /^rename\s+(?:the\s+)?(\S+)\s+component\s+(?:to|as|into)\s+(.+)$/i,
  /^rename\s+(\S+)\s+(?:to|as|into)\s+(.+)$/i
];

/** "rename component Row to TodoRow". */
export function renameComponent(scene: Scene): RuleResult {
  const rule = 'rename-component';
  const { model, u } = scene;
  for (const [i, pattern] of RENAME_COMPONENT.entries()) {
    const m = pattern.exec(u.text);
    if (!m) continue;
    const said = literal(u, m[1]);
    // The bare form must name the component exactly: "rename app to X" means the app's title.
    const component = [...model.components.values()].find((c) =>
      i === 2 ? c.name === said : c.name.toLowerCase() === said.toLowerCase()
    );
    // The bare form ("rename App to Main") is this rule only when it names a component.
    if (!component) {
      if (i === 2) return null;
      const names = [...model.components.values()].map((c) => c.name).join(', ');
      return ask(rule, `There is no component "${said}". The components are: ${names}.`);
    }
    const typed = literal(u, m[2]);
    const name = /^[A-Z][A-Za-z0-9]*$/.test(typed) ? typed : pascalName(typed);
    if (!/^[A-Z][A-Za-z0-9]{0,63}$/.test(name))
      return ask(
        rule,
        `"${typed}" cannot name a component: use letters and digits, starting with a capital (like "TodoRow").`
      );
    if (ELEMENTS.has(name)) return ask(rule, `"${name}" is a built-in element; pick another name.`);
    if (name !== component.name && componentByName(model, name))
      return ask(rule, `A component is already called ${name}; pick another name.`);
    return {
      kind: 'batch',
      rule,
      ops: [{ op: 'renameComponent', name: component.name, newName: name }],
      summary: `Rename component ${component.name} to ${name}`
    };
  }
  return null;
}

const RENAME_FIELD = /^(?:rename|change|call)\s+(.+?)\s+(?:to|as|into)\s+(.+)$/i;
// Words that say a state field is meant, not an element.
const FIELD_WORDS =
  /\b(?:state(?:\s+(?:field|variable|value|key))?|variable|property|data(?:\s+field)?|field name)\b/i;
const IN_STATE = /\s+(?:in|of|from)\s+(?:the\s+)?(?:state|data|app's data|model)$/i;

/**
 * "rename count to clicks in the state", "rename the step field to increment": a state field,
 * renamed with `renameState` so its data and bindings follow, and the code that reads it
 * rewritten. A name that is both a field and an element's text is a question.
 */
export function renameField(scene: Scene): RuleResult {
  const rule = 'rename-field';
  const m = RENAME_FIELD.exec(scene.u.text);
  if (!m) return null;
  let ref = literal(scene.u, m[1]);
  let to = m[2];
  let sure = IN_STATE.test(to) || FIELD_WORDS.test(ref);
  to = literal(scene.u, to.replace(IN_STATE, ''));
  const field = /^(?:the\s+)?(?:state\s+)?(?:field|variable|property|value|key)\s+(.+)$/i.exec(ref);
  const named = /^(?:the\s+)?(.+?)\s+(?:state\s+)?(?:field|variable|property|value|key)$/i.exec(
    ref
  );
  const explicit = Boolean(field || named);
  ref = (field?.[1] ?? named?.[1] ?? ref).replace(/^(?:the|my|our)\s+/i, '').trim();
  const owners = [...scene.model.components.values()].filter(
    (c) => Object.hasOwn(c.state, ref) || Object.hasOwn(c.state, camelName(ref))
  );
  if (owners.length === 0) return null;
  if (owners.length > 1)
    return ask(
      rule,
      `Several components have a state field "${ref}": ${owners.map((c) => c.name).join(', ')}. Which one?`
    );
  const component = owners[0];
  const from = Object.hasOwn(component.state, ref) ? ref : camelName(ref);
  // Without a word that says "state", an element the words also name makes it a question.
  if (!sure) {
    const element = findElement(scene, m[1]);
    if (element.ok && !explicit) return null;
    if (element.ok)
      return ask(
        rule,
        `Do you mean the state field ${from} (renamed, its data follows) or the text of ${describeNode(element.value)}? Say "rename the state field ${from} to …" or "change the text of the ${element.value.type.toLowerCase()} to …".`
      );
    sure = true;
  }
  const name = /^[A-Za-z_$][\w$]*$/.test(to) ? to : camelName(to);
  if (!name || !/^[A-Za-z_$][\w$]{0,63}$/.test(name))
    return ask(rule, `"${to}" cannot name a state field: use letters and digits, like "clicks".`);
  if (name === from) return ask(rule, `The field is already called ${from}.`);
  if (Object.hasOwn(component.state, name) || Object.hasOwn(component.handlers, name))
    return ask(rule, `${component.name} already has something called ${name}; pick another name.`);
  const batch = renameStateBatch(scene.model, component.name, from, name);
  if (!batch.ok)
    return ask(
      rule,
      `I could not rename ${from}: ${batch.errors.map((e) => e.message).join('; ')}.`
    );
  return {
    kind: 'batch',
    rule,
    ops: batch.ops,
    summary: `Rename the state field ${from} of ${component.name} to ${name} (its data, bindings and the code that reads it follow)`
  };
}
