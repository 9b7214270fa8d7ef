/**
 * The data a proposal's preview runs with (src/lib/editor/canvas/preview-data.ts): the app's data
 * as it is now plus the proposal's new fields, so a new `person` toggle starts from its initial
 * `false`, never `undefined` (issue 15: flipping the preview's dark-mode toggle gave E_RENDER).
 */
import { describe, expect, it } from 'vitest';
import { previewData } from '../../src/lib/editor/canvas/preview-data';
import type { LiveSource } from '../../src/lib/runtime/compiled';

type Ok = Extract<LiveSource, { ok: true }>;

const preview: Ok = {
  ok: true,
  root: 'c1',
  data: { items: [{ id: 1, title: 'Try', done: true }], nextId: 3 },
  components: [
    {
      id: 'c1',
      name: 'App',
      source: '',
      capabilities: {},
      props: {},
      literals: [],
      state: { items: [], draft: '', nextId: 1, dark: false },
      types: {
        items: { array: { object: { id: 'number', title: 'string', done: 'boolean' } } },
        draft: 'string',
        nextId: 'number',
        dark: 'boolean'
      }
    }
  ]
} as unknown as Ok;

describe('previewData', () => {
  it('every declared field has a value: the new person field starts from its initial value', () => {
    const data = previewData(preview, [null]);
    expect(data).toEqual({
      items: [{ id: 1, title: 'Try', done: true }],
      draft: '',
      nextId: 3,
      dark: false
    });
  });

  it('the app’s data as it is now wins over the proposal’s copy; the sandbox’s own first', () => {
    const live = {
      items: [{ id: 9, title: 'Buy oat milk', done: false }],
      draft: 'half',
      nextId: 10
    };
    const held = { dark: true, draft: 'half typed' };
    expect(previewData(preview, [held, live])).toEqual({
      items: [{ id: 9, title: 'Buy oat milk', done: false }],
      draft: 'half typed',
      nextId: 10,
      dark: true
    });
  });

  it('a value of the wrong type for the proposed field is not used (a retype in the proposal)', () => {
    const data = previewData(preview, [{ dark: 'yes', nextId: 'three' }]);
    expect(data.dark).toBe(false);
    expect(data.nextId).toBe(3);
  });

  it('a value named __proto__ in a source does not reach the data', () => {
    const data = previewData(preview, [JSON.parse('{"__proto__": {"dark": true}}')]);
    expect(data.dark).toBe(false);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
