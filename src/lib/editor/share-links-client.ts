/**
 * The share dialog's calls to the share-link API (`/api/apps/ID/links`) with the studio's
 * headers: list the links, make one, revoke one. Refusals come back as coded errors to show.
 */
import { answerErrors, type ShownError } from './presence-view';
import type { Studio } from './studio.svelte';

/** The API's answer, or the errors to show. */
export type LinkAnswer = { ok: true; answer: unknown } | { ok: false; errors: ShownError[] };

/** Calls the share-link API of `studio`'s app: `method` on `links` + `path`, with `body` as JSON. */
export async function callLinks(
  studio: Studio,
  method: string,
  path: string,
  body?: unknown
): Promise<LinkAnswer> {
  // Every change says JSON, with a body or without: the server refuses any other (a foreign
  // page's Blob body, which skips the CORS preflight, is how it tells them apart).
  const headers: Record<string, string> = { ...studio.headers() };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`/api/apps/${studio.appId}/links${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let answer: unknown = null;
    try {
      answer = await response.json();
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    if (response.ok && (answer as { ok?: unknown } | null)?.ok !== false)
      return { ok: true, answer };
    return { ok: false, errors: answerErrors(answer, response.status) };
  } catch (e) {
    return {
      ok: false,
      errors: [{ code: 'E_IO', message: `the studio server cannot be reached: ${String(e)}` }]
    };
  }
}
