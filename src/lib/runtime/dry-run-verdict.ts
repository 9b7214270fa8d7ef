/**
 * What a dry run's reply from the sandbox means for the change it tried: the view it rendered,
 * or why the change must not get through the gate (the render failed, a nested component threw,
 * or a handler it exercised threw, ran away or left state of the wrong type: exercise.ts).
 */
import type { AppModel } from '../model/types';
import { handlerProblems, type Exercised } from './exercise';
import { containedErrors, fail, failure, wireError } from './failure';
import type { ViewResult } from './results';
import { decodeView } from './view';
import type { Reply } from './watchdog';

/** The verdict on `model`'s dry run from the sandbox's `reply`. */
export function dryRunVerdict(model: AppModel, reply: Reply): ViewResult {
  if (reply.t !== 'view') return failure([wireError(reply)]);
  // A dry run's view is whole (base 0) and never becomes the view the host holds.
  const view = decodeView(reply.view, null);
  if (!view) return fail('E_RENDER', 'the sandbox sent a view the host cannot read');
  // A nested component that threw renders as an error in its place (the running app stays up),
  // but a change that makes one throw must not get through the gate.
  const broken = containedErrors(view);
  if (broken.length > 0) return failure(broken);
  const handled = Array.isArray(reply.exercised)
    ? handlerProblems(model, reply.exercised as Exercised[])
    : [];
  if (handled.length > 0) return failure(handled);
  return { ok: true, view };
}
