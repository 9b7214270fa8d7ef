/**
 * An app's share links (owner only): `GET` lists the live ones, `POST {role, expiresIn}` makes
 * one (`expiresIn` in seconds, default 7 days) and answers `{url, token, expires}`, the url of
 * the form `ORIGIN/apps/ID?token=TOKEN`. The same token authorizes API calls as
 * `Authorization: Bearer TOKEN`, with its role.
 *
 * The link's origin is `ORIGIN` when set, else `http://` and the Host the owner's browser used
 * (the boundary already refused any Host the studio does not answer to). Not `url.origin`:
 * adapter-node says `https://` when ORIGIN is unset, and such a link does not open on a
 * plain-http studio (ERR_SSL_PROTOCOL_ERROR).
 */
import { json } from '@sveltejs/kit';
import { errorAnswer, ownerOf, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

const WEEK_S = 7 * 24 * 3600;

export const GET: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(locals.studio, request, params.id);
  if (owner instanceof Response) return owner;
  return json({ links: await locals.studio.links.list(params.id) });
};

/** The studio's address as the link's holder will open it. */
function linkOrigin(request: Request): string {
  const configured = process.env.ORIGIN;
  if (configured) return configured;
  return `http://${request.headers.get('host') ?? 'localhost'}`;
}

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(locals.studio, request, params.id);
  if (owner instanceof Response) return owner;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const { role, expiresIn } = (read.body ?? {}) as { role?: unknown; expiresIn?: unknown };
  const seconds = expiresIn === undefined ? WEEK_S : expiresIn;
  const made = await locals.studio.links.create(
    params.id,
    role,
    typeof seconds === 'number' ? seconds * 1000 : seconds
  );
  if (!made.ok) return errorAnswer([made.error]);
  const link = new URL(`/apps/${params.id}`, linkOrigin(request));
  link.searchParams.set('token', made.token);
  return json(
    {
      url: link.href,
      token: made.token,
      id: made.claims.jti,
      role: made.claims.role,
      expires: made.claims.exp
    },
    { status: 201 }
  );
};
