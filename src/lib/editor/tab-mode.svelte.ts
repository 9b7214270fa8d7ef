/**
 * The studio's mode in this tab. Use: the app as its users see it. Edit: select, drag, edit in
 * place. Kept for this tab across a reload (sessionStorage), so a person testing their app stays
 * in Use mode.
 */

/** Use mode or Edit mode. */
export type StudioMode = 'use' | 'edit';

/** The mode of one app's studio in this tab. */
export class TabMode {
  #mode = $state<StudioMode>('edit');

  constructor(private readonly appId: string) {
    try {
      if (sessionStorage.getItem(`malleable.mode:${appId}`) === 'use') this.#mode = 'use';
    } catch {
      // As in `mode`.
    }
  }

  /** The mode now; setting it keeps it for this tab. */
  get mode(): StudioMode {
    return this.#mode;
  }
  set mode(mode: StudioMode) {
    this.#mode = mode;
    try {
      sessionStorage.setItem(`malleable.mode:${this.appId}`, mode);
    } catch {
      // No storage (a test, private mode): the mode lasts as long as the page.
    }
  }
}
