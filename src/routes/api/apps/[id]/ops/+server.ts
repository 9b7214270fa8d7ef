/**
 * `POST {ops, source?, sv?}`: applies a batch of ops as the person asking, through the one edit
 * path (plan, compile gate, sandbox dry run, commit). 200 with the summary, 422 with the coded
 * errors (nothing written), 403 for a role that may not; either way the replica update since `sv`.
 */
import { actorOf, changeAnswer, readBody, sessionFor } from '$lib/server/http';
import type { EditSource } from '$lib/ops/commit';
import type { RequestHandler } from './$types';

const SOURCES: readonly EditSource[] = ['visual', 'code', 'api', 'ai'];

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as { ops?: unknown; source?: unknown; sv?: unknown };
  const ops = Array.isArray(read.body) ? read.body : body.ops;
  const source = SOURCES.find((s) => s === body.source) ?? 'api';
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.apply(actor, ops, { source });
  return await changeAnswer(session, result, body.sv, actor);
};
