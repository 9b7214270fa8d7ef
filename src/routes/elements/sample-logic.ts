/**
 * The gallery's sections of the shapes the runtime sends: an Each of rows, an If, a component
 * instance, and the error nodes a failing part becomes.
 */
import type { ViewTreeNode } from '$lib/elements/types';
import { payloadField, type SampleKit, type SampleState } from './sample-builder';

function addTask(state: SampleState) {
  const text = state.newTask.trim();
  if (!text) return;
  state.tasks.push({ id: state.nextTaskId++, text, done: false });
  state.newTask = '';
}

/** Logic: a task list (Each over rows, an If), a component instance wrapping its root. */
export function logicSection(kit: SampleKit): ViewTreeNode {
  const { b, n, section, state } = kit;
  const done = state.tasks.filter((t) => t.done).length;
  return section(
    'logic',
    'Logic',
    'Each repeats rows, If shows or hides, a component instance wraps its root.',
    [
      n('Stack', 'new-task', { direction: 'horizontal', gap: 'sm', align: 'end' }, [
        n('TextInput', 'in-new-task', {
          label: 'New task',
          placeholder: 'What needs doing?',
          value: b.bind('newTask'),
          onSubmit: b.handler('addTask (Enter)', (s) => addTask(s))
        }),
        n('Button', 'btn-add-task', {
          label: 'Add',
          icon: 'plus',
          onClick: b.handler('addTask', (s) => addTask(s))
        })
      ]),
      n('Stack', 'task-list', { gap: 'xs' }, [
        b.each(
          'tasks',
          state.tasks,
          (t) => String(t.id),
          (task) => [
            n(
              'Stack',
              'task-row',
              { direction: 'horizontal', align: 'center', gap: 'sm', justify: 'between' },
              [
                n('Checkbox', 'task-done', {
                  label: task.text,
                  checked: task.done,
                  onChange: b.handler(`toggleTask(${task.id})`, (s, payload) => {
                    const target = s.tasks.find((t) => t.id === task.id);
                    if (target) target.done = payloadField(payload, 'checked') === true;
                  })
                }),
                n('Stack', 'task-meta', { direction: 'horizontal', align: 'center', gap: 'xs' }, [
                  n('Badge', 'task-badge', {
                    text: task.done ? 'done' : 'open',
                    tone: task.done ? 'success' : 'neutral'
                  }),
                  n('Button', 'task-remove', {
                    label: '',
                    icon: 'x',
                    size: 'sm',
                    variant: 'ghost',
                    onClick: b.handler(`removeTask(${task.id})`, (s) => {
                      s.tasks = s.tasks.filter((t) => t.id !== task.id);
                    })
                  })
                ])
              ]
            )
          ]
        ),
        n(
          'If',
          'no-tasks',
          {},
          state.tasks.length === 0
            ? [
                n('Text', 'empty', {
                  text: 'Nothing to do. Add a task above.',
                  tone: 'muted',
                  size: 'sm'
                })
              ]
            : []
        )
      ]),
      {
        type: 'TaskSummary',
        id: 'summary',
        key: 'summary',
        component: true,
        props: { total: state.tasks.length },
        children: [
          n('Stack', 'summary-root', { direction: 'horizontal', gap: 'sm', align: 'center' }, [
            n('Icon', 'summary-icon', { name: 'check', size: 16, color: '' }),
            n('Text', 'summary-text', {
              text: `${done} of ${state.tasks.length} done (a TaskSummary component instance)`,
              size: 'sm',
              tone: 'muted'
            })
          ])
        ]
      },
      n(
        'If',
        'tips',
        {},
        state.showTips
          ? [
              n('Card', 'tip', { tone: 'accent', elevation: 'flat', padding: 'sm' }, [
                n('Stack', 'tip-row', { direction: 'horizontal', gap: 'sm', align: 'center' }, [
                  n('Icon', 'tip-icon', { name: 'info', size: 18 }),
                  n('Text', 'tip-text', {
                    text: 'This card is inside an If bound to “Show tips” above.',
                    size: 'sm'
                  })
                ])
              ])
            ]
          : []
      )
    ]
  );
}

/** Failures: an error node, an unknown element type, an error attached to a node. */
export function errorsSection(kit: SampleKit): ViewTreeNode {
  const { n, section } = kit;
  return section(
    'errors',
    'When something fails',
    'A failing part shows in its own box; the rest keeps running.',
    [
      {
        type: 'Error',
        id: 'err-runtime',
        key: 'err-runtime',
        props: {
          message: 'state.items is undefined (in render, line 4)',
          component: 'TodoRow',
          code: 'E_RENDER'
        },
        children: []
      },
      n('Chart', 'err-unknown', { data: [1, 2, 3] }),
      {
        ...n('Stack', 'err-attached'),
        error: {
          code: 'E_RUNAWAY',
          message: 'A loop ran too long and was stopped.',
          component: 'Clock'
        }
      }
    ]
  );
}
