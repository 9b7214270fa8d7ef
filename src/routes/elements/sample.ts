/**
 * A hand-written view tree for the element gallery: every element type, most of their variants,
 * and the shapes the runtime sends (handler refs, bindings, Each rows, If, a user component
 * instance, error nodes). Built from a small state the way the sandbox builds one, so the gallery
 * can be interacted with: a ref means something only in the render that produced it.
 */
import type { ViewTreeNode } from '$lib/elements/types';

/** The gallery's state: what its inputs are bound to. */
export interface SampleState {
  name: string;
  email: string;
  notes: string;
  colour: string;
  volume: number;
  rating: number;
  subscribed: boolean;
  showTips: boolean;
  count: number;
  newTask: string;
  tasks: { id: number; text: string; done: boolean }[];
  nextTaskId: number;
}

/** What a ref does when dispatched. */
export interface SampleAction {
  readonly name: string;
  readonly run: (state: SampleState, payload: unknown) => void;
}

/** One render: the tree and what each ref in it does. */
export interface SampleRender {
  readonly tree: ViewTreeNode;
  readonly actions: ReadonlyMap<number, SampleAction>;
}

/** The state the gallery opens with. */
export function initialSampleState(): SampleState {
  return {
    name: 'Ada',
    email: '',
    notes: 'Line breaks are kept.\nLike this one.',
    colour: '',
    volume: 40,
    rating: 3.5,
    subscribed: true,
    showTips: true,
    count: 0,
    newTask: '',
    tasks: [
      { id: 1, text: 'Sketch the layout', done: true },
      { id: 2, text: 'Wire up the buttons', done: false },
      { id: 3, text: 'Try it in dark mode', done: false }
    ],
    nextTaskId: 4
  };
}

type Props = Record<string, unknown>;

function payloadField(payload: unknown, field: string): unknown {
  return payload !== null && typeof payload === 'object'
    ? (payload as Record<string, unknown>)[field]
    : undefined;
}

/** A small stand-in for the sandbox's render: numbers refs and remembers what they do. */
class SampleBuilder {
  readonly actions = new Map<number, SampleAction>();
  #nextRef = 1;
  #keySuffix = '';

  constructor(readonly state: SampleState) {}

  node(type: string, id: string, props: Props = {}, children: ViewTreeNode[] = []): ViewTreeNode {
    return { type, id, key: id + this.#keySuffix, props, children };
  }

  handler(name: string, run: SampleAction['run']): { $ref: number } {
    const ref = this.#nextRef++;
    this.actions.set(ref, { name, run });
    return { $ref: ref };
  }

  bind<K extends keyof SampleState>(field: K) {
    const ref = this.#nextRef++;
    this.actions.set(ref, {
      name: `bind ${field}`,
      run: (state, payload) => {
        (state as unknown as Record<string, unknown>)[field] = payloadField(payload, 'value');
      }
    });
    return { $bind: field, value: this.state[field], $ref: ref };
  }

  /** An Each over `items`: one Item per entry, its children keyed by the item's key. */
  each<T>(
    id: string,
    items: readonly T[],
    keyOf: (item: T) => string,
    row: (item: T) => ViewTreeNode[]
  ): ViewTreeNode {
    const outer = this.#keySuffix;
    const rows = items.map((item) => {
      this.#keySuffix = `${outer}/${keyOf(item)}`;
      const children = row(item);
      return { type: 'Item', key: `${id}${this.#keySuffix}`, children };
    });
    this.#keySuffix = outer;
    return { type: 'Each', id, key: id + outer, props: {}, children: rows };
  }
}

const LANDSCAPE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180">` +
      `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#818cf8"/><stop offset="1" stop-color="#fbcfe8"/></linearGradient></defs>` +
      `<rect width="320" height="180" fill="url(#s)"/><circle cx="236" cy="64" r="26" fill="#fef3c7"/>` +
      `<path d="M0 130 80 70l60 50 50-36 130 96H0z" fill="#4f46e5"/>` +
      `<path d="M0 180v-30l90-40 70 40 60-26 100 56z" fill="#312e81"/></svg>`
  );

const AVATAR =
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" fill="#0e7490"/>` +
      `<circle cx="48" cy="38" r="17" fill="#a5f3fc"/><path d="M14 96c4-22 18-32 34-32s30 10 34 32z" fill="#a5f3fc"/></svg>`
  );

const ICON_NAMES = [
  'plus',
  'minus',
  'check',
  'x',
  'trash',
  'edit',
  'star',
  'heart',
  'search',
  'settings',
  'user',
  'home',
  'calendar',
  'clock',
  'mail',
  'bell',
  'arrow-right',
  'arrow-left',
  'chevron-down',
  'info'
];

const TONES = ['neutral', 'accent', 'success', 'warning', 'danger'];

function addTask(state: SampleState) {
  const text = state.newTask.trim();
  if (!text) return;
  state.tasks.push({ id: state.nextTaskId++, text, done: false });
  state.newTask = '';
}

/** Renders the gallery tree for a state. */
export function renderSample(state: SampleState): SampleRender {
  const b = new SampleBuilder(state);
  const n = b.node.bind(b);
  const section = (id: string, title: string, intro: string, children: ViewTreeNode[]) =>
    n('Card', id, { title, padding: 'lg' }, [
      n('Text', `${id}-intro`, { text: intro, size: 'sm', tone: 'muted' }),
      ...children
    ]);

  const layout = section(
    'layout',
    'Layout',
    'Stack, Grid, Card, Divider and Spacer arrange everything else.',
    [
      n(
        'Grid',
        'tone-grid',
        { minColumnWidth: 150, gap: 'sm' },
        TONES.map((tone, i) =>
          n(
            'Card',
            `tone-${tone}`,
            { title: tone, tone, padding: 'sm', elevation: i === 1 ? 'raised' : 'flat' },
            [
              n('Text', `tone-${tone}-text`, {
                text: i === 1 ? 'raised' : 'flat',
                size: 'xs',
                tone: 'muted'
              })
            ]
          )
        )
      ),
      n('Divider', 'layout-divider', { spacing: 'xs' }),
      n('Stack', 'spacer-row', { direction: 'horizontal', align: 'center', gap: 'none' }, [
        n('Badge', 'spacer-left', { text: 'Spacer xl →', tone: 'accent' }),
        n('Spacer', 'spacer-xl', { size: 'xl' }),
        n('Badge', 'spacer-right', { text: '← between', tone: 'accent' }),
        n('Divider', 'row-divider', { spacing: 'md' }),
        n('Text', 'row-divider-text', { text: 'A divider in a row stands upright', size: 'sm' })
      ]),
      n('Grid', 'theme-grid', { columns: 2, gap: 'sm' }, [
        n(
          'Card',
          'pinned-dark',
          { title: 'Always dark', theme: 'dark', elevation: 'flat', padding: 'sm' },
          [
            n('Text', 'pinned-dark-text', {
              text: 'theme: "dark" switches the subtree.',
              size: 'sm',
              tone: 'muted'
            }),
            n('Button', 'pinned-dark-button', {
              label: 'Inside dark',
              size: 'sm',
              variant: 'secondary'
            })
          ]
        ),
        n(
          'Card',
          'pinned-light',
          { title: 'Always light', theme: 'light', elevation: 'flat', padding: 'sm' },
          [
            n('Text', 'pinned-light-text', {
              text: 'theme: "light" does the same.',
              size: 'sm',
              tone: 'muted'
            }),
            n('Button', 'pinned-light-button', {
              label: 'Inside light',
              size: 'sm',
              variant: 'secondary'
            })
          ]
        )
      ])
    ]
  );

  const typography = section(
    'type',
    'Typography',
    'Headings 1–6 and text in every size, weight and tone.',
    [
      n('Stack', 'headings', { gap: 'xs' }, [
        ...[1, 2, 3, 4, 5, 6].map((level) =>
          n('Heading', `heading-${level}`, { text: `Heading level ${level}`, level })
        )
      ]),
      n('Divider', 'type-divider', { spacing: 'none' }),
      n('Stack', 'sizes', { direction: 'horizontal', align: 'end', gap: 'md', wrap: true }, [
        ...['xl', 'lg', 'md', 'sm', 'xs'].map((size) =>
          n('Text', `size-${size}`, { text: `Text ${size}`, size })
        )
      ]),
      n('Stack', 'weights', { direction: 'horizontal', gap: 'md', wrap: true }, [
        ...['normal', 'medium', 'bold'].map((weight) =>
          n('Text', `weight-${weight}`, { text: weight, weight })
        )
      ]),
      n('Stack', 'tones', { direction: 'horizontal', gap: 'md', wrap: true }, [
        ...['muted', 'normal', 'accent', 'success', 'warning', 'danger'].map((tone) =>
          n('Text', `text-tone-${tone}`, { text: tone, tone, weight: 'medium' })
        )
      ]),
      n('Text', 'centered', {
        text: 'Centred text, with\na kept line break.',
        align: 'center',
        tone: 'muted',
        size: 'sm'
      })
    ]
  );

  const content = section('content', 'Content', 'Badges, icons, links and images.', [
    n('Stack', 'badges', { direction: 'horizontal', gap: 'sm', wrap: true }, [
      ...TONES.map((tone) => n('Badge', `badge-${tone}`, { text: tone, tone })),
      n('Badge', 'badge-count', { text: 12, tone: 'accent' })
    ]),
    n('Stack', 'icons', { direction: 'horizontal', gap: 'md', wrap: true, align: 'center' }, [
      ...ICON_NAMES.map((name) => n('Icon', `icon-${name}`, { name })),
      n('Icon', 'icon-unknown', { name: 'no-such-icon' }),
      n('Icon', 'icon-heart-red', { name: 'heart', color: '#e11d48', size: 28 }),
      n('Icon', 'icon-star-gold', { name: 'star', color: '#f59e0b', size: 28 })
    ]),
    n('Stack', 'links', { direction: 'horizontal', gap: 'lg', wrap: true }, [
      n('Link', 'link-anchor', { text: 'An anchor', href: '#elements-log' }),
      n('Link', 'link-new-tab', { text: 'This gallery', href: '/elements', newTab: true }),
      n('Link', 'link-mail', { text: 'Write to us', href: 'mailto:hello@example.com' }),
      n('Link', 'link-refused', {
        text: 'javascript: (refused)',
        href: 'javascript:alert(1)'
      })
    ]),
    n('Grid', 'images', { columns: 3, gap: 'md' }, [
      n('Image', 'image-cover', {
        src: LANDSCAPE,
        alt: 'Hills at sunset',
        height: 96,
        radius: 'md'
      }),
      n('Stack', 'avatar-row', { direction: 'horizontal', gap: 'sm', align: 'center' }, [
        n('Image', 'image-avatar', {
          src: AVATAR,
          alt: 'Avatar',
          width: 56,
          height: 56,
          radius: 'full'
        }),
        n('Stack', 'avatar-text', { gap: 'none' }, [
          n('Text', 'avatar-name', { text: 'Grace Hopper', weight: 'medium', size: 'sm' }),
          n('Text', 'avatar-role', { text: 'radius: full', tone: 'muted', size: 'xs' })
        ])
      ]),
      n('Image', 'image-empty', { src: '', alt: 'No picture yet', height: 96, radius: 'md' })
    ])
  ]);

  const buttons = section('buttons', 'Buttons', 'Four variants, three sizes, icons, disabled.', [
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

  const inputs = section('inputs', 'Inputs', 'Every input bound to the gallery state; try them.', [
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
      n('Slider', 'in-rating', { min: 0, max: 5, step: 0.5, value: b.bind('rating') })
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

  const done = state.tasks.filter((t) => t.done).length;
  const logic = section(
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

  const errors = section(
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

  const tree = n('Stack', 'root', { gap: 'lg' }, [
    layout,
    typography,
    content,
    buttons,
    inputs,
    logic,
    errors
  ]);
  return { tree, actions: b.actions };
}
