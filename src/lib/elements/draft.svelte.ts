/**
 * What a text field or slider shows while its edits travel to the sandbox and back. A new view
 * tree arrives after every event, but not instantly: typing "ab" sends "a" then "ab", and the
 * tree rendered for "a" can arrive after the "b" was typed. Showing it would drop the "b" and
 * jump the caret, so a value that echoes an older edit of ours is ignored while newer ones are
 * in flight. Any other value (another person's edit, a handler that rewrote the text) wins.
 */
export class FieldDraft<T> {
  /** The value the control shows. */
  current: T = $state() as T;
  #sent: T[] = [];

  constructor(initial: T) {
    this.current = initial;
  }

  /** The person changed the value; it is about to be dispatched. */
  edit(value: T): void {
    this.current = value;
    this.#sent.push(value);
  }

  /** A value arrived in a new view tree. */
  receive(value: T): void {
    const echoed = this.#sent.indexOf(value);
    if (echoed >= 0) {
      this.#sent.splice(0, echoed + 1);
      // Newer edits are still on their way; their echoes will settle the value.
      if (this.#sent.length > 0) return;
    } else {
      this.#sent = [];
    }
    this.current = value;
  }
}
