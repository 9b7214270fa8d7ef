/** `DELETE`: revokes one share link of the app (owner only); its holders are refused from then on. */
import { json } from '@sveltejs/kit';
import { errorAnswer, ownerOf, sessionFor } from '$lib/server/http';
import { editError } from '$lib/ops/errors';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(locals.studio, request, params.id);
  if (owner instanceof Response) return owner;
  if (!(await locals.studio.revokeLink(params.id, params.jti)))
    // The link is named in the URL: one that is not there is a 404, not a bad token's 401.
    return errorAnswer(
      [editError('E_TOKEN_INVALID', `the app has no live link “${params.jti}” to revoke`)],
      404
    );
  return json({ ok: true });
};
