/**
 * Server start: the studio server (database, collaboration) comes up with the process, and the
 * HTTP server outside SvelteKit gets its WebSocket, request guard and shutdown entry points (see
 * runtime.ts).
 *
 * Per request, the studio server is set on `event.locals.studio` (app.d.ts): the one place a
 * request reaches the process's server; routes read it from there. Then, in this order:
 * 1. The boundary (boundary.ts): a foreign `Host` or `Origin`, another site's change, or a change
 *    whose body is not JSON is refused before anything else runs.
 * 2. The owner's start-up link: `GET ...?owner=TOKEN` sets the owner cookie and redirects to the
 *    same address without the secret (owner.ts).
 * 3. Who asks: the owner (the cookie, or the owner token as a bearer token), or a share link's
 *    holder, for its own app only. Anyone else gets a 401 saying to open the printed link.
 * Every answer carries the boundary's security headers (no framing, no sniffing, no Referer).
 */
import { json, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { editError, type EditError } from '$lib/ops/errors';
import { registerRuntime } from '$lib/server/runtime';
import { judgeRequest, SECURITY_HEADERS } from '$lib/server/boundary';
import {
  bearerOf,
  isOwnerToken,
  markOwner,
  OWNER_PARAM,
  ownerCookie,
  provesOwner
} from '$lib/server/owner';
import { studioServer } from '$lib/server/studio';
import { version } from '$app/environment';

export const init: ServerInit = () => {
  registerRuntime(version);
};

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.studio = studioServer();
  const answer = await answerFor(event, resolve);
  return withSecurityHeaders(answer);
};

async function answerFor(
  event: RequestEvent,
  resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
  const { request, url } = event;
  const path = url.pathname;
  const refusal = judgeRequest(request.method, request.headers);
  if (refusal) return refuse(path, refusal.status, refusal.error);

  const ownerToken = event.locals.studio.ownerToken;
  const offered = url.searchParams.get(OWNER_PARAM);
  if (offered !== null && (request.method === 'GET' || request.method === 'HEAD')) {
    if (!isOwnerToken(ownerToken, offered))
      return refuse(
        path,
        401,
        editError('E_LOGIN_REQUIRED', 'this owner link is not this studio’s (it may be older)')
      );
    // Redirected to the same address without the secret: it leaves the address bar and the
    // history, and a bookmark of the page does not carry it. Relative, because `url` says
    // https on a plain-http server when ORIGIN is unset.
    const clean = new URL(url);
    clean.searchParams.delete(OWNER_PARAM);
    return new Response(null, {
      status: 303,
      headers: {
        location: clean.pathname + clean.search,
        'set-cookie': ownerCookie(ownerToken, process.env.ORIGIN?.startsWith('https:') ?? false),
        'cache-control': 'no-store'
      }
    });
  }

  if (provesOwner(request.headers, ownerToken)) {
    markOwner(request);
    return resolve(event);
  }

  // Anyone else comes with a share link: only to its app, and only with a token that works.
  if (path.startsWith('/_app/') || path === '/favicon.svg') return resolve(event);
  const app = /^\/(?:api\/)?apps\/([a-z2-9]{10})(?:\/|$)/.exec(path)?.[1];
  const bearer = bearerOf(request.headers.get('authorization'));
  const token = bearer ?? url.searchParams.get('token');
  const verified = app && token ? await event.locals.studio.links.verify(token, app) : null;
  if (verified?.ok) return resolve(event);
  // The assistant's calls name their app in the body; the route checks the token against it.
  if (path.startsWith('/api/assist') && bearer) return resolve(event);
  return refuse(
    path,
    401,
    verified
      ? verified.error
      : editError(
          'E_LOGIN_REQUIRED',
          'this studio opens for its owner through the link the server printed when it started; others need a share link'
        )
  );
}

/** A refusal: JSON with the coded error for the API, a short page for a person. */
function refuse(path: string, status: number, error: EditError): Response {
  if (path.startsWith('/api/') || path.startsWith('/collab'))
    return json({ ok: false, errors: [error] }, { status });
  return new Response(refusalPage(status, error), {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
  });
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );
}

function refusalPage(status: number, error: EditError): string {
  const login =
    status === 401
      ? '<p>If this is your studio, open the link the server printed when it started (<code>…/?owner=…</code>). Anyone else needs a share link from the owner.</p>'
      : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Malleable</title></head><body><main><h1>Malleable</h1><p>${escapeHtml(error.message)} (<code>${escapeHtml(error.code)}</code>)</p>${login}</main></body></html>`;
}

/** The answer with the security headers, copied into a new one when its headers are immutable. */
function withSecurityHeaders(answer: Response): Response {
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) answer.headers.set(name, value);
    return answer;
  } catch {
    const headers = new Headers(answer.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers
    });
  }
}
