/**
 * The server's check of a live update from a peer (DESIGN section 7: "check every struct and
 * deletion of an incoming update against the roots the role may write, and refuse the whole
 * update otherwise"). A peer's provider writes raw Yjs, so nothing here trusts it:
 *
 * 1. The update is applied to a scratch mirror of the document, never to the document itself;
 *    what it added and deleted is read off the mirror's transaction, struct by struct.
 * 2. Each struct's root must be one of the app's roots, and one the role may write: a viewer
 *    writes nothing, a user only the app's data (`state`), owners and editors the rest. The
 *    history log is append-only, and an entry must name the connection's own person.
 * 3. Every record the update wrote must read back as written: a node, prop, component or data
 *    value that resolve() would leave out or repair is refused (E_PEER_INVALID, E_DATA_TYPE).
 *    Records left out because of someone else's concurrent change (a child of a node another
 *    person removed) are not the writer's fault and pass: removal wins, as on every peer.
 *    A history entry's restore point must name only changes the document holds and mark deleted
 *    only what is deleted in it (model/restore-point.ts).
 *
 * The compile gate and the dry run over the result are the session's part (session.ts), since
 * they need the gate and a sandbox.
 */
import * as Y from 'yjs';
import { ELEMENTS } from '../schema/elements';
import { checkValue } from '../schema/statetype';
import { isOrderKey } from '../model/order';
import { INSTANCE_PREFIX, type Repairs } from '../model/resolve';
import { rootComponent, scopeOf, type AppModel } from '../model/types';
import { stateValue } from '../model/textdata';
import { editError, type EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { notStoredError } from '../ops/judge';
import { restorePointProblem } from '../model/restore-point';
import { canEditDefinition, canWriteData, type Role } from './protocol';
import { historyEntryProblem } from './history-entry';
import {
  DATA_ROOT,
  DEFINITION_ROOTS,
  HISTORY_ROOT,
  layoutProblem,
  MAX_UPDATE_BYTES,
  maxLevel,
  META_ROOT,
  metaProblems,
  ROOTS,
  type Place
} from './layout';
import { isLiteral } from '../ops/render-safe';

export { MAX_UPDATE_BYTES, metaProblems } from './layout';
export { precheckUpdate } from './precheck';
export { historyEntryProblem } from './history-entry';

/** What one update did to the mirror. */
export interface UpdateFacts {
  /** Whether it added or deleted anything at all (a sync reply often carries nothing new). */
  readonly changed: boolean;
  /** Roots it wrote (added to or deleted from). */
  readonly roots: ReadonlySet<string>;
  /** Names of roots outside the app's layout it tried to write. */
  readonly foreign: ReadonlySet<string>;
  /** Node ids whose record or props it wrote. */
  readonly nodes: ReadonlySet<string>;
  /** Component ids whose record it wrote. */
  readonly components: ReadonlySet<string>;
  /** Data fields it wrote. */
  readonly data: ReadonlySet<string>;
  /** History entries it appended. */
  readonly historyAdded: readonly unknown[];
  /** Whether it deleted from the history. */
  readonly historyDeleted: boolean;
  /** Whether it only moved nodes and set literal prop values (no code can start throwing). */
  readonly literalOnly: boolean;
  /** The meta entries it added (key, value), every one, not only the winners. */
  readonly meta: readonly (readonly [string, unknown])[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

/**
 * Why an added item does not fit the layout where it landed (layout.ts), or null: the same rules
 * as precheck.ts, on the mirror, for any caller that applies an update without the precheck.
 */
function contentProblem(item: Y.Item, place: Place): EditError | null {
  if (place.level > maxLevel(place.root))
    return editError(
      'E_PEER_TOO_DEEP',
      `the update nests shared types deeper than the app’s layout under “${place.root}”`
    );
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  // Inside a shared text field's Y.Text: characters only.
  const inText = place.root === DATA_ROOT && place.level === 1;
  if (content instanceof Y.ContentString && inText) return null;
  if (content instanceof Y.ContentAny && !inText) return null;
  if (content instanceof Y.ContentType)
    return layoutProblem(
      place,
      item.parentSub,
      content.type instanceof Y.Map ? 'map' : content.type instanceof Y.Text ? 'text' : 'other'
    );
  if (inText)
    return editError('E_PEER_INVALID', 'a text field holds characters only (no embeds or formats)');
  if (place.root === META_ROOT)
    return editError('E_META_INVALID', 'the app’s meta holds plain values only');
  return editError(
    'E_PEER_INVALID',
    content instanceof Y.ContentDoc
      ? 'an app’s document holds no subdocuments'
      : 'an app’s document holds plain values and maps only (no text, binary or formats)'
  );
}

class FactsBuilder {
  readonly roots = new Set<string>();
  readonly foreign = new Set<string>();
  readonly nodes = new Set<string>();
  readonly components = new Set<string>();
  readonly data = new Set<string>();
  readonly historyAdded: unknown[] = [];
  readonly meta: [string, unknown][] = [];
  historyDeleted = false;
  literalOnly = true;
  /** The first struct that does not fit the layout (nesting, content), if any. */
  problem: EditError | null = null;
  /** Each shared type's place, found once: the walk over an update is linear in its structs. */
  private readonly places = new Map<AnyType, Place | null>();
  private names: Map<AnyType, string> | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /**
   * The place of a shared type (its root, level and key under the root), memoised per type.
   * It used to rebuild the whole chain up to the root for every struct (with an `unshift` per
   * level): about the cube of the depth, 4 s for a 70 KB update nested 6,000 deep.
   */
  private placeOf(type: AnyType): Place | null {
    const path: AnyType[] = [];
    let t: AnyType = type;
    let base: Place | null | undefined;
    for (;;) {
      base = this.places.get(t);
      if (base !== undefined) break;
      const item = t._item;
      if (!item || !(item.parent instanceof Y.AbstractType)) {
        this.names ??= new Map([...this.doc.share].map(([name, root]) => [root, name]));
        const root = item ? undefined : this.names.get(t);
        base = root === undefined ? null : { root, level: 0, key: null };
        this.places.set(t, base);
        break;
      }
      path.push(t);
      t = item.parent as AnyType;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const sub = path[i]._item!.parentSub;
      base = base && {
        root: base.root,
        level: base.level + 1,
        key: base.level === 0 ? sub : base.key
      };
      this.places.set(path[i], base);
    }
    return base;
  }

  /** Records one struct the update added (`added`) or deleted. */
  note(item: Y.Item, added: boolean): void {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return;
    const place = this.placeOf(parent as AnyType);
    if (place === null) return;
    const name = place.root;
    if (!ROOTS.has(name)) {
      this.foreign.add(name);
      return;
    }
    this.roots.add(name);
    if (added && this.problem === null) this.problem = contentProblem(item, place);
    // The key under the root: the item's own key when it sits in the root, else the key of the
    // first nested type on the way down.
    const key = place.level > 0 ? place.key : item.parentSub;
    switch (name) {
      case 'nodes':
        if (key !== null) this.nodes.add(key);
        break;
      case 'props':
        if (key !== null) {
          const slash = key.indexOf('/');
          this.nodes.add(slash > 0 ? key.slice(0, slash) : key);
          if (added && !isLiteral(item.content.getContent()[0])) this.literalOnly = false;
        }
        break;
      case 'components':
        if (key !== null) this.components.add(key);
        this.literalOnly = false;
        break;
      case 'meta':
        if (added && place.level === 0 && item.parentSub !== null)
          for (const value of item.content.getContent()) this.meta.push([item.parentSub, value]);
        break;
      case 'state':
        if (key !== null) this.data.add(key);
        break;
      case 'history':
        if (added) this.historyAdded.push(...item.content.getContent());
        else this.historyDeleted = true;
        break;
    }
  }

  facts(changed: boolean): UpdateFacts {
    return {
      changed,
      roots: this.roots,
      foreign: this.foreign,
      nodes: this.nodes,
      components: this.components,
      data: this.data,
      historyAdded: this.historyAdded,
      historyDeleted: this.historyDeleted,
      literalOnly: this.literalOnly,
      meta: this.meta
    };
  }
}

/** The origin of the mirror's transactions (nothing observes it; it names the writes in traces). */
const CHECK_ORIGIN = Object.freeze({ check: true });

/**
 * Applies `update` to `mirror` and reads off what it did, or the coded error of an update that
 * cannot be read or does not fit. The mirror may be left changed (and must then be rebuilt when
 * the update is refused).
 */
export function applyToMirror(
  mirror: Y.Doc,
  update: Uint8Array
): { ok: true; facts: UpdateFacts } | { ok: false; error: EditError } {
  if (update.byteLength > MAX_UPDATE_BYTES)
    return {
      ok: false,
      error: editError(
        'E_PEER_MALFORMED',
        `a live update of ${update.byteLength} bytes is larger than the limit of ${MAX_UPDATE_BYTES}`
      )
    };
  const builder = new FactsBuilder(mirror);
  let changed = false;
  const observe = (tr: Y.Transaction) => {
    // Structs added: per client, from the clock before the transaction to the clock after.
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      changed = true;
      const structs = mirror.store.clients.get(client) ?? [];
      for (const struct of structs) {
        if (struct.id.clock + struct.length <= before || struct.id.clock >= after) continue;
        if (struct instanceof Y.Item) builder.note(struct, true);
      }
    }
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      changed = true;
      if (struct instanceof Y.Item) builder.note(struct, false);
    });
  };
  mirror.on('afterTransaction', observe);
  try {
    Y.applyUpdate(mirror, update, CHECK_ORIGIN);
  } catch (e) {
    return {
      ok: false,
      error: editError('E_PEER_MALFORMED', `the live update cannot be read: ${String(e)}`)
    };
  } finally {
    mirror.off('afterTransaction', observe);
  }
  if (builder.problem) return { ok: false, error: builder.problem };
  if (mirror.store.pendingStructs !== null || mirror.store.pendingDs !== null)
    return {
      ok: false,
      error: editError(
        'E_PEER_INCOMPLETE',
        'the live update depends on changes the server does not have; reload to resync'
      )
    };
  return { ok: true, facts: builder.facts(changed) };
}

/** The role's refusals of what an update wrote (nothing for a role that may write it all). */
export function checkRole(facts: UpdateFacts, actor: Actor): EditError[] {
  const role: Role = actor.role ?? 'owner';
  if (facts.foreign.size > 0)
    return [
      editError(
        'E_PEER_INVALID',
        `the update writes “${[...facts.foreign][0]}”, which is not part of an app`
      )
    ];
  const errors: EditError[] = [];
  const definition = [...facts.roots].filter((r) => DEFINITION_ROOTS.has(r));
  if (definition.length > 0 && !canEditDefinition(role))
    errors.push(
      editError(
        'E_FORBIDDEN',
        `a ${role} cannot change the app’s definition (the update writes “${definition[0]}”)`
      )
    );
  if (facts.roots.has(DATA_ROOT) && !canWriteData(role))
    errors.push(editError('E_FORBIDDEN', `a ${role} cannot change the app’s data`));
  // Only owners and editors append history: the studio writes an entry with each batch it
  // commits (ops/write.ts), and a user's app data (runtime/live.ts commitData) never has one.
  // A user's entries could only be forged ones (a "restorable" snapshot, a bad `when`).
  if (facts.roots.has(HISTORY_ROOT) && !canEditDefinition(role))
    errors.push(editError('E_FORBIDDEN', `a ${role} cannot add to the history`));
  if (facts.historyDeleted)
    errors.push(editError('E_HISTORY_LOCKED', 'the update deletes entries of the history log'));
  const now = Date.now();
  for (const entry of facts.historyAdded) {
    const problem = historyEntryProblem(entry, actor, now);
    if (problem) {
      errors.push(problem);
      break;
    }
  }
  errors.push(...metaProblems(facts.meta));
  return errors;
}

/** Whether a stored node record has the shape every node needs, on its own. */
function wellFormedNode(value: unknown): boolean {
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Y.AbstractType
  )
    return false;
  const r = value as Record<string, unknown>;
  if (typeof r.type !== 'string') return false;
  if (!ELEMENTS.has(r.type) && !r.type.startsWith(INSTANCE_PREFIX)) return false;
  if (typeof r.component !== 'string') return false;
  if (r.parent !== null && typeof r.parent !== 'string') return false;
  return isOrderKey(r.order);
}

/**
 * The records an update wrote that do not read back as written, after it (see the file
 * comment, point 3). `model` and `repairs` are the mirror's after the update.
 */
export function checkRecords(
  mirror: Y.Doc,
  facts: UpdateFacts,
  model: AppModel,
  repairs: Repairs
): EditError[] {
  const errors: EditError[] = [];
  const nodes = mirror.getMap<unknown>('nodes');
  for (const id of facts.nodes) {
    const value = nodes.get(id);
    // A node the update removed (or only wrote props of, while someone removed it) is fine.
    if (value === undefined) continue;
    if (!wellFormedNode(value)) {
      errors.push(
        editError('E_PEER_INVALID', `node “${id}” is not a well-formed node record`, {
          path: `/nodes/${id}`
        })
      );
      continue;
    }
    if (repairs.nodes.has(id))
      errors.push(
        editError(
          'E_PEER_INVALID',
          `node “${id}” holds a prop or place the app cannot read (a wrong type, or a reference that does not exist)`,
          { path: `/nodes/${id}` }
        )
      );
  }
  const components = mirror.getMap<unknown>('components');
  for (const id of facts.components) {
    const value = components.get(id);
    if (value === undefined) continue;
    if (!(value instanceof Y.Map) || repairs.components.has(id) || !model.components.has(id))
      errors.push(
        editError('E_PEER_INVALID', `component “${id}” is not a well-formed component`, {
          path: `/components/${id}`
        })
      );
  }
  for (const entry of facts.historyAdded) {
    const problem = restorePointProblem(mirror, entry);
    if (problem) {
      errors.push(problem);
      break;
    }
  }
  if (facts.data.size > 0) {
    const root = rootComponent(model);
    const state = mirror.getMap<unknown>('state');
    for (const field of facts.data) {
      if (!state.has(field)) continue;
      // Own fields only: a field named `constructor` must not find Object.prototype's.
      const decl = root && Object.hasOwn(root.state, field) ? root.state[field] : undefined;
      if (decl && scopeOf(decl) !== 'shared') {
        errors.push(notStoredError(field, decl));
        continue;
      }
      const problem = decl
        ? checkValue(decl.type, stateValue(state.get(field)) as never)
        : { path: '', message: 'the app has no such state field', code: undefined };
      if (problem)
        errors.push(
          editError(
            problem.code ?? 'E_DATA_TYPE',
            `state.${field}${problem.path}: ${problem.message}`,
            {
              path: `/data/${field}`
            }
          )
        );
    }
  }
  return errors;
}

/** The components whose code an update may have changed: written components and nodes' owners. */
export function componentsTouched(facts: UpdateFacts, model: AppModel): Set<string> {
  const touched = new Set<string>();
  for (const id of facts.components) if (model.components.has(id)) touched.add(id);
  for (const id of facts.nodes) {
    const node = model.nodes.get(id);
    if (node) touched.add(node.component);
  }
  return touched;
}
