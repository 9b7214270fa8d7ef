/**
 * What the worker's `load` message carries for each component (README "Protocol"): its module
 * form and its declarations as plain data. Pure, with no compiler in it, so a browser bundle can
 * import its types and the server can hand these objects to a page as JSON.
 */
import type { AppModel, Capabilities, JsonValue, StateType } from '../model/types';
import { zeroValue } from '../schema/statetype';
import { componentLiterals } from '../code/literals';

/** One component as the worker receives it (README "Protocol"). */
export interface Compiled {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly capabilities: Capabilities;
  readonly state: Record<string, JsonValue>;
  readonly types: Record<string, StateType>;
  readonly props: Record<string, JsonValue>;
  /** The values of the module's literal slots, `$lit(n)` reads `literals[n]` (../code/literals.ts). */
  readonly literals: readonly JsonValue[];
}

/** What the worker needs of one component besides its module. */
export function compiledOf(model: AppModel, id: string, source: string): Compiled {
  const c = model.components.get(id)!;
  const state: Record<string, JsonValue> = {};
  const types: Record<string, StateType> = {};
  for (const [field, decl] of Object.entries(c.state)) {
    state[field] = decl.initial as JsonValue;
    types[field] = decl.type;
  }
  const props: Record<string, JsonValue> = {};
  // A prop without a default starts from its type's zero value, so a component's code never
  // meets `undefined` where its declared type promises a value.
  for (const [name, decl] of Object.entries(c.props))
    props[name] = (decl.default ?? zeroValue(decl.type)) as JsonValue;
  const literals = componentLiterals(model, id);
  return { id, name: c.name, source, capabilities: c.capabilities, state, types, props, literals };
}

/** Every component of `model` with its module form (the gate's `modules`), by id. */
export function compiledComponents(
  model: AppModel,
  modules: ReadonlyMap<string, string>
): Map<string, Compiled> {
  const components = new Map<string, Compiled>();
  for (const [id, source] of modules) components.set(id, compiledOf(model, id, source));
  return components;
}

/** What a page needs to run an app in a browser sandbox (plain JSON), or why it cannot. */
export type LiveSource =
  | {
      readonly ok: true;
      readonly components: Compiled[];
      readonly root: string;
      readonly data: Record<string, JsonValue>;
    }
  | { readonly ok: false; readonly message: string };

/**
 * A short fingerprint of one compiled component (FNV-1a over its JSON): two components with the
 * same stamp run the same way. The browser's gate worker stamps what it compiles, so the canvas
 * learns which components an update changed by comparing stamps, not the modules' text.
 */
export function componentStamp(component: Compiled): string {
  const text = JSON.stringify(component);
  let hash = 0x811c9dc5;
  let second = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  return `${(hash >>> 0).toString(36)}.${(second >>> 0).toString(36)}.${text.length}`;
}

/** The literal entries of one component that changed: what a `literals` request carries. */
export interface LiteralPatch {
  readonly id: string;
  /** `[slot, value]` for each slot whose value changed. */
  readonly slots: readonly (readonly [number, JsonValue])[];
}

/** What changed between two compiles of an app, split by how the sandbox takes it. */
export interface CompiledChanges {
  /** New components and those whose module or declarations changed: sent whole, in a swap. */
  readonly structural: Compiled[];
  /** Components whose literal values alone changed: only those slots are sent. */
  readonly literals: LiteralPatch[];
  /** Ids in `before` that `after` lacks. */
  readonly removed: string[];
}

function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** Everything of a component but its literal values: what decides whether a slot patch will do. */
function sameShape(a: Compiled, b: Compiled): boolean {
  return (
    a.source === b.source &&
    a.name === b.name &&
    a.literals.length === b.literals.length &&
    JSON.stringify([a.capabilities, a.state, a.types, a.props]) ===
      JSON.stringify([b.capabilities, b.state, b.types, b.props])
  );
}

/**
 * Tells literal-only changes from structural ones (issue 13): a component whose module text and
 * declarations are unchanged and whose literal values differ becomes a `LiteralPatch` of just the
 * changed slots; anything else that changed is sent whole. `after` may hold every component or
 * only those known to have changed (`removed` is then only right when it holds every one).
 */
export function splitChanges(
  before: ReadonlyMap<string, Compiled>,
  after: Iterable<Compiled>,
  options: { complete?: boolean } = {}
): CompiledChanges {
  const structural: Compiled[] = [];
  const literals: LiteralPatch[] = [];
  const seen = new Set<string>();
  for (const c of after) {
    seen.add(c.id);
    const old = before.get(c.id);
    if (old === c) continue;
    if (!old || !sameShape(old, c)) {
      structural.push(c);
      continue;
    }
    const slots: [number, JsonValue][] = [];
    c.literals.forEach((value, i) => {
      if (!sameValue(old.literals[i], value)) slots.push([i, value]);
    });
    if (slots.length > 0) literals.push({ id: c.id, slots });
  }
  const removed =
    options.complete === false ? [] : [...before.keys()].filter((id) => !seen.has(id));
  return { structural, literals, removed };
}
