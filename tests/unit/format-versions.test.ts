/**
 * Format versions (issue 14): the migration chains from format 1 up, a fixture folder of every
 * version that has existed read through today's readers, and a newer version refused through
 * every reader (the app file of the CLI and of the HTTP import, the stored document of the
 * collaboration server) with nothing stored.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import {
  APP_FILE_STEPS,
  DOC_STEPS,
  FIRST_FORMAT_VERSION,
  docVersionOf,
  migrateAppFile,
  migrateDocument,
  migrateUp,
  newerDocument,
  type FormatStep
} from '../../src/lib/model/format';
import { APP_FILE_VERSION, fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import { DOC_VERSION } from '../../src/lib/model/types';
import { readModel, readRaw } from '../../src/lib/model/ydoc';
import { main } from '../../src/lib/cli/main';
import { StudioServer } from '../../src/lib/server/studio';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A stored document of a fixture folder as a Y.Doc. */
function fixtureDoc(version: number): Y.Doc {
  const { state } = readJson(path.join(FIXTURES, `v${version}`, 'document.json')) as {
    state: string;
  };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return doc;
}

describe('the chains', () => {
  it('hold one step per version from 1, ending at the version this code writes', () => {
    expect(FIRST_FORMAT_VERSION + DOC_STEPS.length).toBe(DOC_VERSION);
    expect(FIRST_FORMAT_VERSION + APP_FILE_STEPS.length).toBe(APP_FILE_VERSION);
    DOC_STEPS.forEach((step, i) => expect(step.from).toBe(FIRST_FORMAT_VERSION + i));
    APP_FILE_STEPS.forEach((step, i) => expect(step.from).toBe(FIRST_FORMAT_VERSION + i));
  });

  it('run the steps after the given version, in order, without touching the input', () => {
    type V = { readonly version: number; readonly seen: readonly string[] };
    const chain: FormatStep<V>[] = [
      { from: 1, up: (v) => ({ version: 2, seen: [...v.seen, '1→2'] }) },
      { from: 2, up: (v) => ({ version: 3, seen: [...v.seen, '2→3'] }) }
    ];
    const one: V = Object.freeze({ version: 1, seen: Object.freeze([]) as readonly string[] });
    expect(migrateUp(one, 1, chain)).toEqual({ version: 3, seen: ['1→2', '2→3'] });
    expect(one).toEqual({ version: 1, seen: [] });
    expect(migrateUp({ version: 2, seen: [] }, 2, chain).seen).toEqual(['2→3']);
    const current = { version: 3, seen: [] };
    expect(migrateUp(current, 3, chain)).toBe(current);
  });

  it('refuse to run a chain whose steps are out of order', () => {
    const chain: FormatStep<number>[] = [{ from: 2, up: (v) => v + 1 }];
    expect(() => migrateUp(0, 1, chain)).toThrow(/reads 2, not 1/);
  });

  it('read a document with no version as the first format, and leave a current one as it is', () => {
    expect(docVersionOf({})).toBe(FIRST_FORMAT_VERSION);
    expect(docVersionOf({ version: 'two' })).toBe(FIRST_FORMAT_VERSION);
    expect(docVersionOf({ version: DOC_VERSION })).toBe(DOC_VERSION);
    const raw = readRaw(fixtureDoc(DOC_VERSION));
    expect(migrateDocument(raw)).toBe(raw);
    const file = readJson(path.join(FIXTURES, `v${APP_FILE_VERSION}`, 'app.json')) as Record<
      string,
      unknown
    >;
    expect(migrateAppFile(file, APP_FILE_VERSION)).toBe(file);
  });
});

describe('a fixture of every version that has existed', () => {
  const versions = Array.from(
    { length: Math.max(DOC_VERSION, APP_FILE_VERSION) },
    (_, i) => FIRST_FORMAT_VERSION + i
  );

  it('has a folder per version', () => {
    const folders = fs.readdirSync(FIXTURES).filter((f) => /^v\d+$/.test(f));
    expect(folders.sort()).toEqual(versions.map((v) => `v${v}`).sort());
  });

  it.each(versions)('version %i: its app file and its stored document read as expected', (v) => {
    const dir = path.join(FIXTURES, `v${v}`);
    const expected = readJson(path.join(dir, 'expected.json'));
    const file = readJson(path.join(dir, 'app.json')) as { version: number };
    expect(file.version).toBe(v);
    const fromFile = fromAppFile(file);
    expect(fromFile.ok ? [] : fromFile.errors).toEqual([]);
    if (!fromFile.ok) return;
    expect(fromFile.model.meta.version).toBe(DOC_VERSION);
    expect(toAppFile(fromFile.model)).toEqual(expected);
    const doc = fixtureDoc(v);
    expect(doc.getMap('meta').get('version')).toBe(v);
    const model = readModel(doc);
    expect(model.meta.version).toBe(DOC_VERSION);
    expect(toAppFile(model)).toEqual(expected);
  });
});

describe('a newer version is refused', () => {
  const NEWER_FILE = APP_FILE_VERSION + 1;
  const NEWER_DOC = DOC_VERSION + 1;
  const dirs: string[] = [];
  const servers: StudioServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => undefined);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  function newerFile(): Record<string, unknown> {
    const file = readJson(path.join(FIXTURES, `v${APP_FILE_VERSION}`, 'app.json'));
    return { ...(file as Record<string, unknown>), version: NEWER_FILE };
  }

  it('by the CLI: validate and apply answer E_APP_VERSION, and the file is left as it is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-format-'));
    dirs.push(dir);
    const text = JSON.stringify(newerFile());
    fs.writeFileSync(path.join(dir, 'app.json'), text);
    fs.writeFileSync(path.join(dir, 'ops.json'), JSON.stringify([]));
    const cli = async (...argv: string[]) => {
      let err = '';
      const code = await main(argv, {
        stdout: () => undefined,
        stderr: (t) => void (err += t),
        cwd: dir
      });
      return { code, err };
    };
    const validate = await cli('validate', 'app.json');
    expect(validate.code).toBe(1);
    expect(validate.err).toMatch(/^E_APP_VERSION\b/);
    const apply = await cli('apply', 'app.json', 'ops.json');
    expect(apply.code).not.toBe(0);
    expect(apply.err).toContain('E_APP_VERSION');
    expect(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')).toBe(text);
    expect(fs.readdirSync(dir).sort()).toEqual(['app.json', 'ops.json']);
  });

  it('by the HTTP import: E_APP_VERSION, and no app is created', async () => {
    const s = new StudioServer(':memory:', { demo: false });
    servers.push(s);
    const before = await s.store.list();
    const created = await s.create({ file: newerFile() });
    expect(created.ok).toBe(false);
    if (!created.ok)
      expect(created.errors).toEqual([
        expect.objectContaining({ code: 'E_APP_VERSION', path: '/version' })
      ]);
    expect(await s.store.list()).toEqual(before);
  });

  it('by the stored-document reader: E_DOC_VERSION, not opened, and the store keeps its bytes', async () => {
    const s = new StudioServer(':memory:', { demo: false });
    servers.push(s);
    const created = await s.create({ template: 'todo' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.app.id;
    // A document written by a newer Malleable: its meta says a version this code does not know.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await s.store.loadState(id))!);
    doc.getMap('meta').set('version', NEWER_DOC);
    expect(newerDocument(doc.getMap<unknown>('meta').toJSON())?.code).toBe('E_DOC_VERSION');
    await s.store.saveDoc(id, doc, created.app.title);
    const stored = await s.store.loadState(id);

    await expect(s.collab.document(id)).rejects.toThrow(
      new RegExp(`^E_DOC_VERSION: .*format version ${NEWER_DOC};`)
    );
    // The edit path (HTTP, the studio page) finds no session: nothing reads or writes the app.
    expect(await s.session(id)).toBeNull();
    await s.collab.flush();
    expect(Buffer.from((await s.store.loadState(id))!)).toEqual(Buffer.from(stored!));
  });
});
