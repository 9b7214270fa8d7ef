/**
 * The browser's own copy (editor/browser-copy.ts) on an in-memory IndexedDB: what a closed tab
 * wrote comes back into a new replica, what it merges in is not written twice, and past
 * COMPACT_AFTER updates the copy becomes one update that still holds everything.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BrowserCopy, COMPACT_AFTER, clearBrowserCopy } from '../../src/lib/editor/browser-copy';

function stored(name: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      if (!open.result.objectStoreNames.contains('updates')) {
        open.result.close();
        return resolve([]);
      }
      const all = open.result.transaction('updates').objectStore('updates').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result as Uint8Array[]);
      };
    };
    open.onerror = () => reject(open.error);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function server(): { doc: Y.Doc; bytes: Uint8Array } {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Todo');
  return { doc, bytes: Y.encodeStateAsUpdate(doc) };
}

describe('the browser’s own copy of a replica', () => {
  it('brings back what a closed tab changed, and writes nothing twice', async () => {
    const name = 'malleable:copy-1';
    const start = server();
    const tab = new Y.Doc();
    Y.applyUpdate(tab, start.bytes);
    const copy = new BrowserCopy(name, tab, start.bytes);
    tab.getMap('meta').set('title', 'Before open'); // waits in memory
    await copy.open();
    tab.getMap('meta').set('title', 'Packed offline');
    await settle();
    expect((await stored(name)).length).toBe(3);
    copy.destroy();

    // Later, a new tab from the server's copy, which never saw those changes.
    const later = new Y.Doc();
    Y.applyUpdate(later, start.bytes);
    const again = new BrowserCopy(name, later, start.bytes);
    const sent: unknown[] = [];
    later.on('update', (_u: Uint8Array, origin: unknown) => sent.push(origin));
    await again.open();
    expect(later.getMap('meta').get('title')).toBe('Packed offline');
    // Merged as the copy's own transaction (the provider sends it on), not written again.
    expect(sent).toEqual([again]);
    await settle();
    expect((await stored(name)).length).toBe(4);
    await again.clear();
    expect(await stored(name)).toEqual([]);
  });

  it('compacts past its limit into one update that holds everything', async () => {
    const name = 'malleable:copy-2';
    await clearBrowserCopy(name);
    const start = server();
    const tab = new Y.Doc();
    Y.applyUpdate(tab, start.bytes);
    const copy = new BrowserCopy(name, tab, start.bytes);
    await copy.open();
    const list = tab.getArray<number>('list');
    for (let i = 0; i <= COMPACT_AFTER; i++) list.push([i]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const after = await stored(name);
    expect(after.length).toBeLessThan(5);
    const back = new Y.Doc();
    for (const update of after) Y.applyUpdate(back, update);
    expect(back.getArray('list').length).toBe(COMPACT_AFTER + 1);
    expect(back.getMap('meta').get('title')).toBe('Todo');
    copy.destroy();
  });
});
