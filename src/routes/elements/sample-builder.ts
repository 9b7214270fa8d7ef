/**
 * The gallery's state (what its inputs are bound to) and `SampleBuilder`, a small stand-in for
 * the sandbox's render: it numbers handler refs and remembers what each does, so a ref means
 * something only in the render that produced it.
 */
import type { ViewTreeNode } from '$lib/elements/types';

/** The gallery's state: what its inputs are bound to. */
export interface SampleState {
  name: string;
  email: string;
  notes: string;
  colour: string;
  volume: number;
  rating: number;
  subscribed: boolean;
  showTips: boolean;
  count: number;
  newTask: string;
  tasks: { id: number; text: string; done: boolean }[];
  nextTaskId: number;
}

/** What a ref does when dispatched. */
export interface SampleAction {
  readonly name: string;
  readonly run: (state: SampleState, payload: unknown) => void;
}

/** One render: the tree and what each ref in it does. */
export interface SampleRender {
  readonly tree: ViewTreeNode;
  readonly actions: ReadonlyMap<number, SampleAction>;
}

/** The state the gallery opens with. */
export function initialSampleState(): SampleState {
  return {
    name: 'Ada',
    email: '',
    notes: 'Line breaks are kept.\nLike this one.',
    colour: '',
    volume: 40,
    rating: 3.5,
    subscribed: true,
    showTips: true,
    count: 0,
    newTask: '',
    tasks: [
      { id: 1, text: 'Sketch the layout', done: true },
      { id: 2, text: 'Wire up the buttons', done: false },
      { id: 3, text: 'Try it in dark mode', done: false }
    ],
    nextTaskId: 4
  };
}

type Props = Record<string, unknown>;

/** A field of an event payload (`value`, `checked`), or undefined when the payload has none. */
export function payloadField(payload: unknown, field: string): unknown {
  return payload !== null && typeof payload === 'object'
    ? (payload as Record<string, unknown>)[field]
    : undefined;
}

/** A small stand-in for the sandbox's render: numbers refs and remembers what they do. */
export class SampleBuilder {
  readonly actions = new Map<number, SampleAction>();
  #nextRef = 1;
  #keySuffix = '';

  constructor(readonly state: SampleState) {}

  node(type: string, id: string, props: Props = {}, children: ViewTreeNode[] = []): ViewTreeNode {
    return { type, id, key: id + this.#keySuffix, props, children };
  }

  handler(name: string, run: SampleAction['run']): { $ref: number } {
    const ref = this.#nextRef++;
    this.actions.set(ref, { name, run });
    return { $ref: ref };
  }

  bind<K extends keyof SampleState>(field: K) {
    const ref = this.#nextRef++;
    this.actions.set(ref, {
      name: `bind ${field}`,
      run: (state, payload) => {
        (state as unknown as Record<string, unknown>)[field] = payloadField(payload, 'value');
      }
    });
    return { $bind: field, value: this.state[field], $ref: ref };
  }

  /** An Each over `items`: one Item per entry, its children keyed by the item's key. */
  each<T>(
    id: string,
    items: readonly T[],
    keyOf: (item: T) => string,
    row: (item: T) => ViewTreeNode[]
  ): ViewTreeNode {
    const outer = this.#keySuffix;
    const rows = items.map((item) => {
      this.#keySuffix = `${outer}/${keyOf(item)}`;
      const children = row(item);
      return { type: 'Item', key: `${id}${this.#keySuffix}`, children };
    });
    this.#keySuffix = outer;
    return { type: 'Each', id, key: id + outer, props: {}, children: rows };
  }
}

/** What a section of the gallery is built with: the builder, its `node`, the card of a section, the state. */
export interface SampleKit {
  readonly b: SampleBuilder;
  readonly n: SampleBuilder['node'];
  readonly section: (
    id: string,
    title: string,
    intro: string,
    children: ViewTreeNode[]
  ) => ViewTreeNode;
  readonly state: SampleState;
}
