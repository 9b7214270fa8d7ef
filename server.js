/**
 * The production server (`npm run serve`): SvelteKit's handler from the adapter-node build, plus
 * the collaboration WebSocket on the same port, and an orderly shutdown that stores every open
 * app before the process exits (SIGTERM, SIGINT). Configuration: PORT (3000), HOST (0.0.0.0),
 * and the studio's own variables (README).
 */
import { createServer } from 'node:http';
import { handler } from './build/handler.js';

const RUNTIME_KEY = Symbol.for('malleable.runtime');
const runtime = () => globalThis[RUNTIME_KEY];

const server = createServer(handler);
server.on('upgrade', (req, socket, head) => {
  if (!runtime()?.upgrade(req, socket, head)) socket.destroy();
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  console.log(`Malleable studio on http://${shown}:${port}`);
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
