/**
 * How a person laid the studio out: the palette and outline column shown or folded away, and the
 * sidebar at its usual width or wide (for the code editor). Kept in this browser
 * (localStorage), for every app: it is the person's choice, not the app's.
 */

const KEY = 'malleable.layout';

interface Stored {
  left?: boolean;
  wide?: boolean;
}

function read(): Stored {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

/** The studio's layout choices, remembered across reloads and apps. */
export class LayoutPrefs {
  /** Whether the palette and outline column is shown. */
  left = $state(true);
  /** Whether the sidebar is wide (half the window) rather than its usual width. */
  wide = $state(false);

  /**
   * Reads the remembered choice; called once mounted, so the server's page and the first
   * client render agree (hydration does not repair attributes).
   */
  load(): void {
    const stored = read();
    if (typeof stored.left === 'boolean') this.left = stored.left;
    if (typeof stored.wide === 'boolean') this.wide = stored.wide;
  }

  /** Shows or folds the palette and outline column, and remembers it. */
  toggleLeft(): void {
    this.left = !this.left;
    this.save();
  }

  /** Widens or narrows the sidebar, and remembers it. */
  toggleWide(): void {
    this.wide = !this.wide;
    this.save();
  }

  private save(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify({ left: this.left, wide: this.wide }));
    } catch {
      // No storage (private mode): the choice lasts as long as the page.
    }
  }
}
