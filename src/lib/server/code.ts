/**
 * The code tab's server side, as pure functions over a model: a component's JSX form, and edited
 * text read back into ops (src/lib/code/import.ts) with every error placed at its line in the
 * text. The route (src/routes/api/apps/[id]/code) adds the session: it applies the ops through
 * the one edit path and places the gate's refusals the same way.
 */
import { componentJsx } from '../code/jsx';
import { importComponent } from '../code/import';
import { componentByName, rootComponent, type AppModel, type Op } from '../model/types';
import { editError } from '../ops/errors';
import { locateError, type CodeError } from '../code/locate';

/** One component's JSX form, or E_COMPONENT_NOT_FOUND. */
export type ComponentSource =
  | { readonly ok: true; readonly component: string; readonly source: string }
  | { readonly ok: false; readonly errors: readonly CodeError[] };

/**
 * Edited text read into ops. `ops` is empty when the text says what the model already says;
 * `component` is the name the text declares (`export default function Name`).
 */
export type CodeTranslation =
  | { readonly ok: true; readonly component: string; readonly ops: readonly Op[] }
  | { readonly ok: false; readonly errors: readonly CodeError[] };

/** The JSX form of the component called `name` (the root component when null). */
export function componentSource(model: AppModel, name: string | null): ComponentSource {
  const component = name === null ? rootComponent(model) : componentByName(model, name);
  if (!component)
    return {
      ok: false,
      errors: [
        editError(
          'E_COMPONENT_NOT_FOUND',
          name === null
            ? 'the app has no root component'
            : `the app has no component “${name}”; its components are ${[
                ...model.components.values()
              ]
                .map((c) => c.name)
                .join(', ')}`
        )
      ]
    };
  return { ok: true, component: component.name, source: componentJsx(model, component.id) };
}

/**
 * Reads edited text into the ops that make `model` say what it says. Text that is not a
 * component module at all (a paste of something else) is E_IMPORT_JSX, a text that does not
 * parse E_SYNTAX, each with its line and column. `component` is the component the text was
 * opened as: when the text is exactly that component's JSX form, the answer is an empty batch
 * without parsing anything.
 */
export function translateCode(
  model: AppModel,
  source: string,
  component?: string | null
): CodeTranslation {
  if (component) {
    const current = componentByName(model, component);
    if (current && componentJsx(model, current.id) === source)
      return { ok: true, component, ops: [] };
  }
  const result = importComponent(source, model);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => locateError(e, source)) };
  return { ok: true, component: result.component, ops: result.ops };
}

/** Places the errors of a refused batch (the planner's or the gate's) in the text it came from. */
export function locateErrors(
  errors: readonly CodeError[],
  source: string,
  ops: readonly Op[]
): CodeError[] {
  return errors.map((e) => locateError(e, source, ops));
}
