/**
 * A collaboration message read as an awareness (presence) frame, off its bytes, before
 * Hocuspocus decodes it. Two things come of it:
 *
 * - A frame Hocuspocus could not read (a state that is not JSON, an update cut short) throws
 *   inside Hocuspocus before any hook sees it, and the connection used to be closed with its
 *   uncoded "Reset Connection". Named here, the server refuses it with `E_AWARENESS_INVALID`.
 * - The client ids the frame names. Hocuspocus applies the update to a scratch awareness and
 *   hands its states to the guard; a scratch awareness has a local client of its own (state
 *   `{}`, a new random id on every message), which no peer sent. The guard takes only the ids
 *   read here, so that client is neither counted as the sender's nor kept.
 *
 * Only the framing is judged; what the states hold is `presenceProblem`'s (presence.ts).
 */
import * as decoding from 'lib0/decoding';

/** Hocuspocus' message type of an awareness update (its `MessageType.Awareness`). */
const AWARENESS_MESSAGE = 1;

/** What an awareness frame says: the clients it names, or why it cannot be read. */
export type AwarenessFrame =
  | { readonly ok: true; readonly clients: ReadonlySet<number> }
  | { readonly ok: false; readonly problem: string };

/**
 * The message `frame` (document name, type, payload, as the socket carried it) read as an
 * awareness update, or null when it is not an awareness message (those are judged elsewhere).
 */
export function readAwarenessFrame(frame: Uint8Array): AwarenessFrame | null {
  const message = decoding.createDecoder(frame);
  try {
    decoding.readVarString(message);
    if (decoding.readVarUint(message) !== AWARENESS_MESSAGE) return null;
  } catch {
    // Not even a document name and a type: not an awareness frame (Hocuspocus' own reading
    // refuses it before it reaches a document).
    return null;
  }
  try {
    const decoder = decoding.createDecoder(decoding.readVarUint8Array(message));
    const count = decoding.readVarUint(decoder);
    const clients = new Set<number>();
    // Each entry takes at least three bytes, so a count larger than the frame fails at once.
    for (let i = 0; i < count; i++) {
      clients.add(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      JSON.parse(decoding.readVarString(decoder));
    }
    return { ok: true, clients };
  } catch {
    return {
      ok: false,
      problem: 'a presence update that cannot be read (cut short, or a state that is not JSON)'
    };
  }
}
