/**
 * Browser tests: the built studio (adapter-node, as `npm start` runs it) on a fresh data
 * directory, driven through Debian's chromium (Playwright cannot download browsers here).
 * One worker: the machine has two cores and every page runs its own sandbox worker.
 * The studio gets a known owner token; tests import `test` from tests/e2e/fixtures.ts, whose
 * default context and API client are the owner's.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER_TOKEN } from './tests/e2e/owner';

const port = Number(process.env.E2E_PORT ?? 4179);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'malleable-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    },
    trace: 'off'
  },
  webServer: {
    command: `npx vite build --logLevel warn && node scripts/copy-sandbox.js && node server.js`,
    url: `http://127.0.0.1:${port}/api/apps`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MALLEABLE_DEMO: '0',
      MALLEABLE_OWNER_TOKEN: OWNER_TOKEN,
      BODY_SIZE_LIMIT: '8M'
    }
  }
});
