/**
 * Server start: the studio server (database, collaboration) comes up with the process, and the
 * HTTP server outside SvelteKit gets its WebSocket and shutdown entry points (see runtime.ts).
 * Per request: whether it is the person at the machine, who owns a local start (local.ts).
 */
import { json, type Handle, type ServerInit } from '@sveltejs/kit';
import { registerRuntime } from '$lib/server/runtime';
import { isLocalOwner, markLocal } from '$lib/server/local';
import { studioServer } from '$lib/server/studio';

export const init: ServerInit = () => {
  registerRuntime();
};

export const handle: Handle = async ({ event, resolve }) => {
  let address: string | undefined;
  try {
    address = event.getClientAddress();
  } catch {
    address = undefined;
  }
  if (isLocalOwner(address, event.request.headers)) {
    markLocal(event.request);
    return resolve(event);
  }
  // Anyone else comes with a share link: only to its app, and only with a token that works.
  const path = event.url.pathname;
  if (path.startsWith('/_app/') || path === '/favicon.svg') return resolve(event);
  const app = /^\/(?:api\/)?apps\/([a-z2-9]{10})(?:\/|$)/.exec(path)?.[1];
  const bearer = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '')?.[1];
  const token = bearer ?? event.url.searchParams.get('token');
  const verified = app && token ? await studioServer().links.verify(token, app) : null;
  if (verified?.ok) return resolve(event);
  // The assistant's calls name their app in the body; the route checks the token against it.
  if (path.startsWith('/api/assist') && bearer) return resolve(event);
  const error = verified
    ? verified.error
    : {
        code: 'E_TOKEN_INVALID',
        message: 'this studio is open to its owner on this machine; others need a share link'
      };
  return path.startsWith('/api/')
    ? json({ ok: false, errors: [error] }, { status: 401 })
    : new Response(`${error.message} (${error.code})`, {
        status: 401,
        headers: { 'content-type': 'text/plain; charset=utf-8' }
      });
};
