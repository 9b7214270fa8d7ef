/**
 * Issue 15, the character counter said in more ways (never a corpus's sentence): as what an input
 * needs, and as a new box that comes with its counter on any app (the blank template too); and a
 * search box said by what it is for. Counts run in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { componentByName, type AppModel } from '../../src/lib/model/types';
import { type Plan } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
  gate.dispose();
});

const form = template('form');
const blank = template('blank');
const todo = template('todo');

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

const added = (plan: Plan & { ok: true }, before: AppModel, type: string) =>
  nodesOfType(plan.model, type).filter((n) => !before.nodes.has(n.id));

describe('a counter said as what an input needs', () => {
  it('reads "needs", "should have", "give … a" and a little counter', () => {
    for (const [said, expr] of [
      ['the message box needs a little letter counter', "state.message.length + ' characters'"],
      [
        'the message should have a word count',
        "(state.message.trim() ? state.message.trim().split(/\\s+/).length : 0) + ' words'"
      ],
      ['give the name field a character limit of 40', "state.name.length + ' / 40 characters'"],
      ['add a small character counter under the message', "state.message.length + ' characters'"]
    ]) {
      const texts = added(change(form, said), form, 'Text');
      expect(
        texts.map((t) => (t.props.text as { $expr: string }).$expr),
        said
      ).toEqual([expr]);
    }
  });
});

describe('a new box with its counter', () => {
  it('adds a text area, its field and the counter on the blank app', async () => {
    for (const [said, field, expr] of [
      [
        "an sms box that shows how many of the 160 letters i've got left",
        'sms',
        "(160 - state.sms.length) + ' characters left'"
      ],
      [
        'add a tweet box with a 280 character limit',
        'tweet',
        "state.tweet.length + ' / 280 characters'"
      ],
      [
        'a bio field that counts the words',
        'bio',
        "(state.bio.trim() ? state.bio.trim().split(/\\s+/).length : 0) + ' words'"
      ]
    ]) {
      const plan = change(blank, said);
      expect(componentByName(plan.model, 'App')!.state[field]?.type, said).toBe('string');
      expect(added(plan, blank, 'TextArea')[0].props.value).toEqual({ $bind: field });
      expect((added(plan, blank, 'Text')[0].props.text as { $expr: string }).$expr).toBe(expr);
    }
    const plan = change(blank, "an sms box that shows how many of the 160 letters i've got left");
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(
      all(host.view!)
        .filter((n) => n.type === 'Text')
        .map((n) => n.props.text)
    ).toContain('160 characters left');
  });

  it('leaves a box whose purpose is not a count to the other rules', () => {
    expect(offlinePlan(blank, 'add a box that sends stuff').kind).not.toBe('batch');
  });
});

describe('a search box said by what it is for', () => {
  it('drops the purpose and reads "above the tasks" as the list', () => {
    for (const said of [
      'filter box above the todos so we can type and only see the matching ones',
      'add a box to filter the tasks as I type',
      'a search bar above my tasks so I can find things'
    ]) {
      const plan = change(todo, said);
      const each = nodesOfType(plan.model, 'Each')[0];
      expect((each.props.items as { $expr: string }).$expr, said).toMatch(/filter\(.*includes\(/);
      expect(added(plan, todo, 'TextInput').length).toBe(1);
    }
  });
});
