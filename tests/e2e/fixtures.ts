/**
 * The browser tests' `test`: the default browser context is the owner's, logged in the way a
 * person is, by opening the start-up link (`/?owner=TOKEN`, which sets the owner cookie and
 * redirects); the `request` API client is a script with the owner token as its bearer token.
 * Contexts a test makes itself with `browser.newContext()` stay cookie-less: share-link holders,
 * or a stranger.
 */
import { expect, test as base } from '@playwright/test';
import { OWNER_TOKEN } from './owner';

export const test = base.extend({
  context: async ({ context }, use) => {
    const login = await context.request.get(`/?owner=${OWNER_TOKEN}`);
    expect(login.ok()).toBe(true);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name === 'malleable_owner' && c.httpOnly)).toBe(true);
    await use(context);
  },
  request: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${OWNER_TOKEN}` }
    });
    await use(request);
    await request.dispose();
  }
});

export { expect };
