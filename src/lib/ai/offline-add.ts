/**
 * The offline rule that adds one element ("add a button labelled Save below the heading"): the
 * element type named, its text and look, where it goes, and for a button the action it runs.
 * Pure: it reads the request and returns a proposal, a question, or null.
 */
import { type NodeRecord, type Op, type PropValue } from '../model/types';
import { componentOf, leadingType, type Found, type Scene } from './offline-refs';
import { splitPlacement } from './offline-place';
import { isStyleWord, styleChange } from './offline-style';
import { an, carriesInstruction, labelFor, literal, quoteOf } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { textProp, unread } from './offline-edit';
import { webAddress } from './offline-link';

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
  /^(?:labell?ed|called|named|titled|saying|that says|which says|that reads|which reads|reading|showing|with (?:the )?(?:text|label|title|caption|words?))\s+/i;

const PLACE_FIRST =
  /^((?:(?:right\s+|just\s+)?(?:at the (?:top|bottom|very top|very bottom)|above|below|under|underneath|beneath|before|after|inside|into|next to|on top of)\b.*?))\s+((?:labell?ed|called|named|titled|saying|that says|which says|that reads|which reads|reading|showing|with (?:the )?text)\s+.+)$/i;

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
        // "a line saying Clicks so far" is a line of text: a divider shows none.
        type:
          typed.word === 'line' &&
          /\b(?:saying|says|that reads|reading|with (?:the )?text)\b|⟦\d+⟧/i.test(typed.rest)
            ? 'Text'
            : typed.type,
        word: typed.word,
        before: body.slice(0, at).trim(),
        rest: typed.rest
      };
  }
  return null;
}

// Words before a type that say nothing about the new element's look or text.
const FILLER = /^(?:new|nice|simple|short|quick|little|plain|extra|small-ish|brief|single)$/i;

/** "add a button labelled Save", "add a heading 'Welcome' at the top", "add a divider". */
export function addElement(scene: Scene, target: AddTarget, temps: TempIds): RuleResult {
  const rule = 'add-element';
  const { type } = target;
  if (type === 'Each' || type === 'If')
    return ask(
      rule,
      `A ${type === 'Each' ? 'list repeats elements over data' : 'condition shows elements while an expression holds'}, so it needs an expression I cannot guess offline. Add elements inside the existing ones, or add a field to list items ("add a priority field to the todo items").`
    );
  // "a heading at the bottom saying That's all": the place said first, then the text; read as
  // the text, then the place, when the words before "saying" are a place.
  let rest = target.rest;
  const first = PLACE_FIRST.exec(rest);
  if (first) rest = `${first[2]} ${first[1]}`;
  const lenient = NAMING.test(rest) || quoteOf(scene.u, rest.split(' ')[0]) !== undefined;
  const split = splitPlacement(scene, rest, lenient);
  if (!split.ok) return ask(rule, split.text);
  const { place } = split.value;
  let words = split.value.before;
  const props: Record<string, PropValue> = {};

  if (type === 'Link') {
    const to = /^(?:to|for|pointing to)\s+(\S+)\s*(.*)$/i.exec(words);
    // An address looks like one ("google.com", "/privacy", "https://…"); "to every task" is not.
    if (to && /^(?:⟦\d+⟧|[a-z][\w+.-]*:|\/|#|[\w-]+(?:\.[\w-]+)+)/i.test(to[1])) {
      props.href = webAddress(literal(scene.u, to[1]));
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
  // "a little grey text", "a new heading": words that say nothing about the look.
  let before = target.before
    .split(' ')
    .filter((w) => isStyleWord(w) || !FILLER.test(w))
    .join(' ');
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
  // "a notes box that counts the words": what it should do is not a title; a rule that knows
  // the behaviour has answered already, so this one asks.
  const purpose = type === 'Button' ? null : PURPOSE.exec(words);
  if (purpose && !NAMING.test(words))
    return ask(
      rule,
      `I can add ${an(target.word)}, but not a behaviour such as "${literal(scene.u, purpose[1])}" without an AI model, so I have changed nothing. For a counter under a text box say "add a character counter under the message"; otherwise say "add ${an(target.word)} saying …".`
    );
  const text = literal(scene.u, words.replace(NAMING, '') || before);
  // "a Jobs heading saying 'Today'": words before the type that are neither a look nor the
  // text would be dropped without a word; which one is meant is a question.
  if (before && words.replace(NAMING, '') && !(type === 'Button' && PURPOSE.test(words)))
    return ask(
      rule,
      `I read "${text}" as the ${type === 'Button' ? 'label' : 'text'}, but not "${literal(scene.u, before)}" before "${target.word}", so I have changed nothing. Say it as "add a ${target.word} saying …", with any look first ("a small grey text saying …").`
    );
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
export function buttonAction(scene: Scene, parent: NodeRecord, said: string): Found<string> {
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
