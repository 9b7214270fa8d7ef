import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run dev`: the collaboration WebSocket on Vite's own server, as server.js does in
 * production (Vite keeps its own upgrades for hot reload; this takes only `/collab`).
 */
function collaboration(): Plugin {
  return {
    name: 'malleable-collaboration',
    configureServer(server) {
      server.httpServer?.on('upgrade', (req, socket, head) => {
        if (!(req.url ?? '').startsWith('/collab')) return;
        server
          .ssrLoadModule('/src/lib/server/runtime.ts')
          .then((mod) => {
            if (!mod.registerRuntime().upgrade(req, socket, head)) socket.destroy();
          })
          .catch(() => socket.destroy());
      });
    }
  };
}

export default defineConfig({
  plugins: [sveltekit(), collaboration()],
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000
  }
});
