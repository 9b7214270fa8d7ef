/** Shared test helpers: stable template models and lookups by type or label. */
import * as Y from 'yjs';
import { seededIds } from '../../src/lib/model/ids';
import { templateModel, TEMPLATES } from '../../src/lib/templates';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import { componentByName, type AppModel, type NodeRecord } from '../../src/lib/model/types';
import { gateVerifier } from '../../src/lib/code/gate';

/** A template's model with ids from a fixed seed, so tests read the same ids every run. */
export function template(name: string, seed = 7): AppModel {
  return templateModel(name, seededIds(seed));
}

/** The nodes of a model of one type, in document order of the map. */
export function nodesOfType(model: AppModel, type: string): NodeRecord[] {
  return [...model.nodes.values()].filter((n) => n.type === type);
}

/** The first node of a type whose literal label/text/title equals `text`. */
export function nodeWith(model: AppModel, type: string, text: string): NodeRecord {
  const found = nodesOfType(model, type).find(
    (n) => n.props.label === text || n.props.text === text || n.props.title === text
  );
  if (!found) throw new Error(`no ${type} "${text}"`);
  return found;
}

/** The root node id of a component. */
export function rootOf(model: AppModel, component = 'App'): string {
  return componentByName(model, component)!.root;
}

/** A Y.Doc holding a template, committed through the edit path. */
export function templateDoc(
  name: string,
  seed = 7
): { doc: Y.Doc; origin: ReturnType<typeof originFor> } {
  const doc = new Y.Doc();
  const origin = originFor({ id: 'alice', name: 'Alice', role: 'owner' });
  const result = commitBatch(doc, TEMPLATES[name], origin, {
    verify: gateVerifier(),
    ids: seededIds(seed)
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { doc, origin };
}

/** A canonical JSON form of a model (maps sorted by key), for equality across peers and runs. */
export function canonical(model: AppModel): string {
  const sorted = <T>(map: ReadonlyMap<string, T>) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({
    meta: model.meta,
    components: sorted(model.components),
    nodes: sorted(model.nodes),
    children: sorted(model.children),
    data: model.data
  });
}
