/**
 * Who is editing which field, for the inspector and the state panel alike: publishes this
 * person's field while it has the focus, and reads which peers are in which field.
 */
import { untrack } from 'svelte';
import { fieldEditors, fieldsKey } from './presence-view';
import type { Studio } from './studio.svelte';

/**
 * Publishes `myField()` while it is not null (leaving the field, or the panel going away with the
 * focus in it, clears it for the others) and returns the peers per field key. `studio.peers`
 * changes with every pointer move of anyone; the map is worked out again only when someone moved
 * to another field (a derived string that compares equal wakes nobody).
 */
export function fieldPresence(
  studio: Studio,
  myField: () => string | null
): { readonly editors: ReturnType<typeof fieldEditors> } {
  $effect(() => {
    const key = myField();
    if (key === null) return;
    studio.setField(key);
    return () => studio.setField(null);
  });
  const editorsKey = $derived(fieldsKey(studio.peers));
  const editors = $derived.by(() => {
    void editorsKey;
    return untrack(() => fieldEditors(studio.peers));
  });
  return {
    get editors() {
      return editors;
    }
  };
}

/** Whether a focusout only moves the focus within the same field (its `{ }` toggle, say). */
export function focusStaysIn(event: FocusEvent): boolean {
  const next = event.relatedTarget;
  return next instanceof Node && (event.currentTarget as HTMLElement).contains(next);
}
