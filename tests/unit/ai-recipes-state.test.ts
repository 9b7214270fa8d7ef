/**
 * Issue 15, recipes that add state and behaviour (tuning round s7), on phrasings of our own and
 * on apps that are not templates (tests/unit/ai-recipes-apps.ts): a history of a number, a text
 * with a field's value in it, a text shown while a condition holds, a list's percentage done,
 * another value for a button that sets a field, new items at the top of a list. Each rule has at
 * least three phrasings that must give its ops and two near-misses that must not. Every batch
 * plans with planOps and passes the compile gate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { childrenOf, type AppModel } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';
import { board, chores, dashboard, shop, timer } from './ai-recipes-apps';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

const kind = (model: AppModel, message: string) => offlinePlan(model, message).kind;

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

describe('one more thing a button does', () => {
  const body = (m: AppModel, name: string) => [...m.components.values()][0].handlers[name].body;

  it.each([
    [
      'when I press restart, it should also clear the label',
      'restart',
      "state.seconds = 60;\nstate.label = '';"
    ],
    [
      'make the untitle button also set the seconds to 30',
      'untitle',
      "state.label = '';\nstate.seconds = 30;"
    ],
    [
      'the tick button should also reset the label',
      'tick',
      'state.seconds -= 1;\nstate.label = "Tea";'
    ]
  ])('"%s"', (message, handler, expected) => {
    expect(body(change(timer, message).model, handler)).toBe(expected);
  });

  it('on the form template: Send another also unticks the newsletter checkbox', () => {
    const plan = change(
      template('form'),
      'make the send another button also untick the newsletter checkbox'
    );
    expect(body(plan.model, 'startOver')).toMatch(/\nstate\.subscribe = false;$/);
  });

  it('near-miss: a value the field does not take is a question', () => {
    expect(kind(timer, 'make the restart button also untick the seconds')).toBe('question');
  });

  it('near-miss: something it does already is a question', () => {
    expect(kind(timer, 'make the untitle button also clear the label')).toBe('question');
  });
});
