/**
 * Issue 15, capabilities the offline planner lacked (tuning round s7), on phrasings of our own and
 * on apps that are not templates (tests/unit/ai-recipes-apps.ts): a theme for one element (not
 * the app's dark-mode toggle), a row named as a group kept whole side by side, several elements
 * with their texts in a row or grid, a link with its address and new-tab words, a line of text,
 * a number prop the schema names. Each rule has at least three phrasings that must give its ops
 * and two near-misses that must not. Every batch plans with planOps and passes the compile gate.
 * The recipes that add state and behaviour are in ai-recipes-state.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { childrenOf, type AppModel } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';
import { controls, dashboard, notes, root, vol } from './ai-recipes-apps';

const gate = new CompileGate();
afterAll(() => gate.dispose());

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

  it.each([
    ['add a link to help.example.org saying Help', 'https://help.example.org'],
    ['add a link to www.example.org', 'https://www.example.org'],
    ['add a link to /help saying Help', '/help'],
    ['add a link to https://example.org/help saying Help', 'https://example.org/help']
  ])('"%s": a bare site gets https://, a path or a scheme stays as written', (message, href) => {
    const turn = offlinePlan(dashboard, message);
    expect(turn.kind).toBe('batch');
    const op = turn.kind === 'batch' ? turn.ops.find((o) => o.op === 'addNode') : undefined;
    expect(op && op.op === 'addNode' && op.props?.href).toBe(href);
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
