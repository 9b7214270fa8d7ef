/**
 * An app's share links (owner only): `GET` lists the live ones, `POST {role, expiresIn}` makes
 * one (`expiresIn` in seconds, default 7 days) and answers `{url, token, expires}`, the url of
 * the form `/apps/ID?token=TOKEN`. The same token authorizes API calls as
 * `Authorization: Bearer TOKEN`, with its role.
 */
import { json } from '@sveltejs/kit';
import { errorAnswer, ownerOf, readBody, sessionFor } from '$lib/server/http';
import { studioServer } from '$lib/server/studio';
import type { RequestHandler } from './$types';

const WEEK_S = 7 * 24 * 3600;

export const GET: RequestHandler = async ({ params, request }) => {
  const session = await sessionFor(params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(request, params.id);
  if (owner instanceof Response) return owner;
  return json({ links: await studioServer().links.list(params.id) });
};

export const POST: RequestHandler = async ({ params, request, url }) => {
  const session = await sessionFor(params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(request, params.id);
  if (owner instanceof Response) return owner;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const { role, expiresIn } = (read.body ?? {}) as { role?: unknown; expiresIn?: unknown };
  const seconds = expiresIn === undefined ? WEEK_S : expiresIn;
  const made = await studioServer().links.create(
    params.id,
    role,
    typeof seconds === 'number' ? seconds * 1000 : seconds
  );
  if (!made.ok) return errorAnswer(422, [made.error]);
  const link = new URL(`/apps/${params.id}`, url);
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
