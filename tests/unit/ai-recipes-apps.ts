/**
 * Apps that are not templates, for the offline planner's recipe tests (issue 15): a dashboard
 * with two cards, a row of buttons and a slider; a scoreboard; a chores list; a timer whose
 * buttons set fixed values; a shopping list whose adding action builds a new array.
 */
import { seededIds } from '../../src/lib/model/ids';
import { emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';

/** The app the ops build, and the real id of each temporary id they name. */
export function build(ops: Op[]): { model: AppModel; id: (temp: string) => string } {
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return { model: plan.model, id: (temp) => plan.idMap[temp] ?? temp };
}

/** A small dashboard: not a template, two cards, a row of two buttons and a slider. */
export const built = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'addState', component: 'App', name: 'volume', type: 'number', initial: 3 },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Studio' } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Card',
    id: 'mixer',
    props: { title: 'Mixer' },
    children: [{ type: 'Text', props: { text: 'Levels' } }]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Card',
    id: 'notes',
    props: { title: 'Notes' },
    children: [{ type: 'Text', props: { text: 'Nothing yet' } }]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Stack',
    id: 'controls',
    props: { direction: 'horizontal' },
    children: [
      { type: 'Button', props: { label: 'Play' } },
      { type: 'Button', props: { label: 'Stop' } }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Slider',
    id: 'vol',
    props: { label: 'Volume', value: { $bind: 'volume' }, min: 0, max: 10 }
  }
]);
export const dashboard = built.model;
export const [root, notes, controls, vol] = ['root', 'notes', 'controls', 'vol'].map(built.id);
/** A scoreboard: a score its buttons change, shown in a Heading, and a row of two buttons. */
export const board = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'addState', component: 'App', name: 'score', type: 'number', initial: 0 },
  { op: 'addState', component: 'App', name: 'rounds', type: 'number', initial: 3 },
  { op: 'setHandler', component: 'App', name: 'point', params: [], body: 'state.score += 1;' },
  { op: 'setHandler', component: 'App', name: 'penalty', params: [], body: 'state.score -= 2;' },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Heading',
    props: { text: { $expr: '`Score: ${state.score}`' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Stack',
    id: 'actions',
    props: { direction: 'horizontal' },
    children: [
      { type: 'Button', props: { label: 'Point', onClick: { $handler: 'point' } } },
      { type: 'Button', props: { label: 'Penalty', onClick: { $handler: 'penalty' } } }
    ]
  },
  { op: 'addNode', parent: 'root', type: 'Text', props: { text: 'Good luck' } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Slider',
    props: { label: 'Rounds', value: { $bind: 'rounds' }, min: 1, max: 9 }
  }
]);

/** Chores: a list that is not a template's, its yes/no field `finished`, looped as `c`. */
export const chores = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  {
    op: 'addState',
    component: 'App',
    name: 'chores',
    type: { array: { object: { id: 'number', name: 'string', finished: 'boolean' } } },
    initial: [
      { id: 1, name: 'Dishes', finished: true },
      { id: 2, name: 'Laundry', finished: false }
    ]
  },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Chores' } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Each',
    id: 'rows',
    props: { items: { $expr: 'state.chores' }, as: 'c', key: { $expr: 'c.id' } },
    children: [
      { type: 'Checkbox', props: { checked: { $expr: 'c.finished' }, label: { $expr: 'c.name' } } }
    ]
  }
]);

/** A timer: Restart sets seconds to a fixed 60, Untitle clears the label; Tick steps. */
export const timer = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'addState', component: 'App', name: 'seconds', type: 'number', initial: 60 },
  { op: 'addState', component: 'App', name: 'label', type: 'string', initial: 'Tea' },
  { op: 'setHandler', component: 'App', name: 'restart', params: [], body: 'state.seconds = 60;' },
  { op: 'setHandler', component: 'App', name: 'untitle', params: [], body: "state.label = '';" },
  { op: 'setHandler', component: 'App', name: 'tick', params: [], body: 'state.seconds -= 1;' },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Heading',
    props: { text: { $expr: 'String(state.seconds)' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Button',
    props: { label: 'Restart', onClick: { $handler: 'restart' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Button',
    props: { label: 'Untitle', onClick: { $handler: 'untitle' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Button',
    props: { label: 'Tick', onClick: { $handler: 'tick' } }
  }
]).model;

/** Shopping: adding builds a new array (`[...things, item]`); the list is shown as stored. */
export const shop = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  {
    op: 'addState',
    component: 'App',
    name: 'things',
    type: { array: { object: { id: 'number', name: 'string', got: 'boolean' } } },
    initial: []
  },
  { op: 'addState', component: 'App', name: 'next', type: 'number', initial: 1 },
  {
    op: 'setHandler',
    component: 'App',
    name: 'addThing',
    params: [],
    body: "state.things = [...state.things, { id: state.next, name: 'New', got: false }];\nstate.next += 1;"
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Each',
    props: { items: { $expr: 'state.things' }, as: 't', key: { $expr: 't.id' } },
    children: [
      { type: 'Checkbox', props: { checked: { $expr: 't.got' }, label: { $expr: 't.name' } } }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Button',
    props: { label: 'Add', onClick: { $handler: 'addThing' } }
  }
]).model;
