/**
 * Hand-written correct batches for the form and blank requests of
 * tests/fixtures/ai-offline/fresh6.json, keyed by the request. fresh6-corpus.test.ts plans each
 * on its template and asserts it passes every check of its case.
 */
import { id, index, parent, root, type Batch } from './corpus-batch';

/** The contact form template's nodes a batch names. */
function formNodes(m: Parameters<Batch>[0]) {
  const name = id(m, 'TextInput', 'Name');
  return {
    card: id(m, 'Card', 'Get in touch'),
    name,
    fields: parent(m, name),
    email: id(m, 'TextInput', 'Email'),
    message: id(m, 'TextArea'),
    news: id(m, 'Checkbox'),
    send: id(m, 'Button', 'Send'),
    thanks: id(m, 'Text'),
    again: id(m, 'Button', 'Send another')
  };
}

/** A new local text field and an input bound to it, placed after the email field. */
function newField(m: Parameters<Batch>[0], state: string, type: string, props: object) {
  const n = formNodes(m);
  return [
    { op: 'addState', component: 'App', name: state, type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: n.fields,
      index: index(m, n.email) + 1,
      type,
      props: { ...props, value: { $bind: state } }
    }
  ];
}

/** Correct batches for the form change cases, by request. */
export const CORRECT_FORM: Readonly<Record<string, Batch>> = {
  'add a phone number field': (m) => newField(m, 'phone', 'TextInput', { label: 'Phone' }),
  'make message required': (m) => [
    {
      op: 'setProp',
      id: formNodes(m).send,
      name: 'disabled',
      value: {
        $expr: "!state.name.trim() || !state.email.includes('@') || !state.message.trim()"
      }
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@') || !state.message.trim()) return;\nstate.submitted = true;"
    }
  ],
  'rename Name to Full name': (m) => [
    { op: 'setProp', id: formNodes(m).name, name: 'label', value: 'Full name' }
  ],
  'put name and email side by side': (m) => {
    const n = formNodes(m);
    return [
      {
        op: 'addNode',
        parent: n.fields,
        index: 0,
        type: 'Stack',
        id: 'pair',
        props: { direction: 'horizontal', gap: 'md' }
      },
      { op: 'moveNode', id: n.name, parent: 'pair' },
      { op: 'moveNode', id: n.email, parent: 'pair' }
    ];
  },
  'have the news box ticked already': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'subscribe',
      type: 'boolean',
      migrate: 'value',
      initial: true
    }
  ],
  'send button over on the right': (m) => [
    { op: 'setProp', id: formNodes(m).send, name: 'style', value: { align: 'end' } }
  ],
  'change Get in touch to Book a job': (m) => [
    { op: 'setProp', id: formNodes(m).card, name: 'title', value: 'Book a job' }
  ],
  'message box is too tall, make it smaller': (m) => [
    { op: 'setProp', id: formNodes(m).message, name: 'rows', value: 3 }
  ],
  "put 'What do you need?' in the message box as a hint": (m) => [
    { op: 'setProp', id: formNodes(m).message, name: 'placeholder', value: 'What do you need?' }
  ],
  'remove the send me news tickbox': (m) => [{ op: 'removeNode', id: formNodes(m).news }],
  'add a dropdown for what service they want': (m) =>
    newField(m, 'service', 'Select', { label: 'Service', options: ['Repair', 'Install', 'Quote'] }),
  'email first then name': (m) => {
    const n = formNodes(m);
    return [{ op: 'moveNode', id: n.email, parent: n.fields, index: 0 }];
  },
  'make Send bigger': (m) => [{ op: 'setProp', id: formNodes(m).send, name: 'size', value: 'lg' }],
  'after they send it should say Thanks': (m) => [
    { op: 'setProp', id: formNodes(m).thanks, name: 'text', value: "Thanks, we'll call you back." }
  ],
  'form is too wide on my laptop': (m) => [
    { op: 'setProp', id: formNodes(m).card, name: 'style', value: { width: 'md' } }
  ],
  'add a company field, its optional': (m) =>
    newField(m, 'company', 'TextInput', { label: 'Company (optional)' }),
  'name box says Ada Lovelace': (m) => [
    { op: 'setProp', id: formNodes(m).name, name: 'placeholder', value: 'Your name' }
  ],
  'character counter under the message box': (m) => [
    {
      op: 'addNode',
      parent: formNodes(m).fields,
      index: index(m, formNodes(m).message) + 1,
      type: 'Text',
      props: {
        text: { $expr: "state.message.length + ' characters'" },
        tone: 'muted',
        size: 'sm'
      }
    }
  ],
  'call the message box Details of the job': (m) => [
    { op: 'setProp', id: formNodes(m).message, name: 'label', value: 'Details of the job' }
  ],
  'i want a clear button to empty the form': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'clearForm',
      body: "state.name = '';\nstate.email = '';\nstate.message = '';\nstate.subscribe = false;"
    },
    {
      op: 'addNode',
      parent: formNodes(m).fields,
      type: 'Button',
      props: { label: 'Clear', variant: 'secondary', onClick: { $handler: 'clearForm' } }
    }
  ],
  'add a field for the date they want us to come out': (m) =>
    newField(m, 'visitDate', 'TextInput', { label: 'When should we come?' }),
  'news checkbox at the top plz': (m) => {
    const n = formNodes(m);
    return [{ op: 'moveNode', id: n.news, parent: n.fields, index: 0 }];
  },
  'change Send to Send request': (m) => [
    { op: 'setProp', id: formNodes(m).send, name: 'label', value: 'Send request' }
  ],
  'thank you message in green': (m) => [
    { op: 'setProp', id: formNodes(m).thanks, name: 'tone', value: 'success' }
  ],
  'email box example should be you@yourbusiness.com': (m) => [
    { op: 'setProp', id: formNodes(m).email, name: 'placeholder', value: 'you@yourbusiness.com' }
  ],
  'put a line between the news tick and the send button': (m) => {
    const n = formNodes(m);
    return [{ op: 'addNode', parent: n.fields, index: index(m, n.send), type: 'Divider' }];
  },
  'get rid of the Send another button': (m) => [{ op: 'removeNode', id: formNodes(m).again }],
  'message box first, before name and email': (m) => {
    const n = formNodes(m);
    return [{ op: 'moveNode', id: n.message, parent: n.fields, index: 0 }];
  },
  'change the app name to Call back requests': () => [
    { op: 'setMeta', name: 'title', value: 'Call back requests' }
  ],
  'address field as well pls, a big box': (m) =>
    newField(m, 'address', 'TextArea', { label: 'Address', rows: 3 })
};

/** Correct batches for the blank change cases, by request. */
export const CORRECT_BLANK: Readonly<Record<string, Batch>> = {
  'add a heading that says Stock list': (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Stock list' } }
  ],
  'make a tally, a number and a button that adds one': (m) => [
    { op: 'addState', component: 'App', name: 'tally', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'addOne', body: 'state.tally += 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.tally)' }, level: 1 }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: '+1', onClick: { $handler: 'addOne' } }
    }
  ],
  'add a notes box': (m) => [
    { op: 'addState', component: 'App', name: 'notes', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Notes', value: { $bind: 'notes' } }
    }
  ],
  'I need a list of suppliers with a box to add one': (m) => [
    { op: 'addState', component: 'App', name: 'suppliers', type: { array: 'string' }, initial: [] },
    {
      op: 'addState',
      component: 'App',
      name: 'draft',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addSupplier',
      body: "const name = state.draft.trim();\nif (!name) return;\nstate.suppliers.push(name);\nstate.draft = '';"
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        {
          type: 'TextInput',
          props: {
            value: { $bind: 'draft' },
            placeholder: 'Supplier name',
            onSubmit: { $handler: 'addSupplier' }
          }
        },
        { type: 'Button', props: { label: 'Add', onClick: { $handler: 'addSupplier' } } }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.suppliers' }, as: 'supplier', key: { $expr: 'supplier' } },
      children: [{ type: 'Text', props: { text: { $expr: 'supplier' } } }]
    }
  ],
  'a dropdown with small medium large': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { label: 'Size', options: ['Small', 'Medium', 'Large'] }
    }
  ],
  'add a tick box called Paid': (m) => [
    { op: 'addNode', parent: root(m), type: 'Checkbox', props: { label: 'Paid' } }
  ],
  'put some text: Open 9 to 5': (m) => [
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: 'Open 9 to 5' } }
  ],
  'two buttons side by side, Yes and No': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        { type: 'Button', props: { label: 'Yes' } },
        { type: 'Button', props: { label: 'No', variant: 'secondary' } }
      ]
    }
  ],
  'number box for quantity': (m) => [
    { op: 'addState', component: 'App', name: 'quantity', type: 'number', initial: 0 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Quantity', value: { $bind: 'quantity' } }
    }
  ],
  'add a divider': (m) => [{ op: 'addNode', parent: root(m), type: 'Divider' }],
  'on/off switch for Open today': (m) => [
    { op: 'addNode', parent: root(m), type: 'Toggle', props: { label: 'Open today' } }
  ],
  'name the app Stock': () => [{ op: 'setMeta', name: 'title', value: 'Stock' }],
  'big title Orders at the top and a line under it': (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Orders', level: 1 } },
    { op: 'addNode', parent: root(m), type: 'Divider' }
  ]
};
