/**
 * The view a SandboxHost holds, the one the worker's next view reply is a diff against (see
 * sandbox/world.js `viewReply`): the seq of the reply that brought it, and its nodes by key, so
 * a `{ $same: key }` subtree becomes the host's own copy and keeps its identity.
 */
import { decodeView, indexView, type ViewNode } from './view';

/** The held view's seq and nodes by key; `decode` reads a reply against it. */
export class HeldView {
  private seq = 0;
  private byKey = new Map<string, ViewNode>();

  /**
   * The whole view of a `view` reply, or null when it is a diff against a view other than the
   * one held (or unreadable): the host then asks for the whole view rather than show a wrong one.
   */
  decode(reply: { readonly [field: string]: unknown }): ViewNode | null {
    const base = Number(reply.base ?? 0);
    if (base !== 0 && base !== this.seq) return null;
    return decodeView(reply.view, base === 0 ? null : this.byKey);
  }

  /** Holds `view`, which came with the reply of `seq`. */
  hold(seq: unknown, view: ViewNode): void {
    this.seq = Number(seq);
    this.byKey = indexView(view);
  }
}
