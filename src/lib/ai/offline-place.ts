/**
 * Where a new or moved element goes, read from the request's placement clause ("at the top",
 * "below the heading", "inside the card"), or the default container (the selection's, or the
 * app's root). Pure.
 */
import { acceptsChildren, elementSchema } from '../schema/elements';
import { childrenOf, rootComponent, type NodeRecord } from '../model/types';
import { describeNode, findElement, findElements, type Found, type Scene } from './offline-refs';

/** Where a new or moved element goes: a parent and an index (undefined: at the end). */
export interface Placement {
  readonly parent: NodeRecord;
  readonly index: number | undefined;
  /** In words, for the summary: "at the top of Stack s1", "below Heading "Todo"". */
  readonly words: string;
}

/** The clauses that say where: "at the top", "below the heading", "into the card". */
export const PLACE =
  /(?:^|\s)((?:(?:on|to|at)\s+the\s+(?:far\s+|very\s+)?(?:right|left)\b.*)|(?:(?:at|to)\s+the\s+(?:very\s+)?(?:top|start|beginning|bottom|end)(?:\s+of\s+.+)?)|(?:(?:right\s+|just\s+|directly\s+)?(?:above|below|before|after|under|underneath|beneath|over|on top of|inside|into|in|within)\s+.+))$/i;

/** The container the request works in by default: the selection's, or the root component's root. */
export function defaultContainer(scene: Scene): Placement {
  const { model, selection } = scene;
  if (selection) {
    if (elementSchema(selection.type)?.['x-container'] || selection.parent === null)
      return {
        parent: selection,
        index: undefined,
        words: `at the end of ${describeNode(selection)}`
      };
    const parent = model.nodes.get(selection.parent)!;
    const index = childrenOf(model, parent.id).indexOf(selection.id) + 1;
    return { parent, index, words: `after ${describeNode(selection)}` };
  }
  const root = rootComponent(model);
  const node = root ? model.nodes.get(root.root) : undefined;
  if (!node) throw new Error('offline planner: the app has no root component');
  return { parent: node, index: undefined, words: `at the end of ${describeNode(node)}` };
}

/**
 * Reads a placement clause. `moving` is the node being moved, if any: indexes then count its new
 * siblings without it (as moveNode does), and top/bottom mean of its own container.
 */
export function placement(
  scene: Scene,
  clause: string | undefined,
  moving?: NodeRecord
): Found<Placement> {
  const { model } = scene;
  const base = (): Placement => {
    if (moving?.parent) {
      const parent = model.nodes.get(moving.parent)!;
      return { parent, index: undefined, words: `in ${describeNode(parent)}` };
    }
    return defaultContainer(scene);
  };
  const siblings = (parent: NodeRecord) =>
    childrenOf(model, parent.id).filter((id) => id !== moving?.id);
  if (!clause) return { ok: true, value: base() };
  const c = clause.trim().replace(/^(?:right|just|directly)\s+/i, '');
  const edge =
    /^(?:at|to)\s+the\s+(?:very\s+)?(top|start|beginning|bottom|end)(?:\s+of\s+(.+))?$/i.exec(c);
  if (edge) {
    let parent = base().parent;
    if (edge[2]) {
      const found = container(scene, edge[2]);
      if (!found.ok) return found;
      parent = found.value;
    } else if (/top|bottom/i.test(edge[1])) {
      // A row has no top or bottom: "move the Clear done button to the top" means of the
      // nearest container that stacks things vertically.
      if (moving)
        while (parent.props.direction === 'horizontal' && parent.parent)
          parent = model.nodes.get(parent.parent)!;
      // A list's row is repeated for every item: "show the total at the bottom", said after an
      // instruction that touched a row, means below the list, never once in every row.
      for (let up = parent; up.parent; up = model.nodes.get(up.parent)!)
        if (up.type === 'Each') parent = model.nodes.get(up.parent)!;
    }
    const top = /top|start|beginning/i.test(edge[1]);
    return {
      ok: true,
      value: {
        parent,
        index: top ? 0 : undefined,
        words: `at the ${top ? 'top' : 'bottom'} of ${describeNode(parent)}`
      }
    };
  }
  const side = sidePlacement(scene, c, moving);
  if (side) return side;
  const rel =
    /^(above|below|before|after|under|underneath|beneath|over|on top of|inside|into|in|within)\s+(.+)$/i.exec(
      c
    );
  if (!rel)
    return {
      ok: false,
      text: `Where is "${clause}"? Say "at the top", "at the bottom", "above …", "below …" or "inside …".`
    };
  const word = rel[1].toLowerCase();
  if (['inside', 'into', 'in', 'within'].includes(word)) {
    const found = container(scene, rel[2]);
    if (!found.ok) return found;
    return {
      ok: true,
      value: { parent: found.value, index: undefined, words: `inside ${describeNode(found.value)}` }
    };
  }
  let anchor = findElement(scene, rel[2]);
  // "below the buttons": several elements that share one row are placed by that row.
  if (!anchor.ok) {
    const all = findElements(scene, rel[2]);
    const parents = all.ok ? new Set(all.value.map((n) => n.parent)) : new Set();
    const row = all.ok && all.value.length > 1 && parents.size === 1 ? all.value[0].parent : null;
    if (row && model.nodes.get(row)?.props.direction === 'horizontal')
      anchor = { ok: true, value: model.nodes.get(row)! };
  }
  if (!anchor.ok) return anchor;
  const target = anchor.value;
  if (target.id === moving?.id)
    return { ok: false, text: `That is the element being moved; move it relative to another one.` };
  if (target.parent === null)
    return {
      ok: false,
      text: `${describeNode(target)} is the root of its component, so nothing can go ${word} it. Say "at the top" or "at the bottom" instead.`
    };
  // "under the title" of a card: its title is drawn at its top, so under it is the card's
  // first place, not after the whole card.
  if (
    ['below', 'under', 'underneath', 'beneath'].includes(word) &&
    target.type === 'Card' &&
    typeof target.props.title === 'string' &&
    /\b(?:title|heading)\b/i.test(rel[2])
  )
    return {
      ok: true,
      value: {
        parent: target,
        index: 0,
        words: `at the top of ${describeNode(target)}, under its title`
      }
    };
  let parent = model.nodes.get(target.parent)!;
  let anchorId = target.id;
  // "underneath the input" when the input sits in a row: under the row, not beside the input.
  if (!['before', 'after'].includes(word))
    while (parent.props.direction === 'horizontal' && parent.parent) {
      anchorId = parent.id;
      parent = model.nodes.get(parent.parent)!;
    }
  const at = siblings(parent).indexOf(anchorId);
  const before = ['above', 'before', 'over', 'on top of'].includes(word);
  return {
    ok: true,
    value: {
      parent,
      index: before ? at : at + 1,
      words: `${parent.props.direction === 'horizontal' ? (before ? 'left of' : 'right of') : before ? 'above' : 'below'} ${describeNode(target)}${anchorId === target.id ? '' : ` (under the row ${describeNode(model.nodes.get(anchorId)!)} it is in)`.replace('under the', before ? 'over the' : 'under the')}`
    }
  };
}

const SIDE =
  /^(?:on|to|at)\s+(?:the\s+)?(?:(?:far|very|extreme)\s+)?(right|left)(?:[\s-]+(?:hand\s+)?(?:side|end|edge))?(?:\s+of\s+(.+))?$/i;

/**
 * "on the far right", "to the left of the Add button", "on the right of each row": a side in a
 * row. Alone, or "of each row", it is the end of the row the moved element is in; "of" an element
 * in a row, beside it. Null when the clause is not a side; a question when there is no row.
 */
function sidePlacement(scene: Scene, clause: string, moving?: NodeRecord): Found<Placement> | null {
  const m = SIDE.exec(clause);
  if (!m) return null;
  const { model } = scene;
  const right = m[1].toLowerCase() === 'right';
  const own = moving?.parent ? model.nodes.get(moving.parent) : undefined;
  const ofOwnRow = !m[2] || /^(?:each|every|its|the|their)\s+(?:own\s+)?rows?$/i.test(m[2]);
  const noRow = (what: string): Found<Placement> => ({
    ok: false,
    text: `${what} is not in a row, so it has no ${m[1].toLowerCase()} side. Say "next to …" to put it in a row with another element, or "above …" / "below …".`
  });
  if (ofOwnRow) {
    if (!moving || !own) return noRow('It');
    if (own.props.direction !== 'horizontal') return noRow(describeNode(moving));
    return {
      ok: true,
      value: {
        parent: own,
        index: right ? undefined : 0,
        words: `to the ${right ? 'right end' : 'left end'} of ${describeNode(own)}`
      }
    };
  }
  const anchor = findElement(scene, m[2]);
  if (!anchor.ok) return anchor;
  const target = anchor.value;
  if (target.props.direction === 'horizontal' && acceptsChildren(target.type))
    return {
      ok: true,
      value: {
        parent: target,
        index: right ? undefined : 0,
        words: `to the ${right ? 'right end' : 'left end'} of ${describeNode(target)}`
      }
    };
  const parent = target.parent ? model.nodes.get(target.parent) : undefined;
  if (!parent || parent.props.direction !== 'horizontal') return noRow(describeNode(target));
  const kids = childrenOf(model, parent.id).filter((id) => id !== moving?.id);
  const at = kids.indexOf(target.id);
  return {
    ok: true,
    value: {
      parent,
      index: right ? at + 1 : at,
      words: `${right ? 'right' : 'left'} of ${describeNode(target)}`
    }
  };
}

/** A node that can hold children, named by a phrase. */
function container(scene: Scene, phrase: string): Found<NodeRecord> {
  const found = findElement(scene, phrase);
  if (!found.ok) return found;
  if (!acceptsChildren(found.value.type))
    return {
      ok: false,
      text: `${describeNode(found.value)} cannot hold other elements; say "above" or "below" it, or name a Stack, Card or Grid.`
    };
  return found;
}

const PLACE_START =
  /(?:^|\s)(?=(?:(?:on|to|at)\s+the\s+(?:far\s+|very\s+)?(?:right|left)\b|(?:at|to)\s+the\s+(?:very\s+)?(?:top|start|beginning|bottom|end)\b|(?:right\s+|just\s+|directly\s+)?(?:above|below|before|after|under|underneath|beneath|over|on top of|inside|into|in|within)\s+\S))/gi;

/**
 * Splits "labelled Save below the heading" into what comes before the placement clause and the
 * placement. The first clause that names something real wins, so "saying log in to continue"
 * stays text when nothing is called "to continue". With `lenient` (the words carry a text of
 * their own), a clause that names nothing is read as part of that text; otherwise it is a question.
 */
export function splitPlacement(
  scene: Scene,
  rest: string,
  lenient: boolean,
  moving?: NodeRecord
): Found<{ before: string; place: Placement; said: boolean }> {
  let failure: { ok: false; text: string } | undefined;
  // A quoted text right before the clause ends the text: "'We reply soon' under the button"
  // is a place even when it names nothing, never more words of the text.
  let afterQuote = false;
  for (const m of rest.matchAll(PLACE_START)) {
    const at = m.index + m[0].length;
    const found = placement(scene, rest.slice(at).trim(), moving);
    if (found.ok)
      return {
        ok: true,
        value: { before: rest.slice(0, at).trim(), place: found.value, said: true }
      };
    failure ??= found;
    afterQuote ||= /⟦\d+⟧\s*$/.test(rest.slice(0, at));
  }
  if (failure && (!lenient || afterQuote)) return failure;
  const place = placement(scene, undefined, moving);
  if (!place.ok) return place;
  return { ok: true, value: { before: rest.trim(), place: place.value, said: false } };
}

/** The kind of value a child edits through a `$bind` prop, or null for one that binds nothing. */
function boundKind(node: NodeRecord): string | null {
  for (const [prop, value] of Object.entries(node.props)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && '$bind' in value) {
      const type = elementSchema(node.type)?.properties[prop]?.type;
      return typeof type === 'string' ? type : 'other';
    }
  }
  return null;
}

/**
 * Where a new input goes when the request does not say: with the app's other inputs, in the one
 * container that holds two or more of them (a form), after the last one that edits the same
 * kind of value (else after the last input), so it lands before the form's submit button and
 * not after it. Null when there is no such form, or more than one.
 */
export function formSlot(scene: Scene, kind: string): Placement | null {
  const root = rootComponent(scene.model);
  if (!root || scene.selection) return null;
  const forms: { parent: NodeRecord; kids: NodeRecord[] }[] = [];
  for (const node of scene.model.nodes.values()) {
    if (node.component !== root.id) continue;
    const kids = childrenOf(scene.model, node.id).map((id) => scene.model.nodes.get(id)!);
    if (kids.filter((k) => boundKind(k)).length >= 2) forms.push({ parent: node, kids });
  }
  if (forms.length !== 1) return null;
  const { parent, kids } = forms[0];
  const same = kids.findLastIndex((k) => boundKind(k) === kind);
  const after = same >= 0 ? same : kids.findLastIndex((k) => boundKind(k));
  return { parent, index: after + 1, words: `after ${describeNode(kids[after])}` };
}
