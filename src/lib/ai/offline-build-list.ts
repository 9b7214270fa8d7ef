/**
 * A list built from nothing (issue 15): "add a to do list where I can also clear the finished
 * ones", "a list of names I can sort A to Z with a button", "make a shopping list". A new
 * array-of-objects state field, a text field and an Add button that push an item, an Each that
 * shows the items (a Checkbox that ticks each off, for a list of things to do), and the extras
 * said: a button that clears the done ones or all of them, a button that sorts A to Z or Z to A.
 * Only when every word is read; an app that already has a list of that name is left to the list
 * recipes. Pure.
 */
import {
  rootComponent,
  type ComponentRecord,
  type Op,
  type PropValue,
  type StateType
} from '../model/types';
import { defaultContainer } from './offline-place';
import type { Scene } from './offline-refs';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { an, camelName, capitalized, freeName } from './offline-text';

const BUILD =
  /^(?:(?:add|create|make|build|put|start|i want|i need|give me|set up)\s+)?(?:(?:an?|my|one|another)\s+)?(?:new\s+)?(?:(to[\s-]?do|todo|task|shopping|grocery|chore|packing|reading|wish|bucket|guest|contact|name|book)s?\s+list|list\s+of\s+(\w+))\b\s*(.*)$/i;

/** Kinds of list: the field's name, the items' text field, and whether items are ticked off. */
const KINDS: Readonly<
  Record<string, { field: string; text: string; flag: boolean; noun: string }>
> = {
  todo: { field: 'todos', text: 'title', flag: true, noun: 'todo' },
  task: { field: 'tasks', text: 'title', flag: true, noun: 'task' },
  chore: { field: 'chores', text: 'title', flag: true, noun: 'chore' },
  shopping: { field: 'items', text: 'name', flag: true, noun: 'item' },
  grocery: { field: 'groceries', text: 'name', flag: true, noun: 'item' },
  packing: { field: 'things', text: 'name', flag: true, noun: 'thing' },
  reading: { field: 'books', text: 'title', flag: true, noun: 'book' },
  book: { field: 'books', text: 'title', flag: false, noun: 'book' },
  wish: { field: 'wishes', text: 'name', flag: false, noun: 'wish' },
  bucket: { field: 'goals', text: 'title', flag: true, noun: 'goal' },
  guest: { field: 'guests', text: 'name', flag: false, noun: 'guest' },
  contact: { field: 'contacts', text: 'name', flag: false, noun: 'contact' },
  name: { field: 'names', text: 'name', flag: false, noun: 'name' }
};

/** Words that say nothing more once the extras are read. */
const FILLER =
  /\b(?:where|that|which|so|i|we|you|people|can|could|also|too|as well|and|with|a|an|the|it|them|list|button|buttons|one|ones|to|be|able|let|me|us|lets|in|on|of|by|its|items?|things?|please|app|page)\b/gi;

/** "add a to do list where I can also clear the finished ones": the whole list, built. */
export function buildList(scene: Scene, temps: TempIds): RuleResult {
  const m = BUILD.exec(scene.u.text);
  if (!m) return null;
  const rule = 'build-list';
  const kindWord = (m[1] ?? '').toLowerCase().replace(/[\s-]/g, '');
  const plural = m[2]?.toLowerCase();
  const kind = kindWord
    ? KINDS[kindWord]
    : plural
      ? {
          field: camelName(plural),
          text: 'name',
          flag: false,
          noun: plural.replace(/ies$/, 'y').replace(/s$/, '')
        }
      : undefined;
  if (!kind || !kind.field) return null;
  let rest = m[3].toLowerCase();
  const extras: { clear?: 'done' | 'all'; sort?: 'az' | 'za'; flag: boolean } = { flag: kind.flag };
  const take = (re: RegExp) => {
    const hit = re.exec(rest);
    if (hit) rest = rest.replace(re, ' ');
    return hit;
  };
  if (
    take(
      /\b(?:tick|check|mark|cross)(?:\s+\w+)?\s+off\b|\btick(?:ed)?\b|\bcheck(?:ed)?\s*box(?:es)?\b/
    )
  )
    extras.flag = true;
  if (
    take(
      /\b(?:clear|remove|delete|throw away|get rid of|bin)\s+(?:out\s+)?(?:all\s+)?(?:the\s+)?(?:finished|done|completed|ticked|checked|crossed off|bought)(?:\s+(?:ones?|items?|things?|tasks?|todos?))?\b/
    )
  ) {
    extras.clear = 'done';
    extras.flag = true;
  } else if (
    take(/\b(?:clear|empty|wipe|reset)\s+(?:it|them|all|everything|the list|the whole list)\b/)
  )
    extras.clear = 'all';
  const sort = take(
    /\b(?:sort|order|alphabeti[sz]e)(?:\s+(?:it|them|the\s+\w+))?(?:\s+(?:from\s+)?(a\s*(?:-|to)\s*z|z\s*(?:-|to)\s*a|alphabetically|backwards))?\b/
  );
  if (sort) extras.sort = /z\s*(?:-|to)\s*a|backwards/.test(sort[1] ?? '') ? 'za' : 'az';
  const leftover = rest
    .replace(/[^a-z\s]/g, ' ')
    .replace(FILLER, ' ')
    .trim();
  if (leftover)
    return ask(
      rule,
      `I can build a ${kind.noun} list with an Add box, and a button that clears the done ones or sorts it A to Z; I did not read "${leftover}". Say, for example, "add a ${kind.noun} list where I can clear the done ones".`
    );
  const component = rootComponent(scene.model);
  if (!component) return null;
  if (Object.hasOwn(component.state, kind.field)) return null;
  return listBatch(scene, component, kind, extras, temps);
}

function listBatch(
  scene: Scene,
  component: ComponentRecord,
  kind: { field: string; text: string; noun: string },
  extras: { clear?: 'done' | 'all'; sort?: 'az' | 'za'; flag: boolean },
  temps: TempIds
): RuleResult {
  const taken = (n: string) =>
    Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n);
  const f = kind.field;
  const t = kind.text;
  const Noun = capitalized(kind.noun);
  const draft = freeName(`new${Noun}`, taken);
  const next = freeName(`next${Noun}Id`, taken);
  const add = freeName(`add${Noun}`, taken);
  const toggle = freeName(`toggle${Noun}`, taken);
  const clear = freeName(
    extras.clear === 'all' ? `clear${capitalized(f)}` : `clearDone${capitalized(f)}`,
    taken
  );
  const sort = freeName(`sort${capitalized(f)}`, taken);
  const local = component.id === scene.model.meta.root ? { scope: 'local' as const } : {};
  const item: Record<string, StateType> = { id: 'number', [t]: 'string' };
  if (extras.flag) item.done = 'boolean';
  const ops: Op[] = [
    {
      op: 'addState',
      component: component.name,
      name: f,
      type: { array: { object: item } },
      initial: []
    },
    {
      op: 'addState',
      component: component.name,
      name: draft,
      type: 'string',
      initial: '',
      ...local
    },
    { op: 'addState', component: component.name, name: next, type: 'number', initial: 1 },
    {
      op: 'setHandler',
      component: component.name,
      name: add,
      body: `const ${t} = state.${draft}.trim();\nif (!${t}) return;\nstate.${f}.push({ id: state.${next}, ${t}${extras.flag ? ', done: false' : ''} });\nstate.${next} += 1;\nstate.${draft} = '';`
    }
  ];
  if (extras.flag)
    ops.push({
      op: 'setHandler',
      component: component.name,
      name: toggle,
      params: ['x'],
      body: `const found = state.${f}.find((y) => y.id === x.id);\nif (found) found.done = !found.done;`
    });
  const at = defaultContainer(scene);
  const box = temps.next();
  const row: Op = {
    op: 'addNode',
    parent: at.parent.id,
    ...(at.index !== undefined ? { index: at.index } : {}),
    type: 'Stack',
    id: box,
    props: { direction: 'horizontal', gap: 'sm' },
    children: [
      {
        type: 'TextInput',
        props: {
          value: { $bind: draft },
          placeholder: `Add a ${kind.noun}…`,
          onSubmit: { $handler: add }
        }
      },
      {
        type: 'Button',
        props: {
          label: 'Add',
          onClick: { $handler: add },
          disabled: { $expr: `state.${draft}.trim() === ''` }
        }
      }
    ]
  };
  const rowChild: { type: string; props: Record<string, PropValue> } = extras.flag
    ? {
        type: 'Checkbox',
        props: {
          checked: { $expr: 'x.done' },
          label: { $expr: `x.${t}` },
          onChange: { $handler: toggle }
        }
      }
    : { type: 'Text', props: { text: { $expr: `x.${t}` } } };
  const each: Op = {
    op: 'addNode',
    parent: at.parent.id,
    ...(at.index !== undefined ? { index: at.index + 1 } : {}),
    type: 'Each',
    id: temps.next(),
    props: { items: { $expr: `state.${f}` }, as: 'x', key: { $expr: 'x.id' } },
    children: [rowChild]
  };
  ops.push(row, each);
  const said = [
    `${an(kind.noun)} list (${f}: id, ${t}${extras.flag ? ', done' : ''}) with a text field and an Add button`
  ];
  const buttons: { type: string; props: Record<string, PropValue> }[] = [];
  if (extras.clear) {
    const body =
      extras.clear === 'all'
        ? `state.${f} = [];`
        : `state.${f} = state.${f}.filter((y) => !y.done);`;
    ops.push({ op: 'setHandler', component: component.name, name: clear, body });
    buttons.push({
      type: 'Button',
      props: {
        label: extras.clear === 'all' ? 'Clear all' : 'Clear done',
        variant: 'secondary',
        onClick: { $handler: clear }
      }
    });
    said.push(extras.clear === 'all' ? 'a Clear all button' : 'a Clear done button');
  }
  if (extras.sort) {
    const [a, b] = extras.sort === 'az' ? ['a', 'b'] : ['b', 'a'];
    ops.push({
      op: 'setHandler',
      component: component.name,
      name: sort,
      body: `state.${f} = [...state.${f}].sort((a, b) => ${a}.${t}.toLowerCase().localeCompare(${b}.${t}.toLowerCase()));`
    });
    buttons.push({
      type: 'Button',
      props: {
        label: extras.sort === 'az' ? 'Sort A-Z' : 'Sort Z-A',
        variant: 'secondary',
        onClick: { $handler: sort }
      }
    });
    said.push(`a Sort ${extras.sort === 'az' ? 'A-Z' : 'Z-A'} button`);
  }
  if (buttons.length)
    ops.push({
      op: 'addNode',
      parent: at.parent.id,
      ...(at.index !== undefined ? { index: at.index + 2 } : {}),
      type: 'Stack',
      id: temps.next(),
      props: { direction: 'horizontal', gap: 'sm' },
      children: buttons
    });
  return {
    kind: 'batch',
    rule: 'build-list',
    ops,
    summary: `Build ${said.join(', ')} ${at.words}; it starts empty`
  };
}
