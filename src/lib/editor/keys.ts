/**
 * The studio's keyboard shortcuts (placeholder: filled in with the commands).
 */
import type { Studio } from './studio.svelte';

/** Handles one keydown on the studio window. */
export function studioKeydown(studio: Studio, event: KeyboardEvent): void {
  void studio;
  void event;
}
