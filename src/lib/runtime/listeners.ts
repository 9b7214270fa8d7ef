/**
 * A set of listeners for one kind of news from the sandbox host (new data, log messages,
 * incidents): each `add` returns its own unsubscribe function, and `emit` calls them in the
 * order they were added.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds `listener`; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  /** Calls every listener with `value`. */
  emit(value: T): void {
    for (const listener of this.set) listener(value);
  }
}
