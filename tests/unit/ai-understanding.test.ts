/**
 * Issue 15, how the offline planner reads what people type, by class of failure (phrasings of our
 * own, never a corpus's sentences): several instructions split by commas, colons and "keep …";
 * elements named loosely; positions said in other words; renames and terse requests. Each change
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

describe('a text that was named by its placeholder', () => {
  it('sets the placeholder, not a label the input does not show', () => {
    for (const message of [
      `change 'What needs doing?' to 'Type a task'`,
      `replace "What needs doing?" with "New errand"`,
      `set the 'What needs doing?' input to Anything else`
    ]) {
      const plan = change(todo, message);
      const input = nodesOfType(plan.model, 'TextInput')[0];
      expect(input.props.label, message).toBeUndefined();
      expect(String(input.props.placeholder), message).not.toBe('What needs doing?');
    }
  });

  it('keeps the label when the words are the label', () => {
    const plan = change(form, `change the 'Email' input to 'Your email'`);
    expect(nodeWith(plan.model, 'TextInput', 'Your email').props.placeholder).toBe(
      'ada@example.com'
    );
  });
});

describe('politeness at the end that may be part of a text', () => {
  it('asks whether "thanks" belongs to the text, and changes nothing', () => {
    for (const message of [
      'make the send button say Got it, thanks!',
      'change the heading to Cheers, thank you',
      'the card title should say All done, thanks'
    ])
      expect(question(message.includes('heading') ? todo : form, message)).toMatch(
        /part of the new text/
      );
  });

  it('still reads it as politeness when no text follows', () => {
    change(form, 'make the send button red, thanks');
    change(counter, 'remove the reset button, thank you');
  });

  it('sets the text exactly when it is quoted', () => {
    const plan = change(form, `make the send button say "Got it, thanks!"`);
    expect(labels(plan.model)).toContain('Got it, thanks!');
  });
});

describe('an element named before a colon', () => {
  it('is what "it" means in every instruction after the colon', () => {
    const plan = change(counter, 'plus button: make it say Up and move it to the far left');
    const up = nodeWith(plan.model, 'Button', 'Up');
    expect(rowOf(plan.model, up)[0]).toBe(up.id);
    const heading = change(todo, 'the heading: change it to Chores');
    expect(nodeWith(heading.model, 'Heading', 'Chores')).toBeTruthy();
    const minus = change(counter, 'minus: make it red');
    expect(
      nodesOfType(minus.model, 'Button').find((b) => b.props.label === '−')!.props.variant
    ).toBe('danger');
  });

  it('is not a topic when it names nothing, or more than one', () => {
    expect(offlinePlan(counter, 'button: make it red').kind).not.toBe('batch');
    expect(offlinePlan(counter, 'the gizmo: make it red').kind).not.toBe('batch');
  });
});

describe('instructions after a comma', () => {
  it('reads a verb with its object after a comma as another instruction', () => {
    const plan = change(counter, 'remove the reset button, make the plus button red');
    expect(labels(plan.model)).not.toContain('Reset');
    expect(nodeWith(plan.model, 'Button', '+').props.variant).toBe('danger');
    const two = change(todo, 'change the heading to Chores, move the clear done button to the top');
    expect(nodeWith(two.model, 'Heading', 'Chores')).toBeTruthy();
  });

  it('keeps a list of options after a comma as one instruction', () => {
    const plan = change(form, 'add a dropdown called action with options Add, Remove, Edit');
    expect(nodesOfType(plan.model, 'Select')[0].props.options).toEqual(['Add', 'Remove', 'Edit']);
  });

  it('checks what must stay ("keep …", "but leave …") and changes only the rest', () => {
    for (const message of [
      'get rid of the reset button, keep the minus and plus',
      'delete Reset but keep the slider',
      'remove the reset button and leave the + button alone'
    ]) {
      const plan = change(counter, message);
      expect(labels(plan.model), message).not.toContain('Reset');
      expect(labels(plan.model), message).toContain('+');
      expect(nodesOfType(plan.model, 'Slider'), message).toHaveLength(1);
    }
  });

  it('asks when what must stay is what was removed', () => {
    question(counter, 'remove the reset button, keep the reset button');
  });

  it('does not read "email" before a type as a verb', () => {
    const turn = offlinePlan(form, 'make the name and email boxes red');
    expect(turn.kind === 'question' ? turn.text : '').not.toMatch(
      /do not understand "make the name"/
    );
  });
});

describe('a look for a second element borrows the verb', () => {
  it('colours each element named', () => {
    for (const message of [
      'colour the minus button red and the plus button secondary',
      'make the − button red and the + button secondary',
      'turn the minus button red, and the plus button secondary'
    ]) {
      const plan = change(counter, message);
      expect(nodeWith(plan.model, 'Button', '−').props.variant, message).toBe('danger');
      expect(nodeWith(plan.model, 'Button', '+').props.variant, message).toBe('secondary');
    }
  });
});

describe('sides of a row', () => {
  it('moves an element to either end of the row it is in', () => {
    for (const [message, first] of [
      ['move the reset button to the far left', true],
      ['put the reset button on the far right', false],
      ['place Reset at the very right', false]
    ] as const) {
      const plan = change(counter, message);
      const reset = nodeWith(plan.model, 'Button', 'Reset');
      const row = rowOf(plan.model, reset);
      expect(first ? row[0] : row[row.length - 1], message).toBe(reset.id);
    }
  });

  it('moves an element to a side of each repeated row', () => {
    for (const [message, first] of [
      ['put the delete button on the left of each row', true],
      ['move the checkbox to the right hand side of every row', false],
      ['put the delete button at the left end of its row', true]
    ] as const) {
      const plan = change(todo, message);
      const moved = message.includes('checkbox')
        ? nodesOfType(plan.model, 'Checkbox')[0]
        : nodeWith(plan.model, 'Button', 'Delete');
      const row = rowOf(plan.model, moved);
      expect(first ? row[0] : row[1], message).toBe(moved.id);
    }
  });

  it('asks when the element is not in a row', () => {
    expect(question(counter, 'put the slider on the far right')).toMatch(/not in a row/);
  });
});

describe('above and below an element that sits in a row', () => {
  it('goes above or below the row, not beside the element', () => {
    for (const message of [
      'put the Add button underneath the input instead of next to it',
      'move the add button below the text box',
      'place the add button beneath the input rather than beside it'
    ]) {
      const plan = change(todo, message);
      const add = nodeWith(plan.model, 'Button', 'Add');
      const input = nodesOfType(plan.model, 'TextInput')[0];
      expect(add.parent, message).not.toBe(input.parent);
      const kids = childrenOf(plan.model, add.parent!);
      expect(kids.indexOf(add.id), message).toBe(kids.indexOf(input.parent!) + 1);
    }
  });

  it('keeps "before" and "after" inside the row', () => {
    const plan = change(counter, 'move the reset button after the plus button');
    const reset = nodeWith(plan.model, 'Button', 'Reset');
    expect(rowOf(plan.model, reset).at(-1)).toBe(reset.id);
  });
});

describe('elements named loosely', () => {
  it('reads words that mean the same in a name', () => {
    for (const message of [
      'remove the clear finished button',
      'delete the completed button',
      'get rid of the clear ticked button'
    ]) {
      const plan = change(todo, message);
      expect(labels(plan.model), message).not.toContain('Clear done');
      expect(labels(plan.model), message).toContain('Add');
    }
    const remove = change(todo, 'make the remove button red');
    expect(nodeWith(remove.model, 'Button', 'Delete').props.variant).toBe('danger');
  });

  it('reads a typo in a type word or in an element’s own name', () => {
    expect(
      nodeWith(change(todo, 'change the headnig to Errands').model, 'Heading', 'Errands')
    ).toBeTruthy();
    expect(
      nodeWith(
        change(form, 'set the Emial input label to Work email').model,
        'TextInput',
        'Work email'
      )
    ).toBeTruthy();
    expect(labels(change(form, 'remove the Sned button').model)).not.toContain('Send');
  });

  it('reads an element by what it shows: its words, or a count', () => {
    const thanks = change(form, 'the thank-you text should say See you soon');
    expect(nodeWith(thanks.model, 'Text', 'See you soon')).toBeTruthy();
    const left = change(todo, 'change the number of items left to Open tasks');
    expect(nodeWith(left.model, 'Text', 'Open tasks')).toBeTruthy();
    const count = change(todo, 'delete the count');
    expect(nodesOfType(count.model, 'Text').map((t) => t.props.text)).toEqual([
      'Nothing to do yet.'
    ]);
  });

  it('takes "at the bottom" / "at the top" as the last or first of several', () => {
    const plan = change(todo, 'make the button at the bottom red');
    expect(nodeWith(plan.model, 'Button', 'Clear done').props.variant).toBe('danger');
    const top = change(counter, 'make the button on the top red');
    expect(nodeWith(top.model, 'Button', '−').props.variant).toBe('danger');
  });

  it('asks when a description fits several elements', () => {
    expect(offlinePlan(form, 'remove the name thing').kind).not.toBe('batch');
  });

  it('never reads a wish that goes on ("and be red") as part of the text', () => {
    const plan = change(todo, 'the clear done button should say Tidy up and be red');
    const button = nodeWith(plan.model, 'Button', 'Tidy up');
    expect(button.props.variant).toBe('danger');
    expect(offlinePlan(todo, 'change the add button to Go and be red').kind).not.toBe('batch');
  });
});

describe('terse requests with no verb', () => {
  it('sets a text said as "<element> <text word> <text>"', () => {
    const plan = change(counter, 'card title Sprints, slider label Jump size');
    expect(nodesOfType(plan.model, 'Card')[0].props.title).toBe('Sprints');
    expect(nodesOfType(plan.model, 'Slider')[0].props.label).toBe('Jump size');
    const one = change(form, 'send button label: Submit form');
    expect(labels(one.model)).toContain('Submit form');
    const todoText = change(todo, 'the input placeholder → Type here');
    expect(nodesOfType(todoText.model, 'TextInput')[0].props.placeholder).toBe('Type here');
  });

  it('makes a look said as "<element> <look>"', () => {
    expect(
      nodeWith(change(counter, 'reset button a bit bigger').model, 'Button', 'Reset').props.size
    ).toBe('lg');
    expect(
      nodeWith(change(form, 'the send button red please').model, 'Button', 'Send').props.variant
    ).toBe('danger');
    expect(
      nodeWith(change(todo, 'add button secondary').model, 'Button', 'Add').props.variant
    ).toBe('secondary');
  });

  it('leaves a terse text that holds another instruction to the rules, which ask', () => {
    expect(offlinePlan(counter, 'card title Laps and the slider gone').kind).not.toBe('batch');
  });

  it('adds a choice said as "dropdown: question? a / b / c"', () => {
    for (const message of [
      'dropdown: which team? red / blue / green',
      'a dropdown: pick a size? S, M, L',
      'select: colour? red or blue'
    ]) {
      const plan = change(form, message);
      const select = nodesOfType(plan.model, 'Select')[0];
      expect((select.props.options as string[]).length, message).toBeGreaterThanOrEqual(2);
      expect(select.props.options as string[], message).not.toContain('/');
    }
    const placed = change(form, 'dropdown: which team? red / blue, put it above the email');
    const select = nodesOfType(placed.model, 'Select')[0];
    const kids = childrenOf(placed.model, select.parent!);
    expect(kids.indexOf(select.id)).toBe(
      kids.indexOf(nodeWith(placed.model, 'TextInput', 'Email').id) - 1
    );
  });
});

describe('a rename said as a wish about the data', () => {
  it('renames the state field, so its data follows', () => {
    for (const [message, to] of [
      ['in the data, step should be called stride', 'stride'],
      ['count should be renamed to total in the state', 'total'],
      ['the field step should be named stepSize', 'stepSize'],
      ['in the state: rename count to clicks', 'clicks']
    ] as const) {
      const plan = change(counter, message);
      const state = [...plan.model.components.values()][0].state;
      expect(Object.keys(state), message).toContain(to);
    }
  });

  it('keeps "should be called" about an element a text change', () => {
    const plan = change(counter, 'the reset button should be called Zero');
    expect(labels(plan.model)).toContain('Zero');
    expect(Object.keys([...plan.model.components.values()][0].state)).toContain('count');
  });
});

describe('how far buttons step', () => {
  it('sets the start of the field the buttons step by', () => {
    for (const message of [
      'the plus and minus buttons should go up by 3',
      'plus should add 3 and minus should take away 3',
      '+ and - should step by 3'
    ]) {
      const plan = change(counter, message);
      expect([...plan.model.components.values()][0].state.step.initial, message).toBe(3);
    }
  });

  it('is nothing to change when it already steps so and nothing can change it', () => {
    const plan = change(counter, 'delete the step slider, + and - should always go by 1');
    expect(nodesOfType(plan.model, 'Slider')).toHaveLength(0);
    expect(question(counter, 'the + and - buttons should always go by 1')).toMatch(/can change it/);
  });

  it('asks when the two amounts differ or the buttons do not step by a field', () => {
    expect(offlinePlan(counter, 'plus should add 2 and minus should take away 5').kind).not.toBe(
      'batch'
    );
    expect(offlinePlan(counter, 'the reset button should go by 2').kind).not.toBe('batch');
  });
});

describe('a second text that borrows the wish', () => {
  it('sets both texts when the words after "and" name another element', () => {
    const plan = change(form, 'the card title should say Write to us and the send button Post it');
    expect(nodesOfType(plan.model, 'Card')[0].props.title).toBe('Write to us');
    expect(labels(plan.model)).toContain('Post it');
    const two = change(counter, 'the reset button should read Zero and the card title Tally');
    expect(labels(two.model)).toContain('Zero');
    expect(nodesOfType(two.model, 'Card')[0].props.title).toBe('Tally');
  });

  it('asks which one when the second names a type with several elements', () => {
    expect(question(form, 'the card title should say Hi and the button Go')).toMatch(
      /Which button/
    );
  });

  it('keeps "and" inside a text when what follows names nothing', () => {
    expect(offlinePlan(todo, 'the heading should say Salt and the pepper').kind).not.toBe('batch');
  });
});
