/**
 * Structural sharing between two snapshots of one app: the studio reads its replica afresh after
 * every change, and hands the panels the previous objects wherever nothing changed, so Svelte
 * skips every outline row and canvas part that reads them (a derived whose value is the same
 * object does not wake its readers). Pure.
 */
import type { AppModel, ComponentRecord, NodeRecord } from '../model/types';

function sameRecord(a: NodeRecord, b: NodeRecord): boolean {
  return (
    a.type === b.type &&
    a.component === b.component &&
    a.parent === b.parent &&
    a.order === b.order &&
    JSON.stringify(a.props) === JSON.stringify(b.props)
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * `next`, with the node records, child lists and components that equal `prev`'s taken from `prev`.
 * `prevRead`, when given, is the snapshot `prev` was made from: a record of `next` that is the
 * very object of `prevRead` (a local commit plans on the snapshot and keeps what it did not
 * change) is known equal without comparing, so a local edit costs a pass of identity checks.
 */
export function shareUnchanged(prev: AppModel, next: AppModel, prevRead?: AppModel): AppModel {
  const nodes = new Map<string, NodeRecord>();
  for (const [id, record] of next.nodes) {
    const before = prev.nodes.get(id);
    const same =
      before !== undefined &&
      ((prevRead !== undefined && prevRead.nodes.get(id) === record) || sameRecord(before, record));
    nodes.set(id, same ? before : record);
  }
  const children = new Map<string, readonly string[]>();
  // Every child list shared, and no parent more or less: the whole map is `prev`'s, so whatever
  // depends on the tree's shape alone (the outline's rows, the empty containers) is unchanged.
  let sameShape = prev.children.size === next.children.size;
  for (const [id, kids] of next.children) {
    const before = prev.children.get(id);
    const same =
      before !== undefined &&
      ((prevRead !== undefined && prevRead.children.get(id) === kids) || sameIds(before, kids));
    if (!same) sameShape = false;
    children.set(id, same ? before : kids);
  }
  let same = prev.components.size === next.components.size;
  const components = new Map<string, ComponentRecord>();
  for (const [id, record] of next.components) {
    const before = prev.components.get(id);
    const keep = before && JSON.stringify(before) === JSON.stringify(record);
    if (!keep) same = false;
    components.set(id, keep ? before : record);
  }
  return {
    ...next,
    nodes,
    children: sameShape ? prev.children : children,
    components: same ? prev.components : components
  };
}
