/**
 * The templates a new app starts from. Each is a batch of ops applied to an empty app through the
 * same planner as every other edit, so a template can never hold what an edit could not make.
 * Every template's root component is named App.
 */
import { emptyModel, type AppModel, type Op } from '../model/types';
import { planOps } from '../ops/plan';
import type { IdSource } from '../model/ids';
import { counter } from './counter';
import { todo } from './todo';
import { form } from './form';

/** Template name → its ops. */
export const TEMPLATES: Readonly<Record<string, readonly Op[]>> = {
  blank: [
    { op: 'addComponent', name: 'App', id: 'root' },
    { op: 'setProp', id: 'root', name: 'padding', value: 'lg' }
  ],
  counter,
  todo,
  form
};

/** Names of the templates, for menus and the CLI's usage text. */
export const TEMPLATE_NAMES = Object.keys(TEMPLATES);

/** Builds a template's model; throws if the template itself is broken (a bug, caught by the tests). */
export function templateModel(name: string, ids?: IdSource): AppModel {
  const ops = TEMPLATES[name];
  if (!ops) throw new Error(`unknown template ${name}`);
  const plan = planOps(emptyModel(), ops, undefined, { ids });
  if (!plan.ok) throw new Error(`template ${name} does not plan: ${JSON.stringify(plan.errors)}`);
  return plan.model;
}
