/**
 * Issue 15, capabilities the offline planner lacked (tuning round s7), on phrasings of our own and
 * on an app that is not a template: a theme for one element (not the app's dark-mode toggle), a
 * named row kept whole when it goes side by side with another element. Each rule has at least
 * three phrasings that must give its ops and two near-misses that must not. Every batch plans
 * with planOps and passes the compile gate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

/** The app the ops build, and the real id of each temporary id they name. */
function build(ops: Op[]): { model: AppModel; id: (temp: string) => string } {
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return { model: plan.model, id: (temp) => plan.idMap[temp] ?? temp };
}

/** A small dashboard: not a template, two cards, a row of two buttons and a slider. */
const built = build([
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
const dashboard = built.model;
const [root, notes, controls, vol] = ['root', 'notes', 'controls', 'vol'].map(built.id);

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

const kind = (model: AppModel, message: string) => offlinePlan(model, message).kind;

describe('a theme for one element', () => {
  it.each([
    ['night theme on the mixer card', 'dark'],
    ['use a light look for the notes card', 'light'],
    ['set the mixer card to dark mode', 'dark'],
    ['the notes card in a dark theme', 'dark']
  ])('"%s" sets that card\'s theme to %s and adds no toggle', (message, theme) => {
    const plan = change(dashboard, message);
    const card = [...plan.model.nodes.values()].find(
      (n) => n.type === 'Card' && n.props.title === (/mixer/.test(message) ? 'Mixer' : 'Notes')
    )!;
    expect(card.props.theme).toBe(theme);
    expect(nodesOfType(plan.model, 'Toggle')).toHaveLength(0);
    expect(plan.model.nodes.get(root)!.props.theme).toBeUndefined();
  });

  it('with a toggle word, the toggle switches that card alone', () => {
    const plan = change(dashboard, 'add a dark mode switch for the notes card');
    const card = plan.model.nodes.get(notes)!;
    expect(card.props.theme).toEqual({ $expr: "state.dark ? 'dark' : 'light'" });
    const toggle = nodesOfType(plan.model, 'Toggle')[0];
    expect(toggle.parent).toBe(notes);
    expect(toggle.props.checked).toEqual({ $bind: 'dark' });
    expect(plan.model.nodes.get(root)!.props.theme).toBeUndefined();
  });

  it('on the form template, the card is themed, not the app', () => {
    const form = template('form');
    const plan = change(form, 'a dark look for the card');
    expect(nodesOfType(plan.model, 'Card')[0].props.theme).toBe('dark');
    expect(nodesOfType(plan.model, 'Toggle')).toHaveLength(0);
  });

  it('near-miss: an element with no theme is a question, never the app-wide toggle', () => {
    expect(kind(dashboard, 'dark mode for the play button')).toBe('question');
  });

  it('near-miss: an element that is not there is a question', () => {
    expect(kind(dashboard, 'dark theme for the sidebar')).toBe('question');
  });

  it('near-miss: the whole app still gets the app-wide dark mode toggle', () => {
    const plan = change(dashboard, 'add a dark mode toggle for the whole app');
    expect(nodesOfType(plan.model, 'Toggle')).toHaveLength(1);
    expect(plan.model.nodes.get(root)!.props.theme).toHaveProperty('$expr');
    expect(plan.model.nodes.get(notes)!.props.theme).toBeUndefined();
  });
});

describe('a row named as a group goes side by side whole', () => {
  const rowOf = (model: AppModel, id: string) => model.nodes.get(model.nodes.get(id)!.parent!)!;

  it.each([
    'put the slider and the buttons side by side',
    'show the buttons and the slider next to each other',
    'the volume slider and both buttons in one row'
  ])('"%s": a new row holds the buttons\' row and the slider', (message) => {
    const plan = change(dashboard, message);
    const outer = rowOf(plan.model, vol);
    expect(outer.type).toBe('Stack');
    expect(outer.props.direction).toBe('horizontal');
    expect(childrenOf(plan.model, outer.id)).toEqual([controls, vol]);
    expect(childrenOf(plan.model, controls)).toHaveLength(2);
  });

  it('near-miss: two buttons of one row are side by side already (a question)', () => {
    expect(kind(dashboard, 'put the play and stop buttons side by side')).toBe('question');
  });

  it('near-miss: one button of the row and the slider: only that button joins', () => {
    const plan = change(dashboard, 'put the slider next to the stop button');
    expect(rowOf(plan.model, vol).id).toBe(controls);
    expect(childrenOf(plan.model, controls)).toHaveLength(3);
  });
});

describe('several elements of one type, each with its text', () => {
  const added = (model: AppModel, type: string) =>
    nodesOfType(model, type).filter((n) => !dashboard.nodes.has(n.id));

  it('"put 3 cards in a 3 column grid called Bass, Drums and Keys": one Grid of three Cards', () => {
    const plan = change(dashboard, 'put 3 cards in a 3 column grid called Bass, Drums and Keys');
    const grid = nodesOfType(plan.model, 'Grid')[0];
    expect(grid.props.columns).toBe(3);
    expect(
      childrenOf(plan.model, grid.id).map((id) => plan.model.nodes.get(id)!.props.title)
    ).toEqual(['Bass', 'Drums', 'Keys']);
  });

  it('"a grid of two columns with four badges: Live, Muted, Solo, Armed": the columns as said', () => {
    const plan = change(
      dashboard,
      'a grid of two columns with four badges: Live, Muted, Solo, Armed'
    );
    const grid = nodesOfType(plan.model, 'Grid')[0];
    expect(grid.props.columns).toBe(2);
    expect(added(plan.model, 'Badge').map((n) => n.props.text)).toEqual([
      'Live',
      'Muted',
      'Solo',
      'Armed'
    ]);
  });

  it('"add headings saying Intro and Outro side by side at the top": a row first in the app', () => {
    const plan = change(dashboard, 'add headings saying Intro and Outro side by side at the top');
    const first = plan.model.nodes.get(childrenOf(plan.model, root)[0])!;
    expect(first.type).toBe('Stack');
    expect(first.props.direction).toBe('horizontal');
    expect(
      childrenOf(plan.model, first.id).map((id) => plan.model.nodes.get(id)!.props.text)
    ).toEqual(['Intro', 'Outro']);
  });

  it('"two texts: Left and Right" without a layout: one after the other', () => {
    const plan = change(dashboard, 'two texts: Left and Right');
    expect(added(plan.model, 'Text').map((n) => n.props.text)).toEqual(['Left', 'Right']);
    expect(added(plan.model, 'Stack')).toHaveLength(0);
  });

  it('buttons each run the action their text names', () => {
    const counter = template('counter');
    const plan = change(counter, 'add buttons called Reset and Increment in a row');
    const fresh = nodesOfType(plan.model, 'Button').filter((n) => !counter.nodes.has(n.id));
    expect(fresh.map((n) => n.props.onClick)).toEqual([
      { $handler: 'reset' },
      { $handler: 'increment' }
    ]);
  });

  it('near-miss: a count that does not match the texts is a question', () => {
    expect(kind(dashboard, 'add two badges: Live, Muted, Solo')).toBe('question');
  });

  it('near-miss: a count with no texts is a question, not a heading saying "three"', () => {
    expect(kind(dashboard, 'add three headings')).toBe('question');
  });

  it('near-miss: buttons with no action to run are a question, never dead buttons', () => {
    expect(kind(dashboard, 'three buttons in a row: Rec, Loop, Mute')).toBe('question');
  });
});

describe('a link said the way people say it', () => {
  const link = (model: AppModel) => added(model, 'Link')[0];
  const added = (model: AppModel, type: string) =>
    nodesOfType(model, type).filter((n) => !dashboard.nodes.has(n.id));

  it.each([
    [
      'add a link to the help pages at /help which opens in a new window',
      'Help pages',
      '/help',
      true
    ],
    ['add a link to our blog (/blog), it should open in a new tab', 'Blog', '/blog', true],
    [
      'add a link to the changelog at /changes below the heading',
      'Changelog',
      '/changes',
      undefined
    ]
  ])('"%s"', (message, text, href, newTab) => {
    const plan = change(dashboard, message);
    expect(link(plan.model).props).toEqual({ text, href, ...(newTab ? { newTab } : {}) });
  });

  it('placed where said', () => {
    const plan = change(dashboard, 'add a link to the changelog at /changes below the heading');
    expect(childrenOf(plan.model, root)[1]).toBe(link(plan.model).id);
  });

  it('near-miss: a link with no address is a question, not a link to nowhere', () => {
    expect(kind(dashboard, 'add a link to the docs that opens in a new tab')).not.toBe('batch');
  });

  it('near-miss: "in a new tab" is never read as a place', () => {
    const turn = offlinePlan(dashboard, 'add a link to /x in a new tab');
    expect(turn.kind).toBe('batch');
    expect(turn.kind === 'batch' && JSON.stringify(turn.ops)).toContain('"newTab":true');
  });
});

/** A scoreboard: a score its buttons change, shown in a Heading, and a row of two buttons. */
const board = build([
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

describe('a history of a number', () => {
  const model = board.model;
  const app = (m: AppModel) => [...m.components.values()][0];
  const each = (m: AppModel) => nodesOfType(m, 'Each')[0];

  it.each([
    'keep a log of the score under the buttons',
    'show a history of every score below the point button',
    'record a list of the past values, shown under the buttons'
  ])('"%s": every action appends, and the list sits after the buttons\' row', (message) => {
    const plan = change(model, message);
    const a = app(plan.model);
    expect(a.state.scoreHistory).toMatchObject({ type: { array: 'number' }, initial: [] });
    expect(a.handlers.point.body).toMatch(
      /state\.scoreHistory = \[\.\.\.state\.scoreHistory, state\.score\];/
    );
    expect(a.handlers.penalty.body).toMatch(/state\.scoreHistory = /);
    const kids = childrenOf(plan.model, board.id('root'));
    expect(kids.indexOf(each(plan.model).id)).toBe(kids.indexOf(board.id('actions')) + 1);
  });

  it('"the last 3 values" keeps only three', () => {
    const plan = change(model, 'show a history of the last three values');
    expect(app(plan.model).handlers.point.body).toContain('.slice(-3)');
  });

  it('near-miss: a number an input also changes is a question', () => {
    expect(kind(model, 'keep a history of the rounds')).toBe('question');
  });

  it('near-miss: a history of something that is not a number is not taken', () => {
    expect(kind(model, 'keep a history of the colours')).not.toBe('batch');
  });
});

describe("a text with a field's value in it", () => {
  const form = template('form');
  const textOf = (m: AppModel, before: AppModel) =>
    nodesOfType(m, 'Text').filter((n) => !before.nodes.has(n.id))[0];

  it.each([
    [
      'a field to enter your city and below it a line saying Weather for <city>',
      'city',
      '`Weather for ${state.city}`'
    ],
    [
      'add an input for nickname, then under it show {nickname} is ready',
      'nickname',
      '`${state.nickname} is ready`'
    ],
    [
      'a textbox where people type their team and underneath it it reads Go + whatever they typed',
      'team',
      '`Go ${state.team}`'
    ]
  ])('"%s": a new input and a Text that shows its value under it', (message, field, expr) => {
    const plan = change(dashboard, message);
    const app = [...plan.model.components.values()][0];
    expect(app.state[field]).toMatchObject({ type: 'string', initial: '' });
    const input = nodesOfType(plan.model, 'TextInput')[0];
    expect(input.props.value).toEqual({ $bind: field });
    const text = textOf(plan.model, dashboard);
    expect(text.props.text).toEqual({ $expr: expr });
    const kids = childrenOf(plan.model, input.parent!);
    expect(kids.indexOf(text.id)).toBe(kids.indexOf(input.id) + 1);
  });

  it('an existing field: "add a text under the email field saying Replies go to {email}"', () => {
    const plan = change(form, 'add a text under the email field saying Replies go to {email}');
    expect(textOf(plan.model, form).props.text).toEqual({
      $expr: '`Replies go to ${state.email}`'
    });
  });

  it('near-miss: a placeholder that names no field is a question', () => {
    expect(kind(form, 'add a line below the name field that says Hi <nickname>')).toBe('question');
  });

  it('near-miss: a text with no placeholder is left to the add rule (a plain text)', () => {
    const plan = change(form, 'add a text under the email field saying We reply within a day');
    expect(textOf(plan.model, form).props.text).toBe('We reply within a day');
  });
});

describe('a text that depends on a number', () => {
  const model = board.model;
  const ifs = (m: AppModel) => nodesOfType(m, 'If');

  it.each([
    ["show 'Winning!' when the score passes 10", 'Winning!', 'state.score > 10'],
    ['display a message saying Ouch once the score drops below 0', 'Ouch', 'state.score < 0'],
    ['show Perfect if the score is exactly 7, below the buttons', 'Perfect', 'state.score === 7']
  ])('"%s": a Text inside a new If', (message, text, when) => {
    const plan = change(model, message);
    const wrap = ifs(plan.model)[0];
    expect(wrap.props.when).toEqual({ $expr: when });
    const kids = childrenOf(plan.model, wrap.id).map((id) => plan.model.nodes.get(id)!);
    expect(kids.map((n) => [n.type, n.props.text])).toEqual([['Text', text]]);
  });

  it('placed after what shows the number, or below the row of buttons when said', () => {
    const root = board.id('root');
    const plain = change(model, "show 'Winning!' when the score passes 10");
    expect(childrenOf(plain.model, root)[1]).toBe(ifs(plain.model)[0].id);
    const below = change(model, 'show Perfect if the score is exactly 7, below the buttons');
    const kids = childrenOf(below.model, root);
    expect(kids.indexOf(ifs(below.model)[0].id)).toBe(kids.indexOf(board.id('actions')) + 1);
  });

  it.each([
    'show whether the score is even or odd',
    'under the heading show if it is odd or even',
    'tell me whether the score is positive or negative'
  ])('"%s": a Text whose text the value chooses', (message) => {
    const plan = change(model, message);
    const added = nodesOfType(plan.model, 'Text').filter((n) => !model.nodes.has(n.id));
    expect(added).toHaveLength(1);
    expect(String((added[0].props.text as { $expr: string }).$expr)).toMatch(
      /^state\.score (?:% 2 === 0|> 0) \?/
    );
  });

  it('near-miss: a condition it cannot read is no change', () => {
    expect(kind(model, 'show Hi when the score is blue')).not.toBe('batch');
  });

  it('near-miss: showing an element that is there is not a new text', () => {
    const turn = offlinePlan(model, 'show the point button when the score is above 0');
    expect(turn.kind === 'batch' && JSON.stringify(turn.ops)).not.toContain('"type":"Text"');
  });
});

it('near-miss: "show Point when …" names the Point button, so no new Text says "Point"', () => {
  const turn = offlinePlan(board.model, 'show Point when the score is above 0');
  expect(turn.kind === 'batch' && JSON.stringify(turn.ops)).not.toContain('"text":"Point"');
});

/** Chores: a list that is not a template's, its yes/no field `finished`, looped as `c`. */
const chores = build([
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

describe('a percentage of a list', () => {
  const model = chores.model;
  const percent = (m: AppModel) =>
    String(
      (
        nodesOfType(m, 'Text').filter((n) => !model.nodes.has(n.id))[0].props.text as {
          $expr: string;
        }
      ).$expr
    );

  it.each([
    'show what percent of the chores are finished',
    'display the percentage of chores finished',
    'show what share of my chores have been finished'
  ])('"%s": the share of finished chores, 0 for none', (message) => {
    const plan = change(model, message);
    expect(percent(plan.model)).toBe(
      "(state.chores.length ? Math.round((100 * state.chores.filter((x) => x.finished).length) / state.chores.length) : 0) + '% finished'"
    );
  });

  it('below the list unless said, or where said', () => {
    const root = chores.id('root');
    const plan = change(model, 'show what percent of the chores are finished');
    expect(childrenOf(plan.model, root)).toHaveLength(3);
    const top = change(model, 'show the percentage of chores finished at the top');
    const first = top.model.nodes.get(childrenOf(top.model, root)[0])!;
    expect(first.type).toBe('Text');
  });

  it('near-miss: a word that is no yes/no field of the items is a question', () => {
    expect(kind(model, 'show what percent of the chores are urgent')).toBe('question');
  });

  it('near-miss: an app with no list is not taken as a percentage', () => {
    expect(kind(dashboard, 'show what percent of the list is done')).not.toBe('batch');
  });
});

describe('a line with a text is a line of text, not a divider', () => {
  const added = (m: AppModel) => [...m.nodes.values()].filter((n) => !dashboard.nodes.has(n.id));

  it.each([
    ['add a line saying Welcome back', 'Welcome back'],
    ["put a line reading 'Built with care' at the bottom", 'Built with care'],
    ['add a small line with the text Beta under the heading', 'Beta']
  ])('"%s"', (message, text) => {
    const plan = change(dashboard, message);
    expect(added(plan.model).map((n) => [n.type, n.props.text])).toEqual([['Text', text]]);
  });

  it.each(['add a line under the heading', 'add a line'])(
    'near-miss: "%s" is still a divider',
    (message) => {
      const plan = change(dashboard, message);
      expect(added(plan.model).map((n) => n.type)).toEqual(['Divider']);
    }
  );
});

/** A timer: Restart sets seconds to a fixed 60, Untitle clears the label; Tick steps. */
const timer = build([
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

describe('another value for a button that sets a field', () => {
  const body = (m: AppModel, name: string) => [...m.components.values()][0].handlers[name].body;

  it.each([
    ['make the restart button go back to 90 instead of 60', 'restart', 'state.seconds = 90;'],
    ['the restart button should reset the seconds to 30', 'restart', 'state.seconds = 30;'],
    ['have untitle set it to Untitled', 'untitle', 'state.label = "Untitled";']
  ])('"%s"', (message, handler, expected) => {
    const plan = change(timer, message);
    expect(body(plan.model, handler)).toBe(expected);
    expect(body(plan.model, 'tick')).toBe('state.seconds -= 1;');
  });

  it('near-miss: an "instead of" value the button does not set is a question', () => {
    expect(kind(timer, 'make the restart button go back to 90 instead of 45')).toBe('question');
  });

  it('near-miss: a button that steps, not sets, is a question', () => {
    expect(kind(timer, 'make the tick button go back to 5')).toBe('question');
  });
});

/** Shopping: adding builds a new array (`[...things, item]`); the list is shown as stored. */
const shop = build([
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

describe('new items at the top of a list', () => {
  const body = (m: AppModel) => [...m.components.values()][0].handlers.addThing.body;

  it.each([
    'new things should go at the top of the list, not the bottom',
    'when someone adds a thing, it should appear first',
    'put new things on top'
  ])('"%s": the adding action puts the item first', (message) => {
    const plan = change(shop, message);
    expect(body(plan.model)).toBe(
      "state.things = [{ id: state.next, name: 'New', got: false }, ...state.things];\nstate.next += 1;"
    );
  });

  it('on the todo template, push becomes unshift', () => {
    const todo = template('todo');
    const plan = change(todo, 'when i add a task it should go at the top');
    expect([...plan.model.components.values()][0].handlers.addItem.body).toContain(
      'state.items.unshift({'
    );
  });

  it('near-miss: a list with no adding action is a question', () => {
    expect(kind(chores.model, 'new chores should go at the top')).toBe('question');
  });

  it('near-miss: "at the bottom" is not taken (that is where they go already)', () => {
    expect(kind(shop, 'new things should go at the bottom')).not.toBe('batch');
  });
});

describe("a number the element's schema names", () => {
  const form = template('form');
  const area = (m: AppModel) => nodesOfType(m, 'TextArea')[0];

  it.each([
    ['give the message box 6 rows', 6],
    ['make the message box 3 rows tall', 3],
    ['set the rows of the message box to 10', 10],
    ['the message box should have 7 rows', 7]
  ])('"%s" sets rows', (message, rows) => {
    expect(area(change(form, message).model).props.rows).toBe(rows);
  });

  it("any element kind with such a prop: a grid's columns", () => {
    const plan = change(
      change(dashboard, 'put 3 cards in a 3 column grid called Bass, Drums and Keys').model,
      'make the grid 2 columns wide'
    );
    expect(nodesOfType(plan.model, 'Grid')[0].props.columns).toBe(2);
  });

  it('near-miss: a word that is no prop of the element is not taken', () => {
    expect(kind(form, 'give the message box 3 colours')).not.toBe('batch');
  });

  it("near-miss: a value outside the prop's range is a question", () => {
    expect(kind(form, 'give the message box 1 row')).toBe('question');
  });
});
