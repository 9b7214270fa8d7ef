/**
 * The offline rules that add behaviour, not only elements: an input bound to a new state field,
 * a counter, a dark mode toggle (a field on the items of a list is in offline-items.ts). Each is
 * a small recipe over the schemas (which prop binds, which prop themes) and the app (which state
 * exists). Pure.
 */
import { elementSchema } from '../schema/elements';
import { formatType } from '../schema/statetype';
import {
  rootComponent,
  type AddNodeOp,
  type ComponentRecord,
  type JsonValue,
  type Op,
  type PropValue
} from '../model/types';
import { componentOf, describeNode, type Scene } from './offline-refs';
import { formSlot, splitPlacement } from './offline-place';
import { unread } from './offline-edit';
import type { AddTarget } from './offline-add';
import {
  an,
  camelName,
  capitalized,
  carriesInstruction,
  freeName,
  labelFor,
  listOf,
  literal,
  quoteOf
} from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { withDigits } from './offline-numbers';

/** The prop of an input element that two-way binds to state, and the state type it holds. */
export function bindingOf(
  type: string
): { prop: string; type: 'string' | 'number' | 'boolean' } | null {
  const schema = elementSchema(type);
  if (!schema) return null;
  for (const [prop, p] of Object.entries(schema.properties)) {
    if (
      p['x-kinds'].includes('bind') &&
      (p.type === 'string' || p.type === 'number' || p.type === 'boolean')
    )
      return { prop, type: p.type };
  }
  return null;
}

/** A name the component's state, handlers and the words of the planner's own do not use yet. */
function taken(component: ComponentRecord): (name: string) => boolean {
  return (name) => Object.hasOwn(component.state, name) || Object.hasOwn(component.handlers, name);
}

const DEFAULT_NAMES: Readonly<Record<string, string>> = {
  TextInput: 'text',
  TextArea: 'notes',
  Checkbox: 'checked',
  Toggle: 'enabled',
  Slider: 'amount',
  Select: 'choice'
};

/** "I agree to the rules" → `agreeToTheRules`: a field is named for what is said, not for "I". */
function fieldName(caption: string): string {
  return camelName(caption.replace(/^(?:i|i'm|i am|i've|i have|yes)\b[\s,]*(?=\S)/i, ''));
}

/**
 * "add a text field called nickname", "add a checkbox for subscribed", "add a slider for volume
 * from 0 to 10": a state field (unless one of that name and type exists) and the input bound to it.
 */
export function addInput(scene: Scene, target: AddTarget, temps: TempIds): RuleResult {
  const rule = 'add-input';
  const binding = bindingOf(target.type)!;
  let rest = target.rest;
  // "small / medium / large", "low | high": options between slashes or bars are a list.
  if (target.type === 'Select' && /[^\s/|]\s*[/|]\s*[^\s/|]/.test(rest) && !/:\/\//.test(rest))
    rest = rest.replace(/\s*[/|]\s*/g, ', ');
  let min: number | undefined;
  let max: number | undefined;
  let options: string[] | undefined;
  let initial: number | undefined;
  const range =
    /\s*\b(?:from|between|ranging from)\s+(-?\d+(?:\.\d+)?)\s+(?:to|and|-)\s+(-?\d+(?:\.\d+)?)\b/i.exec(
      rest
    );
  if (range) {
    [min, max] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b);
    rest = rest.replace(range[0], ' ');
  }
  const upTo = /\s*\b(?:up to|max(?:imum)?(?: of)?)\s+(-?\d+(?:\.\d+)?)\b/i.exec(rest);
  if (upTo) {
    max = Number(upTo[1]);
    rest = rest.replace(upTo[0], ' ');
  }
  const start =
    /\s*\b(?:starting at|starting from|initially|defaulting to|default)\s+(-?\d+(?:\.\d+)?)\b/i.exec(
      rest
    );
  if (start) {
    initial = Number(start[1]);
    rest = rest.replace(start[0], ' ');
    // A start number for an input that holds text or a yes/no would be dropped: ask instead.
    if (binding.type !== 'number')
      return ask(
        rule,
        `${an(target.type, true)} holds ${binding.type === 'boolean' ? 'yes or no' : 'text'}, not the number ${start[1]}, so I have changed nothing. For a number say "add a number field called … starting at ${start[1]}".`
      );
  }
  // "with options a, b and c", or for a dropdown simply "with a, b and c" (a list, not one word).
  // "asking how did you hear about us: Friend, Search engine, Other": the caption, then the list;
  // "with small medium large": plain words run together are the options, not a name.
  const colon =
    target.type === 'Select'
      ? /^(.*?[^\s:])?\s*:\s*(.+?(?:,|\s(?:and|or)\s).+)$/i.exec(rest)
      : null;
  const choices =
    /\s*\b(?:with (?:the )?(?:options|choices|values)|options|choices)\s*:?\s+(.+)$/i.exec(rest) ??
    (target.type === 'Select'
      ? (/\s*\b(?:with|of)\s+((?:[^,]+,)+[^,]*|[^,]+\s(?:and|or)\s.+)$/i.exec(rest) ??
        /\s*\bwith\s+((?!(?:the|a|an|some|my|its|their|options?|choices?)\b)[a-z]+(?:\s+(?!(?:the|a|an|of|for|to|from|at|in|on|below|above|under|after|before)\b)[a-z]+){1,5})$/i.exec(
          rest
        ))
      : null);
  if (!choices && colon) {
    const said = (colon[1] ?? '')
      .replace(/^(?:asking|that asks|to ask|which asks|for)\s+/i, '')
      .replace(/\s+/g, ' ')
      .trim();
    options = listOf(scene.u, colon[2]);
    rest = said ? `labelled ${capitalized(said)}${/\?$/.test(said) ? '' : '?'}` : '';
  }
  if (choices && target.type === 'Select') {
    const split = splitPlacement(scene, choices[1], true);
    const said = split.ok && split.value.said ? split.value.before : choices[1];
    options = /[,]|\s(?:and|or)\s|⟦/i.test(said) ? listOf(scene.u, said) : said.split(/\s+/);
    rest = rest.replace(
      choices[0],
      split.ok && split.value.said ? ` ${choices[1].slice(split.value.before.length)}` : ' '
    );
  }
  rest = rest.replace(/\s+/g, ' ').trim();
  const split = splitPlacement(scene, rest, false);
  if (!split.ok) return ask(rule, split.text);
  const kind = bindingOf(target.type)?.type ?? 'string';
  // No place said: with the other inputs of the form, before its button, not after it.
  const place = (!split.value.said && formSlot(scene, kind)) || split.value.place;
  const component = componentOf(scene.model, place.parent);

  // "called nickname" names the field; "labelled Nickname" the caption; either gives the other.
  let name = '';
  let label = '';
  const said =
    /^(?:(called|named|for|bound to|to set|to pick|to choose)|(labell?ed|titled|saying|that says|which says|reading))\s+(.+)$/i.exec(
      split.value.before
    );
  // A name before the type and more words after it ("a priority dropdown to each todo"): the
  // planner has not read the whole request, so it asks instead of naming a field from both.
  if (!said && split.value.before && target.before)
    return ask(
      rule,
      `I read "${literal(scene.u, target.before)}" as the name of the new ${target.word}, but not "${literal(scene.u, split.value.before)}", so I have changed nothing. For a field on each item of a list, say "add a ${literal(scene.u, target.before)} field to the items"; for a new input, "add a ${target.word} called ${literal(scene.u, target.before)}".`
    );
  // "for the subject" names the field `subject`, not `theSubject`.
  const words = (said ? said[3] : split.value.before || target.before).replace(
    /^(?:the|a|an|my|our|your|their|its)\s+/i,
    ''
  );
  if (carriesInstruction(scene.u, words)) return unread(rule, literal(scene.u, words));
  // A name is a few words; more, or a list, is words the planner did not read as a name.
  if (
    !said?.[2] &&
    (/[,:]/.test(words) ||
      words.split(/\s+/).length > 3 ||
      /^(?:with|that|which|who|to|so|where|when|if)\b/i.test(words))
  )
    return ask(
      rule,
      `I did not read "${literal(scene.u, words)}" as a name for the new ${target.word}, so I have changed nothing. Say "add ${an(target.word)} called …"${target.type === 'Select' ? ' with "options …, … and …"' : ''}.`
    );
  // A filter, a search or a sort must act on the list: its own rule does that, or we ask.
  if (/^(?:the\s+)?(?:filter|search|sort)\w*$/i.test(words))
    return ask(
      rule,
      `A ${words.toLowerCase()} ${target.word} that changes nothing would mislead, so I have changed nothing. Say "add a filter dropdown" or "add a search box" for a list, and I wire it to the list.`
    );
  if (said?.[2]) label = literal(scene.u, words);
  else if (words) {
    name = fieldName(literal(scene.u, words));
    // A quoted caption ("a checkbox 'I am not a robot'") is shown as typed.
    const quoted = quoteOf(scene.u, words);
    if (quoted !== undefined && target.type !== 'Slider') label = quoted;
  }
  // "add a field": a box to type in with no name says nothing of what it holds, and a field
  // named "text" would be a guess. A checkbox, a switch or a slider alone is a control to try.
  if (!name && !fieldName(label) && /^(?:TextInput|TextArea|NumberInput)$/.test(target.type))
    return ask(
      rule,
      `What should the new ${target.word} hold? Say "add ${an(target.word)} called …" (for example "add ${an(target.word)} called phone"); for a field on each item of a list, "add a due date field to the items".`
    );
  if (!name)
    name = fieldName(label) || freeName(DEFAULT_NAMES[target.type] ?? 'value', taken(component));
  if (!label) label = labelFor(name);

  const ops: Op[] = [];
  const existing = component.state[name];
  if (existing) {
    if (existing.type !== binding.type)
      return ask(
        rule,
        `${component.name} already has a state field "${name}" holding a ${formatType(existing.type)}, and ${an(target.type)} needs a ${binding.type}. Call the new one something else (say "called ${name}2").`
      );
  } else {
    let value: JsonValue =
      binding.type === 'boolean' ? false : binding.type === 'number' ? (initial ?? min ?? 0) : '';
    if (options && options.length > 0) value = options[0];
    // A one-line text input is a draft (what a person is typing, before a button uses it):
    // `local` to each tab, so nobody sees anyone else's half-typed words (issue 13).
    const draft = target.type === 'TextInput' && component.id === scene.model.meta.root;
    ops.push({
      op: 'addState',
      component: component.name,
      name,
      type: binding.type,
      initial: value,
      ...(draft ? { scope: 'local' as const } : {})
    });
  }
  const props: Record<string, PropValue> = { label, [binding.prop]: { $bind: name } };
  if (target.type === 'Slider') {
    if (min !== undefined) props.min = min;
    if (max !== undefined) props.max = max;
  }
  if (target.type === 'Select' && options && options.length > 0) props.options = options;
  const node: AddNodeOp = {
    op: 'addNode',
    parent: place.parent.id,
    type: target.type,
    props,
    id: temps.next()
  };
  if (place.index !== undefined) node.index = place.index;
  ops.push(node);
  return {
    kind: 'batch',
    rule,
    ops,
    summary: existing
      ? `Add ${an(target.type)} "${label}" bound to the existing state field ${name}, ${place.words}`
      : `Add a state field ${name} (${binding.type}) and ${an(target.type)} "${label}" bound to it, ${place.words}`
  };
}

const COUNTER =
  /^(?:add|create|insert|put|make|give me|build)\s+(?:(?:a|an|another|one more)\s+)?(?:new\s+)?(?:(.+?)\s+)?counter\b\s*(.*)$/i;

/** "add a counter": a number field, its value shown, and − and + buttons with their handlers. */
export function addCounter(scene: Scene, temps: TempIds): RuleResult {
  scene = withDigits(scene);
  const rule = 'add-counter';
  const m = COUNTER.exec(scene.u.text);
  if (!m) return null;
  let rest = m[2];
  let initial = 0;
  const start = /\s*\b(?:starting at|starting from|from|at|initially|default)\s+(-?\d+)\b/i.exec(
    rest
  );
  if (start) {
    initial = Number(start[1]);
    rest = rest.replace(start[0], ' ').trim();
  }
  // "make the counter go up by 5" is about an existing counter, not a new one.
  if (m[1] && /^(?:the|this|that|my|our|its)$/i.test(m[1])) return null;
  // "a counter for the away team and a counter for …": the words before "counter" are not a name.
  if (m[1] && /\b(?:and|counter|for|called|named)\b|[,&]/i.test(m[1]))
    return ask(
      rule,
      `I did not read "${literal(scene.u, m[1])}" as the name of one counter, so I have changed nothing. Ask for one counter at a time: "add a counter called …".`
    );
  const split = splitPlacement(scene, rest, false);
  if (!split.ok) return ask(rule, split.text);
  const { place } = split.value;
  const component = componentOf(scene.model, place.parent);
  const naming = /^(?:called|named|for)\s+(.+)$/i.exec(split.value.before);
  // Every word read: anything after "counter" other than a name, a start or a place is not.
  if (split.value.before && !naming)
    return ask(
      rule,
      `I can add a counter, but I do not understand "${literal(scene.u, split.value.before)}", so I have changed nothing. Say "add a counter called score starting at 5".`
    );
  const called = naming?.[1]?.replace(/^(?:the|a|an|my|our)\s+/i, '') ?? m[1];
  // A name is a few words; "the away team and a counter for the home team" is two counters.
  if (
    called &&
    (/\b(?:and|counter|counters)\b|[,&]/i.test(called) || called.split(/\s+/).length > 4)
  )
    return ask(
      rule,
      `I did not read "${literal(scene.u, called)}" as the name of one counter, so I have changed nothing. Ask for one counter at a time: "add a counter called …".`
    );
  let name = called ? camelName(literal(scene.u, called)) : '';
  if (name && component.state[name])
    return ask(
      rule,
      `${component.name} already has a state field "${name}". Call the counter something else.`
    );
  name ||= freeName('count', taken(component));
  const free = taken(component);
  const inc = freeName(`increment${capitalized(name)}`, free);
  const dec = freeName(`decrement${capitalized(name)}`, (n) => free(n) || n === inc);
  const node: AddNodeOp = {
    op: 'addNode',
    parent: place.parent.id,
    type: 'Stack',
    id: temps.next(),
    props: { direction: 'horizontal', gap: 'sm', align: 'center' },
    children: [
      { type: 'Button', props: { label: '−', variant: 'secondary', onClick: { $handler: dec } } },
      {
        type: 'Text',
        props: { text: { $expr: `String(state.${name})` }, size: 'lg', weight: 'bold' }
      },
      { type: 'Button', props: { label: '+', onClick: { $handler: inc } } }
    ]
  };
  if (place.index !== undefined) node.index = place.index;
  return {
    kind: 'batch',
    rule,
    ops: [
      { op: 'addState', component: component.name, name, type: 'number', initial },
      { op: 'setHandler', component: component.name, name: inc, body: `state.${name} += 1;` },
      { op: 'setHandler', component: component.name, name: dec, body: `state.${name} -= 1;` },
      node
    ],
    summary: `Add a counter: state field ${name} (number, starting at ${initial}), handlers ${inc} and ${dec}, and a row with − ${name} + ${place.words}`
  };
}

const DARK = /\b(?:dark|night)[\s-]?(?:mode|theme)\b/i;
/** Asking for dark mode: "add …", "let me switch to …", "turn on …", or just "dark mode toggle". */
const DARK_ASK =
  /^(?:(?:add|create|give|put|insert|include|enable|support|offer|build|provide|want|need)\b|(?:turn|switch) on\b|(?:let|allow|help) (?:me|us|users|people|the user|everyone)\b|make it possible\b|(?:an? |the )?(?:dark|night)[\s-]?(?:mode|theme)\b)/i;

/**
 * "add a dark mode toggle": a boolean field, a Toggle bound to it at the top of the app, and the
 * root container's `theme` following it. Containers repaint their whole subtree for a theme (the
 * element schemas' `theme` prop), so the app really turns dark while the toggle is on.
 */
export function addDarkMode(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'add-dark-mode';
  const { model, u } = scene;
  if (!DARK.test(u.text) || !DARK_ASK.test(u.text)) return null;
  const component = rootComponent(model);
  const root = component && model.nodes.get(component.root);
  if (!component || !root) return ask(rule, 'The app has no view yet to make dark.');
  if (!elementSchema(root.type)?.properties.theme)
    return ask(
      rule,
      `The app's root ${root.type} takes no theme, so dark mode cannot be switched there.`
    );
  const theme = root.props.theme;
  if (
    theme &&
    typeof theme === 'object' &&
    '$expr' in theme &&
    /\bstate\./.test(String(theme.$expr))
  )
    return ask(
      rule,
      `The app already switches its theme with {${String(theme.$expr)}}. Should I change that toggle instead?`
    );
  const existing = Object.entries(component.state).find(
    ([name, f]) => /^(?:dark|darkMode|isDark|nightMode)$/.test(name) && f.type === 'boolean'
  )?.[0];
  const name = existing ?? freeName(component.state.dark ? 'darkMode' : 'dark', taken(component));
  const ops: Op[] = [];
  if (!existing)
    // A preference: each person's own, the same in every tab they open.
    ops.push({
      op: 'addState',
      component: component.name,
      name,
      type: 'boolean',
      initial: false,
      ...(component.id === scene.model.meta.root ? { scope: 'person' as const } : {})
    });
  ops.push(
    {
      op: 'addNode',
      parent: root.id,
      index: 0,
      type: 'Toggle',
      id: temps.next(),
      props: { label: 'Dark mode', checked: { $bind: name } }
    },
    {
      op: 'setProp',
      id: root.id,
      name: 'theme',
      value: { $expr: `state.${name} ? 'dark' : 'light'` }
    }
  );
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Add dark mode: ${existing ? `the existing state field ${name}` : `a state field ${name} (boolean)`}, a "Dark mode" Toggle bound to it at the top of the app, and the theme of ${describeNode(root)} following it (dark when on, light when off)`
  };
}
