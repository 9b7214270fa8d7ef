/**
 * `POST {appId, ops, chosen?, prompt?, approved?, sv?}`: applies an AI proposal (or the ops at
 * the `chosen` indices) as one change of the asker, with the request in the history. Planned
 * again against the app as it is now; a conflict or an op that needs a left-out one is a 422
 * with the coded errors, and nothing is applied.
 */
import { catalogError } from '$lib/errors';
import { applyProposal } from '$lib/server/assist';
import { actorOf, changeAnswer, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as Record<string, unknown>;
  if (typeof body.appId !== 'string')
    return errorAnswer([
      catalogError('E_FIELD_MISSING', { owner: 'the request', field: 'appId' }, { path: '/appId' })
    ]);
  const session = await sessionFor(locals.studio, body.appId);
  if (session instanceof Response) return session;
  const actor = await actorOf(locals.studio, request, body.appId);
  if (actor instanceof Response) return actor;
  const result = await applyProposal(session, actor, body);
  return await changeAnswer(session, result, body.sv, actor);
};
