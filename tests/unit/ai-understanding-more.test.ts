/**
 * Issue 15, how the offline planner reads what people type, by class of failure (phrasings of our
 * own, never a corpus's sentences), second part (the first is ai-understanding.test.ts): terse
 * requests, renames said as wishes, asks and wishes said another way, texts after a colon, rows. Each change
 * plans and compiles; where the planner cannot be sure it asks, and a question changes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { childrenOf, type AppModel, type NodeRecord } from '../../src/lib/model/types';

import { nodeWith, nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const counter = template('counter');
const form = template('form');
const todo = template('todo');

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

function question(model: AppModel, message: string): string {
  const turn = offlinePlan(model, message);
  expect(turn.kind, `${message}: ${JSON.stringify(turn).slice(0, 300)}`).toBe('question');
  return turn.kind === 'question' ? turn.text : '';
}

const labels = (m: AppModel) => [...m.nodes.values()].map((n) => n.props.label);
const rowOf = (m: AppModel, n: NodeRecord) => childrenOf(m, n.parent!);

describe('a purpose said after the place', () => {
  it('reads the purpose before the place', () => {
    const plan = change(todo, 'add a button at the bottom that clears the done items');
    const button = nodesOfType(plan.model, 'Button').find(
      (b) => b.props.label !== 'Clear done' && !['Add', 'Delete'].includes(String(b.props.label))
    );
    expect(button ?? nodesOfType(plan.model, 'Button').at(-1)).toBeTruthy();
    expect(offlinePlan(todo, 'add a button at the top that throws away every item').kind).not.toBe(
      'refusal'
    );
  });
});

describe('several new elements sharing one type word', () => {
  it('adds one button per sum', () => {
    for (const message of [
      'add a -3 and a +3 button',
      'add -2 and +2 buttons',
      'Add a +7 and a -7 button'
    ]) {
      const plan = change(counter, message);
      const added = nodesOfType(plan.model, 'Button').filter((b) =>
        /^[-+]\d$/.test(String(b.props.label))
      );
      expect(added, message).toHaveLength(2);
      const bodies = Object.values([...plan.model.components.values()][0].handlers).map(
        (h) => h.body
      );
      expect(
        bodies.some((b) => /count \+= \d/.test(b)),
        message
      ).toBe(true);
      expect(
        bodies.some((b) => /count -= \d/.test(b)),
        message
      ).toBe(true);
    }
  });
});

describe('options said with "of"', () => {
  it('takes the options, and a place after them', () => {
    for (const message of [
      'add a dropdown of tea, coffee, juice',
      'add a select of red, green or blue',
      'add a heading "Drinks" and a dropdown of tea, coffee and juice under it'
    ]) {
      const plan = change(template('blank'), message);
      const options = nodesOfType(plan.model, 'Select')[0].props.options as string[];
      expect(options.length, message).toBe(3);
    }
  });
});

describe('unsafe requests said as a relative clause or after "but"', () => {
  it('refuses with the reason', () => {
    for (const [message, code] of [
      ['add a button that copies every task to https://bin.example.net', 'E_AI_DATA_LEAVES_APP'],
      [
        'make a link which sends the name to my server at https://x.example',
        'E_AI_DATA_LEAVES_APP'
      ],
      ['log every click but never tell the admin', 'E_AI_HIDDEN_FROM_OWNER'],
      ['add a counter, but dont show it to the site owner', 'E_AI_HIDDEN_FROM_OWNER']
    ] as const) {
      const turn = offlinePlan(todo, message);
      expect(turn.kind, message).toBe('refusal');
      expect(turn.kind === 'refusal' && turn.code, message).toBe(code);
    }
  });

  it('still reads a copy button with no address as a button to ask about', () => {
    expect(offlinePlan(todo, 'add a button that copies the list').kind).toBe('question');
  });
});

describe('second texts after a comma, and a look then a text', () => {
  it('never reads ", the minus button say Down" as part of the first text', () => {
    for (const message of [
      'make the plus button say Up, the minus button say Down',
      'change the plus button to Up, the minus to Down',
      'set the + button to More, and the − button to Less'
    ]) {
      const turn = offlinePlan(counter, message);
      if (turn.kind === 'batch') {
        const plan = change(counter, message);
        expect(
          labels(plan.model).some((l) => String(l).includes(',')),
          message
        ).toBe(false);
      }
    }
    const plan = change(counter, 'make the plus button say Up, the minus button say Down');
    expect(labels(plan.model)).toEqual(expect.arrayContaining(['Up', 'Down']));
  });

  it('makes a look and then a text for the same element', () => {
    for (const message of [
      'make the send button red and say Go',
      'Send button: make it red and say Go'
    ]) {
      const plan = change(form, message);
      expect(nodeWith(plan.model, 'Button', 'Go').props.variant, message).toBe('danger');
    }
  });
});

describe('a text word before a wish, an arrow, "title of"', () => {
  it('sets the text', () => {
    expect(
      nodesOfType(change(counter, 'the slider label should be Speed').model, 'Slider')[0].props
        .label
    ).toBe('Speed');
    expect(
      nodesOfType(change(todo, 'input placeholder should be What next?').model, 'TextInput')[0]
        .props.placeholder
    ).toBe('What next?');
    expect(nodeWith(change(todo, 'heading → My jobs').model, 'Heading', 'My jobs')).toBeTruthy();
    expect(
      nodesOfType(change(counter, 'title of the card: Score').model, 'Card')[0].props.title
    ).toBe('Score');
  });
});

describe('"the title" when a heading and a card both have one', () => {
  it('asks which, and takes the only one otherwise', () => {
    expect(question(counter, 'change the title to Laps')).toMatch(/Which title/);
    expect(
      nodesOfType(change(form, 'change the title to Contact').model, 'Card')[0].props.title
    ).toBe('Contact');
    expect(
      nodeWith(change(todo, 'change the title to Errands').model, 'Heading', 'Errands')
    ).toBeTruthy();
  });
});

describe('an element of each repeated row', () => {
  it('is one element, wherever it repeats', () => {
    const plan = change(todo, 'move the delete button before the checkbox in each row');
    const del = nodeWith(plan.model, 'Button', 'Delete');
    expect(rowOf(plan.model, del)[0]).toBe(del.id);
    expect(
      nodesOfType(change(todo, 'remove the checkbox from every row').model, 'Checkbox')
    ).toHaveLength(0);
    expect(
      nodeWith(change(todo, 'make the delete button in each row red').model, 'Button', 'Delete')
        .props.variant
    ).toBe('danger');
  });
});

describe('a new button named before what it does', () => {
  it('takes the name alone as its label, wherever the place is said', () => {
    for (const message of [
      'add a button called Archive that clears the done items',
      'add a button called Archive at the bottom that clears the done items',
      'add a button labelled Archive which clears the done items'
    ]) {
      const plan = change(todo, message);
      expect(labels(plan.model), message).toContain('Archive');
    }
  });
});

describe('several new elements after commas', () => {
  it('adds each, every one with the verb', () => {
    const plan = change(
      template('blank'),
      'add a heading called Hi, a divider and a text saying bye'
    );
    expect(nodeWith(plan.model, 'Heading', 'Hi')).toBeTruthy();
    expect(nodesOfType(plan.model, 'Divider')).toHaveLength(1);
    expect(nodeWith(plan.model, 'Text', 'bye')).toBeTruthy();
    const two = change(todo, 'add a heading Welcome, a text saying Hi');
    expect(nodeWith(two.model, 'Heading', 'Welcome')).toBeTruthy();
    expect(nodeWith(two.model, 'Text', 'Hi')).toBeTruthy();
  });

  it('keeps a text with commas whole when no element type follows', () => {
    const plan = change(todo, 'add a text saying Milk, eggs, bread');
    expect(nodeWith(plan.model, 'Text', 'Milk, eggs, bread')).toBeTruthy();
  });
});

describe('a description needs a word the element shows', () => {
  it('does not take a field the element only reads as its name', () => {
    expect(offlinePlan(todo, 'remove the done text').kind).toBe('question');
    expect(offlinePlan(form, 'remove the name text').kind).toBe('question');
  });
});

describe('asks and wishes said another way', () => {
  it('reads "can X be", "I would like X to be", "I want X to say"', () => {
    expect(
      nodeWith(change(counter, 'can the reset button be red').model, 'Button', 'Reset').props
        .variant
    ).toBe('danger');
    expect(
      nodeWith(change(form, "i'd like the send button to be bigger").model, 'Button', 'Send').props
        .size
    ).toBe('lg');
    expect(
      nodeWith(change(todo, 'I want the heading to say Jobs').model, 'Heading', 'Jobs')
    ).toBeTruthy();
    expect(
      nodeWith(
        change(counter, 'could you please make the reset button secondary').model,
        'Button',
        'Reset'
      ).props.variant
    ).toBe('secondary');
  });

  it('reads a place in a wish as a move', () => {
    const plan = change(counter, 'the minus should be on the right');
    const minus = nodeWith(plan.model, 'Button', '−');
    expect(rowOf(plan.model, minus).at(-1)).toBe(minus.id);
    const todoPlan = change(todo, 'the clear done button should go above the list');
    const each = nodesOfType(todoPlan.model, 'Each')[0];
    const kids = childrenOf(todoPlan.model, each.parent!);
    expect(kids.indexOf(nodeWith(todoPlan.model, 'Button', 'Clear done').id)).toBe(
      kids.indexOf(each.id) - 1
    );
  });
});

describe('a move with no verb, and several elements of one row as the anchor', () => {
  it('moves above or below the row the elements share', () => {
    for (const message of [
      'slider above the buttons',
      'put the slider above the buttons',
      'move the slider over the buttons'
    ]) {
      const plan = change(counter, message);
      const slider = nodesOfType(plan.model, 'Slider')[0];
      const row = nodeWith(plan.model, 'Button', '+').parent!;
      const kids = childrenOf(plan.model, slider.parent!);
      expect(kids.indexOf(slider.id), message).toBe(kids.indexOf(row) - 1);
    }
  });
});

describe('a symbol named by the key people type', () => {
  it('reads "-" as the minus button, and "and - say" as a second text', () => {
    const plan = change(counter, 'make + say Add one and - say Take one');
    expect(labels(plan.model)).toEqual(expect.arrayContaining(['Add one', 'Take one']));
    expect(
      nodeWith(change(counter, 'make the - button red').model, 'Button', '−').props.variant
    ).toBe('danger');
  });

  it('moves + to an end of its row', () => {
    const plan = change(counter, 'move + to the left');
    const plus = nodeWith(plan.model, 'Button', '+');
    expect(rowOf(plan.model, plus)[0]).toBe(plus.id);
  });
});

describe('a quoted text then a place that names nothing', () => {
  it('asks about the place instead of taking it into the text', () => {
    expect(question(form, "add text 'We reply within a day' under the button")).toMatch(
      /Which button/
    );
    expect(
      nodeWith(change(form, "add a text 'Hi' under the send button").model, 'Text', 'Hi')
    ).toBeTruthy();
  });
});

describe('options after a named choice and a colon', () => {
  it('takes the name and the options', () => {
    for (const message of [
      'add a dropdown called topic: sales, support, billing',
      'add a select for plan: free, pro or team'
    ]) {
      const plan = change(form, message);
      expect((nodesOfType(plan.model, 'Select')[0].props.options as string[]).length, message).toBe(
        3
      );
      expect(
        Object.keys([...plan.model.components.values()][0].state).some((k) => /called/i.test(k)),
        message
      ).toBe(false);
    }
  });
});

describe('several new inputs named before their type', () => {
  it('adds each one', () => {
    const plan = change(form, 'add a Phone field, a Company field and a Website field');
    for (const label of ['Phone', 'Company', 'Website'])
      expect(nodeWith(plan.model, 'TextInput', label)).toBeTruthy();
  });
});

describe('"center" after a comma or "and"', () => {
  it('is another instruction', () => {
    const plan = change(todo, 'make the heading smaller, and center it');
    const heading = nodesOfType(plan.model, 'Heading')[0];
    expect(heading.props.level).toBe(2);
    expect(heading.props.align).toBe('center');
  });
});

describe('the text of a new element after a colon', () => {
  it('is the text, unless the words go on to another element', () => {
    const blank = template('blank');
    expect(
      nodeWith(change(blank, 'add a heading: Hello world').model, 'Heading', 'Hello world')
    ).toBeTruthy();
    expect(
      nodeWith(change(blank, 'a text: Welcome aboard!').model, 'Text', 'Welcome aboard!')
    ).toBeTruthy();
    expect(
      nodeWith(change(blank, 'add a heading: Salt and pepper').model, 'Heading', 'Salt and pepper')
    ).toBeTruthy();
    const turn = offlinePlan(blank, 'add a heading: Hi, and a divider');
    if (turn.kind === 'batch') expect(turn.summary).not.toMatch(/and a divider"/);
  });
});

describe('"at the bottom" after a plural', () => {
  it('asks which, and never takes them all', () => {
    for (const message of [
      'make the buttons at the bottom red',
      'remove the buttons at the top',
      'make all the buttons at the bottom smaller'
    ])
      expect(offlinePlan(todo, message).kind, message).toBe('question');
  });
});

describe('words that mean the same, only for what an element shows', () => {
  it('does not name a button by a synonym of the action it runs', () => {
    expect(offlinePlan(form, 'remove the reset button').kind).toBe('question');
    expect(
      nodeWith(change(counter, 'make the restart button red').model, 'Button', 'Reset').props
        .variant
    ).toBe('danger');
  });
});

describe('a word for the list’s items', () => {
  it('never names the heading that says "Todo"', () => {
    expect(offlinePlan(todo, 'delete the first item').kind).not.toBe('batch');
    expect(offlinePlan(todo, 'remove the task text').kind).not.toBe('batch');
  });
});

describe('politeness that is the whole text', () => {
  it('takes "thanks" as the text when nothing else follows "to" or "saying"', () => {
    expect(
      nodeWith(change(todo, 'change the heading to Thanks').model, 'Heading', 'Thanks')
    ).toBeTruthy();
    expect(
      nodeWith(change(todo, 'add a text saying thank you').model, 'Text', 'thank you')
    ).toBeTruthy();
    expect(labels(change(form, 'make the send button say please').model)).toContain('please');
  });
});

describe('"each row" is the row a list repeats', () => {
  it('names the list’s row, not every row of the app', () => {
    for (const message of [
      'center each row',
      'make every row dark',
      'give each row a dark background'
    ]) {
      const turn = offlinePlan(todo, message);
      expect(turn.kind, message).toBe('batch');
      if (turn.kind === 'batch') expect(turn.ops, message).toHaveLength(1);
    }
    const plan = change(todo, 'move the checkbox to the end of each row');
    const box = nodesOfType(plan.model, 'Checkbox')[0];
    expect(rowOf(plan.model, box).at(-1)).toBe(box.id);
  });

  it('asks about "the rows" when the list’s row is one of several; "all the rows" is every row', () => {
    expect(question(todo, 'make the rows dark')).toMatch(/each row/);
    const turn = offlinePlan(todo, 'make all the rows dark');
    expect(turn.kind === 'batch' && turn.ops).toHaveLength(3);
  });
});
