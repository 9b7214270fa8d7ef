/**
 * The compiled CLI (scripts/build-cli.js → dist/cli), run as an installed package runs it: the
 * bundle is built into a folder that holds bin/, dist/cli/, package.json and node_modules, and no
 * src/, so bin/malleable.js has no sources to fall back to and nothing is compiled on the way.
 *
 * A second such folder has stand-ins for typescript, Babel and SES that throw when they are
 * loaded: `--version`, `validate` and a refused `apply` must still answer (they load none of
 * them), and `check`, which type-checks, must meet the stand-in.
 *
 * A third holds the sources too, as a checkout does: bin runs the bundle while it is current, and
 * the sources through tsx once one of them is newer than the bundle, or when there is none.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppFile } from '../../src/lib/model/appfile';
import { templateModel } from '../../src/lib/templates';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
/** Packages only the commands that compile code may load. */
const HEAVY = [
  'typescript',
  'ses',
  '@babel/parser',
  '@babel/traverse',
  '@babel/generator',
  '@babel/types',
  '@babel/code-frame'
];

let tmp: string;
/** The bundle as scripts/build-cli.js made it. */
let built: string;
/** The package as installed, with the real node_modules. */
let full: string;
/** The same, with HEAVY replaced by stand-ins that throw when loaded. */
let lean: string;

interface Result {
  code: number;
  out: string;
  err: string;
}

async function malleable(pkg: string, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(pkg, 'bin/malleable.js'), ...args],
      { cwd: tmp }
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, out: failed.stdout, err: failed.stderr };
  }
}

/** A package folder: bin/, package.json, and dist/cli copied from `built`; node_modules by `modules`. */
function layout(name: string, built: string, modules: (dir: string) => void): string {
  const pkg = path.join(tmp, name);
  fs.mkdirSync(path.join(pkg, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'bin/malleable.js'), path.join(pkg, 'bin/malleable.js'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  fs.cpSync(built, path.join(pkg, 'dist/cli'), { recursive: true });
  modules(path.join(pkg, 'node_modules'));
  return pkg;
}

/** A package that throws as soon as it is loaded (ESM, or CommonJS for typescript). */
function standIn(dir: string, name: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const esm = name !== 'typescript';
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, ...(esm ? { type: 'module' } : {}), main: 'index.js' })
  );
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `throw new Error('stand-in: ${name} was loaded');\n`
  );
}

/** node_modules linking every real package except HEAVY, which get stand-ins. */
function leanModules(dir: string): void {
  const real = path.join(ROOT, 'node_modules');
  fs.mkdirSync(dir);
  for (const entry of fs.readdirSync(real)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      fs.mkdirSync(path.join(dir, entry));
      for (const scoped of fs.readdirSync(path.join(real, entry))) {
        const name = `${entry}/${scoped}`;
        if (HEAVY.includes(name)) standIn(path.join(dir, name), name);
        else fs.symlinkSync(path.join(real, name), path.join(dir, name));
      }
    } else if (HEAVY.includes(entry)) standIn(path.join(dir, entry), entry);
    else fs.symlinkSync(path.join(real, entry), path.join(dir, entry));
  }
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-bundle-'));
  built = path.join(tmp, 'built');
  execFileSync(process.execPath, ['scripts/build-cli.js', built], { cwd: ROOT });
  full = layout('full', built, (dir) => fs.symlinkSync(path.join(ROOT, 'node_modules'), dir));
  lean = layout('lean', built, leanModules);
  const model = templateModel('todo');
  fs.writeFileSync(path.join(tmp, 'todo.json'), JSON.stringify(toAppFile(model)));
  fs.writeFileSync(
    path.join(tmp, 'missing.json'),
    JSON.stringify([{ op: 'setProp', id: 'nothere', name: 'text', value: 'x' }])
  );
  const heading = [...model.nodes.values()].find((n) => n.type === 'Heading')!;
  fs.writeFileSync(
    path.join(tmp, 'retitle.json'),
    JSON.stringify([{ op: 'setProp', id: heading.id, name: 'text', value: 'Errands' }])
  );
}, 60_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the built bin', () => {
  it('holds the commands as separate chunks and no source', () => {
    const files = fs.readdirSync(path.join(full, 'dist/cli'));
    expect(files).toContain('main.js');
    expect(files).toContain('sandbox');
    expect(fs.existsSync(path.join(full, 'src'))).toBe(false);
    // main.js imports no package: every command's are behind its own import().
    const main = fs.readFileSync(path.join(full, 'dist/cli/main.js'), 'utf8');
    expect(main).not.toMatch(/from "(typescript|@babel\/[a-z-]+|ses|yjs|ajv[^"]*)"/);
  });

  it('prints the version of package.json', async () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(await malleable(full, '--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('validates, refuses, applies (with the dry run in the sandbox) and checks', async () => {
    const valid = await malleable(full, 'validate', 'todo.json');
    expect(valid).toMatchObject({ code: 0, out: 'todo.json is valid: 1 component, 14 nodes\n' });

    const refused = await malleable(full, 'apply', 'todo.json', 'missing.json', '-o', 'out.json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^E_NODE_NOT_FOUND op 0/);
    expect(fs.existsSync(path.join(tmp, 'out.json'))).toBe(false);

    const applied = await malleable(full, 'apply', 'todo.json', 'retitle.json', '-o', 'out.json');
    expect(applied).toMatchObject({ code: 0, err: '' });
    const out = JSON.parse(fs.readFileSync(path.join(tmp, 'out.json'), 'utf8'));
    expect(JSON.stringify(out)).toContain('"Errands"');

    const checked = await malleable(full, 'check', 'todo.json');
    expect(checked).toMatchObject({
      code: 0,
      out: expect.stringContaining('passes the compile gate')
    });
  }, 60_000);

  it('answers --version, validate and a refused apply without loading TypeScript, Babel or SES', async () => {
    expect((await malleable(lean, '--version')).code).toBe(0);
    expect(await malleable(lean, 'validate', 'todo.json')).toMatchObject({ code: 0, err: '' });
    const refused = await malleable(lean, 'apply', 'todo.json', 'missing.json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^E_NODE_NOT_FOUND op 0/);
    // The stand-ins are real: a command that type-checks meets one.
    const checked = await malleable(lean, 'check', 'todo.json');
    expect(checked.code).not.toBe(0);
    expect(checked.err).toMatch(/stand-in: |does not provide an export/);
  }, 60_000);
});

describe('malleable explain, as built', () => {
  it('prints a code’s stage, HTTP status, meaning and page', async () => {
    const known = await malleable(full, 'explain', 'E_NODE_NOT_FOUND');
    expect(known).toEqual({
      code: 0,
      out:
        'E_NODE_NOT_FOUND\n' +
        '  stage:   plan (Each op against the app as it is.)\n' +
        '  status:  HTTP 422\n' +
        '  meaning: No node has that id (or the op that was to add it failed).\n' +
        '  docs:    docs/errors/E_NODE_NOT_FOUND.md\n',
      err: ''
    });
    // The page it names is in the checkout (and shipped: package.json "files").
    expect(fs.existsSync(path.join(ROOT, 'docs/errors/E_NODE_NOT_FOUND.md'))).toBe(true);

    // Lower case, without the E_: the same code.
    const loose = await malleable(full, 'explain', 'undo_blocked', '--json');
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.out)).toEqual({
      ok: true,
      code: 'E_UNDO_BLOCKED',
      stage: 'plan',
      status: 409,
      meaning: expect.stringContaining('cannot be undone'),
      doc: 'docs/errors/E_UNDO_BLOCKED.md'
    });
  }, 30_000);

  it('refuses an unknown code with E_USAGE and the closest codes', async () => {
    const typo = await malleable(full, 'explain', 'E_NODE_NOT_FOUDN');
    expect(typo.code).toBe(2);
    expect(typo.out).toBe('');
    expect(typo.err).toMatch(/^E_USAGE: "E_NODE_NOT_FOUDN" is not an error code; the closest are /);
    expect(typo.err.split('closest are ')[1]).toMatch(/^E_NODE_NOT_FOUND, /);

    const part = await malleable(full, 'explain', 'E_TOKEN');
    expect(part.err).toContain('E_TOKEN_EXPIRED, E_TOKEN_INVALID, E_TOKEN_REVOKED');

    expect((await malleable(full, 'explain', 'E_A', 'E_B')).code).toBe(2);
  }, 30_000);

  it('lists every code by stage without a code, loading no TypeScript, Babel or SES', async () => {
    const list = await malleable(lean, 'explain');
    expect(list.code).toBe(0);
    expect(list.err).toBe('');
    const stages = [...list.out.matchAll(/^([a-z]+): /gm)].map((m) => m[1]);
    expect(stages).toEqual(['input', 'shape', 'plan', 'code', 'runtime', 'file', 'assist', 'cli']);
    expect(list.out).toMatch(/^ {2}E_JSON_PARSE +400 {2}The text is not valid JSON\.$/m);
    expect(list.out).toMatch(/^ {2}E_FORBIDDEN +403 /m);
    const listed = [...list.out.matchAll(/^ {2}(E_[A-Z_]+) /gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(90);
    expect(new Set(listed).size).toBe(listed.length);

    const help = await malleable(lean, '--help');
    expect(help.out).toContain('explain [E_CODE]');
  }, 30_000);
});

describe('bin in a checkout', () => {
  it('runs the bundle while it is current, else the sources through tsx', async () => {
    const pkg = path.join(tmp, 'checkout');
    // The sources first: the bundle copied after them is newer, as after `npm run build`.
    fs.cpSync(path.join(ROOT, 'src/lib'), path.join(pkg, 'src/lib'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'schemas'), path.join(pkg, 'schemas'), { recursive: true });
    layout('checkout', built, (dir) => fs.symlinkSync(path.join(ROOT, 'node_modules'), dir));
    const manifest = path.join(pkg, 'package.json');
    const version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;

    // The bundle holds the version it was built with; the sources read package.json afresh.
    expect((await malleable(pkg, '--version')).out).toBe(`${version}\n`);
    const edited = { ...JSON.parse(fs.readFileSync(manifest, 'utf8')), version: '0.0.0-edited' };
    fs.writeFileSync(manifest, JSON.stringify(edited));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(manifest, later, later);
    expect((await malleable(pkg, '--version')).out).toBe('0.0.0-edited\n');

    // Installed under node_modules, the bundle is trusted: npm unpacks files in no useful order.
    const installed = path.join(tmp, 'app/node_modules/malleable');
    fs.cpSync(pkg, installed, { recursive: true, verbatimSymlinks: true });
    fs.cpSync(built, path.join(installed, 'dist/cli'), { recursive: true });
    fs.utimesSync(path.join(installed, 'package.json'), later, later);
    expect((await malleable(installed, '--version')).out).toBe(`${version}\n`);

    fs.rmSync(path.join(pkg, 'dist'), { recursive: true });
    expect(await malleable(pkg, 'validate', 'todo.json')).toMatchObject({
      code: 0,
      out: 'todo.json is valid: 1 component, 14 nodes\n'
    });
  }, 60_000);
});
