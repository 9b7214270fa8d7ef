/**
 * The canvas's pure gesture and placing rules (src/lib/editor/canvas/gestures.ts, geometry.ts):
 * what a release means, which stopped events lose their default, the inline editor's keys, and
 * where frames, labels, name tags and pointers go.
 */
import { describe, expect, it } from 'vitest';
import {
  DOUBLE_MS,
  DOUBLE_SLOP,
  inlineKeyAction,
  readRelease,
  stopsDefault
} from '../../src/lib/editor/canvas/gestures';
import {
  frameIn,
  inlineEditorBox,
  labelBelow,
  pagePoint,
  stackSlots,
  unionOf
} from '../../src/lib/editor/canvas/geometry';

describe('readRelease: click and double click', () => {
  const at = { x: 100, y: 50 };

  it('a first release on an element is a click, remembered', () => {
    const r = readRelease(null, 'k1', 1000, at);
    expect(r).toEqual({ double: false, last: { key: 'k1', at: 1000, x: 100, y: 50 } });
  });

  it('a second release on the same element, soon and near, is a double click, then forgotten', () => {
    const first = readRelease(null, 'k1', 1000, at).last;
    const r = readRelease(first, 'k1', 1000 + DOUBLE_MS - 1, { x: 103, y: 52 });
    expect(r).toEqual({ double: true, last: null });
    // A third release starts a new pair.
    expect(readRelease(r.last, 'k1', 1000 + DOUBLE_MS, at).double).toBe(false);
  });

  it('too late, too far, or on another element is a new click', () => {
    const first = readRelease(null, 'k1', 1000, at).last;
    expect(readRelease(first, 'k1', 1000 + DOUBLE_MS, at).double).toBe(false);
    expect(readRelease(first, 'k1', 1100, { x: 100 + DOUBLE_SLOP, y: 50 }).double).toBe(false);
    const other = readRelease(first, 'k2', 1100, at);
    expect(other.double).toBe(false);
    expect(other.last?.key).toBe('k2');
  });

  it('a release on no element is no click and forgets the last', () => {
    const first = readRelease(null, 'k1', 1000, at).last;
    expect(readRelease(first, null, 1100, at)).toEqual({ double: false, last: null });
  });
});

describe('stopsDefault', () => {
  it('stopped events lose their default, except pointer moves and events that cannot', () => {
    expect(stopsDefault('click', true)).toBe(true);
    expect(stopsDefault('keydown', true)).toBe(true);
    expect(stopsDefault('pointermove', true)).toBe(false);
    expect(stopsDefault('click', false)).toBe(false);
  });
});

describe('inlineKeyAction', () => {
  it('Enter saves, Escape cancels, Shift+Enter adds a line only where lines are allowed', () => {
    expect(inlineKeyAction('Enter', false, false)).toBe('save');
    expect(inlineKeyAction('Enter', true, false)).toBe('save');
    expect(inlineKeyAction('Enter', true, true)).toBeNull();
    expect(inlineKeyAction('Enter', false, true)).toBe('save');
    expect(inlineKeyAction('Escape', false, true)).toBe('cancel');
    expect(inlineKeyAction('a', false, false)).toBeNull();
  });
});

describe('geometry', () => {
  it('frameIn: a window rectangle in the canvas, scrolled content included', () => {
    const rect = { left: 150, top: 320, width: 40, height: 20 };
    const origin = { left: 100, top: 300, width: 800, height: 600 };
    expect(frameIn(rect, origin, { left: 5, top: 200 })).toEqual({
      left: 55,
      top: 220,
      width: 40,
      height: 20
    });
  });

  it('unionOf: around the rectangles with a size; null when none has one', () => {
    expect(
      unionOf([
        { left: 10, top: 10, width: 20, height: 10 },
        { left: 0, top: 0, width: 0, height: 0 },
        { left: 25, top: 30, width: 10, height: 5 }
      ])
    ).toEqual({ left: 10, top: 10, width: 25, height: 25 });
    expect(unionOf([{ left: 3, top: 3, width: 0, height: 0 }])).toBeNull();
    expect(unionOf([])).toBeNull();
  });

  it('labelBelow: a label with no room above its frame goes under it', () => {
    expect(labelBelow({ left: 0, top: 21, width: 1, height: 1 })).toBe(true);
    expect(labelBelow({ left: 0, top: 22, width: 1, height: 1 })).toBe(false);
  });

  it('pagePoint: page coordinates in whole pixels', () => {
    expect(
      pagePoint({ x: 130.6, y: 40.2 }, { left: 100, top: 20, width: 500, height: 500 })
    ).toEqual({ x: 31, y: 20 });
  });

  it('inlineEditorBox: a little larger than the words, never narrower than 160 px', () => {
    expect(inlineEditorBox({ left: 50, top: 60, width: 300, height: 20 })).toEqual({
      left: 46,
      top: 56,
      width: 308
    });
    expect(inlineEditorBox({ left: 50, top: 60, width: 12, height: 20 }).width).toBe(160);
  });

  it('stackSlots: name tags on one node stack, each node counts from 0', () => {
    expect(stackSlots(['a', 'b', 'a', 'a', 'b'])).toEqual([0, 0, 1, 2, 1]);
  });
});
