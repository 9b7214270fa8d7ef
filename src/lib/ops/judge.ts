/**
 * The one judge (DESIGN section 1): whatever carries a change in (an HTTP batch, a studio's live
 * write, a peer's raw Yjs update, offline work syncing, undo and redo, a history restore, an AI
 * apply, app data from a handler), the server decides over the same three things: the model
 * before, the model after, and who is acting. A rule written once here cannot drift between
 * doors: before it, an editor's HTTP `setCapabilities` was refused while the same write as a raw
 * Yjs update was accepted, and a restore brought back a capability the owner had revoked.
 *
 * `changesBetween` derives what changed (pure), `judgeRules` applies the role rules and the
 * model's own rules to it (pure), and `judgeChange` adds the stages the shell hands in: the
 * compile gate over the components whose code changed, and a dry run unless nothing that can
 * throw changed. tests/fuzz/judge.test.ts holds the HTTP and Yjs doors to one verdict.
 */
import { elementSchema } from '../schema/elements';
import { checkValue } from '../schema/statetype';
import {
  rootComponent,
  scopeOf,
  type AppModel,
  type NodeRecord,
  type StateField
} from '../model/types';
import { SCOPE_WORDS } from './summary';
import { validateModel } from '../model/validate';
import { lineageOf } from '../model/lineage';
import { catalogError, editError, type EditError } from '../errors';
import type { Actor } from './plan';

/** What differs between two models of one app. */
export interface ModelChanges {
  /** Meta keys whose value differs. */
  readonly meta: ReadonlySet<string>;
  /** Components added, removed or changed in any way. */
  readonly components: ReadonlySet<string>;
  /**
   * Components whose capabilities differ: an existing component's changed, or a component that
   * appears with some granted (a capability is authority, whichever door brings it).
   */
  readonly capabilities: ReadonlySet<string>;
  /** Nodes added, removed, moved or with any prop changed. */
  readonly nodes: ReadonlySet<string>;
  /** Data fields added, removed or changed. */
  readonly data: ReadonlySet<string>;
  /** Whether nothing that code reads changed: no view can start throwing (see render-safe.ts). */
  readonly renderSafe: boolean;
}

/** Whether two plain JSON values are equal (key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every(
    (k) => Object.hasOwn(rb, k) && sameJson((a as Record<string, unknown>)[k], rb[k])
  );
}

function isLiteral(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isLiteral);
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, '$expr') || Object.hasOwn(record, '$handler')) return false;
  if (Object.hasOwn(record, '$bind')) return false;
  return Object.values(record).every(isLiteral);
}

function hasCapabilities(caps: object | undefined): boolean {
  return !!caps && Object.values(caps).some((v) => v !== undefined && v !== false);
}

/**
 * Whether a node's change cannot make a view throw: a built-in element of the same type whose
 * changed props are all literals (moves and removals are safe too). Same rule as render-safe.ts.
 */
function safeNodeChange(before: NodeRecord | undefined, after: NodeRecord | undefined): boolean {
  if (!after) return true;
  if (!elementSchema(after.type)) return false;
  if (before && (before.type !== after.type || before.component !== after.component)) return false;
  for (const [name, value] of Object.entries(after.props))
    if (!before || !sameJson(before.props[name], value)) if (!isLiteral(value)) return false;
  return true;
}

/** What changed from `before` to `after`. Unchanged records that are the same object cost nothing. */
export function changesBetween(before: AppModel, after: AppModel): ModelChanges {
  const meta = new Set<string>();
  for (const key of new Set([...Object.keys(before.meta), ...Object.keys(after.meta)]))
    if (!sameJson(before.meta[key as never], after.meta[key as never])) meta.add(key);
  const components = new Set<string>();
  const capabilities = new Set<string>();
  for (const [id, c] of after.components) {
    const old = before.components.get(id);
    if (old === c) continue;
    if (!old) {
      components.add(id);
      if (hasCapabilities(c.capabilities)) capabilities.add(id);
      continue;
    }
    if (!sameJson(old, c)) components.add(id);
    if (!sameJson(old.capabilities ?? {}, c.capabilities ?? {})) capabilities.add(id);
  }
  for (const id of before.components.keys()) if (!after.components.has(id)) components.add(id);
  const nodes = new Set<string>();
  let renderSafe = components.size === 0 && !meta.has('root') && !meta.has('version');
  // A model the planner made from `before` says which records it wrote (model/lineage.ts).
  const see = (id: string, old: NodeRecord | undefined, node: NodeRecord | undefined) => {
    if (old === node || (old && node && sameJson(old, node))) return;
    nodes.add(id);
    if (renderSafe && !safeNodeChange(old, node)) renderSafe = false;
  };
  const lineage = lineageOf(before, after);
  if (lineage) for (const id of lineage.nodes) see(id, before.nodes.get(id), after.nodes.get(id));
  else {
    for (const [id, node] of after.nodes) see(id, before.nodes.get(id), node);
    for (const id of before.nodes.keys()) if (!after.nodes.has(id)) nodes.add(id);
  }
  const data = new Set<string>();
  for (const key of new Set([...Object.keys(before.data), ...Object.keys(after.data)]))
    if (!sameJson(before.data[key], after.data[key])) data.add(key);
  return { meta, components, capabilities, nodes, data, renderSafe };
}

/** Whether the app's definition (anything but its data) changed. */
export function definitionChanged(changes: ModelChanges): boolean {
  return changes.meta.size > 0 || changes.components.size > 0 || changes.nodes.size > 0;
}

/**
 * The components whose code the gate must check again: those that changed and the owners of
 * changed nodes; every component when a component was added, removed or renamed or its declared
 * props changed, since instances of it elsewhere are typed by them.
 */
export function componentsToGate(
  before: AppModel,
  after: AppModel,
  changes: ModelChanges
): Set<string> {
  const touched = new Set<string>();
  for (const id of changes.components) {
    const old = before.components.get(id);
    const now = after.components.get(id);
    if (!old || !now || old.name !== now.name || !sameJson(old.props, now.props))
      return new Set(after.components.keys());
    touched.add(id);
  }
  for (const id of changes.nodes) {
    const owner = after.nodes.get(id)?.component ?? before.nodes.get(id)?.component;
    if (owner && after.components.has(owner)) touched.add(owner);
  }
  return touched;
}

/**
 * The rules that need no compiler: who may change what, data that fits its declared types, and
 * the model's own rules. Pure; the same list whichever door the change came through.
 */
export function judgeRules(
  before: AppModel,
  after: AppModel,
  changes: ModelChanges,
  actor: Actor
): EditError[] {
  const role = actor.role ?? 'owner';
  const definition = definitionChanged(changes);
  // Roles (DESIGN section 7): viewers change nothing, users only the data, and capabilities
  // widen what code may reach, so only an owner changes them (an editor's restore or raw write
  // may not bring back what the owner revoked).
  if (role === 'viewer' && (definition || changes.data.size > 0))
    return [editError('E_FORBIDDEN', 'a viewer cannot change the app')];
  if (definition && role === 'user')
    return [
      editError(
        'E_FORBIDDEN',
        'a user may change the app’s data, not its definition; ask its owner for editor rights'
      )
    ];
  if (changes.capabilities.size > 0 && role !== 'owner') {
    const id = [...changes.capabilities][0];
    const name = (after.components.get(id) ?? before.components.get(id))?.name ?? id;
    return [
      editError(
        'E_NEEDS_OWNER',
        `changing what component ${name} may reach (capabilities) needs the owner’s approval`,
        { path: `/components/${name}/capabilities` }
      )
    ];
  }
  const errors: EditError[] = [];
  if (changes.data.size > 0) {
    const root = rootComponent(after);
    for (const field of changes.data) {
      if (!Object.hasOwn(after.data, field)) continue;
      const decl = root && Object.hasOwn(root.state, field) ? root.state[field] : undefined;
      if (decl && scopeOf(decl) !== 'shared' && !sameJson(after.data[field], decl.initial)) {
        errors.push(notStoredError(field, decl));
        continue;
      }
      const problem = decl
        ? checkValue(decl.type, after.data[field])
        : { path: '', message: 'the app has no such state field' };
      if (problem)
        errors.push(
          editError(
            'code' in problem && problem.code ? problem.code : 'E_DATA_TYPE',
            `state.${field}${problem.path}: ${problem.message}`,
            { path: `/data/${field}` }
          )
        );
    }
  }
  if (definition) errors.push(...validateModel(after));
  return errors;
}

/**
 * The refusal of a `local` or `person` field's value written as the app's data: it stays in each
 * tab or browser, and the document never holds it (the judge here, the live check in
 * collab/check.ts).
 */
export function notStoredError(field: string, decl: StateField): EditError {
  return catalogError(
    'E_STATE_SCOPE',
    { field, scope: SCOPE_WORDS[scopeOf(decl)] },
    { path: `/data/${field}` }
  );
}

/** The stages of the judge that need the shell: the compile gate and the sandbox. */
export interface JudgeStages {
  /** Parse, policy and type check of the given components of `model` (off the main thread). */
  gate(model: AppModel, components: ReadonlySet<string>): Promise<readonly EditError[]>;
  /**
   * Renders `model` once in the sandbox with its data, and runs the handlers new or changed since
   * `before` with synthetic events on a copy of the data.
   */
  dryRun(model: AppModel, before?: AppModel): Promise<readonly EditError[]>;
}

/**
 * The verdict on a change from `before` to `after` by `actor`: no errors means it may be
 * written. Cheap refusals come first; the gate and the dry run only run on what the rules let by.
 */
export async function judgeChange(
  before: AppModel,
  after: AppModel,
  actor: Actor,
  stages: JudgeStages,
  changes: ModelChanges = changesBetween(before, after)
): Promise<EditError[]> {
  const ruled = judgeRules(before, after, changes, actor);
  if (ruled.length > 0) return ruled;
  if (!definitionChanged(changes)) return [];
  const touched = componentsToGate(before, after, changes);
  if (touched.size > 0) {
    const gated = await stages.gate(after, touched);
    if (gated.length > 0) return [...gated];
  }
  if (changes.renderSafe) return [];
  return [...(await stages.dryRun(after, before))];
}
