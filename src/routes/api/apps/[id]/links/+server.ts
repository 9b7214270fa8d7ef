/**
 * An app's share links (owner only): `GET` lists the live ones, `POST {role, expiresIn}` makes
 * one (`expiresIn` in seconds, default 7 days) and answers `{url, token, expires}`, the url of
 * the form `ORIGIN/apps/ID?token=TOKEN` (the studio), or `ORIGIN/apps/ID/use?token=TOKEN` (the
 * app page, "use this app": always for a user's link, and for any role with `page: 'app'`). The same token authorizes API calls as
 * `Authorization: Bearer TOKEN`, with its role.
 *
 * The link's origin is `ORIGIN` when set, else `http://` and the Host the owner's browser used
 * (the boundary already refused any Host the studio does not answer to). Not `url.origin`:
 * adapter-node says `https://` when ORIGIN is unset, and such a link does not open on a
 * plain-http studio (ERR_SSL_PROTOCOL_ERROR).
 */
import { json } from '@sveltejs/kit';
import { editError } from '$lib/errors';
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
  const { role, expiresIn, page } = (read.body ?? {}) as {
    role?: unknown;
    expiresIn?: unknown;
    page?: unknown;
  };
  if (page !== undefined && page !== 'app' && page !== 'studio')
    return errorAnswer([
      editError('E_FIELD_VALUE', 'page must be "app" (the app alone) or "studio"', {
        path: '/page'
      })
    ]);
  const seconds = expiresIn === undefined ? WEEK_S : expiresIn;
  const made = await locals.studio.links.create(
    params.id,
    role,
    typeof seconds === 'number' ? seconds * 1000 : seconds
  );
  if (!made.ok) return errorAnswer([made.error]);
  // A user may change the data, never the definition: their link opens the app page (the
  // studio redirects them there too).
  const appPage = page === 'app' || made.claims.role === 'user';
  const link = new URL(`/apps/${params.id}${appPage ? '/use' : ''}`, linkOrigin(request));
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
