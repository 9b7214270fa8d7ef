#!/usr/bin/env node
// The `malleable` command. It runs the compiled JavaScript in dist/cli (scripts/build-cli.js, made
// by `npm run build` and on install by `prepare`), so a command starts without compiling
// TypeScript. Without that bundle, or when a source it was built from has changed since (a
// checkout being edited), it runs the TypeScript sources through tsx: slower to start, never stale.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/main.js', root);

/**
 * True when dist/cli holds a bundle that no listed source is newer than (a missing source is
 * fine). An installed package (under node_modules) is not edited, and npm gives its files the
 * time they were unpacked, in no useful order: there the bundle is trusted as it is.
 */
function bundleIsCurrent() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  if (fileURLToPath(root).split(/[\\/]/).includes('node_modules')) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
  } catch {
    return false;
  }
  return inputs.every(
    (/** @type {string} */ file) =>
      (statSync(fileURLToPath(new URL(file, root)), { throwIfNoEntry: false })?.mtimeMs ?? 0) <=
      built.mtimeMs
  );
}

/** @type {{ main: (argv: string[], io: { stdout(text: string): void; stderr(text: string): void; cwd: string }) => Promise<number> }} */
let cli;
if (bundleIsCurrent()) {
  cli = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('src/lib/cli/main.ts', root).href);
}
process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
});
