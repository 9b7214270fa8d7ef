/**
 * Measuring untrusted JSON before anything recursive (Ajv, the planner, a tree walk) touches it:
 * an iterative walk with its own stack, so a value nested a million deep costs memory in
 * proportion to its size and never overflows the call stack.
 */

/** Where a value first goes deeper than `limit`, as a JSON pointer; undefined when it does not. */
export function tooDeepAt(value: unknown, limit: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.depth > limit) return item.path || '/';
    const v = item.value;
    if (v === null || typeof v !== 'object') continue;
    for (const [k, child] of Object.entries(v))
      stack.push({ value: child, depth: item.depth + 1, path: `${item.path}/${k}` });
  }
  return undefined;
}
