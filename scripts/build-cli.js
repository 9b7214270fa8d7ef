// Compiles the `malleable` command (src/lib/cli/main.ts and what it imports) to plain JavaScript
// in dist/cli, so bin/malleable.js starts without compiling TypeScript. Run by `npm run build` and
// by `prepare` (so `npm install` and `npm ci` in a checkout, and `npm pack`, leave it built).
//
// - One chunk per command: main.ts imports each command's module on use (`import()`), and
//   `splitting` keeps those imports lazy, so `validate` never loads what `check` needs.
// - Every package stays external, loaded from node_modules as the server loads it: typescript,
//   Babel, SES and Yjs are large, and a copy of one in the bundle would be a second instance.
//   Each must be a dependency (not a devDependency) or an installed package would miss it: the
//   build fails when one is not.
// - The sandbox's Node entries (plain JavaScript, run in a worker or a child process) are copied
//   to dist/cli/sandbox, where src/lib/runtime/port.ts looks for them beside its own chunk.
// - dist/cli/inputs.json lists the source files the bundle was made from: bin/malleable.js
//   runs the sources instead when one of them is newer than the bundle.
//
// Fast (well under a second) and needs only esbuild, which tsx (a dependency) brings. Should it be
// missing, this says so and exits 0: bin/malleable.js then runs the sources with tsx.
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

// The output folder: dist/cli, or the one named on the command line (the tests build elsewhere).
const OUT = process.argv[2] ?? 'dist/cli';
const SANDBOX = 'src/lib/runtime/sandbox';
// Built beside, then renamed into place: a `malleable` started meanwhile finds the old bundle or
// none (and runs the sources), never half of the new one.
const TEMP = `${OUT}.${process.pid}.tmp`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild is not installed; bin/malleable.js will run the sources (tsx)');
  process.exit(0);
}

const result = await esbuild.build({
  entryPoints: { main: 'src/lib/cli/main.ts' },
  outdir: TEMP,
  bundle: true,
  splitting: true,
  // Chunks beside main.js: the chunk holding runtime/port.ts finds `./sandbox/` from its own URL.
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  // The settings SvelteKit's generated tsconfig gives the sources (tsconfig.json extends it, and
  // it does not exist before `svelte-kit sync`, e.g. during `npm ci`).
  tsconfigRaw: {
    compilerOptions: { target: 'esnext', verbatimModuleSyntax: true, useDefineForClassFields: true }
  },
  logLevel: 'warning'
});

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const builtins = new Set(builtinModules);
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const { path, external } of output.imports) {
    if (!external || path.startsWith('node:') || builtins.has(path)) continue;
    const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    if (!pkg.dependencies?.[name]) missing.add(name);
  }
}
if (missing.size > 0) {
  rmSync(TEMP, { recursive: true, force: true });
  console.error(
    `build-cli: the CLI imports ${[...missing].join(', ')}, not in "dependencies" of package.json`
  );
  process.exit(1);
}

cpSync(SANDBOX, `${TEMP}/sandbox`, { recursive: true });
const inputs = [
  ...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/')),
  ...readdirSync(SANDBOX).map((file) => `${SANDBOX}/${file}`)
];
writeFileSync(`${TEMP}/inputs.json`, JSON.stringify(inputs) + '\n');
rmSync(OUT, { recursive: true, force: true });
renameSync(TEMP, OUT);
