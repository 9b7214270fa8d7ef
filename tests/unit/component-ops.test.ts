/**
 * The component-prop ops (declareProp, removeDeclaredProp) and extractComponent ("Make component
 * from selection"): each planned, refused with its code, and written through the real edit path
 * with the compile gate, so an extracted component compiles and its instance renders in place.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, componentByName, type AppModel } from '../../src/lib/model/types';
import { readModel } from '../../src/lib/model/ydoc';
import { planOps, type Plan, type Rejection } from '../../src/lib/ops/plan';
import { commitBatch } from '../../src/lib/ops/commit';
import { gateVerifier } from '../../src/lib/code/gate';
import { declarePropOps, suggestComponentName } from '../../src/lib/editor/component-props';
import { canonical, nodesOfType, rootOf, template, templateDoc } from './helpers';

function plan(model: AppModel, ops: unknown): Plan {
  const result = planOps(model, ops, undefined, { ids: seededIds(5) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function refused(model: AppModel, ops: unknown): Rejection['errors'][number] {
  const before = canonical(model);
  const result = planOps(model, ops, undefined, { ids: seededIds(5) });
  expect(result.ok).toBe(false);
  expect(canonical(model)).toBe(before);
  return (result as Rejection).errors[0];
}

/** The todo app with a plain card (a heading, a text and a badge; no state) at the end of App. */
function withCard(): { model: AppModel; card: string } {
  const model = template('todo');
  const p = plan(model, [
    {
      op: 'addNode',
      parent: rootOf(model),
      id: 'card',
      type: 'Card',
      props: { title: 'Tips', style: { padding: 'lg' } },
      children: [
        { type: 'Heading', props: { text: 'Hello', level: 3 } },
        { type: 'Text', props: { text: 'Plain words' } },
        { type: 'Badge', props: { text: 'new' } }
      ]
    }
  ]);
  return {
    model: p.model,
    card: nodesOfType(p.model, 'Card').find((n) => n.props.title === 'Tips')!.id
  };
}

describe('declareProp and removeDeclaredProp', () => {
  it('declares, retypes and removes a prop; the instance value goes with it', () => {
    const { model, card } = withCard();
    const extracted = plan(model, [{ op: 'extractComponent', id: card, name: 'Tips' }]).model;
    const declared = plan(extracted, [
      { op: 'declareProp', component: 'Tips', name: 'label', type: 'string', default: 'Hi' }
    ]);
    expect(componentByName(declared.model, 'Tips')!.props).toEqual({
      label: { type: 'string', default: 'Hi' }
    });
    expect(declared.summary).toBe('Added prop label of Tips');
    const instance = nodesOfType(declared.model, 'Tips')[0];
    const set = plan(declared.model, [
      { op: 'setProp', id: instance.id, name: 'label', value: 'Read me' }
    ]).model;
    // A retype the instance's literal does not fit is refused, naming the instance.
    const bad = refused(set, [
      { op: 'declareProp', component: 'Tips', name: 'label', type: 'number' }
    ]);
    expect(bad.code).toBe('E_PROP_TYPE');
    expect(bad.message).toContain(instance.id);
    const removed = plan(set, [{ op: 'removeDeclaredProp', component: 'Tips', name: 'label' }]);
    expect(componentByName(removed.model, 'Tips')!.props).toEqual({});
    expect(removed.model.nodes.get(instance.id)!.props).toEqual({});
  });

  it('refuses a reserved name, a bad default and an unknown prop', () => {
    const model = template('counter');
    const app = [...model.components.values()][0].name;
    expect(
      refused(model, [{ op: 'declareProp', component: app, name: 'constructor', type: 'string' }])
        .code
    ).toBe('E_NAME_RESERVED');
    expect(
      refused(model, [
        { op: 'declareProp', component: app, name: 'n', type: 'number', default: 'x' }
      ]).code
    ).toBe('E_STATE_TYPE_MISMATCH');
    expect(refused(model, [{ op: 'removeDeclaredProp', component: app, name: 'nope' }]).code).toBe(
      'E_PROP_UNKNOWN'
    );
    expect(
      refused(model, [{ op: 'declareProp', component: 'Nope', name: 'x', type: 'string' }]).code
    ).toBe('E_COMPONENT_NOT_FOUND');
  });
});

describe('extractComponent', () => {
  it('moves the subtree into a new component and leaves an instance in its place', () => {
    const { model, card } = withCard();
    const parent = model.nodes.get(card)!.parent!;
    const position = childrenOf(model, parent).indexOf(card);
    const p = plan(model, [{ op: 'extractComponent', id: card, name: 'TipsCard' }]);
    const after = p.model;
    expect(after.nodes.has(card)).toBe(false);
    const tips = componentByName(after, 'TipsCard')!;
    const root = after.nodes.get(tips.root)!;
    expect(root).toMatchObject({ type: 'Card', parent: null, component: tips.id });
    expect(root.props).toEqual({ title: 'Tips', style: { padding: 'lg' } });
    expect(childrenOf(after, tips.root).map((id) => after.nodes.get(id)!.type)).toEqual([
      'Heading',
      'Text',
      'Badge'
    ]);
    for (const id of childrenOf(after, tips.root))
      expect(after.nodes.get(id)!.component).toBe(tips.id);
    const instanceId = childrenOf(after, parent)[position];
    expect(after.nodes.get(instanceId)).toMatchObject({ type: 'TipsCard', props: {} });
    expect(after.nodes.size).toBe(model.nodes.size + 1);
    expect(p.summary).toBe('Made component TipsCard from Card "Tips" (4 elements)');
  });

  it('refuses a subtree that uses state, handlers or loop variables, naming each use', () => {
    const model = template('todo');
    // The todo list's Each row uses its loop variable and the app's handlers.
    const each = nodesOfType(model, 'Each')[0];
    const row = childrenOf(model, each.id)[0];
    const err = refused(model, [{ op: 'extractComponent', id: row, name: 'Row' }]);
    expect(err.code).toBe('E_EXTRACT_REFERENCES');
    expect(err.message).toMatch(/loop variable|handler|state\./);
    // The Each itself reads state.
    const eachErr = refused(model, [{ op: 'extractComponent', id: each.id, name: 'List' }]);
    expect(eachErr.code).toBe('E_EXTRACT_REFERENCES');
    expect(eachErr.message).toContain('state.');
  });

  it('refuses the root, a taken name and a built-in name', () => {
    const { model, card } = withCard();
    expect(refused(model, [{ op: 'extractComponent', id: rootOf(model), name: 'X' }]).code).toBe(
      'E_EXTRACT_ROOT'
    );
    expect(refused(model, [{ op: 'extractComponent', id: card, name: 'App' }]).code).toBe(
      'E_NAME_TAKEN'
    );
    expect(refused(model, [{ op: 'extractComponent', id: card, name: 'Card' }]).code).toBe(
      'E_NAME_RESERVED'
    );
    expect(refused(model, [{ op: 'extractComponent', id: 'nope', name: 'X' }]).code).toBe(
      'E_NODE_NOT_FOUND'
    );
  });

  it('passes the compile gate and is one write (one undo step) on a document', () => {
    const { doc, origin } = templateDoc('todo');
    const add = commitBatch(
      doc,
      [
        {
          op: 'addNode',
          parent: rootOf(readModel(doc)),
          type: 'Card',
          props: { title: 'Tips' },
          children: [{ type: 'Text', props: { text: 'x' } }]
        }
      ],
      origin,
      { verify: gateVerifier(), ids: seededIds(9) }
    );
    expect(add.ok).toBe(true);
    const before = readModel(doc);
    const card = nodesOfType(before, 'Card').find((n) => n.props.title === 'Tips')!;
    const undo = new Y.UndoManager(
      [doc.getMap('components'), doc.getMap('nodes'), doc.getMap('props')],
      { trackedOrigins: new Set([origin]) }
    );
    const result = commitBatch(
      doc,
      [{ op: 'extractComponent', id: card.id, name: 'Tips' }],
      origin,
      {
        verify: gateVerifier(),
        ids: seededIds(10)
      }
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const after = readModel(doc);
    expect(componentByName(after, 'Tips')).toBeDefined();
    expect(nodesOfType(after, 'Tips')).toHaveLength(1);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(canonical(readModel(doc))).toBe(canonical(before));
  });
});

describe('the inspector’s component batches', () => {
  it('suggests a free PascalCase name from the title, else from the type', () => {
    const { model, card } = withCard();
    const node = model.nodes.get(card)!;
    expect(suggestComponentName(model, node)).toBe('Tips');
    const taken = plan(model, [{ op: 'addComponent', name: 'Tips' }]).model;
    expect(suggestComponentName(taken, node)).toBe('Tips2');
    const plain = { ...node, props: {} };
    expect(suggestComponentName(model, plain)).toBe('CardPart');
    const odd = { ...node, props: { title: '3 quick tips!' } };
    expect(suggestComponentName(model, odd)).toBe('Card3QuickTips');
    expect(declarePropOps('Tips', ' label ', 'number')).toEqual([
      { op: 'declareProp', component: 'Tips', name: 'label', type: 'number', default: 0 }
    ]);
  });
});
