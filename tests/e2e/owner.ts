/**
 * The owner token of the browser tests' studio: playwright.config.ts starts the server with it
 * (`MALLEABLE_OWNER_TOKEN`), and fixtures.ts logs the owner's browser and API client in with it.
 * A fixed value, because the config is evaluated again in every worker process.
 */
export const OWNER_TOKEN =
  process.env.E2E_OWNER_TOKEN ?? 'malleable-e2e-owner-token-0123456789abcdef';
