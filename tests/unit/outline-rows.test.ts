/**
 * The outline's row model and virtual window (src/lib/editor/outline/rows.ts) and its row keys
 * (row-keys.ts).
 */
import { describe, expect, it } from 'vitest';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf } from '../../src/lib/model/types';
import { templateModel } from '../../src/lib/templates';
import {
  componentsInOrder,
  OVERSCAN,
  ROW_HEIGHT,
  rowWindow,
  scrollToShow,
  treeRows
} from '../../src/lib/editor/outline/rows';
import { rowKeyAction } from '../../src/lib/editor/outline/row-keys';

const model = templateModel('todo', seededIds(1));

describe('treeRows', () => {
  const root = componentsInOrder(model)[0];

  it('the app component comes first', () => {
    expect(root.id).toBe(model.meta.root);
  });

  it('every node of an open tree once, parents before children, depth by depth', () => {
    const rows = treeRows(model, root, new Set());
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows[0]).toMatchObject({ id: root.root, depth: 0, open: true });
    for (const row of rows) {
      expect(row.kids).toBe(childrenOf(model, row.id).length);
      const parent = model.nodes.get(row.id)!.parent;
      if (row.id === root.root) continue;
      const at = ids.indexOf(parent!);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(ids.indexOf(row.id));
      expect(row.depth).toBe(rows[at].depth + 1);
    }
  });

  it('a collapsed node keeps its row and hides what is under it', () => {
    const all = treeRows(model, root, new Set());
    const rows = treeRows(model, root, new Set([root.root]));
    expect(rows).toEqual([{ ...all[0], open: false }]);
  });
});

describe('rowWindow', () => {
  it('the rows in view and OVERSCAN either side, clamped to the list', () => {
    expect(rowWindow(1000, 0, 0, 10 * ROW_HEIGHT)).toEqual({ start: 0, end: 10 + OVERSCAN });
    expect(rowWindow(1000, 0, 100 * ROW_HEIGHT, 10 * ROW_HEIGHT)).toEqual({
      start: 100 - OVERSCAN,
      end: 110 + OVERSCAN
    });
    expect(rowWindow(5, 0, 0, 10 * ROW_HEIGHT)).toEqual({ start: 0, end: 5 });
  });

  it('a list scrolled past draws nothing, a list below the view only its overscan', () => {
    const past = rowWindow(10, 0, 100 * ROW_HEIGHT, 10 * ROW_HEIGHT);
    expect(past.end - past.start).toBe(0);
    const below = rowWindow(100, 20 * ROW_HEIGHT, 0, 10 * ROW_HEIGHT);
    expect(below).toEqual({ start: 0, end: 0 });
  });

  it('before the view is measured, it counts on a tall one', () => {
    expect(rowWindow(1000, 0, 0, 0).end).toBeGreaterThan(20);
  });
});

describe('scrollToShow', () => {
  it('the smallest scroll that shows the row, or none', () => {
    expect(scrollToShow(100, 200, 300)).toBe(100);
    expect(scrollToShow(250, 200, 300)).toBeNull();
    expect(scrollToShow(490, 200, 300)).toBe(490 + ROW_HEIGHT - 300);
  });
});

describe('rowKeyAction', () => {
  it('Enter and Space select; ArrowLeft collapses what has children; ArrowRight expands', () => {
    expect(rowKeyAction('Enter', false)).toBe('select');
    expect(rowKeyAction(' ', true)).toBe('select');
    expect(rowKeyAction('ArrowLeft', true)).toBe('collapse');
    expect(rowKeyAction('ArrowLeft', false)).toBeNull();
    expect(rowKeyAction('ArrowRight', false)).toBe('expand');
    expect(rowKeyAction('ArrowDown', true)).toBeNull();
  });
});
