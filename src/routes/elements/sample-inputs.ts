/**
 * The gallery's sections of elements people use: buttons (variants, sizes, icons, disabled, one
 * that counts) and every input bound to the gallery's state.
 */
import type { ViewTreeNode } from '$lib/elements/types';
import type { SampleKit } from './sample-builder';

/** Buttons: four variants, three sizes, icons, disabled, and a counter. */
export function buttonsSection(kit: SampleKit): ViewTreeNode {
  const { b, n, section, state } = kit;
  return section('buttons', 'Buttons', 'Four variants, three sizes, icons, disabled.', [
    n('Stack', 'variants', { direction: 'horizontal', gap: 'sm', wrap: true }, [
      n('Button', 'btn-primary', {
        label: 'Primary',
        onClick: b.handler('primary clicked', () => {})
      }),
      n('Button', 'btn-secondary', {
        label: 'Secondary',
        variant: 'secondary',
        onClick: b.handler('secondary clicked', () => {})
      }),
      n('Button', 'btn-ghost', {
        label: 'Ghost',
        variant: 'ghost',
        onClick: b.handler('ghost clicked', () => {})
      }),
      n('Button', 'btn-danger', {
        label: 'Delete',
        variant: 'danger',
        icon: 'trash',
        onClick: b.handler('danger clicked', () => {})
      })
    ]),
    n('Stack', 'sizes-row', { direction: 'horizontal', gap: 'sm', align: 'center', wrap: true }, [
      n('Button', 'btn-sm', { label: 'Small', size: 'sm', icon: 'plus', variant: 'secondary' }),
      n('Button', 'btn-md', { label: 'Medium', size: 'md', icon: 'plus', variant: 'secondary' }),
      n('Button', 'btn-lg', { label: 'Large', size: 'lg', icon: 'plus', variant: 'secondary' }),
      n('Button', 'btn-icon', { label: '', icon: 'settings', variant: 'ghost' }),
      n('Button', 'btn-icon-primary', { label: '', icon: 'heart', size: 'sm' }),
      n('Button', 'btn-disabled', { label: 'Disabled', disabled: true }),
      n('Button', 'btn-disabled-2', { label: 'Disabled', variant: 'secondary', disabled: true })
    ]),
    n('Stack', 'counter', { direction: 'horizontal', gap: 'md', align: 'center' }, [
      n('Button', 'btn-count', {
        label: 'Add one',
        icon: 'plus',
        onClick: b.handler('addOne', (s) => {
          s.count += 1;
        })
      }),
      n('Text', 'count-text', {
        text: `Clicked ${state.count} ${state.count === 1 ? 'time' : 'times'}`,
        tone: 'muted',
        size: 'sm'
      })
    ])
  ]);
}

/** Inputs: each input element bound to the gallery state, and a line that echoes it. */
export function inputsSection(kit: SampleKit): ViewTreeNode {
  const { b, n, section, state } = kit;
  return section('inputs', 'Inputs', 'Every input bound to the gallery state; try them.', [
    n('Grid', 'inputs-grid', { columns: 2, gap: 'md' }, [
      n('TextInput', 'in-name', {
        label: 'Name',
        placeholder: 'Ada Lovelace',
        value: b.bind('name')
      }),
      n('TextInput', 'in-email', {
        placeholder: 'you@example.com (no label)',
        kind: 'email',
        value: b.bind('email')
      }),
      n('TextInput', 'in-password', { label: 'Password', kind: 'password', value: 'hunter2' }),
      n('TextInput', 'in-disabled', { label: 'Disabled', value: 'Read only', disabled: true }),
      n('Select', 'in-colour', {
        label: 'Colour',
        placeholder: 'Pick a colour',
        options: ['Indigo', 'Teal', 'Amber', 'Rose'],
        value: b.bind('colour')
      }),
      n('Select', 'in-size', { options: ['Small', 'Medium', 'Large'], value: 'Medium' }),
      n('Slider', 'in-volume', { label: 'Volume', value: b.bind('volume') }),
      n('Slider', 'in-rating', { min: 0, max: 5, step: 0.5, value: b.bind('rating') }),
      n('NumberInput', 'in-volume-typed', { label: 'Volume, typed', value: b.bind('volume') })
    ]),
    n('TextArea', 'in-notes', { label: 'Notes', rows: 3, value: b.bind('notes') }),
    n('Stack', 'checks', { direction: 'horizontal', gap: 'lg', wrap: true }, [
      n('Checkbox', 'in-subscribed', {
        label: 'Subscribe to updates',
        checked: b.bind('subscribed')
      }),
      n('Checkbox', 'in-check-disabled', { label: 'Disabled', checked: true, disabled: true }),
      n('Toggle', 'in-tips', { label: 'Show tips', checked: b.bind('showTips') }),
      n('Toggle', 'in-toggle-disabled', { label: 'Disabled', disabled: true })
    ]),
    n('Text', 'hello', {
      text: `Hello, ${state.name || 'stranger'}${state.colour ? ` — you like ${state.colour}` : ''}. Volume ${state.volume}, rating ${state.rating}.`,
      size: 'sm',
      tone: 'accent'
    })
  ]);
}
