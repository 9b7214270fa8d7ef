/**
 * A plain-JSON view of an app model for the studio: what a server load returns and the browser
 * renders. The model holds Maps and derives children; this view spells both out as arrays and
 * records, so it survives any serializer and a component reads it without the model's helpers.
 */
import { childrenOf, rootComponent, type AppModel, type JsonValue } from '../model/types';
import type { PropValue } from '../model/types';
import { stateTypeText } from '../model/outline';
import { elementSchema } from '../schema/elements';

/** What kind of thing an element is, for the tree's colour cue; user components are `component`. */
export type NodeCategory = 'layout' | 'content' | 'input' | 'logic' | 'component';

/** One element of a component's view, with its children in order. */
export interface PlainNode {
  readonly id: string;
  readonly type: string;
  readonly category: NodeCategory;
  readonly props: Readonly<Record<string, PropValue>>;
  readonly children: readonly string[];
}

/** One state field, its type already in display spelling. */
export interface PlainStateField {
  readonly name: string;
  readonly type: string;
  readonly initial: JsonValue;
}

/** One handler: its name, parameters and body source. */
export interface PlainHandler {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: string;
}

/** A component with its state, handlers and the id of its view's root node. */
export interface PlainComponent {
  readonly id: string;
  readonly name: string;
  readonly root: string;
  readonly isRoot: boolean;
  readonly state: readonly PlainStateField[];
  readonly handlers: readonly PlainHandler[];
}

/** A whole app as plain JSON: components (the root one first) and nodes by id. */
export interface PlainApp {
  readonly title: string;
  readonly components: readonly PlainComponent[];
  readonly nodes: Readonly<Record<string, PlainNode>>;
}

/** The plain-JSON view of a model, components ordered root first, then by name. */
export function plainApp(model: AppModel): PlainApp {
  const root = rootComponent(model);
  const components = [...model.components.values()]
    .sort((a, b) => (a === root ? -1 : b === root ? 1 : a.name.localeCompare(b.name)))
    .map((c): PlainComponent => ({
      id: c.id,
      name: c.name,
      root: c.root,
      isRoot: c === root,
      state: Object.entries(c.state).map(([name, f]) => ({
        name,
        type: stateTypeText(f.type),
        initial: f.initial
      })),
      handlers: Object.entries(c.handlers).map(([name, h]) => ({
        name,
        params: [...h.params],
        body: h.body
      }))
    }));
  const nodes: Record<string, PlainNode> = {};
  for (const n of model.nodes.values()) {
    nodes[n.id] = {
      id: n.id,
      type: n.type,
      category: elementSchema(n.type)?.['x-category'] ?? 'component',
      props: n.props,
      children: [...childrenOf(model, n.id)]
    };
  }
  return { title: model.meta.title, components, nodes };
}
