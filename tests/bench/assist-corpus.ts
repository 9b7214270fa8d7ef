/**
 * The change requests of the assistant benchmark (tests/bench/assist.ts): what people ask the
 * sidebar for, over the four templates and over a CRM app whose JSX form is over 750 lines. A
 * request the offline planner understands is planned by it (`offlinePlan`); one outside its
 * grammar carries its batch, written here by hand the way Claude would answer it (ids of the app,
 * temporary ids for what it adds). The benchmark checks every batch with planOps and the compile
 * gate before it counts anything, so both sides of each comparison are real, valid changes.
 *
 * The CRM app is built, not stored: one batch of ops (four small components, then the App that
 * uses them) planned by the real planner with seeded ids, so its text is the same on every run.
 */
import { renameStateBatch } from '../../src/lib/code/rename';
import { seededIds } from '../../src/lib/model/ids';
import {
  emptyModel,
  type AppModel,
  type JsonValue,
  type NodeSpec,
  type Op,
  type PropValue
} from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { TEMPLATE_NAMES, templateModel } from '../../src/lib/templates';

/** One request: the app it is made on, the words, and the batch when the planner has no rule. */
export interface ChangeRequest {
  readonly group: 'templates' | 'app';
  /** A template name, or `crm` for the 750-line app. */
  readonly base: string;
  readonly message: string;
  /** The batch as the model would send it, made against the base app (by node lookups). */
  readonly byHand?: (app: BaseApp) => { summary: string; ops: Op[] };
}

/** A base app and a way to name its nodes. */
export interface BaseApp {
  readonly model: AppModel;
  /** The one node of `type` (whose text, label or title is `text`, if given); throws otherwise. */
  node(type: string, text?: string): string;
  /** The parent of a node. */
  parent(id: string): string;
  /** The node a temporary id of the app's building batch became (the CRM app only). */
  built(temp: string): string;
}

const expr = ($expr: string) => ({ $expr });
const handler = ($handler: string) => ({ $handler });
const bind = ($bind: string) => ({ $bind });

/** The text a node shows: its literal `text`, `label` or `title`. */
function shown(props: Readonly<Record<string, PropValue>>): PropValue | undefined {
  return props.text ?? props.label ?? props.title;
}

function baseApp(model: AppModel, idMap: Readonly<Record<string, string>> = {}): BaseApp {
  return {
    model,
    node(type, text) {
      const found = [...model.nodes.values()].filter(
        (n) => n.type === type && (text === undefined || shown(n.props) === text)
      );
      if (found.length !== 1)
        throw new Error(`${found.length} nodes of type ${type} showing ${text ?? '(any)'}`);
      return found[0].id;
    },
    parent(id) {
      const parent = model.nodes.get(id)?.parent;
      if (!parent) throw new Error(`node ${id} has no parent`);
      return parent;
    },
    built(temp) {
      const id = idMap[temp];
      if (!id) throw new Error(`the CRM app has no node ${temp}`);
      return id;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The CRM app

const STAGES = ['Lead', 'Qualified', 'Proposal', 'Won'] as const;

const CONTACT = {
  id: 'number',
  name: 'string',
  company: 'string',
  email: 'string',
  stage: 'string',
  value: 'number',
  starred: 'boolean'
} as const;

const CONTACTS: JsonValue[] = [
  ['Ada Lovelace', 'Analytical Engines', 'ada@engines.example', 'Won', 42000, true],
  ['Grace Hopper', 'Compiler Works', 'grace@compilers.example', 'Proposal', 18500, false],
  ['Alan Turing', 'Bletchley Labs', 'alan@bletchley.example', 'Qualified', 9000, true],
  ['Katherine Johnson', 'Orbital Maths', 'kj@orbital.example', 'Lead', 3000, false],
  ['Edsger Dijkstra', 'Shortest Paths BV', 'ewd@paths.example', 'Lead', 1200, false],
  ['Barbara Liskov', 'Substitution Inc', 'barbara@liskov.example', 'Qualified', 27000, false]
].map(([name, company, email, stage, value, starred], i) => ({
  id: i + 1,
  name,
  company,
  email,
  stage,
  value,
  starred
}));

const DEALS: JsonValue[] = [
  ['Engine licence', 'Ada Lovelace', 'Won', 42000],
  ['Compiler support', 'Grace Hopper', 'Proposal', 18500],
  ['Codebreaking audit', 'Alan Turing', 'Qualified', 9000],
  ['Trajectory review', 'Katherine Johnson', 'Lead', 3000],
  ['Routing pilot', 'Edsger Dijkstra', 'Lead', 1200],
  ['Type system workshop', 'Barbara Liskov', 'Qualified', 27000],
  ['Second engine', 'Ada Lovelace', 'Proposal', 15000]
].map(([title, contact, stage, amount], i) => ({ id: i + 1, title, contact, stage, amount }));

const TASKS: JsonValue[] = [
  ['Call Grace about the proposal', '2025-03-03', false],
  ['Send Ada the invoice', '2025-03-01', true],
  ['Prepare the workshop agenda', '2025-03-07', false],
  ['Follow up with Katherine', '2025-03-10', false]
].map(([title, due, done], i) => ({ id: i + 1, title, due, done }));

const text = (value: PropValue, more: Record<string, PropValue> = {}): NodeSpec => ({
  type: 'Text',
  props: { text: value, ...more }
});
const button = (
  label: string,
  onClick: string,
  more: Record<string, PropValue> = {}
): NodeSpec => ({
  type: 'Button',
  props: { label, onClick: handler(onClick), ...more }
});
const row = (
  children: NodeSpec[],
  more: Record<string, PropValue> = {},
  id?: string
): NodeSpec => ({
  type: 'Stack',
  ...(id ? { id } : {}),
  props: { direction: 'horizontal', gap: 'sm', align: 'center', ...more },
  children
});
const column = (children: NodeSpec[], more: Record<string, PropValue> = {}): NodeSpec => ({
  type: 'Stack',
  props: { gap: 'sm', ...more },
  children
});
const when = (condition: string, children: NodeSpec[], id?: string): NodeSpec => ({
  type: 'If',
  ...(id ? { id } : {}),
  props: { when: expr(condition) },
  children
});
const section = (title: string, subtitle: string): NodeSpec => ({
  type: 'SectionHeader',
  props: { title, subtitle }
});
const money = (value: string) => `state.currency + ' ' + (${value}).toLocaleString()`;

/** The four components App uses: a stat tile, a stage badge, an empty state, a section header. */
const COMPONENT_OPS: Op[] = [
  {
    op: 'addComponent',
    name: 'StatTile',
    id: 'statRoot',
    props: {
      label: { type: 'string', default: '' },
      value: { type: 'string', default: '' },
      hint: { type: 'string', default: '' }
    }
  },
  { op: 'setProp', id: 'statRoot', name: 'gap', value: 'xs' },
  { op: 'setProp', id: 'statRoot', name: 'padding', value: 'md' },
  {
    op: 'addNode',
    parent: 'statRoot',
    type: 'Text',
    props: { text: expr('props.label'), size: 'sm', tone: 'muted' }
  },
  {
    op: 'addNode',
    parent: 'statRoot',
    type: 'Heading',
    id: 'statValue',
    props: { text: expr('props.value'), level: 3 }
  },
  {
    op: 'addNode',
    parent: 'statRoot',
    type: 'Text',
    id: 'statHint',
    props: { text: expr('props.hint'), size: 'xs', tone: 'muted' }
  },
  {
    op: 'addComponent',
    name: 'StageBadge',
    id: 'badgeRoot',
    props: { stage: { type: 'string', default: 'Lead' } }
  },
  {
    op: 'addNode',
    parent: 'badgeRoot',
    type: 'Badge',
    id: 'stageBadge',
    props: {
      text: expr('props.stage'),
      tone: expr(
        "props.stage === 'Won' ? 'success' : props.stage === 'Proposal' ? 'warning' : props.stage === 'Qualified' ? 'accent' : 'neutral'"
      )
    }
  },
  {
    op: 'addComponent',
    name: 'EmptyState',
    id: 'emptyRoot',
    props: { message: { type: 'string', default: '' }, icon: { type: 'string', default: 'inbox' } }
  },
  { op: 'setProp', id: 'emptyRoot', name: 'align', value: 'center' },
  { op: 'setProp', id: 'emptyRoot', name: 'padding', value: 'lg' },
  {
    op: 'addNode',
    parent: 'emptyRoot',
    type: 'Icon',
    id: 'emptyIcon',
    props: { name: expr('props.icon'), size: 32, color: '#888888' }
  },
  {
    op: 'addNode',
    parent: 'emptyRoot',
    type: 'Text',
    props: { text: expr('props.message'), tone: 'muted', align: 'center' }
  },
  {
    op: 'addComponent',
    name: 'SectionHeader',
    id: 'headerRoot',
    props: { title: { type: 'string', default: '' }, subtitle: { type: 'string', default: '' } }
  },
  { op: 'setProp', id: 'headerRoot', name: 'gap', value: 'xs' },
  {
    op: 'addNode',
    parent: 'headerRoot',
    type: 'Heading',
    props: { text: expr('props.title'), level: 2 }
  },
  {
    op: 'addNode',
    parent: 'headerRoot',
    type: 'Text',
    props: { text: expr('props.subtitle'), size: 'sm', tone: 'muted' }
  }
];

const STATE_OPS: Op[] = [
  ['contacts', { array: { object: CONTACT } }, CONTACTS],
  [
    'deals',
    {
      array: {
        object: {
          id: 'number',
          title: 'string',
          contact: 'string',
          stage: 'string',
          amount: 'number'
        }
      }
    },
    DEALS
  ],
  [
    'tasks',
    { array: { object: { id: 'number', title: 'string', due: 'string', done: 'boolean' } } },
    TASKS
  ],
  [
    'notes',
    { array: { object: { id: 'number', text: 'string' } } },
    [{ id: 1, text: 'Grace prefers calls after 3 pm.' }]
  ],
  ['tab', 'string', 'contacts'],
  ['search', 'string', ''],
  ['stageFilter', 'string', 'All'],
  ['starredOnly', 'boolean', false],
  ['nextId', 'number', 100],
  ['draftName', 'string', ''],
  ['draftCompany', 'string', ''],
  ['draftEmail', 'string', ''],
  ['draftStage', 'string', 'Lead'],
  ['draftTask', 'string', ''],
  ['draftDue', 'string', ''],
  ['draftNote', 'string', ''],
  ['currency', 'string', 'EUR'],
  ['weeklyGoal', 'number', 10],
  ['emailDigest', 'boolean', true],
  ['compact', 'boolean', false],
  ['companyName', 'string', 'Acme'],
  ['signature', 'string', 'Best regards,'],
  ['exported', 'boolean', false]
].map(([name, type, initial]) => ({
  op: 'addState',
  component: 'App',
  name,
  type,
  initial
})) as Op[];

const TABS = ['contacts', 'deals', 'tasks', 'reports', 'settings'] as const;
const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

const HANDLERS: [string, string[], string][] = [
  [
    'addContact',
    [],
    [
      'const name = state.draftName.trim();',
      'if (!name) return;',
      'state.contacts.push({',
      '  id: state.nextId,',
      '  name,',
      '  company: state.draftCompany.trim(),',
      '  email: state.draftEmail.trim(),',
      '  stage: state.draftStage,',
      '  value: 0,',
      '  starred: false',
      '});',
      'state.nextId += 1;',
      "state.draftName = '';",
      "state.draftCompany = '';",
      "state.draftEmail = '';"
    ].join('\n')
  ],
  [
    'removeContact',
    ['contact'],
    'state.contacts = state.contacts.filter((c) => c.id !== contact.id);'
  ],
  [
    'toggleStar',
    ['contact'],
    'const found = state.contacts.find((c) => c.id === contact.id);\nif (found) found.starred = !found.starred;'
  ],
  [
    'advance',
    ['deal'],
    [
      "const order = ['Lead', 'Qualified', 'Proposal', 'Won'];",
      'const found = state.deals.find((d) => d.id === deal.id);',
      'if (!found) return;',
      'const at = order.indexOf(found.stage);',
      'if (at < order.length - 1) found.stage = order[at + 1];'
    ].join('\n')
  ],
  [
    'moveBack',
    ['deal'],
    [
      "const order = ['Lead', 'Qualified', 'Proposal', 'Won'];",
      'const found = state.deals.find((d) => d.id === deal.id);',
      'if (!found) return;',
      'const at = order.indexOf(found.stage);',
      'if (at > 0) found.stage = order[at - 1];'
    ].join('\n')
  ],
  [
    'addTask',
    [],
    [
      'const title = state.draftTask.trim();',
      'if (!title) return;',
      'state.tasks.push({ id: state.nextId, title, due: state.draftDue, done: false });',
      'state.nextId += 1;',
      "state.draftTask = '';",
      "state.draftDue = '';"
    ].join('\n')
  ],
  [
    'toggleTask',
    ['task'],
    'const found = state.tasks.find((t) => t.id === task.id);\nif (found) found.done = !found.done;'
  ],
  ['removeTask', ['task'], 'state.tasks = state.tasks.filter((t) => t.id !== task.id);'],
  ['clearDoneTasks', [], 'state.tasks = state.tasks.filter((t) => !t.done);'],
  [
    'addNote',
    [],
    [
      'const text = state.draftNote.trim();',
      'if (!text) return;',
      'state.notes.unshift({ id: state.nextId, text });',
      'state.nextId += 1;',
      "state.draftNote = '';"
    ].join('\n')
  ],
  ['removeNote', ['note'], 'state.notes = state.notes.filter((n) => n.id !== note.id);'],
  ['exportCsv', [], 'state.exported = true;'],
  [
    'resetSettings',
    [],
    [
      "state.currency = 'EUR';",
      'state.weeklyGoal = 10;',
      'state.emailDigest = true;',
      'state.compact = false;',
      "state.signature = 'Best regards,';"
    ].join('\n')
  ],
  ...TABS.map((tab): [string, string[], string] => [
    `show${capital(tab)}`,
    [],
    `state.tab = '${tab}';`
  ])
];

const HANDLER_OPS: Op[] = HANDLERS.map(([name, params, body]) => ({
  op: 'setHandler',
  component: 'App',
  name,
  ...(params.length ? { params } : {}),
  body
}));

const FILTERED_CONTACTS =
  "state.contacts.filter((c) => (state.stageFilter === 'All' || c.stage === state.stageFilter) && (!state.starredOnly || c.starred) && (c.name + ' ' + c.company).toLowerCase().includes(state.search.toLowerCase()))";

const header: NodeSpec = row(
  [
    { type: 'Icon', props: { name: 'briefcase', size: 28, color: '#4f46e5' } },
    column(
      [
        { type: 'Heading', id: 'title', props: { text: 'Acme CRM', level: 1 } },
        text(expr("state.companyName + ' · ' + state.contacts.length + ' contacts'"), {
          size: 'sm',
          tone: 'muted'
        })
      ],
      { gap: 'none' }
    ),
    { type: 'Spacer', props: { size: 'md' } },
    button('New contact', 'showContacts', { icon: 'plus' }),
    button('Export CSV', 'exportCsv', { variant: 'secondary', icon: 'download' }),
    when('state.exported', [{ type: 'Badge', props: { text: 'Exported', tone: 'success' } }])
  ],
  { justify: 'between', wrap: true },
  'header'
);

const stats: NodeSpec = {
  type: 'Grid',
  id: 'stats',
  props: { columns: 4, gap: 'md', minColumnWidth: 160 },
  children: [
    [
      'Contacts',
      'String(state.contacts.length)',
      "state.contacts.filter((c) => c.starred).length + ' starred'"
    ],
    [
      'Open pipeline',
      money("state.deals.filter((d) => d.stage !== 'Won').reduce((sum, d) => sum + d.amount, 0)"),
      "state.deals.filter((d) => d.stage !== 'Won').length + ' open deals'"
    ],
    [
      'Won',
      money("state.deals.filter((d) => d.stage === 'Won').reduce((sum, d) => sum + d.amount, 0)"),
      "state.deals.filter((d) => d.stage === 'Won').length + ' deals closed'"
    ],
    [
      'Tasks due',
      'String(state.tasks.filter((t) => !t.done).length)',
      "'goal: ' + state.weeklyGoal + ' a week'"
    ]
  ].map(([label, value, hint]) => ({
    type: 'StatTile',
    props: { label, value: expr(value), hint: expr(hint) }
  }))
};

const tabs: NodeSpec = row(
  TABS.map((tab) =>
    button(capital(tab), `show${capital(tab)}`, {
      variant: expr(`state.tab === '${tab}' ? 'primary' : 'ghost'`),
      size: 'sm'
    })
  ),
  { gap: 'xs' },
  'tabs'
);

const contactRow: NodeSpec = row(
  [
    {
      type: 'Icon',
      props: {
        name: expr("contact.starred ? 'star' : 'user'"),
        size: 18,
        color: expr("contact.starred ? '#d4a017' : '#888888'")
      }
    },
    column(
      [
        text(expr('contact.name'), { weight: 'bold' }),
        text(expr('contact.company'), { size: 'sm', tone: 'muted' })
      ],
      { gap: 'none' }
    ),
    {
      type: 'Link',
      props: { text: expr('contact.email'), href: expr("'mailto:' + contact.email") }
    },
    { type: 'StageBadge', props: { stage: expr('contact.stage') } },
    text(expr(money('contact.value')), { size: 'sm' }),
    row(
      [
        button('Star', 'toggleStar', {
          label: expr("contact.starred ? 'Unstar' : 'Star'"),
          variant: 'ghost',
          size: 'sm'
        }),
        button('Remove', 'removeContact', { variant: 'danger', size: 'sm' })
      ],
      { gap: 'xs' }
    )
  ],
  { justify: 'between', padding: expr("state.compact ? 'xs' : 'sm'") }
);

const contacts: NodeSpec = when(
  "state.tab === 'contacts'",
  [
    column(
      [
        section('Contacts', 'Everyone you are talking to, and where they stand.'),
        row(
          [
            {
              type: 'TextInput',
              props: {
                value: bind('search'),
                placeholder: 'Search by name or company',
                kind: 'search'
              }
            },
            {
              type: 'Select',
              id: 'stageFilter',
              props: { value: bind('stageFilter'), options: ['All', ...STAGES], label: 'Stage' }
            },
            { type: 'Toggle', props: { checked: bind('starredOnly'), label: 'Starred only' } }
          ],
          { wrap: true },
          'filters'
        ),
        {
          type: 'Card',
          id: 'contactList',
          props: { title: 'All contacts', padding: 'sm' },
          children: [
            {
              type: 'Each',
              id: 'contactEach',
              props: { items: expr(FILTERED_CONTACTS), as: 'contact', key: expr('contact.id') },
              children: [contactRow]
            },
            when(`${FILTERED_CONTACTS}.length === 0`, [
              {
                type: 'EmptyState',
                props: { message: 'No contact matches the filters.', icon: 'search' }
              }
            ])
          ]
        },
        {
          type: 'Card',
          id: 'newContact',
          props: { title: 'New contact', padding: 'md' },
          children: [
            {
              type: 'Grid',
              props: { columns: 2, gap: 'sm' },
              children: [
                {
                  type: 'TextInput',
                  props: { label: 'Name', value: bind('draftName'), placeholder: 'Ada Lovelace' }
                },
                { type: 'TextInput', props: { label: 'Company', value: bind('draftCompany') } },
                {
                  type: 'TextInput',
                  props: {
                    label: 'Email',
                    kind: 'email',
                    value: bind('draftEmail'),
                    placeholder: 'ada@example.com'
                  }
                },
                {
                  type: 'Select',
                  id: 'draftStage',
                  props: { label: 'Stage', value: bind('draftStage'), options: [...STAGES] }
                }
              ]
            },
            button('Add contact', 'addContact', {
              disabled: expr("state.draftName.trim() === ''")
            })
          ]
        }
      ],
      { gap: 'md' }
    )
  ],
  'contactsTab'
);

/** One column of the pipeline, inside an Each over the stages (loop variable `stage`). */
const stageColumn: NodeSpec = {
  type: 'Card',
  props: {
    title: expr('stage'),
    padding: 'sm',
    tone: expr("stage === 'Won' ? 'success' : 'neutral'")
  },
  children: [
    text(
      expr(
        `state.deals.filter((d) => d.stage === stage).length + ' deals · ' + ${money(
          'state.deals.filter((d) => d.stage === stage).reduce((sum, d) => sum + d.amount, 0)'
        )}`
      ),
      { size: 'sm', tone: 'muted' }
    ),
    {
      type: 'Each',
      id: 'dealEach',
      props: {
        items: expr('state.deals.filter((d) => d.stage === stage)'),
        as: 'deal',
        key: expr('deal.id')
      },
      children: [
        column(
          [
            text(expr('deal.title'), { weight: 'medium' }),
            text(expr('deal.contact'), { size: 'sm', tone: 'muted' }),
            row(
              [
                { type: 'Badge', props: { text: expr(money('deal.amount')), tone: 'accent' } },
                row(
                  [
                    button('‹', 'moveBack', {
                      variant: 'ghost',
                      size: 'sm',
                      disabled: expr("stage === 'Lead'")
                    }),
                    button('›', 'advance', {
                      variant: 'ghost',
                      size: 'sm',
                      disabled: expr("stage === 'Won'")
                    })
                  ],
                  { gap: 'xs' },
                  'dealButtons'
                )
              ],
              { justify: 'between' }
            ),
            { type: 'Divider', props: { spacing: 'xs' } }
          ],
          { gap: 'xs' }
        )
      ]
    },
    when('state.deals.filter((d) => d.stage === stage).length === 0', [
      text('Nothing here.', { size: 'sm', tone: 'muted' })
    ])
  ]
};

const deals: NodeSpec = when(
  "state.tab === 'deals'",
  [
    column([
      section('Pipeline', 'Deals by stage; move them along as they progress.'),
      {
        type: 'Grid',
        id: 'pipeline',
        props: { columns: 4, gap: 'sm', minColumnWidth: 200 },
        children: [
          {
            type: 'Each',
            props: { items: expr(JSON.stringify(STAGES)), as: 'stage', key: expr('stage') },
            children: [stageColumn]
          }
        ]
      }
    ])
  ],
  'dealsTab'
);

const tasks: NodeSpec = when(
  "state.tab === 'tasks'",
  [
    column([
      section('Tasks', 'What to do next, with the date it is due.'),
      row(
        [
          {
            type: 'TextInput',
            props: {
              value: bind('draftTask'),
              placeholder: 'Next task',
              onSubmit: handler('addTask')
            }
          },
          {
            type: 'TextInput',
            props: { value: bind('draftDue'), placeholder: 'Due (YYYY-MM-DD)' }
          },
          button('Add task', 'addTask', { disabled: expr("state.draftTask.trim() === ''") })
        ],
        {},
        'taskForm'
      ),
      {
        type: 'Each',
        id: 'taskEach',
        props: {
          items: expr('state.tasks.slice().sort((a, b) => (a.due < b.due ? -1 : 1))'),
          as: 'task',
          key: expr('task.id')
        },
        children: [
          row(
            [
              {
                type: 'Checkbox',
                props: {
                  checked: expr('task.done'),
                  label: expr('task.title'),
                  onChange: handler('toggleTask')
                }
              },
              row(
                [
                  {
                    type: 'Badge',
                    props: {
                      text: expr("task.due || 'no date'"),
                      tone: expr("task.done ? 'success' : 'neutral'")
                    }
                  },
                  button('Delete', 'removeTask', { variant: 'ghost', size: 'sm' })
                ],
                { gap: 'xs' }
              )
            ],
            { justify: 'between' }
          )
        ]
      },
      when('state.tasks.length === 0', [
        { type: 'EmptyState', props: { message: 'No tasks. Enjoy the quiet.', icon: 'check' } }
      ]),
      row(
        [
          text(expr("state.tasks.filter((t) => !t.done).length + ' open'"), {
            size: 'sm',
            tone: 'muted'
          }),
          button('Clear done tasks', 'clearDoneTasks', { variant: 'secondary', size: 'sm' })
        ],
        { justify: 'between' }
      )
    ])
  ],
  'tasksTab'
);

const reports: NodeSpec = when(
  "state.tab === 'reports'",
  [
    column([
      section('Reports', 'How the pipeline is doing this week.'),
      {
        type: 'Card',
        id: 'byStage',
        props: { title: 'By stage', padding: 'md' },
        children: STAGES.map((stage) =>
          row(
            [
              { type: 'StageBadge', props: { stage } },
              text(
                expr(
                  `state.deals.filter((d) => d.stage === '${stage}').length + ' deals, ' + ${money(
                    `state.deals.filter((d) => d.stage === '${stage}').reduce((sum, d) => sum + d.amount, 0)`
                  )}`
                ),
                { size: 'sm' }
              )
            ],
            { justify: 'between' }
          )
        )
      },
      {
        type: 'Card',
        props: { title: 'Weekly goal', padding: 'md' },
        children: [
          text(
            expr(
              "state.tasks.filter((t) => t.done).length + ' of ' + state.weeklyGoal + ' tasks done this week'"
            )
          ),
          {
            type: 'Slider',
            props: { label: 'Goal', value: bind('weeklyGoal'), min: 1, max: 50, step: 1 }
          },
          when('state.tasks.filter((t) => t.done).length >= state.weeklyGoal', [
            { type: 'Badge', props: { text: 'Goal reached', tone: 'success' } }
          ])
        ]
      },
      {
        type: 'Card',
        props: { title: 'Top contacts', padding: 'md' },
        children: [
          {
            type: 'Each',
            props: {
              items: expr('state.contacts.slice().sort((a, b) => b.value - a.value).slice(0, 3)'),
              as: 'top',
              key: expr('top.id')
            },
            children: [
              row([text(expr('top.name')), text(expr(money('top.value')), { weight: 'bold' })], {
                justify: 'between'
              })
            ]
          }
        ]
      }
    ])
  ],
  'reportsTab'
);

const settings: NodeSpec = when(
  "state.tab === 'settings'",
  [
    column([
      section('Settings', 'How the CRM looks and what it sends you.'),
      {
        type: 'Card',
        id: 'settingsCard',
        props: { title: 'Preferences', padding: 'md' },
        children: [
          { type: 'TextInput', props: { label: 'Company name', value: bind('companyName') } },
          {
            type: 'Select',
            props: {
              label: 'Currency',
              value: bind('currency'),
              options: ['EUR', 'USD', 'GBP', 'CHF']
            }
          },
          { type: 'Toggle', props: { label: 'Weekly email digest', checked: bind('emailDigest') } },
          { type: 'Toggle', props: { label: 'Compact rows', checked: bind('compact') } },
          {
            type: 'TextArea',
            props: { label: 'Email signature', value: bind('signature'), rows: 3 }
          },
          row([button('Reset to defaults', 'resetSettings', { variant: 'secondary' })], {
            justify: 'end'
          })
        ]
      }
    ])
  ],
  'settingsTab'
);

const notes: NodeSpec = {
  type: 'Card',
  id: 'notes',
  props: { title: 'Notes', padding: 'md' },
  children: [
    row(
      [
        {
          type: 'TextInput',
          props: {
            value: bind('draftNote'),
            placeholder: 'Jot something down',
            onSubmit: handler('addNote')
          }
        },
        button('Save note', 'addNote', {
          variant: 'secondary',
          disabled: expr("state.draftNote.trim() === ''")
        })
      ],
      {}
    ),
    {
      type: 'Each',
      props: { items: expr('state.notes'), as: 'note', key: expr('note.id') },
      children: [
        row(
          [
            text(expr('note.text'), { size: 'sm' }),
            button('×', 'removeNote', { variant: 'ghost', size: 'sm' })
          ],
          { justify: 'between' }
        )
      ]
    }
  ]
};

const footer: NodeSpec = row(
  [
    text(expr("'Signed: ' + state.signature"), { size: 'xs', tone: 'muted' }),
    { type: 'Link', props: { text: 'Help', href: '/help', newTab: true } }
  ],
  { justify: 'between' },
  'footer'
);

/** The batch that builds the CRM app on an empty App component. */
const CRM_OPS: Op[] = [
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'setMeta', name: 'title', value: 'Acme CRM' },
  ...COMPONENT_OPS,
  ...STATE_OPS,
  ...HANDLER_OPS,
  { op: 'setProp', id: 'root', name: 'padding', value: 'lg' },
  { op: 'setProp', id: 'root', name: 'gap', value: 'lg' },
  ...[header, stats, tabs, contacts, deals, tasks, reports, settings, notes, footer].map(
    (spec): Op => ({ op: 'addNode', parent: 'root', ...spec })
  )
];

/** The CRM app, planned from an empty app with seeded ids (the same on every run). */
export function crmApp(): BaseApp {
  const built = planOps(emptyModel(), CRM_OPS, undefined, { ids: seededIds(91) });
  if (!built.ok)
    throw new Error(`the CRM app does not plan: ${JSON.stringify(built.errors.slice(0, 3))}`);
  return baseApp(built.model, built.idMap);
}

/** A template's app, with seeded ids (a seed of its own per template). */
export function templateApp(name: string): BaseApp {
  return baseApp(templateModel(name, seededIds(100 + TEMPLATE_NAMES.indexOf(name))));
}

// ---------------------------------------------------------------------------------------------
// The requests

const planner = (group: ChangeRequest['group'], base: string, message: string): ChangeRequest => ({
  group,
  base,
  message
});

/** What the login form of the blank template's hand-written request holds. */
const LOGIN_FIELDS: NodeSpec[] = [
  { type: 'TextInput', props: { label: 'Email', kind: 'email', value: bind('email') } },
  { type: 'TextInput', props: { label: 'Password', kind: 'password', value: bind('password') } },
  button('Sign in', 'signIn', {
    disabled: expr("!state.email.includes('@') || state.password.length < 8")
  }),
  when('state.signedIn', [text('Welcome back!', { tone: 'success' })])
];

/** Requests over the templates: blank, counter, todo, form. */
export const TEMPLATE_REQUESTS: readonly ChangeRequest[] = [
  planner('templates', 'blank', "add a heading 'Welcome' at the top"),
  planner('templates', 'blank', 'add a counter'),
  planner('templates', 'blank', 'add a dark mode toggle'),
  planner('templates', 'blank', 'add a text field called nickname'),
  planner('templates', 'blank', 'add a dropdown for size with options small, medium and large'),
  {
    group: 'templates',
    base: 'blank',
    message: 'make a login form with an email, a password and a sign-in button',
    byHand: (app) => ({
      summary: 'Add a login card: email and password fields and a Sign in button',
      ops: [
        { op: 'addState', component: 'App', name: 'email', type: 'string', initial: '' },
        { op: 'addState', component: 'App', name: 'password', type: 'string', initial: '' },
        { op: 'addState', component: 'App', name: 'signedIn', type: 'boolean', initial: false },
        {
          op: 'setHandler',
          component: 'App',
          name: 'signIn',
          body: "if (!state.email.includes('@') || state.password.length < 8) return;\nstate.signedIn = true;"
        },
        {
          op: 'addNode',
          parent: app.model.components.get(app.model.meta.root)!.root,
          type: 'Card',
          props: { title: 'Sign in', padding: 'lg' },
          children: LOGIN_FIELDS
        }
      ]
    })
  },
  planner('templates', 'counter', 'make the "Reset" button red'),
  planner('templates', 'counter', "change the card title to 'Clicks'"),
  planner('templates', 'counter', 'move the slider to the top'),
  planner('templates', 'counter', 'make the heading smaller'),
  {
    group: 'templates',
    base: 'counter',
    message: 'let the step slider go up to 100',
    byHand: (app) => ({
      summary: 'Let the Step slider go up to 100',
      ops: [{ op: 'setProp', id: app.node('Slider'), name: 'max', value: 100 }]
    })
  },
  {
    group: 'templates',
    base: 'counter',
    message: 'add a button that doubles the count',
    byHand: (app) => ({
      summary: 'Add a ×2 button that doubles the count',
      ops: [
        { op: 'setHandler', component: 'App', name: 'double', body: 'state.count *= 2;' },
        {
          op: 'addNode',
          parent: app.parent(app.node('Button', 'Reset')),
          type: 'Button',
          props: { label: '×2', variant: 'secondary', onClick: handler('double') }
        }
      ]
    })
  },
  planner('templates', 'todo', 'let me mark todos as important'),
  planner('templates', 'todo', 'add a priority field to the todo items'),
  planner('templates', 'todo', 'remove the clear done button'),
  planner('templates', 'todo', "change the heading to 'Shopping'"),
  planner('templates', 'todo', 'make the add button secondary'),
  {
    group: 'templates',
    base: 'todo',
    message: 'show how many are done next to how many are left',
    byHand: (app) => ({
      summary: 'Show the number of done items beside the number left',
      ops: [
        {
          op: 'setProp',
          id: [...app.model.nodes.values()].find(
            (n) => n.type === 'Text' && JSON.stringify(n.props.text).includes("' left'")
          )!.id,
          name: 'text',
          value: expr(
            "state.items.filter((x) => !x.done).length + ' left, ' + state.items.filter((x) => x.done).length + ' done'"
          )
        }
      ]
    })
  },
  {
    group: 'templates',
    base: 'todo',
    message: 'list the unfinished items first',
    byHand: (app) => ({
      summary: 'List unfinished items before finished ones',
      ops: [
        {
          op: 'setProp',
          id: app.node('Each'),
          name: 'items',
          value: expr('state.items.slice().sort((a, b) => Number(a.done) - Number(b.done))')
        }
      ]
    })
  },
  planner('templates', 'form', 'add a dropdown for topic with options sales, support and billing'),
  planner('templates', 'form', 'make the "Send" button say Submit'),
  planner('templates', 'form', 'add a checkbox for urgent below the "Send me news" checkbox'),
  planner('templates', 'form', 'remove the "Send me news" checkbox'),
  planner('templates', 'form', 'make the card dark'),
  {
    group: 'templates',
    base: 'form',
    message: 'only allow sending with a message of at least 10 characters',
    byHand: (app) => {
      const ready =
        "state.name.trim() && state.email.includes('@') && state.message.trim().length >= 10";
      return {
        summary: 'Require a message of at least 10 characters before sending',
        ops: [
          {
            op: 'setHandler',
            component: 'App',
            name: 'submit',
            body: `if (!(${ready})) return;\nstate.submitted = true;`
          },
          {
            op: 'setProp',
            id: app.node('Button', 'Send'),
            name: 'disabled',
            value: expr(`!(${ready})`)
          }
        ]
      };
    }
  },
  {
    group: 'templates',
    base: 'form',
    message: 'show a character count under the message box',
    byHand: (app) => {
      const area = app.node('TextArea');
      const parent = app.parent(area);
      return {
        summary: 'Show how many characters the message has under the message box',
        ops: [
          {
            op: 'addNode',
            parent,
            index: app.model.children.get(parent)!.indexOf(area) + 1,
            type: 'Text',
            props: { text: expr("state.message.length + ' characters'"), size: 'xs', tone: 'muted' }
          }
        ]
      };
    }
  }
];

/** Requests over the CRM app (its JSX form over 750 lines). */
export const APP_REQUESTS: readonly ChangeRequest[] = [
  planner('app', 'crm', 'add a dark mode toggle'),
  planner('app', 'crm', 'make the "Export CSV" button ghost'),
  planner('app', 'crm', 'remove the "Export CSV" button'),
  planner('app', 'crm', 'change the "Acme CRM" heading to \'Pipeline desk\''),
  planner('app', 'crm', 'let me mark contacts as vip'),
  planner('app', 'crm', 'add a phone field to each contact'),
  planner('app', 'crm', 'add a text field called region inside the "Preferences" card'),
  planner('app', 'crm', 'move the "Notes" card to the top'),
  planner('app', 'crm', 'add a counter called calls below the "Notes" card'),
  planner('app', 'crm', 'add a priority field to the tasks'),
  {
    group: 'app',
    base: 'crm',
    message: 'add a delete button to every deal card',
    byHand: (app) => ({
      summary: 'Add a Delete button to each deal card',
      ops: [
        {
          op: 'setHandler',
          component: 'App',
          name: 'removeDeal',
          params: ['deal'],
          body: 'state.deals = state.deals.filter((d) => d.id !== deal.id);'
        },
        {
          op: 'addNode',
          parent: app.built('dealButtons'),
          type: 'Button',
          props: { label: 'Delete', variant: 'danger', size: 'sm', onClick: handler('removeDeal') }
        }
      ]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'add a stat tile for the average deal size',
    byHand: (app) => ({
      summary: 'Add an "Average deal" stat tile',
      ops: [
        {
          op: 'addNode',
          parent: app.built('stats'),
          type: 'StatTile',
          props: {
            label: 'Average deal',
            value: expr(
              money(
                'Math.round(state.deals.reduce((sum, d) => sum + d.amount, 0) / Math.max(1, state.deals.length))'
              )
            ),
            hint: expr("'over ' + state.deals.length + ' deals'")
          }
        },
        { op: 'setProp', id: app.built('stats'), name: 'columns', value: 5 }
      ]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'show the hints on the stat tiles in the accent colour',
    byHand: (app) => ({
      summary: 'Show stat tile hints in the accent tone',
      ops: [{ op: 'setProp', id: app.built('statHint'), name: 'tone', value: 'accent' }]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'make the empty state icon bigger',
    byHand: (app) => ({
      summary: 'Make the empty state icon 48 px',
      ops: [{ op: 'setProp', id: app.built('emptyIcon'), name: 'size', value: 48 }]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'rename the search field to query',
    // The rename and the rewrite of every expression and handler that reads the field, as the
    // studio's own rename makes it.
    byHand: (app) => {
      const batch = renameStateBatch(app.model, 'App', 'search', 'query');
      if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
      return { summary: 'Rename state field search to query', ops: batch.ops };
    }
  },
  {
    group: 'app',
    base: 'crm',
    message: 'sort the contacts by value, biggest first',
    byHand: (app) => ({
      summary: 'Sort the contact list by value, biggest first',
      ops: [
        {
          op: 'setProp',
          id: app.built('contactEach'),
          name: 'items',
          value: expr(`${FILTERED_CONTACTS}.sort((a, b) => b.value - a.value)`)
        }
      ]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'show the number of open tasks on the Tasks tab',
    byHand: (app) => ({
      summary: 'Show the count of open tasks on the Tasks tab button',
      ops: [
        {
          op: 'setProp',
          id: app.node('Button', 'Tasks'),
          name: 'label',
          value: expr("'Tasks (' + state.tasks.filter((t) => !t.done).length + ')'")
        }
      ]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: 'hide the signature box while the email digest is off',
    byHand: (app) => ({
      summary: 'Show the email signature only while the weekly digest is on',
      ops: [
        {
          op: 'addNode',
          parent: app.built('settingsCard'),
          index: 4,
          type: 'If',
          id: 'digestOn',
          props: { when: expr('state.emailDigest') }
        },
        { op: 'moveNode', id: app.node('TextArea'), parent: 'digestOn' }
      ]
    })
  },
  {
    group: 'app',
    base: 'crm',
    message: "add a 'Lost' stage to the pipeline",
    byHand: (app) => {
      const stages = [...STAGES, 'Lost'];
      const order = `const order = ${JSON.stringify(stages).replaceAll('"', "'").replaceAll(',', ', ')};`;
      const step = (move: string) =>
        [
          order,
          'const found = state.deals.find((d) => d.id === deal.id);',
          'if (!found) return;',
          'const at = order.indexOf(found.stage);',
          move
        ].join('\n');
      return {
        summary: 'Add a Lost stage: a pipeline column, a filter option, a badge tone',
        ops: [
          {
            op: 'setProp',
            id: app.built('pipeline'),
            name: 'columns',
            value: 5
          },
          {
            op: 'setProp',
            id: app.model.children.get(app.built('pipeline'))![0],
            name: 'items',
            value: expr(JSON.stringify(stages))
          },
          {
            op: 'setProp',
            id: app.built('stageFilter'),
            name: 'options',
            value: ['All', ...stages]
          },
          {
            op: 'setProp',
            id: app.built('draftStage'),
            name: 'options',
            value: stages
          },
          {
            op: 'setHandler',
            component: 'App',
            name: 'advance',
            params: ['deal'],
            body: step('if (at < order.length - 1) found.stage = order[at + 1];')
          },
          {
            op: 'setHandler',
            component: 'App',
            name: 'moveBack',
            params: ['deal'],
            body: step('if (at > 0) found.stage = order[at - 1];')
          },
          {
            op: 'setProp',
            id: app.built('stageBadge'),
            name: 'tone',
            value: expr(
              "props.stage === 'Won' ? 'success' : props.stage === 'Lost' ? 'danger' : props.stage === 'Proposal' ? 'warning' : props.stage === 'Qualified' ? 'accent' : 'neutral'"
            )
          }
        ]
      };
    }
  },
  {
    group: 'app',
    base: 'crm',
    message: 'add a Calls tab where I can log calls',
    byHand: (app) => ({
      summary: 'Add a Calls tab with a call log',
      ops: [
        {
          op: 'addState',
          component: 'App',
          name: 'calls',
          type: { array: { object: { id: 'number', who: 'string', summary: 'string' } } },
          initial: []
        },
        { op: 'addState', component: 'App', name: 'draftCallWho', type: 'string', initial: '' },
        { op: 'addState', component: 'App', name: 'draftCall', type: 'string', initial: '' },
        { op: 'setHandler', component: 'App', name: 'showCalls', body: "state.tab = 'calls';" },
        {
          op: 'setHandler',
          component: 'App',
          name: 'logCall',
          body: [
            'const summary = state.draftCall.trim();',
            'if (!summary) return;',
            'state.calls.unshift({ id: state.nextId, who: state.draftCallWho, summary });',
            'state.nextId += 1;',
            "state.draftCall = '';"
          ].join('\n')
        },
        {
          op: 'addNode',
          parent: app.built('tabs'),
          index: 3,
          type: 'Button',
          props: {
            label: 'Calls',
            variant: expr("state.tab === 'calls' ? 'primary' : 'ghost'"),
            size: 'sm',
            onClick: handler('showCalls')
          }
        },
        {
          op: 'addNode',
          parent: app.parent(app.built('tasksTab')),
          index: 6,
          ...when("state.tab === 'calls'", [
            column([
              section('Calls', 'Who you spoke to, and what was said.'),
              row([
                {
                  type: 'Select',
                  props: {
                    label: 'Who',
                    value: bind('draftCallWho'),
                    options: expr('state.contacts.map((c) => c.name)')
                  }
                },
                { type: 'TextInput', props: { label: 'Summary', value: bind('draftCall') } },
                button('Log call', 'logCall', { disabled: expr("state.draftCall.trim() === ''") })
              ]),
              {
                type: 'Each',
                props: { items: expr('state.calls'), as: 'call', key: expr('call.id') },
                children: [
                  row([
                    text(expr('call.who'), { weight: 'bold' }),
                    text(expr('call.summary'), { size: 'sm' })
                  ])
                ]
              },
              when('state.calls.length === 0', [
                { type: 'EmptyState', props: { message: 'No calls logged yet.', icon: 'phone' } }
              ])
            ])
          ])
        }
      ]
    })
  }
];
