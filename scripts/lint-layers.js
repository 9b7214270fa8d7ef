/**
 * The layer rule of `npm run lint`: every file under `src/lib/<folder>/` may import only what its
 * folder's README says on its "May import:" line, so the READMEs stay true and a shortcut across
 * layers (the page pulling in Babel, a kernel reaching the server) fails the lint instead of
 * being found in review.
 *
 * The README is the source, read as written. Its "May import:" sentence (up to the first full
 * stop outside backticks) lists allowed targets in backticks:
 *   - `../ops` (a folder of src/lib) or `../ops/plan` (one module of it);
 *   - a package, `@babel/*` (a scope), `node:*` (Node's built-ins), `$app/*`;
 *   - `schemas/` or `package.json` (files of the repository);
 *   - a target followed by "(in `a.ts`, `b.ts`)" is allowed only in those files of the folder.
 * Other parentheses are comments and are skipped. An optional "Types from:" sentence lists
 * targets that may be imported with `import type` only. The folder's own files are always allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'src', 'lib');

/**
 * One allowed target of a README: what it matches and, when restricted, the files allowed it.
 * @typedef {{ target: string, files: string[] | null }} Allowance
 * @typedef {{ readme: string, imports: Allowance[], types: Allowance[] }} LayerRules
 */

/**
 * The first sentence after `label` in `text`, cut at a full stop outside backticks and
 * parentheses, or null when the README has no such sentence.
 * @param {string} text
 * @param {string} label
 * @returns {string | null}
 */
function sentenceAfter(text, label) {
  const start = text.indexOf(label);
  if (start < 0) return null;
  let inTick = false;
  let depth = 0;
  for (let i = start + label.length; i < text.length; i++) {
    const ch = text[i];
    if (ch === '`') inTick = !inTick;
    else if (!inTick && ch === '(') depth++;
    else if (!inTick && ch === ')') depth = Math.max(0, depth - 1);
    else if (!inTick && depth === 0 && ch === '.' && /\s|$/.test(text[i + 1] ?? '')) {
      return text.slice(start + label.length, i);
    }
  }
  return text.slice(start + label.length);
}

/**
 * The allowances of one sentence: backticked targets, each with the files of an "(in …)" that
 * follows it; other parenthesised text is a comment.
 * @param {string} sentence
 * @returns {Allowance[]}
 */
export function parseAllowances(sentence) {
  /** @type {Allowance[]} */
  const out = [];
  let i = 0;
  while (i < sentence.length) {
    const ch = sentence[i];
    if (ch === '(') {
      const close = sentence.indexOf(')', i);
      const inner = sentence.slice(i + 1, close < 0 ? undefined : close);
      const last = out[out.length - 1];
      if (last && /^\s*in\s/.test(inner)) {
        last.files = [...inner.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      }
      i = close < 0 ? sentence.length : close + 1;
    } else if (ch === '`') {
      const close = sentence.indexOf('`', i + 1);
      out.push({ target: sentence.slice(i + 1, close), files: null });
      i = close + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** @type {Map<string, LayerRules | null>} */
const cache = new Map();

/**
 * The rules of a folder of src/lib, read from its README once per lint run.
 * @param {string} folder
 * @returns {LayerRules | null}
 */
export function layerRules(folder) {
  if (cache.has(folder)) return cache.get(folder) ?? null;
  const readme = join(lib, folder, 'README.md');
  /** @type {LayerRules | null} */
  let rules = null;
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const imports = sentenceAfter(text, 'May import:');
    const types = sentenceAfter(text, 'Types from:');
    rules = {
      readme: relative(root, readme),
      imports: imports === null ? [] : parseAllowances(imports),
      types: types === null ? [] : parseAllowances(types)
    };
  }
  cache.set(folder, rules);
  return rules;
}

/**
 * What an import names, in the terms of the READMEs: `lib:ops/plan` for a module of src/lib
 * (extension dropped), `repo:schemas/x.json` for another file of the repository, or the
 * package specifier itself.
 * @param {string} source
 * @param {string} fromFile
 * @returns {string}
 */
export function targetOf(source, fromFile) {
  let path = null;
  if (source.startsWith('$lib/')) path = join(lib, source.slice(5));
  else if (source === '$lib') path = lib;
  else if (source.startsWith('.')) path = resolve(dirname(fromFile), source);
  if (path === null) return source;
  const inLib = relative(lib, path);
  if (!inLib.startsWith('..')) {
    return (
      'lib:' +
      inLib
        .split(sep)
        .join('/')
        .replace(/\.(svelte\.ts|svelte|ts|js)$/, '')
    );
  }
  return 'repo:' + relative(root, path).split(sep).join('/');
}

/**
 * Whether a README target allows an import target.
 * @param {string} allowed a README target: `../ops`, `../ops/plan`, `yjs`, `@babel/*`, `schemas/`
 * @param {string} target what {@link targetOf} gave
 * @returns {boolean}
 */
export function allows(allowed, target) {
  if (allowed.startsWith('../')) {
    const name = allowed.slice(3).replace(/\/\*$/, '');
    return target === 'lib:' + name || target.startsWith('lib:' + name + '/');
  }
  if (target.startsWith('repo:')) {
    const path = target.slice(5);
    return allowed.endsWith('/') ? path.startsWith(allowed) : path === allowed;
  }
  if (target.startsWith('lib:')) return false;
  if (allowed.endsWith('*')) return target.startsWith(allowed.slice(0, -1));
  return target === allowed || target.startsWith(allowed + '/');
}

/**
 * Whether a type-only or value import of `target` from `file` (in `folder`) is allowed.
 * @param {LayerRules} rules
 * @param {string} folder
 * @param {string} file path relative to the folder
 * @param {string} target
 * @param {boolean} typeOnly
 * @returns {boolean}
 */
export function permitted(rules, folder, file, target, typeOnly) {
  if (target === 'lib:' + folder || target.startsWith('lib:' + folder + '/')) return true;
  const fits = (/** @type {Allowance} */ a) =>
    allows(a.target, target) && (a.files === null || a.files.includes(file));
  return rules.imports.some(fits) || (typeOnly && rules.types.some(fits));
}

/** @param {any} node */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "imports follow the folder README's May import line" },
    schema: [],
    messages: {
      forbidden:
        '{{folder}} may not import {{source}}: it is not on the "May import:" line of {{readme}}.',
      noReadme: 'src/lib/{{folder}} has no README.md with a "May import:" line.'
    }
  },
  create(context) {
    const filename = context.filename;
    const inLib = relative(lib, filename);
    if (inLib.startsWith('..') || !inLib.includes(sep)) return {};
    const [folder, ...rest] = inLib.split(sep);
    const file = rest.join('/');
    const rules = layerRules(folder);
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (rules === null) {
        context.report({ node, messageId: 'noReadme', data: { folder } });
        return;
      }
      const target = targetOf(source.value, filename);
      if (!permitted(rules, folder, file, target, isTypeOnly(node))) {
        context.report({
          node: source,
          messageId: 'forbidden',
          data: { folder, source: source.value, readme: rules.readme }
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check
    };
  }
};

/** The ESLint plugin that carries the rule, as `malleable/layers`. */
export default { rules: { layers: layersRule } };
