/**
 * How the state panel's forms send what they parsed: a parse step's ops go to `studio.propose`,
 * and what comes back is the list of errors to show under the form (none when it committed). A
 * parse failure is shown the same way and proposes nothing.
 */
import type { EditError } from '../ops/errors';
import type { Studio } from './studio.svelte';
import type { Parsed } from './typed-input';

/** Proposes ops that a parse step built; returns the errors (none when it committed). */
export async function proposeParsed(
  studio: Studio,
  parsed: Parsed<unknown[]>
): Promise<readonly EditError[]> {
  if (!parsed.ok) return [parsed.error];
  const outcome = await studio.propose(parsed.value, 'visual');
  return outcome.ok ? [] : outcome.errors;
}

/** Enter in a one-line box commits it (the form's own submit is not involved). */
export function enterCommits(event: KeyboardEvent, commit: () => void): void {
  if (event.key === 'Enter') {
    event.preventDefault();
    commit();
  }
}
