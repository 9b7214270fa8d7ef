/**
 * The assistant benchmark's corpus (tests/fixtures/assist-corpus/, read by
 * tests/bench/assist-corpus.ts): the fixture files load into the same requests the benchmark used
 * to write as code, every hand-written batch resolves its references to nodes of its base app and
 * plans, and the CRM app builds from its folder.
 */
import { describe, expect, it } from 'vitest';
import { appJsx } from '../../src/lib/code/jsx';
import { seededIds } from '../../src/lib/model/ids';
import { planOps, type Actor } from '../../src/lib/ops/plan';
import {
  APP_REQUESTS,
  TEMPLATE_REQUESTS,
  buildBatch,
  crmApp,
  resolveReferences,
  templateApp,
  type BaseApp,
  type ChangeRequest
} from '../bench/assist-corpus';

const OWNER: Actor = { id: 'test', name: 'Test', role: 'owner' };
const apps = new Map<string, BaseApp>([
  ...['blank', 'counter', 'todo', 'form'].map((n): [string, BaseApp] => [n, templateApp(n)]),
  ['crm', crmApp()]
]);
const all: readonly ChangeRequest[] = [...TEMPLATE_REQUESTS, ...APP_REQUESTS];
const byHand = (message: string) => {
  const request = all.find((r) => r.message === message)!;
  return request.byHand!(apps.get(request.base)!);
};

describe('the assistant corpus', () => {
  it('holds the requests the benchmark counts, in their order', () => {
    expect(TEMPLATE_REQUESTS.map((r) => r.base)).toEqual([
      ...Array(6).fill('blank'),
      ...Array(6).fill('counter'),
      ...Array(7).fill('todo'),
      ...Array(7).fill('form')
    ]);
    expect(TEMPLATE_REQUESTS.filter((r) => !r.byHand)).toHaveLength(19);
    expect(APP_REQUESTS).toHaveLength(20);
    expect(APP_REQUESTS.every((r) => r.group === 'app' && r.base === 'crm')).toBe(true);
    expect(APP_REQUESTS.filter((r) => !r.byHand)).toHaveLength(10);
    expect(TEMPLATE_REQUESTS[0].message).toBe("add a heading 'Welcome' at the top");
    expect(new Set(all.map((r) => r.message)).size).toBe(all.length - 1); // "add a dark mode toggle" twice
  });

  it('builds the CRM app from its folder: five components, a JSX form over 750 lines', () => {
    const batch = buildBatch('crm');
    expect(batch[0]).toEqual({ op: 'addComponent', name: 'App', id: 'root' });
    expect(batch.filter((op) => op.op === 'addNode' && op.parent === 'root')).toHaveLength(10);
    const crm = apps.get('crm')!.model;
    expect(crm.components.size).toBe(5);
    expect(appJsx(crm).split('\n').length).toBeGreaterThan(750);
    // A handler body written as lines reads back as one string.
    const addContact = batch.find((op) => op.op === 'setHandler' && op.name === 'addContact');
    expect(addContact).toMatchObject({ body: expect.stringContaining('\nstate.nextId += 1;\n') });
  });

  it('resolves every reference of a hand-written batch, and the batch plans on its app', () => {
    for (const request of all.filter((r) => r.byHand)) {
      const app = apps.get(request.base)!;
      const { summary, ops } = request.byHand!(app);
      expect(summary.length, request.message).toBeGreaterThan(0);
      expect(JSON.stringify(ops), request.message).not.toMatch(
        /"\$(node|nodeContaining|parent|child|indexAfter|root|built|renameState|lines)"/
      );
      const plan = planOps(app.model, ops, OWNER, { ids: seededIds(5) });
      expect(plan.ok, `${request.message}: ${plan.ok ? '' : JSON.stringify(plan.errors)}`).toBe(
        true
      );
    }
  });

  it('resolves each kind of reference to the node the request means', () => {
    const counter = apps.get('counter')!;
    expect(byHand('add a button that doubles the count').ops[1]).toMatchObject({
      op: 'addNode',
      parent: counter.parent(counter.node('Button', 'Reset'))
    });
    const form = apps.get('form')!;
    const area = form.node('TextArea');
    expect(byHand('show a character count under the message box').ops[0]).toMatchObject({
      parent: form.parent(area),
      index: form.model.children.get(form.parent(area))!.indexOf(area) + 1
    });
    const todo = apps.get('todo')!.model;
    const left = byHand('show how many are done next to how many are left').ops[0];
    expect(left.op === 'setProp' && todo.nodes.get(left.id)?.type).toBe('Text');
    const crm = apps.get('crm')!;
    const lost = byHand("add a 'Lost' stage to the pipeline").ops;
    expect(lost[0]).toMatchObject({ id: crm.built('pipeline') });
    expect(lost[1]).toMatchObject({ id: crm.model.children.get(crm.built('pipeline'))![0] });
    expect(byHand('rename the search field to query').ops[0]).toMatchObject({
      op: 'renameState',
      from: 'search',
      to: 'query'
    });
    const blank = apps.get('blank')!.model;
    expect(
      byHand('make a login form with an email, a password and a sign-in button').ops[4]
    ).toMatchObject({ parent: blank.components.get(blank.meta.root)!.root });
  });

  it('leaves op values alone and refuses a node reference outside a request', () => {
    const value = { $expr: 'state.count', more: [{ $handler: 'go' }, { $bind: 'name' }] };
    expect(resolveReferences(value)).toEqual(value);
    expect(resolveReferences({ body: { $lines: ['a', 'b'] } })).toEqual({ body: 'a\nb' });
    expect(() => resolveReferences({ $node: ['Button'] })).toThrow(/outside a request/);
  });
});
