/**
 * Plain JSON, checked: whatever a peer, a file or a request hands in must be exactly the value
 * `JSON.parse` could have made (null, booleans, finite numbers, strings, real arrays and objects
 * whose prototype is `Object.prototype` or null, with own string keys only), before anything
 * reads a field of it.
 *
 * Why: lib0's decoder (Yjs maps holding JSON) builds objects by assignment, so a key `__proto__`
 * sets the prototype of the decoded object (STACK.md). A type check that reads `value.title`
 * then reads it through the prototype: `[{"__proto__": {"title": "x"}}]` passed as a list of
 * `{title: string}`, made `/apps/ID` answer 500 for everyone, and no longer imported after an
 * export. Own keys only, and a known prototype, stop that whole family.
 *
 * The walk is iterative with a depth and a size bound, so a value nested a million deep or
 * holding a million entries costs a bounded amount of work and never overflows the call stack.
 */

/** Bounds for one value. */
export interface PlainLimits {
  /** How deep arrays and objects may nest (the value itself is depth 0). */
  readonly depth: number;
  /** How many values (every array, object, entry and leaf) the whole value may hold. */
  readonly nodes: number;
}

/** Bounds for app data and prop values: far above what an app needs, far below a stall. */
export const DATA_LIMITS: PlainLimits = { depth: 64, nodes: 200_000 };

/** Where and why a value is not plain JSON. */
export interface PlainProblem {
  /** A JSON pointer below the value ('' for the value itself). */
  readonly path: string;
  readonly message: string;
}

/** Whether `value` is an object built like `JSON.parse` builds one (not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The first way `value` fails to be plain JSON within `limits`, or null when it is plain.
 * Rules: see the file comment; an own key `__proto__` is refused too, since the next copy by
 * assignment (a spread into a literal is fine, `Object.assign` or a lib0 round trip is not)
 * would turn it into a prototype.
 */
export function plainProblem(
  value: unknown,
  limits: PlainLimits = DATA_LIMITS
): PlainProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let count = 0;
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (++count > limits.nodes)
      return { path, message: `the value holds more than ${limits.nodes} entries` };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) continue;
      return { path, message: `${String(v)} is not a JSON number` };
    }
    if (typeof v !== 'object') return { path, message: `a ${typeof v} is not JSON` };
    if (depth >= limits.depth)
      return { path, message: `the value nests deeper than ${limits.depth} levels` };
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype)
        return { path, message: 'a list with a foreign prototype is not plain JSON' };
      for (let i = v.length - 1; i >= 0; i--) {
        if (!Object.hasOwn(v, i)) return { path: `${path}/${i}`, message: 'a list with holes' };
        stack.push({ value: v[i], depth: depth + 1, path: `${path}/${i}` });
      }
      continue;
    }
    if (!isPlainObject(v))
      return { path, message: 'an object with a prototype (a key “__proto__”) is not plain JSON' };
    const keys = Reflect.ownKeys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (typeof key !== 'string') return { path, message: 'a symbol key is not JSON' };
      if (key === '__proto__')
        return { path: `${path}/${key}`, message: 'the key “__proto__” is not allowed' };
      const descriptor = Object.getOwnPropertyDescriptor(v, key)!;
      if (!Object.hasOwn(descriptor, 'value'))
        return { path: `${path}/${key}`, message: 'a getter is not plain JSON' };
      stack.push({ value: descriptor.value, depth: depth + 1, path: `${path}/${key}` });
    }
  }
  return null;
}

/** Whether `value` is plain JSON within `limits` (see `plainProblem`). */
export function isPlainJson(value: unknown, limits: PlainLimits = DATA_LIMITS): boolean {
  return plainProblem(value, limits) === null;
}
