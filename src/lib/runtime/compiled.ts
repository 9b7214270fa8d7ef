/**
 * What the worker's `load` message carries for each component (README "Protocol"): its module
 * form and its declarations as plain data. Pure, with no compiler in it, so a browser bundle can
 * import its types and the server can hand these objects to a page as JSON.
 */
import type { AppModel, Capabilities, JsonValue, StateType } from '../model/types';
import { zeroValue } from '../schema/statetype';

/** One component as the worker receives it (README "Protocol"). */
export interface Compiled {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly capabilities: Capabilities;
  readonly state: Record<string, JsonValue>;
  readonly types: Record<string, StateType>;
  readonly props: Record<string, JsonValue>;
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
  return { id, name: c.name, source, capabilities: c.capabilities, state, types, props };
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
