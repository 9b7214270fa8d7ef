/**
 * Renaming a state field with its readers: every expression and handler that reads it is
 * rewritten, strings and locals of the same name are not, and the batch plans and passes the gate.
 */
import { describe, expect, it } from 'vitest';
import { renameStateBatch } from '../../src/lib/code/rename';
import { planOps } from '../../src/lib/ops/plan';
import { CompileGate } from '../../src/lib/code/gate';
import { templateModel } from '../../src/lib/templates';
import { componentByName } from '../../src/lib/model/types';

const gate = new CompileGate();

describe('renameStateBatch', () => {
  it('renames draft in the todo: the binding, the Add button and the handler follow', () => {
    const todo = templateModel('todo');
    const batch = renameStateBatch(todo, 'App', 'draft', 'text');
    if (!batch.ok) throw new Error('batch');
    const plan = planOps(todo, batch.ops);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const app = componentByName(plan.model, 'App')!;
    expect(Object.keys(app.state)).toContain('text');
    expect(app.handlers.addItem.body).toContain('state.text.trim()');
    expect(app.handlers.addItem.body).toContain("state.text = ''");
    expect(app.handlers.addItem.body).not.toContain('draft');
    const json = JSON.stringify([...plan.model.nodes.values()].map((n) => n.props));
    expect(json).toContain('{"$bind":"text"}');
    expect(json).toContain("state.text.trim() === ''");
    expect(json).not.toContain('draft');
    expect(gate.compile(plan.model).errors).toEqual([]);
  });

  it('leaves strings, other objects and shadowing locals alone, and handles the other forms', () => {
    const todo = templateModel('todo');
    const extra = planOps(todo, [
      {
        op: 'setHandler',
        component: 'App',
        name: 'odd',
        body: "const { draft } = state;\nconst other = { draft: 1 };\nconst label = 'state.draft';\nstate['draft'] = draft + label + other.draft;"
      }
    ]);
    if (!extra.ok) throw new Error(JSON.stringify(extra.errors));
    const batch = renameStateBatch(extra.model, 'App', 'draft', 'text');
    if (!batch.ok) throw new Error('batch');
    const plan = planOps(extra.model, batch.ops);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(componentByName(plan.model, 'App')!.handlers.odd.body).toBe(
      'const { text: draft } = state;\nconst other = { draft: 1 };\nconst label = \'state.draft\';\nstate["text"] = draft + label + other.draft;'
    );
    expect(gate.compile(plan.model).errors).toEqual([]);
  });

  it('is only the rename when nothing reads the field, and refuses an unknown component', () => {
    const todo = templateModel('todo');
    const batch = renameStateBatch(todo, 'App', 'nextId', 'counter');
    expect(batch.ok && batch.ops.map((o) => o.op)).toEqual(['renameState', 'setHandler']);
    const missing = renameStateBatch(todo, 'Nope', 'a', 'b');
    expect(!missing.ok && missing.errors[0].code).toBe('E_COMPONENT_NOT_FOUND');
  });
});
