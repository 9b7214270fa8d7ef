/**
 * The handler stage of a dry run, host side (the worker side is sandbox/exercise.js): which
 * handlers a change makes new or changes, the synthetic event each element sends (from the
 * element schemas' `x-event`), and the verdict on what each handler did when the dry run ran
 * it: threw, ran away, or left state that does not match the declared types. Any of these
 * refuses the change with a coded error before it is applied, not when someone clicks.
 */
import { catalogError, type EditError } from '../errors';
import { rootComponent, type AppModel } from '../model/types';
import { ELEMENTS } from '../schema/elements';
import { checkState } from './state-check';

/** A handler by component id and name, as the worker's `exercise` list names it. */
export type HandlerName = readonly [component: string, name: string];

/** What the worker reports for one handler it ran (sandbox/exercise.js `Exercised`). */
export interface Exercised {
  readonly component: string;
  readonly name: string;
  /** The key of the element it was run through, and its handler prop. */
  readonly element: string;
  readonly prop: string;
  readonly local: boolean;
  readonly state?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The handlers of `after` that are new or whose parameters or body differ from `before` (by
 * component id). Only these are run: an unchanged handler already ran in the app as it is, and
 * running every handler on every change would refuse an unrelated edit for an old handler's
 * fault.
 */
export function changedHandlers(before: AppModel | undefined, after: AppModel): HandlerName[] {
  const out: HandlerName[] = [];
  for (const component of after.components.values()) {
    const old = before?.components.get(component.id);
    for (const [name, handler] of Object.entries(component.handlers)) {
      const was = old?.handlers[name];
      if (
        !was ||
        was.body !== handler.body ||
        JSON.stringify(was.params) !== JSON.stringify(handler.params)
      )
        out.push([component.id, name]);
    }
  }
  return out;
}

/**
 * Element type → handler prop → payload field → type (`string`, `number`, `boolean`): what each
 * element sends when its handler runs, from the element schemas (a Button's `onClick` sends
 * `{}`, a TextInput's `onInput` `{ value: string }`, a Checkbox's `onChange` `{ checked }`).
 */
export const EVENT_SPECS: Readonly<Record<string, Record<string, Record<string, string>>>> =
  Object.fromEntries(
    [...ELEMENTS].map(([type, schema]) => [
      type,
      Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([, prop]) => prop['x-kinds']?.includes('handler'))
          .map(([name, prop]) => [name, { ...(prop['x-event'] ?? {}) }])
      )
    ])
  );

/** How a person would have run the handler, in words: "a click on onClick of b7k2q". */
function eventWords(e: Exercised): string {
  return `${e.prop} of element ${e.element}`;
}

/** The coded errors for what the handlers did in a dry run of `after`; empty when all went well. */
export function handlerProblems(after: AppModel, ran: readonly Exercised[]): EditError[] {
  const errors: EditError[] = [];
  for (const e of ran) {
    const component = after.components.get(e.component);
    if (!component) continue;
    const handler = `${e.name} of ${component.name}`;
    const event = eventWords(e);
    const path = `/components/${component.name}/handlers/${e.name}`;
    if (e.error) {
      errors.push(
        e.error.code === 'E_RUNAWAY'
          ? catalogError('E_HANDLER_CHECK_RUNAWAY', { handler, event }, { path })
          : catalogError(
              'E_HANDLER_CHECK_THREW',
              { handler, event, why: e.error.message.slice(0, 500) },
              { path }
            )
      );
      continue;
    }
    // The app data is the root component's state; an instance's handler writes its own.
    const owner = e.local ? component : rootComponent(after);
    if (!owner) continue;
    const checked = checkState(owner, e.state, `the state ${handler} left`);
    if (!checked.ok)
      errors.push(
        catalogError(
          'E_HANDLER_CHECK_STATE_TYPE',
          { handler, event, why: checked.error.message },
          { path }
        )
      );
  }
  return errors;
}
