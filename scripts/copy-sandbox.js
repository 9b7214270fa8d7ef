// After `vite build`: puts the sandbox's Node entries (plain JavaScript, run by a child process or
// a worker thread) beside the built server, where src/lib/runtime/port.ts looks for them, and
// bundles the server gate's type-check process (src/lib/code/gate-worker.ts, TypeScript) into
// build/sandbox/typecheck-worker.js, where src/lib/server/typecheck-pool.ts looks for it.
// `typescript` stays external: it is a dependency, loaded from node_modules as the server does.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

cpSync('src/lib/runtime/sandbox', 'build/sandbox', { recursive: true });

await build({
  entryPoints: ['src/lib/code/gate-worker.ts'],
  outfile: 'build/sandbox/typecheck-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['typescript'],
  logLevel: 'warning'
});
