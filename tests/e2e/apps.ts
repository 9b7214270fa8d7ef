/** App and share-link set-up over the owner's API client, as a script would do it. */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** A new app from the todo template; its id. */
export async function newApp(request: APIRequestContext): Promise<string> {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** A share link made over the API: the URL it answers, which is what the tests open. */
export async function link(request: APIRequestContext, id: string, role: string): Promise<string> {
  const made = await request.post(`/api/apps/${id}/links`, { data: { role, expiresIn: 3600 } });
  expect(made.status()).toBe(201);
  const { url } = (await made.json()) as { url: string };
  // A user's link opens the app page (issue 16); the others the studio.
  expect(url).toMatch(
    new RegExp(`^http://[^/]+/apps/${id}${role === 'user' ? '/use' : ''}\\?token=`)
  );
  return url;
}
