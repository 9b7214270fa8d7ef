/**
 * Hand-written correct batches for the blank change requests of the fifth fresh corpus
 * (tests/fixtures/ai-offline/fresh5.json), keyed by the start of the request: each is one
 * reasonable right answer, and fresh5-corpus.test.ts asserts every check of its case holds on it,
 * so a check that would fail a right answer is caught. Written by the corpus's writer, without
 * the planner.
 */
import { root, type Batch } from './corpus-batch';

/** Request start → a correct batch. */
export const CORRECT_BLANK: Record<string, Batch> = {
  "Can you make a simple page that says 'Back soon": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: 'Back soon, gone to lunch', level: 1, align: 'center' }
    }
  ],
  'I want three buttons in a row': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: ['Red team', 'Blue team', 'Green team'].map((label) => ({
        type: 'Button',
        props: { label }
      }))
    }
  ],
  "Add a checkbox 'Paid'": (m) => [
    { op: 'addState', component: 'App', name: 'paid', type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Checkbox',
      props: { label: 'Paid', checked: { $bind: 'paid' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'If',
      props: { when: { $expr: 'state.paid' } },
      children: [{ type: 'Text', props: { text: 'Thank you!' } }]
    }
  ],
  "I need a number box for 'Pupils present'": (m) => [
    { op: 'addState', component: 'App', name: 'present', type: 'number', initial: 0 },
    { op: 'addState', component: 'App', name: 'absent', type: 'number', initial: 0 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Pupils present', value: { $bind: 'present' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Pupils absent', value: { $bind: 'absent' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'Total: ' + (state.present + state.absent)" } }
    }
  ],
  "I'd like a shopping list": (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'things',
      type: { array: { object: { name: 'string', got: 'boolean' } } },
      initial: []
    },
    { op: 'addState', component: 'App', name: 'newThing', type: 'string', initial: '' },
    {
      op: 'setHandler',
      component: 'App',
      name: 'add',
      body: 'state.things.push({ name: state.newThing, got: false }); state.newThing = "";'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'tick',
      params: ['thing'],
      body: 'thing.got = !thing.got;'
    },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'newThing' } } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Add', onClick: { $handler: 'add' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.things' }, as: 'thing' },
      children: [
        {
          type: 'Checkbox',
          props: {
            label: { $expr: 'thing.name' },
            checked: { $expr: 'thing.got' },
            onChange: { $handler: 'tick' }
          }
        }
      ]
    }
  ],
  'Put a grey line across the page': (m) => [
    { op: 'addNode', parent: root(m), type: 'Divider' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: '\u00a9 Corner Bakery', size: 'sm', tone: 'muted' }
    }
  ],
  'Could you make a tip calculator': (m) => [
    { op: 'addState', component: 'App', name: 'bill', type: 'number', initial: 0 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Bill', value: { $bind: 'bill' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'Tip: ' + (state.bill * 0.10).toFixed(2)" } }
    }
  ],
  'Add an email box and a password box': (m) => [
    { op: 'addState', component: 'App', name: 'email', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'password', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Email', kind: 'email', value: { $bind: 'email' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Password', kind: 'password', value: { $bind: 'password' } }
    },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'Log in' } }
  ],
  "Could you add a button that says 'Ring the bell'": (m) => [
    { op: 'addState', component: 'App', name: 'rung', type: 'boolean', initial: false },
    { op: 'setHandler', component: 'App', name: 'ring', body: 'state.rung = true;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Ring the bell', onClick: { $handler: 'ring' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'If',
      props: { when: { $expr: 'state.rung' } },
      children: [{ type: 'Text', props: { text: 'Ding!' } }]
    }
  ],
  "Ask 'Coming to the party?'": (m) => [
    { op: 'addState', component: 'App', name: 'yes', type: 'number', initial: 0 },
    { op: 'addState', component: 'App', name: 'no', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'sayYes', body: 'state.yes += 1;' },
    { op: 'setHandler', component: 'App', name: 'sayNo', body: 'state.no++;' },
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Coming to the party?' } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Yes', onClick: { $handler: 'sayYes' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'No', onClick: { $handler: 'sayNo' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'Yes: ' + state.yes + ', No: ' + state.no" } }
    }
  ],
  'Add a slider from 0 to 10': (m) => [
    { op: 'addState', component: 'App', name: 'spice', type: 'number', initial: 0 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal' },
      children: [
        {
          type: 'Slider',
          props: { label: 'Spice level', min: 0, max: 10, value: { $bind: 'spice' } }
        },
        { type: 'Text', props: { text: { $expr: 'String(state.spice)' } } }
      ]
    }
  ],
  'Please add a link to our club website': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Link',
      props: { text: 'Our club', href: 'https://example.org/club', newTab: true }
    }
  ],
  'Make a to-do list for my kids': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'chores',
      type: { array: { object: { id: 'number', name: 'string' } } },
      initial: []
    },
    { op: 'addState', component: 'App', name: 'chore', type: 'string', initial: '' },
    {
      op: 'setHandler',
      component: 'App',
      name: 'add',
      body: 'state.chores = [...state.chores, { id: Date.now(), name: state.chore }];'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'del',
      params: ['c'],
      body: 'state.chores = state.chores.filter((x) => x.id !== c.id);'
    },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'chore' } } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Add', onClick: { $handler: 'add' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.chores' }, as: 'c' },
      children: [
        { type: 'Text', props: { text: { $expr: 'c.name' } } },
        { type: 'Button', props: { label: 'Delete', onClick: { $handler: 'del' } } }
      ]
    }
  ],
  'Make a counter for the number of books': (m) => [
    { op: 'addState', component: 'App', name: 'books', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'more', body: 'state.books = state.books + 1;' },
    { op: 'setHandler', component: 'App', name: 'less', body: 'state.books = state.books - 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.books)' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: '+', onClick: { $handler: 'more' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: '-', onClick: { $handler: 'less' } }
    }
  ],
  "I'm a teacher": (m) => [
    { op: 'addState', component: 'App', name: 'words', type: { array: 'string' }, initial: [] },
    { op: 'addState', component: 'App', name: 'word', type: 'string', initial: '' },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addWord',
      body: 'state.words.push(state.word); state.word = "";'
    },
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Class 4B spelling list' } },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'word' } } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Add', onClick: { $handler: 'addWord' } }
    }
  ],
  'Put a dropdown with the days': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: {
        label: 'Club day',
        options: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
      }
    }
  ],
  "Make a page titled 'Bake sale'": (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Bake sale' } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'All money goes to the school trip' }
    }
  ],
  "Make a card with the title 'Opening hours'": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Card',
      props: { title: 'Opening hours' },
      children: [{ type: 'Text', props: { text: 'Mon to Fri 9 to 5, Sat 10 to 2' } }]
    }
  ],
  "Give me a switch labelled 'Holiday mode'": (m) => [
    { op: 'addState', component: 'App', name: 'holiday', type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Toggle',
      props: { label: 'Holiday mode', checked: { $bind: 'holiday' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'If',
      props: { when: { $expr: 'state.holiday' } },
      children: [
        { type: 'Text', props: { text: 'We are closed for the holidays', tone: 'danger' } }
      ]
    }
  ],
  "Add a big heading 'Sports Day 2026'": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: 'Sports Day 2026', level: 1 }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Image',
      props: { src: 'https://example.org/sports.jpg', alt: 'Sports day' }
    }
  ],
  "Add two buttons side by side, 'Open' and 'Closed'": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal' },
      children: [
        { type: 'Button', props: { label: 'Open', style: { background: 'success' } } },
        { type: 'Button', props: { label: 'Closed', variant: 'danger' } }
      ]
    }
  ],
  'Make a little feedback form': (m) => [
    { op: 'addState', component: 'App', name: 'name', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'comments', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Name', value: { $bind: 'name' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Comments', value: { $bind: 'comments' } }
    },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'Send' } }
  ],
  'Make a simple page for the chess club': (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Chess Club' } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Thursdays at 4pm in room 12' }
    },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'Sign up' } }
  ],
  "Add a heading 'Lost property'": (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Lost property' } }
  ]
};
