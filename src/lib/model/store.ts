/**
 * The current model of a document, cached. Reading resolves the whole document (O(nodes)), so the
 * snapshot is kept until the document changes; a local commit hands over the model it planned,
 * which is what reading would give (the fuzz test checks that), so a commit never re-reads.
 */
import type * as Y from 'yjs';
import { resolve, type Repairs } from './resolve';
import { readRaw } from './ydoc';
import type { AppModel } from './types';

interface Cached {
  model: AppModel | null;
  repairs: Repairs;
  /** The model handed over by the last commit, valid until the next transaction after it. */
  pending: AppModel | null;
}

const cache = new WeakMap<Y.Doc, Cached>();

function entry(doc: Y.Doc): Cached {
  let c = cache.get(doc);
  if (!c) {
    const created: Cached = {
      model: null,
      repairs: { nodes: new Set(), components: new Set() },
      pending: null
    };
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      // A transaction that changed nothing (an empty update a peer or the server sent, an
      // acknowledgement) leaves the model as it was: reading 2,000 nodes again would be waste.
      if (
        !created.pending &&
        transaction.changed.size === 0 &&
        transaction.deleteSet.clients.size === 0
      )
        return;
      created.model = created.pending;
      created.pending = null;
      if (created.model) created.repairs = { nodes: new Set(), components: new Set() };
    });
    cache.set(doc, created);
    c = created;
  }
  return c;
}

/** The document's current model and the records whose stored form needs repair on the next commit. */
export function currentModel(doc: Y.Doc): { model: AppModel; repairs: Repairs } {
  const c = entry(doc);
  if (!c.model) {
    const resolved = resolve(readRaw(doc));
    c.model = resolved.model;
    c.repairs = resolved.repairs;
  }
  return { model: c.model, repairs: c.repairs };
}

/** Tells the cache that the transaction about to run leaves the document reading as `model`. */
export function expectModel(doc: Y.Doc, model: AppModel): void {
  entry(doc).pending = model;
}
