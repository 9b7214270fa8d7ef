/**
 * `readAwarenessFrame` (collab/awareness-frame.ts): a presence frame Hocuspocus could not read (a
 * state that is not JSON, an update cut short, a count larger than what follows) is named before
 * it reaches Hocuspocus; a well-formed one gives the clients it names (and only those: the guard
 * drops the scratch awareness' own client by them); a message of another type is not read.
 */
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { readAwarenessFrame } from '../../src/lib/collab/awareness-frame';

function frame(type: number, entries: { client: number; state: string }[], count?: number) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, count ?? entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.client);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, e.state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarString(message, 'app/aaaaaaaaaa');
  encoding.writeVarUint(message, type);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const UNREADABLE = { ok: false, problem: expect.stringMatching(/cannot be read/) };

describe('readAwarenessFrame', () => {
  it('reads the clients of a well-formed frame, leaves (null) included', () => {
    const read = readAwarenessFrame(
      frame(1, [
        { client: 7, state: '{"selection":"a"}' },
        { client: 2 ** 31, state: 'null' }
      ])
    );
    expect(read).toEqual({ ok: true, clients: new Set([7, 2 ** 31]) });
  });

  it('does not read messages of other types, or bytes that are no message', () => {
    expect(readAwarenessFrame(frame(0, [{ client: 1, state: 'not json' }]))).toBeNull();
    expect(readAwarenessFrame(new Uint8Array([200]))).toBeNull();
  });

  it('names a state that is not JSON, a frame cut short, and a count with nothing behind it', () => {
    for (const state of ['{"a":', '', 'x'.repeat(50), '{"a":1}}'])
      expect(readAwarenessFrame(frame(1, [{ client: 1, state }])), state).toEqual(UNREADABLE);
    const whole = frame(1, [{ client: 1, state: '{"selection":"a"}' }]);
    expect(readAwarenessFrame(whole.slice(0, whole.length - 3))).toEqual(UNREADABLE);
    expect(readAwarenessFrame(frame(1, [], 2 ** 40))).toEqual(UNREADABLE);
  });
});
