/**
 * Issue 15, what the ninth fresh corpus taught (the corpus is spent; docs/ai-fresh9-diagnosis.md),
 * tested on phrasings of our own: fragments typed on a phone with no verb (a counter, a default,
 * a slider bound, an element first or last, a new button or element, "+" between two elements,
 * the list's items in the singular, a bare title) are read, and near-readings that would have to
 * guess (a text an element already shows, a plural type, a list's own place, no slider) are not;
 * an element named by its place and its name ("the second box, Email") is read when both agree
 * and asked about when they do not; wordy forms ("… instead, and …", "in the X box, the example
 * text …", "N lines high", "side by side, with X first", "shown in the middle") are read.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import type { Op } from '../../src/lib/model/types';
import { template } from './helpers';

function batch(name: string, message: string): Op[] {
  const turn = offlinePlan(template(name), message);
  if (turn.kind !== 'batch') throw new Error(`${turn.kind}: ${turn.text}`);
  return turn.ops;
}

const json = (ops: Op[]) => JSON.stringify(ops);

/** The id of the one node of a template of that type showing that text (or of that type). */
function idOf(name: string, type: string, text?: string): string {
  const found = [...template(name).nodes.values()].filter(
    (n) => n.type === type && (text === undefined || Object.values(n.props).some((v) => v === text))
  );
  if (found.length !== 1) throw new Error(`${found.length} ${type} "${text}" in ${name}`);
  return found[0].id;
}

describe('phone fragments with no verb', () => {
  it('"<box> letter count" adds a counter for that box', () => {
    const ops = batch('form', 'message box letter count');
    expect(json(ops)).toMatch(/state\.message\.length/);
    expect(ops.some((op) => op.op === 'addNode' && op.type === 'Text')).toBe(true);
  });

  it.each([
    ['name box default Sam', 'name', 'Sam'],
    ['default email box a@b.co', 'email', 'a@b.co']
  ])('"%s" sets where the box starts', (message, field, value) => {
    const ops = batch('form', message);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'retypeState', name: field, initial: value });
  });

  it('"<slider> min 2" sets the slider\'s lower bound', () => {
    expect(batch('counter', 'step slider min 2')).toEqual([
      { op: 'setProp', id: idOf('counter', 'Slider'), name: 'min', value: 2 }
    ]);
  });

  it('"<element> first" moves it before the first of its row, not out of it', () => {
    const reset = idOf('counter', 'Button', 'Reset');
    const [move] = batch('counter', 'reset btn first');
    const row = template('counter').nodes.get(reset)!.parent;
    expect(move).toMatchObject({ op: 'moveNode', id: reset, parent: row, index: 0 });
  });

  it('"<action> all btn" and "add -2 btn" add a button that does it', () => {
    expect(json(batch('todo', 'uncheck all btn'))).toMatch(/done: false/);
    const ops = batch('counter', 'add -2 btn');
    expect(json(ops)).toMatch(/state\.count -= 2/);
  });

  it('"<look> <type> <text> <place>" adds that element with the whole text', () => {
    const ops = batch('todo', 'big heading Shop jobs below the list');
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'addNode', type: 'Heading' });
    expect(json(ops)).toMatch(/"text":"Shop jobs"/);
  });

  it('"a + b side by side" puts both in one row', () => {
    const ops = batch('form', 'email + name side by side');
    const moved = ops.flatMap((op) => (op.op === 'moveNode' ? [op.id] : []));
    expect(moved.sort()).toEqual(
      [idOf('form', 'TextInput', 'Name'), idOf('form', 'TextInput', 'Email')].sort()
    );
  });

  it('the items named in the singular ("each task", "every task") are the list', () => {
    for (const message of ['each task needs notes', 'add a notes field for every task'])
      expect(batch('todo', message)[0]).toMatchObject({
        op: 'retypeState',
        name: 'items',
        type: { array: { object: { notes: 'string' } } }
      });
  });

  it('"<items> should go to the top" orders the list', () => {
    expect(json(batch('todo', 'finished jobs should go to the top'))).toMatch(/sort/);
  });

  it('a bare "title ->" is the one title the app shows', () => {
    expect(batch('form', 'title -> Join us')).toEqual([
      { op: 'setProp', id: idOf('form', 'Card'), name: 'title', value: 'Join us' }
    ]);
  });
});

describe('near-readings of a fragment are not guessed', () => {
  it.each([
    // A text the app already shows may name that element: no new heading.
    ['todo', 'small heading Todo above the list'],
    // The list's "first" may be its order.
    ['todo', 'list first'],
    // No slider to bound.
    ['form', 'step slider max 50'],
    // A default with nothing after the box.
    ['form', 'default msg']
  ])('%s: "%s" changes nothing', (name, message) => {
    expect(offlinePlan(template(name), message).kind).not.toBe('batch');
  });

  it('"buttons one under the other" is not a new button called "one"', () => {
    const turn = offlinePlan(template('counter'), 'buttons one under the other please');
    if (turn.kind === 'batch') expect(json(turn.ops)).not.toMatch(/"label":"one"/i);
  });
});

describe('an element named by its place and by its name', () => {
  it.each([
    ['counter', 'the middle button, Reset, should be green', 'Button', 'Reset'],
    ['counter', 'the plus button, the last one in the row, should be blue', 'Button', '+'],
    ['form', "the first field, Name, should say 'Your name'", 'TextInput', 'Name']
  ])('%s: "%s" changes that one element', (name, message, type, text) => {
    const ops = batch(name, message);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'setProp', id: idOf(name, type, text) });
  });

  it('a name in quotes after the place is the same element', () => {
    const ops = batch('form', "make the checkbox, 'Send me news', ticked from the start");
    expect(ops[0]).toMatchObject({ op: 'retypeState', name: 'subscribe', initial: true });
  });

  it.each([
    ['form', 'the second box, Name, should be red', 'Email', 'Name'],
    ['counter', 'the minus button, the last one in the row, should be red', '−', '+']
  ])('%s: "%s" asks which, naming both', (name, message, byPlace, byName) => {
    const turn = offlinePlan(template(name), message);
    expect(turn.kind).toBe('question');
    if (turn.kind !== 'question') return;
    expect(turn.text).toContain(`"${byPlace}"`);
    expect(turn.text).toContain(`"${byName}"`);
  });

  it('a list of names after a place is no apposition to ask about', () => {
    const turn = offlinePlan(template('form'), 'move the name box, Email, and Message to the top');
    if (turn.kind === 'question') expect(turn.text).not.toMatch(/names two elements/);
  });
});

describe('wordy forms', () => {
  it("\"called 'X' instead, and its example text should read 'Y'\" sets both", () => {
    const name = idOf('form', 'TextInput', 'Name');
    expect(
      batch(
        'form',
        "the Name box should be called 'Your name' instead, and its example text should read 'Jo Bloggs'"
      )
    ).toEqual([
      { op: 'setProp', id: name, name: 'label', value: 'Your name' },
      { op: 'setProp', id: name, name: 'placeholder', value: 'Jo Bloggs' }
    ]);
  });

  it('"On the X box, the example text should say …" is its placeholder', () => {
    expect(batch('form', "On the Name box, the example text should say 'Jo'")).toEqual([
      { op: 'setProp', id: idOf('form', 'TextInput', 'Name'), name: 'placeholder', value: 'Jo' }
    ]);
  });

  it('"N lines high instead of M" is a number of rows', () => {
    expect(batch('form', 'make the message box four lines high instead of six')).toEqual([
      { op: 'setProp', id: idOf('form', 'TextArea'), name: 'rows', value: 4 }
    ]);
  });

  it('"side by side, with X first" puts X first in the new row', () => {
    const ops = batch(
      'form',
      'put the Name box and the Email box side by side, with the Email box first'
    );
    const moves = ops.flatMap((op) => (op.op === 'moveNode' ? [op] : []));
    expect(moves.map((op) => op.id)).toEqual([
      idOf('form', 'TextInput', 'Email'),
      idOf('form', 'TextInput', 'Name')
    ]);
  });

  it('"the count displayed in the middle" is the centred number; "at the bottom" is not it', () => {
    const ops = batch('counter', 'the count displayed in the middle should be bigger');
    expect(ops[0]).toMatchObject({ op: 'setProp', id: idOf('counter', 'Heading') });
    expect(
      offlinePlan(template('counter'), 'the number shown at the bottom should be bigger').kind
    ).not.toBe('batch');
  });

  it("\"from 'old' to 'new'\" reads when the old text is what the element shows", () => {
    expect(batch('counter', "set the card's title from 'Counter' to 'Laps'")).toEqual([
      { op: 'setProp', id: idOf('counter', 'Card'), name: 'title', value: 'Laps' }
    ]);
    expect(
      offlinePlan(template('counter'), "set the card's title from 'Score' to 'Laps'").kind
    ).not.toBe('batch');
  });

  it('"the row of buttons" is the row that holds only buttons', () => {
    const row = template('counter').nodes.get(idOf('counter', 'Button', 'Reset'))!.parent;
    const [move] = batch('counter', 'move the step slider below the row of buttons');
    expect(move).toMatchObject({ op: 'moveNode', id: idOf('counter', 'Slider') });
    const plan = offlinePlan(template('counter'), 'move the step slider below the row of buttons');
    expect(plan.kind === 'batch' && plan.summary).toContain(`Stack ${row}`);
  });

  it('"…, rather than below it" says nothing more than the new place', () => {
    expect(batch('form', 'put the checkbox above the Email box rather than below it')).toEqual(
      batch('form', 'put the checkbox above the Email box')
    );
  });

  it('a place said before the question and options of a dropdown is read after them', () => {
    const ops = batch(
      'form',
      "add a dropdown below the Name box asking 'Which class?' with the choices Red, Blue and Green"
    );
    expect(json(ops)).toMatch(/"options":\["Red","Blue","Green"\]/);
    expect(json(ops)).toMatch(/"label":"Which class\?"/);
  });

  it('a reason about pupils or students is no part of the change', () => {
    const ops = batch('counter', 'make the plus button green so the students can spot it');
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'setProp', id: idOf('counter', 'Button', '+') });
  });
});

describe('a request about one element changes no other', () => {
  it.each(['card title bigger', 'the card title should be bigger', 'the card title should be red'])(
    'counter: "%s" never sets the title to the look word',
    (message) => {
      const turn = offlinePlan(template('counter'), message);
      if (turn.kind === 'batch') expect(json(turn.ops)).not.toMatch(/"name":"title"/);
    }
  );

  it('a capitalised word after "the card title should be" is still a text', () => {
    expect(batch('counter', 'the card title should be Blue')).toEqual([
      { op: 'setProp', id: idOf('counter', 'Card'), name: 'title', value: 'Blue' }
    ]);
  });

  it.each(['make the title bigger', 'the title should be red', 'title bigger'])(
    'counter, card selected: "%s" asks instead of restyling the card',
    (message) => {
      const card = idOf('counter', 'Card');
      const turn = offlinePlan(template('counter'), message, { selection: card });
      expect(turn.kind).toBe('question');
      if (turn.kind === 'question') expect(turn.text).toMatch(/title of Card/);
    }
  );

  it('the card itself, selected, still takes the look', () => {
    const card = idOf('counter', 'Card');
    const ops = batch('counter', 'make the card bigger');
    expect(ops[0]).toMatchObject({ op: 'setProp', id: card, name: 'padding' });
    const turn = offlinePlan(template('counter'), 'make it bigger', { selection: card });
    expect(turn.kind).toBe('batch');
  });
});

describe('wishes said with who does what, and when', () => {
  it('"when the page loads … should start at 5, and when someone clicks Reset it should go back to 5"', () => {
    const ops = batch(
      'counter',
      'when the page loads the count should start at 5 instead of 0, and when someone clicks Reset it should go back to 5 too'
    );
    expect(ops[0]).toMatchObject({ op: 'retypeState', name: 'count', initial: 5 });
    expect(handlerBodiesOf(ops)).toMatch(/state\.count = 5;/);
  });

  it('"kids should not be able to click <button> when the number is N" disables the button', () => {
    const ops = batch(
      'counter',
      'kids should not be able to click the plus button when the number is 50'
    );
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      op: 'setProp',
      id: idOf('counter', 'Button', '+'),
      name: 'disabled'
    });
    expect(json(ops)).toMatch(/state\.count === 50/);
  });

  it('not being able to click something that is no button changes nothing', () => {
    const turn = offlinePlan(
      template('counter'),
      'kids should not be able to click the heading when the number is 50'
    );
    expect(turn.kind).not.toBe('batch');
  });

  it('"when someone adds a new job it should show up at the start of the list" puts new items first', () => {
    expect(
      handlerBodiesOf(
        batch('todo', 'when someone adds a new job it should show up at the start of the list')
      )
    ).toMatch(/unshift/);
  });

  it('a text named with when it shows, and a remark after it, is removed', () => {
    expect(
      batch(
        'todo',
        "remove the message 'Nothing to do yet.' which shows when the list is empty; the kids find it odd"
      )
    ).toEqual([{ op: 'removeNode', id: idOf('todo', 'Text', 'Nothing to do yet.') }]);
  });

  it("\"so it reads 'New' instead of 'Old'\" changes the one element showing Old; none, none", () => {
    expect(
      batch(
        'todo',
        "change the box for new tasks so it reads 'New job' instead of 'What needs doing?'"
      )
    ).toEqual([
      { op: 'setProp', id: idOf('todo', 'TextInput'), name: 'placeholder', value: 'New job' }
    ]);
    expect(
      offlinePlan(
        template('todo'),
        "change the box so it reads 'X' instead of 'Not shown anywhere'"
      ).kind
    ).not.toBe('batch');
  });

  it('"centre it across the screen" centres it', () => {
    const ops = batch('todo', 'make the heading bigger and center it across the screen');
    expect(ops[1]).toEqual({
      op: 'setProp',
      id: idOf('todo', 'Heading'),
      name: 'align',
      value: 'center'
    });
  });
});

function handlerBodiesOf(ops: Op[]): string {
  return ops.flatMap((op) => (op.op === 'setHandler' ? [op.body] : [])).join('\n');
}

describe('new elements said around a place', () => {
  it("a place said between a button's label and what it does goes after it", () => {
    const ops = batch(
      'counter',
      "add a button labelled 'Half' before the minus button that halves the count every time someone clicks it"
    );
    expect(handlerBodiesOf(ops)).toMatch(/state\.count \/= 2|state\.count = state\.count \/ 2/);
    expect(json(ops)).toMatch(/"label":"Half"/);
  });

  it('"show \'points\' below the number" adds that text there', () => {
    const ops = batch('counter', "show 'points' below the number");
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'addNode', type: 'Text', props: { text: 'points' } });
  });

  it('"below the card\'s title" is the top of the card', () => {
    const ops = batch('counter', "add a line of text below the card's title that reads 'Go team'");
    expect(ops[0]).toMatchObject({
      op: 'addNode',
      parent: idOf('counter', 'Card'),
      index: 0,
      props: { text: 'Go team' }
    });
  });

  it('"too much space in the card" makes its padding smaller; a contrary request is not read', () => {
    expect(
      batch('counter', "there's too much space in the card, please make the padding smaller")
    ).toEqual([{ op: 'setProp', id: idOf('counter', 'Card'), name: 'padding', value: 'md' }]);
    expect(
      offlinePlan(
        template('counter'),
        'there is too much space inside the card; make the padding bigger'
      ).kind
    ).not.toBe('batch');
  });
});

describe('a line of writing is a text', () => {
  it.each([
    "add a line of writing saying 'hi'",
    "add a little line of writing under the number that says 'hi'"
  ])('counter: "%s" adds the text "hi" alone', (message) => {
    const ops = batch('counter', message);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'addNode', type: 'Text', props: { text: 'hi' } });
  });
});

describe('a state field renamed, said about the data the app keeps', () => {
  it.each([
    'rename the value the app keeps, which is now called count, to taps; everything should keep working',
    'in the data the app keeps, rename the field called count to taps'
  ])('counter: "%s" renames count to taps', (message) => {
    expect(batch('counter', message)[0]).toEqual({
      op: 'renameState',
      component: 'App',
      from: 'count',
      to: 'taps'
    });
  });

  it('a field is never renamed to the request run together', () => {
    const turn = offlinePlan(
      template('counter'),
      'rename the state field count to taps, which the class will like better than the old one'
    );
    if (turn.kind === 'batch') expect(json(turn.ops)).not.toMatch(/"to":"taps\w/);
  });
});

describe('new elements described, not named', () => {
  it('"a box for the student\'s house, below X, where they pick one of A, B or C" is a dropdown', () => {
    const ops = batch(
      'form',
      "add a box for the student's house, right below the Email box, where they pick one of Red, Blue or Green"
    );
    const select = ops.find((op) => op.op === 'addNode' && op.type === 'Select');
    expect(select).toMatchObject({ props: { options: ['Red', 'Blue', 'Green'] } });
  });

  it('options of more than three words are not read as choices', () => {
    const turn = offlinePlan(
      template('form'),
      'add a field for mood, below the Name box, where they choose one of very happy indeed today or sad'
    );
    if (turn.kind === 'batch') expect(json(turn.ops)).not.toMatch(/very happy indeed today/);
  });

  it('"add our shop logo at the top; the image is at /shop.png" adds that image', () => {
    const ops = batch('blank', 'add our shop logo at the top; the image is at /shop.png');
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'addNode', type: 'Image', props: { src: '/shop.png' } });
  });
});

describe('what a new box is for, said after it', () => {
  it('a search box with what it does said after it is a search box', () => {
    const said = batch(
      'todo',
      'add a search box above the list, so that as someone types, only the tasks whose title matches stay visible'
    );
    expect(said).toEqual(batch('todo', 'add a search box above the list'));
  });

  it('a search by another field is not dropped as "what a search does"', () => {
    const turn = offlinePlan(
      template('todo'),
      'add a search box above the list, so that as someone types, only the tasks whose notes match stay visible'
    );
    if (turn.kind === 'batch')
      expect(turn.ops).not.toEqual(batch('todo', 'add a search box above the list'));
  });

  it('"a text area where people write a story, with a line under it showing how many letters they have typed"', () => {
    const ops = batch(
      'blank',
      'add a text area where people write a story, with a line under it showing how many letters they have typed'
    );
    expect(ops.some((op) => op.op === 'addNode' && op.type === 'TextArea')).toBe(true);
    expect(json(ops)).toMatch(/state\.story\.length/);
  });
});
