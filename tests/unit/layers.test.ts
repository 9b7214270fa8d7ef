/**
 * The layer rule of `npm run lint` (scripts/lint-layers.js), run through ESLint with the
 * project's own config, as `npm run lint` runs it: a wrong import fails, a listed one passes,
 * and every folder of src/lib says what it may import.
 */
import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allows,
  layerRules,
  parseAllowances,
  permitted,
  targetOf
} from '../../scripts/lint-layers.js';

const root = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer messages ESLint gives for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.filter((m) => m.ruleId === 'malleable/layers').map((m) => m.message);
}

describe('the layer rule in npm run lint', () => {
  it('fails a kernel that imports the shell: model importing the planner', async () => {
    const errors = await layerErrors(
      'src/lib/model/wrong-import.ts',
      "import { planOps } from '../ops/plan';\nexport const plan = planOps;\n"
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('model may not import ../ops/plan');
    expect(errors[0]).toContain('src/lib/model/README.md');
  });

  it('fails the page bringing in Babel: the editor importing the full compile gate', async () => {
    const errors = await layerErrors(
      'src/lib/editor/wrong-import.ts',
      "import { CompileGate } from '$lib/code/gate';\nexport const gate = CompileGate;\n"
    );
    expect(errors).toEqual([expect.stringContaining('editor may not import $lib/code/gate')]);
  });

  it('fails ops importing the compile gate, and a dynamic import is no way round it', async () => {
    const errors = await layerErrors(
      'src/lib/ops/wrong-import.ts',
      "export const load = () => import('../code/gate');\n"
    );
    expect(errors).toEqual([expect.stringContaining('ops may not import ../code/gate')]);
  });

  it('passes the imports a README lists, and the folder’s own files', async () => {
    expect(
      await layerErrors(
        'src/lib/ops/right-import.ts',
        "import { validateModel } from '../model/validate';\nimport { x } from './plan';\nexport const v = [validateModel, x];\n"
      )
    ).toEqual([]);
  });

  it('fails a package the folder does not list', async () => {
    const errors = await layerErrors(
      'src/lib/schema/wrong-import.ts',
      "import * as Y from 'yjs';\nexport const doc = new Y.Doc();\n"
    );
    expect(errors).toEqual([expect.stringContaining('schema may not import yjs')]);
  });

  it('the real tree passes', async () => {
    const results = await eslint.lintFiles(['src/lib']);
    const layer = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'malleable/layers')
        .map((m) => `${r.filePath}: ${m.message}`)
    );
    expect(layer).toEqual([]);
  }, 120_000);
});

describe('reading a README', () => {
  it('every folder of src/lib has a README with a "May import:" line', () => {
    const folders = readdirSync(join(root, 'src/lib')).filter((f) =>
      statSync(join(root, 'src/lib', f)).isDirectory()
    );
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders) {
      const readme = join(root, 'src/lib', folder, 'README.md');
      expect(existsSync(readme), `${folder}/README.md`).toBe(true);
      expect(readFileSync(readme, 'utf8'), `${folder}/README.md`).toMatch(/^May import:/m);
      expect(layerRules(folder), folder).not.toBeNull();
    }
  });

  it('reads targets, file restrictions, and skips comments in parentheses', () => {
    expect(
      parseAllowances(
        " `yjs` (in `commit.ts`, `write.ts`), `../model` (the app's `model`), `../schema`"
      )
    ).toEqual([
      { target: 'yjs', files: ['commit.ts', 'write.ts'] },
      { target: '../model', files: null },
      { target: '../schema', files: null }
    ]);
  });

  it('resolves imports to folders, modules and packages', () => {
    const from = join(root, 'src/lib/editor/Canvas.svelte');
    expect(targetOf('$lib/runtime/client', from)).toBe('lib:runtime/client');
    expect(targetOf('../elements/Glyph.svelte', from)).toBe('lib:elements/Glyph');
    expect(targetOf('../../../schemas/ops.schema.json', from)).toBe('repo:schemas/ops.schema.json');
    expect(targetOf('@codemirror/view', from)).toBe('@codemirror/view');
    expect(allows('../runtime', 'lib:runtime/client')).toBe(true);
    expect(allows('../runtime/client', 'lib:runtime/clientele')).toBe(false);
    expect(allows('@codemirror/*', '@codemirror/view')).toBe(true);
    expect(allows('lib0', 'lib0/decoding')).toBe(true);
    expect(allows('schemas/', 'repo:schemas/ops.schema.json')).toBe(true);
    expect(allows('yjs', 'lib:yjs')).toBe(false);
  });

  it('a restricted target is allowed only in its files, and types only where listed', () => {
    const rules = {
      readme: 'x',
      imports: parseAllowances('`yjs` (in `commit.ts`), `../model`'),
      types: parseAllowances('`../runtime/compiled`')
    };
    expect(permitted(rules, 'ops', 'commit.ts', 'yjs', false)).toBe(true);
    expect(permitted(rules, 'ops', 'plan.ts', 'yjs', false)).toBe(false);
    expect(permitted(rules, 'ops', 'plan.ts', 'lib:runtime/compiled', true)).toBe(true);
    expect(permitted(rules, 'ops', 'plan.ts', 'lib:runtime/compiled', false)).toBe(false);
    expect(permitted(rules, 'ops', 'plan.ts', 'lib:ops/write', false)).toBe(true);
  });
});
