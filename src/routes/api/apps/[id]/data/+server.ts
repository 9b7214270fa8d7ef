/**
 * `POST {prev, next, sv?}`: app data the app's own handlers produced in the browser's sandbox
 * (Use mode), checked against the declared state types before it is written.
 */
import { actorOf, changeAnswer, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import { editError } from '$lib/ops/errors';
import type { JsonValue } from '$lib/model/types';
import { plainProblem } from '$lib/model/plain';
import type { RequestHandler } from './$types';

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The first part of `prev` or `next` that is not plain JSON, as a coded error. */
function notPlain(body: Record<string, unknown>) {
  for (const part of ['prev', 'next']) {
    const problem = plainProblem(body[part]);
    if (problem)
      return editError('E_DATA_NOT_PLAIN', `${part}${problem.path}: ${problem.message}`, {
        path: `/${part}${problem.path}`
      });
  }
  return null;
}

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const { prev, next, sv } = read.body as { prev?: unknown; next?: unknown; sv?: unknown };
  if (!isRecord(prev) || !isRecord(next))
    return errorAnswer([
      editError('E_FIELD_TYPE', '"prev" and "next" must be objects of state field → value')
    ]);
  // `JSON.parse` keeps a key `__proto__` as an own key; the next copy by assignment would make it
  // a prototype (as lib0 does when the value is stored), so such data never gets that far.
  const impure = notPlain({ prev, next });
  if (impure) return errorAnswer([impure]);
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.writeData(actor, prev, next);
  return await changeAnswer(session, result, sv, actor);
};
