/**
 * A studio server in a process of its own, for tests that kill it (`kill -9`) or stop it
 * (SIGTERM) and start it again on the same data. Env: DATA_DIR, PORT, DEBOUNCE_MS,
 * MAX_DEBOUNCE_MS. Prints `ready PORT` once it listens. On SIGTERM it stores everything and
 * exits, as server.js does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StudioServer } from '../../src/lib/server/studio';

const studio = new StudioServer(process.env.DATA_DIR!, {
  demo: false,
  collab: {
    debounce: Number(process.env.DEBOUNCE_MS ?? 150),
    maxDebounce: Number(process.env.MAX_DEBOUNCE_MS ?? 1000)
  }
});
const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
http.on('upgrade', (req, socket, head) => {
  if (!studio.collab.handleUpgrade(req, socket, head)) socket.destroy();
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  http.closeAllConnections();
  void studio.close().then(() => process.exit(0));
});
