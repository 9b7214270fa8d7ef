/**
 * Hand-written wrong or partial batches for tests/unit/last-corpus.test.ts, keyed by request of
 * tests/fixtures/ai-offline/last.json: each must fail some check of its case (a check that passes a
 * wrong result measures nothing). Also a few correct batches for simpler cases (SIMPLE).
 */
import type { AppModel, Op } from '../../src/lib/model/types';
import { id, parentOf, root, todoButton } from './final-corpus-correct';

const set = (m: AppModel, type: string, text: string | undefined, name: string, value: unknown) =>
  ({ op: 'setProp', id: id(m, type, text), name, value }) as Op;

/** Correct batches for simpler cases. */
export const SIMPLE: Record<string, (m: AppModel) => Op[]> = {
  'clear completed button should say Tidy up and be red': (m) => [
    set(m, 'Button', 'Clear done', 'label', 'Tidy up'),
    set(m, 'Button', 'Clear done', 'variant', 'danger')
  ],
  'turn the Add button green': (m) => [set(m, 'Button', 'Add', 'style', { background: 'success' })],
  'make the clear done button the same size as the add button': (m) => [
    { op: 'unsetProp', id: id(m, 'Button', 'Clear done'), name: 'size' }
  ],
  'remove the count at the bottom and the clear done button': (m) => [
    { op: 'removeNode', id: parentOf(m, 'Button', 'Clear done') }
  ],
  'plus should add 5 and minus should take away 5': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'step',
      type: 'number',
      migrate: '5',
      initial: 5
    }
  ],
  'colour the minus button red and the plus button green': (m) => [
    set(m, 'Button', '−', 'variant', 'danger'),
    set(m, 'Button', '+', 'style', { color: 'success' })
  ],
  'make the name and email boxes smaller': (m) => [
    set(m, 'TextInput', 'Name', 'style', { width: 'sm' }),
    set(m, 'TextInput', 'Email', 'style', { width: 'sm' })
  ],
  'Send button should say Send it and the thank you text should say Got it, thanks!': (m) => [
    set(m, 'Button', 'Send', 'label', 'Send it'),
    set(m, 'Text', undefined, 'text', 'Got it, thanks!')
  ]
};

/** Wrong or partial batches: each must fail some check. */
export const WRONG: Record<string, (m: AppModel) => Op[]> = {
  'clear completed button should say Tidy up and be red': (m) => [
    set(m, 'Button', 'Clear done', 'label', 'Tidy up and be red')
  ],
  'add a Z-A button that sorts the list backwards': (m) =>
    todoButton(m, 'Z-A', 'sortZtoA', 'state.items.sort((a, b) => a.title.localeCompare(b.title));'),
  'filter box above the tasks so i can type and only see matching ones': (m) => [
    { op: 'addState', component: 'App', name: 'q', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'TextInput',
      props: { value: { $bind: 'q' }, placeholder: 'Filter' }
    }
  ],
  'put the Add button underneath the input instead of next to it': (m) => [
    { op: 'moveNode', id: id(m, 'Button', 'Add'), parent: root(m) }
  ],
  'how many tasks have I finished? show it next to the heading': (m) => [
    set(m, 'Heading', undefined, 'text', {
      $expr: "'Todo ' + state.items.filter((x) => !x.done).length"
    })
  ],
  'remove the count at the bottom and the clear done button': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Clear done') }
  ],
  'plus should add 5 and minus should take away 5': () => [
    { op: 'setHandler', component: 'App', name: 'increment', body: 'state.count += 5;' }
  ],
  'in the data, count should be called points': (m) => [
    set(m, 'Card', undefined, 'title', 'Points')
  ],
  'Add a -10 and a +10 button': (m) => [
    { op: 'setHandler', component: 'App', name: 'minusTen', body: 'state.count -= 10;' },
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', '+'),
      type: 'Button',
      props: { label: '-10', onClick: { $handler: 'minusTen' } }
    }
  ],
  'rename the email field to emailAddress in the data': (m) => [
    set(m, 'TextInput', 'Email', 'label', 'emailAddress')
  ],
  'add a dropdown for preferred contact: Email, Phone, Text message': (m) => [
    { op: 'addState', component: 'App', name: 'contact', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 3,
      type: 'Select',
      props: { label: 'Preferred contact', value: { $bind: 'contact' } }
    }
  ],
  'make the name and email boxes smaller': (m) => [
    set(m, 'TextInput', 'Name', 'style', { width: 'sm' })
  ],
  'center the Send button': (m) => [
    { op: 'setProp', id: parentOf(m, 'Button', 'Send'), name: 'align', value: 'center' }
  ],
  'first name and last name boxes side by side': (m) => [
    { op: 'addState', component: 'App', name: 'firstName', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'lastName', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'First name', value: { $bind: 'firstName' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Last name', value: { $bind: 'lastName' } }
    }
  ]
};
