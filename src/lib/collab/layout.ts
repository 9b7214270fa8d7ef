/**
 * What a peer may put where in an app's document: the layout of src/lib/model/ydoc.ts as rules
 * the checks of live updates share (precheck.ts on the bytes, check.ts on the mirror):
 *
 *   meta        Y.Map   title, theme, version (the server's), root: short plain values, nothing else
 *   components  Y.Map   id → Y.Map { name, root, capabilities, props: Y.Map, state: Y.Map, handlers: Y.Map }
 *   nodes       Y.Map   id → plain record
 *   props       Y.Map   "<node>/<prop>" → plain value
 *   state       Y.Map   field → plain value
 *   history     Y.Array plain entries
 *
 * So shared types nest two levels below a root, under `components` only, and are Y.Maps. Why a
 * bound at all: every level a peer may add is work for every check and every reader, and the
 * layout never needs more; an update nested 6,000 deep stalled the server before this.
 */
import { editError, type EditError } from '../ops/errors';
import { plainProblem } from '../model/plain';
import { DOC_VERSION } from '../model/types';

/** The largest live update accepted (the WebSocket frame limit is a little above it). */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/**
 * The most new records (map entries and list items) one live update may write. A well-formed
 * flood is checked on the main thread record by record (mirror, resolve, the judge), so size in
 * bytes alone is not a bound: 2 MB of small node records held the loop for 1.5 s. The planner's
 * largest batch (2,000 ops) writes far fewer; a studio's offline work beyond it syncs in parts.
 */
export const MAX_UPDATE_RECORDS = 6_000;

export const META_ROOT = 'meta';
export const DATA_ROOT = 'state';
export const HISTORY_ROOT = 'history';
/** Roots only owners and editors write. */
export const DEFINITION_ROOTS: ReadonlySet<string> = new Set([
  META_ROOT,
  'components',
  'nodes',
  'props'
]);
/** Every root of an app's document. */
export const ROOTS: ReadonlySet<string> = new Set([...DEFINITION_ROOTS, DATA_ROOT, HISTORY_ROOT]);

/** A shared type's place: its root, how far below it (the root is 0), the key under the root. */
export interface Place {
  readonly root: string;
  readonly level: number;
  readonly key: string | null;
}

/** The keys of a component's record that hold a Y.Map of their own. */
const COMPONENT_MAPS: ReadonlySet<string> = new Set(['props', 'state', 'handlers']);

/** How deep below `root` a shared type may sit (values then sit in it). */
export function maxLevel(root: string): number {
  // A shared text field of the data is a Y.Text one level below `state` (model/textdata.ts).
  return root === 'components' ? 2 : root === DATA_ROOT ? 1 : 0;
}

/**
 * Why a new shared type may not sit at key `sub` of the type at `parent`, or null when the
 * layout has a Y.Map there.
 */
export function layoutProblem(
  parent: Place,
  sub: string | null,
  kind: 'map' | 'text' | 'other'
): EditError | null {
  if (parent.root === DATA_ROOT && parent.level === 0 && sub !== null)
    return kind === 'text'
      ? null
      : editError('E_PEER_INVALID', 'a data field holds a plain value or a text (Y.Text) only');
  if (parent.root === META_ROOT)
    return editError('E_META_INVALID', 'the app’s meta holds plain values only');
  if (parent.root === 'components') {
    const fits =
      (parent.level === 0 && sub !== null) ||
      (parent.level === 1 && sub !== null && COMPONENT_MAPS.has(sub));
    if (fits)
      return kind === 'map'
        ? null
        : editError('E_PEER_INVALID', 'a component’s shared types are Y.Maps only');
  }
  return editError(
    'E_PEER_TOO_DEEP',
    `the update nests a shared type under “${parent.root}”${parent.key ? `/${parent.key.slice(0, 40)}` : ''} where the app’s layout has plain values`
  );
}

/** The meta keys, and for each what is wrong with a value a peer wrote (null: nothing). */
const META_RULES: Readonly<Record<string, (value: unknown) => string | null>> = {
  title: (v) => (typeof v === 'string' && v.length <= 200 ? null : 'must be a short plain value'),
  theme: (v) =>
    v === 'light' || v === 'dark' || v === 'system' ? null : 'must be light, dark or system',
  // The format version says how the stored document is read (model/format.ts): only the server
  // writes it, as it creates or migrates a document. A peer stamping a newer one would have the
  // app refused as "written by a newer Malleable" on its next load: locked for everyone.
  version: (v) =>
    v === DOC_VERSION ? null : `is the server's (format ${DOC_VERSION}); a peer may not change it`,
  root: (v) => (typeof v === 'string' && v.length <= 64 ? null : 'must be a short plain value')
};

/**
 * The problems with `meta` entries a peer wrote (key, value): only the known keys, each with a
 * short plain value, and the format version left as the server wrote it. Stops an editor filling
 * meta with subdocuments, Y.Text or 60,000 keys (every reader of the app reads meta). At most one
 * error: the first.
 */
export function metaProblems(entries: Iterable<readonly [string, unknown]>): EditError[] {
  for (const [key, value] of entries) {
    const rule = Object.hasOwn(META_RULES, key) ? META_RULES[key] : undefined;
    if (!rule)
      return [
        editError(
          'E_META_INVALID',
          `the app’s meta has no key “${key.slice(0, 40)}” (only title, theme, version and root)`,
          { path: '/meta' }
        )
      ];
    const problem =
      plainProblem(value, { depth: 1, nodes: 1 }) !== null
        ? 'must be a short plain value'
        : rule(value);
    if (problem !== null)
      return [
        editError('E_META_INVALID', `the app’s meta “${key}” ${problem}`, {
          path: `/meta/${key}`
        })
      ];
  }
  return [];
}
