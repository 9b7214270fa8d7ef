/**
 * The production server (`npm run serve`): SvelteKit's handler from the adapter-node build, plus
 * the collaboration WebSocket on the same port, and an orderly shutdown that stores every open
 * app before the process exits (SIGTERM, SIGINT). Every request passes the studio's guard first
 * (Host, Origin, content type, security headers: src/lib/server/boundary.ts), static files too.
 * It prints the owner's start-up link, as Jupyter does: opening it logs the browser in as the
 * owner (src/lib/server/owner.ts). Configuration: PORT (3000), HOST (0.0.0.0), and the studio's
 * own variables (README).
 */
import { createServer } from 'node:http';
import { handler } from './build/handler.js';

const RUNTIME_KEY = Symbol.for('malleable.runtime');
const runtime = () => globalThis[RUNTIME_KEY];

const server = createServer((req, res) => {
  const guard = runtime()?.guard;
  // No runtime means SvelteKit's init did not run: refuse rather than serve unguarded.
  if (!guard) {
    res.writeHead(503).end();
    return;
  }
  if (!guard(req, res)) handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
  if (!runtime()?.upgrade(req, socket, head)) socket.destroy();
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const base = process.env.ORIGIN || `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  console.log(`Malleable studio on ${runtime()?.ownerLink(base) ?? base}`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: storing open apps and stopping`);
  server.close();
  server.closeAllConnections?.();
  try {
    await runtime()?.shutdown();
  } catch (e) {
    console.error('malleable: shutdown failed', e);
    process.exitCode = 1;
  }
  process.exit();
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
