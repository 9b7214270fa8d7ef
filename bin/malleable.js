#!/usr/bin/env node
// The `malleable` command. The library is TypeScript; tsx compiles it on the fly, so the CLI runs
// the same source as the studio and the tests, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/lib/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (/** @type {string} */ text) => process.stdout.write(text),
  stderr: (/** @type {string} */ text) => process.stderr.write(text),
  cwd: process.cwd()
});
