/**
 * planOps, op by op: each kind applies as expected, an invalid variant is refused with the right
 * code (and the model is untouched), and the batch survives a JSON round trip and replays to the
 * same model.
 */
import { describe, expect, it } from 'vitest';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps, type Plan, type Rejection } from '../../src/lib/ops/plan';
import type { ErrorCode } from '../../src/lib/ops/errors';
import { canonical, nodeWith, nodesOfType, rootOf, template } from './helpers';

function plan(model: AppModel, ops: unknown, seed = 11): Plan {
  const result = planOps(model, ops, undefined, { ids: seededIds(seed) });
  if (!result.ok) throw new Error(`expected the batch to plan: ${JSON.stringify(result.errors)}`);
  return result;
}

function refused(
  model: AppModel,
  ops: unknown
): { code: ErrorCode; op?: number; path?: string; message: string } {
  const before = canonical(model);
  const result = planOps(model, ops, undefined, { ids: seededIds(11) });
  expect(result.ok).toBe(false);
  expect(canonical(model)).toBe(before);
  return (result as Rejection).errors[0];
}

interface Case {
  name: Op['op'];
  valid: (m: AppModel) => Op[];
  check: (before: AppModel, after: AppModel, p: Plan) => void;
  invalid: (m: AppModel) => Op[];
  code: ErrorCode;
}

const todo = template('todo');
const counter = template('counter');
const card = () => nodeWith(counter, 'Card', 'Counter');

const cases: Case[] = [
  {
    name: 'addNode',
    valid: () => [
      {
        op: 'addNode',
        parent: card().id,
        index: 0,
        type: 'Button',
        id: 'save',
        props: { label: 'Save' }
      },
      { op: 'setProp', id: 'save', name: 'variant', value: 'danger' }
    ],
    check: (before, after, p) => {
      const id = p.idMap.save;
      expect(id).toMatch(/^b[0-9a-z]{5}$/);
      expect(childrenOf(after, card().id)[0]).toBe(id);
      expect(after.nodes.get(id)!.props).toEqual({ label: 'Save', variant: 'danger' });
      expect(after.nodes.size).toBe(before.nodes.size + 1);
      expect(p.summary).toBe(
        `Added Button "Save" to Card ${card().id}; set variant of Button "Save" to "danger"`
      );
    },
    invalid: () => [{ op: 'addNode', parent: card().id, type: 'Buton' }],
    code: 'E_UNKNOWN_TYPE'
  },
  {
    name: 'removeNode',
    valid: () => [{ op: 'removeNode', id: card().id }],
    check: (before, after) => {
      expect(after.nodes.has(card().id)).toBe(false);
      // The card and its 6 descendants (heading, button row and its 3 buttons, slider) are gone.
      expect(before.nodes.size - after.nodes.size).toBe(7);
      expect(childrenOf(after, rootOf(after))).toEqual([]);
    },
    invalid: (m) => [{ op: 'removeNode', id: rootOf(m) }],
    code: 'E_REMOVE_ROOT'
  },
  {
    name: 'moveNode',
    valid: (m) => [
      { op: 'moveNode', id: nodesOfType(m, 'Slider')[0].id, parent: card().id, index: 0 }
    ],
    check: (_b, after) =>
      expect(after.nodes.get(childrenOf(after, card().id)[0])!.type).toBe('Slider'),
    invalid: (m) => [
      {
        op: 'moveNode',
        id: card().id,
        parent: nodesOfType(m, 'Stack').find((s) => s.parent === card().id)!.id
      }
    ],
    code: 'E_CYCLE'
  },
  {
    name: 'setProp',
    valid: () => [
      { op: 'setProp', id: card().id, name: 'title', value: { $expr: "'Count: ' + state.count" } }
    ],
    check: (_b, after) =>
      expect(after.nodes.get(card().id)!.props.title).toEqual({ $expr: "'Count: ' + state.count" }),
    invalid: () => [{ op: 'setProp', id: card().id, name: 'elevation', value: 'floating' }],
    code: 'E_PROP_TYPE'
  },
  {
    name: 'unsetProp',
    valid: () => [{ op: 'unsetProp', id: card().id, name: 'title' }],
    check: (_b, after) => expect(after.nodes.get(card().id)!.props).toEqual({ padding: 'lg' }),
    invalid: () => [{ op: 'unsetProp', id: card().id, name: 'colour' }],
    code: 'E_PROP_UNKNOWN'
  },
  {
    name: 'addComponent',
    valid: () => [
      {
        op: 'addComponent',
        name: 'Badge2',
        props: { text: { type: 'string', default: 'hi' } },
        id: 'r'
      },
      { op: 'addNode', parent: 'r', type: 'Badge', props: { text: { $expr: 'props.text' } } },
      { op: 'addNode', parent: card().id, type: 'Badge2', props: { text: 'New' } }
    ],
    check: (_b, after) => {
      const c = componentByName(after, 'Badge2')!;
      expect(childrenOf(after, c.root)).toHaveLength(1);
      expect(nodesOfType(after, 'Badge2')[0].props).toEqual({ text: 'New' });
      expect(after.meta.root).toBe(componentByName(after, 'App')!.id);
    },
    invalid: () => [{ op: 'addComponent', name: 'Button' }],
    code: 'E_NAME_RESERVED'
  },
  {
    name: 'removeComponent',
    valid: () => [
      { op: 'addComponent', name: 'Extra' },
      { op: 'removeComponent', name: 'Extra' }
    ],
    check: (before, after) => expect(canonical(after)).toBe(canonical(before)),
    invalid: () => [{ op: 'removeComponent', name: 'App' }],
    code: 'E_REMOVE_ROOT_COMPONENT'
  },
  {
    name: 'renameComponent',
    valid: () => [
      { op: 'addComponent', name: 'Row' },
      { op: 'addNode', parent: card().id, type: 'Row' },
      { op: 'renameComponent', name: 'Row', newName: 'Line' }
    ],
    check: (_b, after) => {
      expect(componentByName(after, 'Row')).toBeUndefined();
      expect(nodesOfType(after, 'Line')).toHaveLength(1);
    },
    invalid: () => [{ op: 'renameComponent', name: 'Nope', newName: 'Other' }],
    code: 'E_COMPONENT_NOT_FOUND'
  },
  {
    name: 'addState',
    valid: () => [
      { op: 'addState', component: 'App', name: 'dark', type: 'boolean', initial: false }
    ],
    check: (_b, after) => {
      expect(componentByName(after, 'App')!.state.dark).toEqual({
        type: 'boolean',
        initial: false
      });
      expect(after.data.dark).toBe(false);
    },
    invalid: () => [
      { op: 'addState', component: 'App', name: 'dark', type: 'boolean', initial: 'no' }
    ],
    code: 'E_STATE_TYPE_MISMATCH'
  },
  {
    name: 'removeState',
    valid: () => [
      { op: 'addState', component: 'App', name: 'tmp', type: 'string', initial: '' },
      { op: 'removeState', component: 'App', name: 'tmp' }
    ],
    check: (before, after) => expect(canonical(after)).toBe(canonical(before)),
    invalid: () => [{ op: 'removeState', component: 'App', name: 'step' }],
    code: 'E_STATE_IN_USE'
  },
  {
    name: 'renameState',
    valid: () => [{ op: 'renameState', component: 'App', from: 'step', to: 'stride' }],
    check: (before, after) => {
      const app = componentByName(after, 'App')!;
      expect(Object.keys(app.state)).toEqual(['count', 'stride']);
      expect(nodesOfType(after, 'Slider')[0].props.value).toEqual({ $bind: 'stride' });
      expect(after.data).toEqual({ count: before.data.count, stride: before.data.step });
    },
    invalid: () => [{ op: 'renameState', component: 'App', from: 'step', to: 'count' }],
    code: 'E_NAME_TAKEN'
  },
  {
    name: 'retypeState',
    valid: () => [
      {
        op: 'retypeState',
        component: 'App',
        name: 'count',
        type: { optional: 'number' },
        migrate: 'value'
      }
    ],
    check: (_b, after) =>
      expect(componentByName(after, 'App')!.state.count.type).toEqual({ optional: 'number' }),
    invalid: () => [
      {
        op: 'retypeState',
        component: 'App',
        name: 'count',
        type: 'string',
        migrate: 'String(value)'
      }
    ],
    code: 'E_MIGRATE_UNAVAILABLE'
  },
  {
    name: 'setHandler',
    valid: () => [
      { op: 'setHandler', component: 'App', name: 'double', body: 'state.count *= 2;' }
    ],
    check: (_b, after, p) => {
      expect(componentByName(after, 'App')!.handlers.double).toEqual({
        params: [],
        body: 'state.count *= 2;'
      });
      expect(p.summary).toBe('Added handler double in App');
    },
    invalid: () => [{ op: 'setHandler', component: 'App', name: 'delete', body: '' }],
    code: 'E_NAME_RESERVED'
  },
  {
    name: 'removeHandler',
    valid: () => [
      { op: 'setHandler', component: 'App', name: 'x', body: '' },
      { op: 'removeHandler', component: 'App', name: 'x' }
    ],
    check: (before, after) => expect(canonical(after)).toBe(canonical(before)),
    invalid: () => [{ op: 'removeHandler', component: 'App', name: 'increment' }],
    code: 'E_HANDLER_IN_USE'
  },
  {
    name: 'setCapabilities',
    valid: () => [
      {
        op: 'setCapabilities',
        component: 'App',
        capabilities: { clock: true, network: { origins: ['https://api.example.com'] } }
      }
    ],
    check: (_b, after) =>
      expect(componentByName(after, 'App')!.capabilities).toEqual({
        clock: true,
        network: { origins: ['https://api.example.com'] }
      }),
    invalid: () => [
      {
        op: 'setCapabilities',
        component: 'App',
        capabilities: { network: { origins: ['file:///etc/passwd'] } }
      }
    ],
    code: 'E_FIELD_VALUE'
  },
  {
    name: 'setMeta',
    valid: () => [{ op: 'setMeta', name: 'theme', value: 'dark' }],
    check: (_b, after) => expect(after.meta.theme).toBe('dark'),
    invalid: () => [{ op: 'setMeta', name: 'theme', value: 'purple' }],
    code: 'E_FIELD_VALUE'
  }
];

describe('every op kind', () => {
  it('has a case here', () => {
    const names = new Set(cases.map((c) => c.name));
    expect([...names].sort()).toEqual(
      [
        'addComponent',
        'addNode',
        'addState',
        'moveNode',
        'removeComponent',
        'removeHandler',
        'removeNode',
        'removeState',
        'renameComponent',
        'renameState',
        'retypeState',
        'setCapabilities',
        'setHandler',
        'setMeta',
        'setProp',
        'unsetProp'
      ].sort()
    );
  });

  for (const c of cases) {
    describe(c.name, () => {
      it('applies as expected and leaves the input model untouched', () => {
        const before = canonical(counter);
        const p = plan(counter, c.valid(counter));
        c.check(counter, p.model, p);
        expect(canonical(counter)).toBe(before);
      });
      it(`refuses an invalid variant with ${c.code}`, () => {
        const error = refused(counter, c.invalid(counter));
        expect(error.code).toBe(c.code);
        expect(error.op).toBe(0);
        expect(error.message.length).toBeGreaterThan(10);
      });
      it('replays identically after a JSON round trip', () => {
        const ops = c.valid(counter);
        const again = JSON.parse(JSON.stringify(ops)) as unknown;
        expect(canonical(plan(counter, again).model)).toBe(canonical(plan(counter, ops).model));
      });
    });
  }
});

describe('meaning checks', () => {
  const each = nodesOfType(todo, 'Each')[0];
  const heading = nodesOfType(todo, 'Heading')[0];

  it('names the failing op and field', () => {
    const error = refused(todo, [
      { op: 'setMeta', name: 'title', value: 'ok' },
      { op: 'setProp', id: heading.id, name: 'level', value: 9 }
    ]);
    expect(error).toMatchObject({ code: 'E_PROP_TYPE', op: 1, path: '/1/value' });
  });

  it('refuses a value kind the prop does not take', () => {
    expect(
      refused(todo, [
        { op: 'setProp', id: heading.id, name: 'text', value: { $handler: 'addItem' } }
      ]).code
    ).toBe('E_PROP_KIND');
    expect(
      refused(todo, [{ op: 'setProp', id: each.id, name: 'as', value: { $expr: 'x' } }]).code
    ).toBe('E_PROP_KIND');
  });

  it('refuses references to handlers and state that do not exist', () => {
    const button = nodesOfType(todo, 'Button')[0];
    expect(
      refused(todo, [
        { op: 'setProp', id: button.id, name: 'onClick', value: { $handler: 'nope' } }
      ]).code
    ).toBe('E_HANDLER_NOT_FOUND');
    const input = nodesOfType(todo, 'TextInput')[0];
    expect(
      refused(todo, [{ op: 'setProp', id: input.id, name: 'value', value: { $bind: 'nope' } }]).code
    ).toBe('E_STATE_NOT_FOUND');
    expect(
      refused(todo, [{ op: 'setProp', id: input.id, name: 'value', value: { $bind: 'nextId' } }])
        .code
    ).toBe('E_BIND_TYPE');
  });

  it('refuses children under a leaf and moves across components', () => {
    expect(refused(todo, [{ op: 'addNode', parent: heading.id, type: 'Text' }]).code).toBe(
      'E_NOT_A_CONTAINER'
    );
    const error = refused(todo, [
      { op: 'addComponent', name: 'Other', id: 'o' },
      { op: 'moveNode', id: heading.id, parent: 'o' }
    ]);
    expect(error.code).toBe('E_MOVE_ACROSS_COMPONENTS');
  });

  it('refuses a component that would contain itself', () => {
    const error = refused(todo, [
      { op: 'addComponent', name: 'Loop', id: 'l' },
      { op: 'addNode', parent: 'l', type: 'Loop' }
    ]);
    expect(error).toMatchObject({ code: 'E_COMPONENT_RECURSION', op: 1 });
  });

  it('refuses removing a component still in use', () => {
    const error = refused(todo, [
      { op: 'addComponent', name: 'Row' },
      { op: 'addNode', parent: rootOf(todo), type: 'Row' },
      { op: 'removeComponent', name: 'Row' }
    ]);
    expect(error).toMatchObject({ code: 'E_COMPONENT_IN_USE', op: 2 });
  });

  it('maps temporary ids and refuses reused ones', () => {
    const p = plan(todo, [
      {
        op: 'addNode',
        parent: rootOf(todo),
        type: 'Card',
        id: 'box',
        children: [{ type: 'Text', id: 'label', props: { text: 'hi' } }]
      },
      { op: 'moveNode', id: 'label', parent: rootOf(todo), index: 0 }
    ]);
    expect(childrenOf(p.model, rootOf(todo))[0]).toBe(p.idMap.label);
    expect(childrenOf(p.model, p.idMap.box)).toEqual([]);
    expect(
      refused(todo, [{ op: 'addNode', parent: rootOf(todo), type: 'Text', id: heading.id }]).code
    ).toBe('E_TEMP_ID_TAKEN');
    expect(
      refused(todo, [
        { op: 'addNode', parent: rootOf(todo), type: 'Text', id: 'a' },
        { op: 'addNode', parent: rootOf(todo), type: 'Text', id: 'a' }
      ]).code
    ).toBe('E_TEMP_ID_DUPLICATE');
  });

  it('tells which op failed when a later op names its temporary id', () => {
    const result = planOps(todo, [
      { op: 'addNode', parent: rootOf(todo), type: 'Buttn', id: 'b' },
      { op: 'setProp', id: 'b', name: 'label', value: 'x' }
    ]);
    expect(result.ok).toBe(false);
    const errors = (result as Rejection).errors;
    expect(errors.map((e) => e.code)).toEqual(['E_UNKNOWN_TYPE', 'E_NODE_NOT_FOUND']);
    expect(errors[0].message).toContain('did you mean "Button"');
    expect(errors[1].message).toContain('op 0');
  });

  it('refuses an index past the end', () => {
    expect(
      refused(todo, [{ op: 'addNode', parent: rootOf(todo), index: 99, type: 'Text' }]).code
    ).toBe('E_INDEX_RANGE');
  });

  it('inserts between siblings that share an order key (left by concurrent inserts)', () => {
    const root = rootOf(todo);
    const kids = childrenOf(todo, root);
    // Give the first two children the same key, as two peers inserting at one spot would.
    const nodes = new Map(todo.nodes);
    nodes.set(kids[1], { ...nodes.get(kids[1])!, order: nodes.get(kids[0])!.order });
    const tied: AppModel = { ...todo, nodes };
    const p = plan(tied, [{ op: 'addNode', parent: root, index: 1, type: 'Divider', id: 'd' }]);
    expect(childrenOf(p.model, root).slice(0, 3)).toEqual(
      [kids[0], p.idMap.d, kids[1]].sort((a, b) => (a === kids[0] ? -1 : b === kids[0] ? 1 : 0))
    );
    const orders = childrenOf(p.model, root).map((id) => p.model.nodes.get(id)!.order);
    expect(orders.slice(0, 3)).toEqual([...orders.slice(0, 3)].sort());
    expect(new Set(orders.slice(1, 3)).size).toBe(2);
  });

  it('honours roles', () => {
    const ops = [{ op: 'setMeta', name: 'title', value: 'x' }];
    for (const role of ['viewer', 'user'] as const) {
      const result = planOps(todo, ops, { id: 'v', role });
      expect(result.ok ? '' : result.errors[0].code).toBe('E_FORBIDDEN');
    }
    const caps = [{ op: 'setCapabilities', component: 'App', capabilities: { random: true } }];
    const editor = planOps(todo, caps, { id: 'e', role: 'editor' });
    expect(editor.ok ? '' : editor.errors[0].code).toBe('E_NEEDS_OWNER');
    expect(planOps(todo, caps, { id: 'o', role: 'owner' }).ok).toBe(true);
  });

  it('runs the verify stage it is handed, after planning', () => {
    const seen: string[] = [];
    const result = planOps(
      todo,
      [{ op: 'setHandler', component: 'App', name: 'x', body: 'oops(' }],
      undefined,
      {
        verify: (model, touched) => {
          seen.push(...touched);
          return [{ code: 'E_FIELD_VALUE', message: 'handler x does not parse' }];
        }
      }
    );
    expect(result.ok).toBe(false);
    expect(seen).toEqual([componentByName(todo, 'App')!.id]);
  });

  it('migrates data with the migrator it is handed', () => {
    const p = planOps(
      counter,
      [
        {
          op: 'retypeState',
          component: 'App',
          name: 'count',
          type: 'string',
          migrate: 'String(value)'
        }
      ],
      undefined,
      {
        migrate: (_expr, value) => ({ ok: true, value: String(value) })
      }
    );
    expect(p.ok && p.model.data.count).toBe('0');
    const bad = planOps(
      counter,
      [{ op: 'retypeState', component: 'App', name: 'count', type: 'string', migrate: 'value' }],
      undefined,
      {
        migrate: (_expr, value) => ({ ok: true, value })
      }
    );
    expect(bad.ok ? '' : bad.errors[0].code).toBe('E_MIGRATE_FAILED');
  });
});

describe('addresses in links and images', () => {
  const model = template('todo');
  const root = rootOf(model);
  for (const [type, prop, bad] of [
    ['Link', 'href', 'javascript:alert(1)'],
    ['Link', 'href', ' data:text/html,<script>'],
    ['Image', 'src', 'javascript:alert(1)'],
    ['Image', 'src', 'file:///etc/passwd']
  ] as const) {
    it(`refuses ${type}.${prop} = ${JSON.stringify(bad)}`, () => {
      expect(
        refused(model, [{ op: 'addNode', parent: root, type, props: { [prop]: bad } }]).code
      ).toBe('E_PROP_TYPE');
    });
  }
  it('takes http(s), mailto:, paths, anchors and empty addresses', () => {
    const ops = ['https://example.com', 'mailto:a@b.c', '/about', '#top', ''].map((href) => ({
      op: 'addNode',
      parent: root,
      type: 'Link',
      props: { href }
    }));
    expect(
      planOps(model, [
        ...ops,
        { op: 'addNode', parent: root, type: 'Image', props: { src: 'data:image/png;base64,AA==' } }
      ]).ok
    ).toBe(true);
  });
});
