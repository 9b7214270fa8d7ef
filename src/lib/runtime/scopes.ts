/**
 * App data by scope (DESIGN.md section 5). The document holds the root component's `shared`
 * fields; a `local` field lives in one tab (the page and its worker) and a `person` field in one
 * person's browser (localStorage, the same in each of their tabs). A handler sees and changes all
 * of them in one `state` object: these functions compose that object before a render and split
 * what a handler left, so only the shared part is ever written to the document.
 */
import { checkValue } from '../schema/statetype';
import { scopeOf, type ComponentRecord, type JsonValue } from '../model/types';

export type Data = Readonly<Record<string, JsonValue>>;

/** Where a person's `person`-scoped values are kept (localStorage in a browser). */
export interface PersonStore {
  read(): Data;
  write(values: Data): void;
}

function fits(decl: ComponentRecord['state'][string], data: Data | null, field: string): boolean {
  return !!data && Object.hasOwn(data, field) && !checkValue(decl.type, data[field]);
}

/**
 * The data a render starts from: each field the root declares, `shared` ones from the document's
 * data, `local` ones as this tab `held` them (the last data it rendered), `person` ones from the
 * person's store, then as held, then the initial value. A held value that no longer fits its
 * field's type (after a retype) starts again from the initial value.
 */
export function composeData(
  root: ComponentRecord | undefined,
  shared: Data,
  held: Data | null,
  person: Data | null = null
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [field, decl] of Object.entries(root?.state ?? {})) {
    const scope = scopeOf(decl);
    if (scope === 'shared')
      out[field] = Object.hasOwn(shared, field) ? shared[field] : decl.initial;
    else if (scope === 'person' && fits(decl, person, field)) out[field] = person![field];
    else if (fits(decl, held, field)) out[field] = held![field];
    else out[field] = decl.initial;
  }
  return out;
}

/** The fields of `data` in `scope` (undeclared fields count as shared: the server refuses them). */
export function scopePart(
  root: ComponentRecord | undefined,
  data: Data,
  scope: 'shared' | 'local' | 'person'
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [field, value] of Object.entries(data)) {
    const decl = root && Object.hasOwn(root.state, field) ? root.state[field] : undefined;
    if (scopeOf(decl) === scope) out[field] = value;
  }
  return out;
}

/** A person store in `storage` (a browser's localStorage) under one key per app. */
export function browserPersonStore(storage: Storage, appId: string): PersonStore {
  const key = personStoreKey(appId);
  return {
    read() {
      try {
        const value = JSON.parse(storage.getItem(key) ?? '{}') as unknown;
        return value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value as Record<string, JsonValue>))
          : {};
      } catch {
        return {};
      }
    },
    write(values) {
      try {
        storage.setItem(key, JSON.stringify(values));
      } catch {
        // Storage full or blocked: the value lives on in this tab.
      }
    }
  };
}

/** The localStorage key of an app's person store, to recognise its `storage` events. */
export function personStoreKey(appId: string): string {
  return `malleable:person:${appId}`;
}
