/**
 * Migrations run before planning. planOps is pure and synchronous; the sandbox that evaluates a
 * `retypeState` op's `migrate` expression lives in a worker. So the shell evaluates, ahead of the
 * plan, every migration the batch will ask for (each retyped field's current data and initial
 * value, as the model holds them), and hands planOps a Migrator that looks the results up.
 */
import type { AppModel, JsonValue } from '../model/types';
import { componentByName, rootComponent } from '../model/types';
import type { Migrator } from './plan';

/** Evaluates one migration expression of `value` in the sandbox. */
export type MigrationEvaluator = (
  source: string,
  value: JsonValue
) => Promise<{ ok: true; value: JsonValue } | { ok: false; message: string }>;

function key(source: string, value: JsonValue): string {
  return `${source}\u0000${JSON.stringify(value)}`;
}

/** Evaluates the migrations `ops` will need against `model`; returns the Migrator for planOps. */
export async function prepareMigrations(
  model: AppModel,
  ops: unknown,
  evaluate: MigrationEvaluator
): Promise<Migrator> {
  const results = new Map<string, Awaited<ReturnType<MigrationEvaluator>>>();
  const wanted: [string, JsonValue][] = [];
  const root = rootComponent(model);
  for (const op of Array.isArray(ops) ? ops : []) {
    const o = op as { op?: unknown; component?: unknown; name?: unknown; migrate?: unknown };
    if (o?.op !== 'retypeState' || typeof o.migrate !== 'string' || typeof o.name !== 'string')
      continue;
    const component =
      typeof o.component === 'string' ? componentByName(model, o.component) : undefined;
    const field =
      component && Object.hasOwn(component.state, o.name) ? component.state[o.name] : undefined;
    if (!field) continue;
    wanted.push([o.migrate, field.initial]);
    if (component === root && Object.hasOwn(model.data, o.name))
      wanted.push([o.migrate, model.data[o.name]]);
  }
  for (const [source, value] of wanted) {
    const k = key(source, value);
    if (!results.has(k)) results.set(k, await evaluate(source, value));
  }
  return (source, value) =>
    results.get(key(source, value)) ?? {
      ok: false,
      message:
        'an earlier op of the same batch changed this value, so its migration was not run; retype the field in a batch of its own'
    };
}
