/**
 * The name rules (identifiers): a declared local may not take a runtime name (`$guard`, ...),
 * and a free name must be a context name or a safe global; anything else is refused with the
 * reason, or with the nearest name when it looks like a typo.
 */
import type { NodePath } from '@babel/traverse';
import * as t from '@babel/types';
import { MESSAGES } from './policy-messages';
import { REFUSED_GLOBALS, SAFE } from './policy-names';
import type { Report } from './policy-report';

/**
 * A declared local. Names starting with `$` are the runtime's (`$guard`, `$each`, ...): a local
 * `$guard` would shadow the loop guard inside the function that declares it and let a loop there
 * run away. `eval` and `arguments` cannot be declared in strict code.
 */
export function checkDeclaredName(node: t.Identifier, report: Report): void {
  const name = node.name;
  if (name.startsWith('$')) report('E_POLICY_GLOBAL', node, MESSAGES.runtimeName(name));
  else if (name === 'eval' || name === 'arguments') {
    report('E_POLICY_GLOBAL', node, MESSAGES.strictName(name));
  }
}

/**
 * A free name (read or written, not declared in the unit). Only the context names and the safe
 * globals exist; anything else is refused, both to keep the realm's powers out (`globalThis`,
 * `Function`, `Date`, ...) and because SES turns an unknown global into `undefined`, so a typo
 * would fail silently at run time instead of here.
 */
export function checkFreeName(
  path: NodePath<t.Identifier>,
  names: ReadonlySet<string>,
  loopOnly: ReadonlySet<string>,
  report: Report
): void {
  const node = path.node;
  const name = node.name;
  const refuse = (message: string, short?: string) =>
    report('E_POLICY_GLOBAL', node, message, short);
  // `$guard = null` or `$each(...)`: the runtime's globals are not app code's to touch.
  if (name.startsWith('$')) return refuse(MESSAGES.runtimeName(name));
  if (names.has(name)) return;
  const safe = SAFE.get(name);
  if (safe) {
    // A namespace passed around as a value escapes its member list (`const M = Math; M.random()`).
    const parent = path.parent;
    const isObject =
      (t.isMemberExpression(parent) || t.isOptionalMemberExpression(parent)) &&
      parent.object === node;
    if (!safe.bare && !isObject) refuse(MESSAGES.namespace(name, safe.members[0]));
    return;
  }
  const why = REFUSED_GLOBALS.get(name);
  if (why) return refuse(MESSAGES.refusedGlobal(name, why));
  if (loopOnly.has(name)) return refuse(MESSAGES.loopNotParam(name));
  if (name === 'arguments') return refuse(MESSAGES.arguments);
  const near = closest(name, [...names, ...SAFE.keys()]);
  if (near) refuse(MESSAGES.typo(name, near), `did you mean \`${near}\`?`);
  else refuse(MESSAGES.unknown(name, names), 'not defined');
}

/** The candidate nearest to `name` by edit distance (case-insensitive), if it is close enough. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, with an adjacent swap counting as one edit (`sate`/`stae` → `state`). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
