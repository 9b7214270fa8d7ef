import type { Op } from '../model/types';

/** A contact form: three bound fields, a submit button, a thank-you message. */
export const form: Op[] = [
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'setMeta', name: 'title', value: 'Contact form' },
  { op: 'addState', component: 'App', name: 'name', type: 'string', initial: '', scope: 'local' },
  { op: 'addState', component: 'App', name: 'email', type: 'string', initial: '', scope: 'local' },
  {
    op: 'addState',
    component: 'App',
    name: 'message',
    type: 'string',
    initial: '',
    scope: 'local'
  },
  {
    op: 'addState',
    component: 'App',
    name: 'subscribe',
    type: 'boolean',
    initial: false,
    scope: 'local'
  },
  {
    op: 'addState',
    component: 'App',
    name: 'submitted',
    type: 'boolean',
    initial: false,
    scope: 'local'
  },
  {
    op: 'setHandler',
    component: 'App',
    name: 'submit',
    body: "if (!state.name.trim() || !state.email.includes('@')) return;\nstate.submitted = true;"
  },
  {
    op: 'setHandler',
    component: 'App',
    name: 'startOver',
    body: "state.name = '';\nstate.email = '';\nstate.message = '';\nstate.submitted = false;"
  },
  { op: 'setProp', id: 'root', name: 'padding', value: 'lg' },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Card',
    props: { title: 'Get in touch', padding: 'lg' },
    children: [
      {
        type: 'If',
        props: { when: { $expr: '!state.submitted' } },
        children: [
          {
            type: 'Stack',
            props: { gap: 'md' },
            children: [
              {
                type: 'TextInput',
                props: { label: 'Name', value: { $bind: 'name' }, placeholder: 'Ada Lovelace' }
              },
              {
                type: 'TextInput',
                props: {
                  label: 'Email',
                  kind: 'email',
                  value: { $bind: 'email' },
                  placeholder: 'ada@example.com'
                }
              },
              {
                type: 'TextArea',
                props: { label: 'Message', value: { $bind: 'message' }, rows: 5 }
              },
              {
                type: 'Checkbox',
                props: { label: 'Send me news', checked: { $bind: 'subscribe' } }
              },
              {
                type: 'Button',
                props: {
                  label: 'Send',
                  onClick: { $handler: 'submit' },
                  disabled: { $expr: "!state.name.trim() || !state.email.includes('@')" }
                }
              }
            ]
          }
        ]
      },
      {
        type: 'If',
        props: { when: { $expr: 'state.submitted' } },
        children: [
          {
            type: 'Stack',
            props: { gap: 'md' },
            children: [
              {
                type: 'Text',
                props: {
                  text: {
                    $expr: "'Thanks, ' + state.name + '! We will write to ' + state.email + '.'"
                  }
                }
              },
              {
                type: 'Button',
                props: {
                  label: 'Send another',
                  variant: 'secondary',
                  onClick: { $handler: 'startOver' }
                }
              }
            ]
          }
        ]
      }
    ]
  }
];
