/**
 * The outline's edits of the components themselves: renaming one (its header becomes a field),
 * adding one (a field under the list), and removing one, each sent through `studio.propose`.
 * A refused name stays in its field with the reason; a refused removal is shown under its
 * component's header.
 */
import type { ComponentRecord } from '../../model/types';
import type { Studio } from '../studio.svelte';

/** A component being renamed: the typed name, and why it was refused. */
export interface Renaming {
  readonly id: string;
  value: string;
  error: string;
  busy: boolean;
}

/** A new component's name being typed, and why it was refused. */
export interface Adding {
  value: string;
  error: string;
}

/** A refused removal. */
export interface Removal {
  readonly id: string;
  readonly error: string;
  readonly code: string;
}

/** The component edits under way in one outline. */
export class ComponentEdits {
  /** The component being renamed, or null. */
  renaming = $state<Renaming | null>(null);
  /** The new component being named, or null. */
  adding = $state<Adding | null>(null);
  /** A refused removal, shown under its component's header. */
  removal = $state<Removal | null>(null);

  constructor(private readonly studio: Studio) {}

  /** Turns the component's header into a field with its name. */
  startRename(component: ComponentRecord): void {
    this.renaming = { id: component.id, value: component.name, error: '', busy: false };
  }

  /** Saves the typed name (or drops it); a refused name keeps the field open with why. */
  async finishRename(save: boolean): Promise<void> {
    const edit = this.renaming;
    if (!edit || edit.busy) return;
    const component = this.studio.model.components.get(edit.id);
    const name = edit.value.trim();
    if (!save || !component || name === component.name) {
      this.renaming = null;
      return;
    }
    edit.busy = true;
    const outcome = await this.studio.propose(
      [{ op: 'renameComponent', name: component.name, newName: name }],
      'visual'
    );
    // Closed or restarted meanwhile: this answer is no longer shown.
    if (this.renaming !== edit) return;
    edit.busy = false;
    if (outcome.ok) this.renaming = null;
    else edit.error = outcome.errors[0]?.message ?? 'The name was refused.';
  }

  /** A key typed in the rename field: Enter saves, Escape drops. */
  renameKeydown(event: KeyboardEvent): void {
    // Keys typed here belong to the field, never to the studio's shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.finishRename(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void this.finishRename(false);
    }
  }

  /** Opens the field for a new component's name. */
  startAdd(): void {
    this.adding = { value: '', error: '' };
  }

  /** Adds the component named in the field (or drops the field); a refusal stays with its code. */
  async finishAdd(save: boolean): Promise<void> {
    const edit = this.adding;
    if (!edit) return;
    const name = edit.value.trim();
    if (!save || name === '') {
      this.adding = null;
      return;
    }
    const outcome = await this.studio.propose([{ op: 'addComponent', name }], 'visual');
    if (this.adding !== edit) return;
    if (outcome.ok) this.adding = null;
    else edit.error = `${outcome.errors[0]?.code ?? ''} ${outcome.errors[0]?.message ?? ''}`;
  }

  /** Removes a component (not the app's root); a refusal is kept in `removal`. */
  async remove(component: ComponentRecord): Promise<void> {
    this.removal = null;
    const outcome = await this.studio.propose(
      [{ op: 'removeComponent', name: component.name }],
      'visual'
    );
    if (!outcome.ok)
      this.removal = {
        id: component.id,
        error: outcome.errors[0]?.message ?? 'The component was not removed.',
        code: outcome.errors[0]?.code ?? ''
      };
  }
}
