/**
 * The offline recipes that lay elements out: side by side (the elements wrapped in a new row, or
 * moved into the row one of them is in) and alignment ("centre the heading", "align the button to
 * the right"): a text's own `align`, a container's `align`/`justify`, or a wrapper Stack for an
 * element that has no alignment of its own. Pure.
 */
import { elementSchema } from '../schema/elements';
import { childrenOf, rootComponent, type NodeRecord, type Op } from '../model/types';
import { describeNode, findElement, findElements, readingOrder, type Scene } from './offline-refs';
import { joinWords } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

/** Nodes named for a summary: "A, B and C". */
function listNodes(nodes: readonly NodeRecord[]): string {
  return joinWords(nodes.map(describeNode), 'and');
}

const SIDE_TAIL =
  /[\s,]+(?:and\s+(?:then\s+)?|then\s+)((?:put|place|show|arrange|line up|lay out|display|keep)\s+\S.*?\s+(?:side[\s-]by[\s-]side|next to each other|beside each other|in a row|in one row|on one line|on the same line))$/i;

/**
 * A side-by-side instruction that ends a longer request ("… and put the name and email side by
 * side"): where it starts, so its "and" is not read as a new instruction. -1 when there is none.
 */
export function sideBySideTail(text: string): number {
  const m = SIDE_TAIL.exec(text);
  return m ? m.index + m[0].length - m[1].length : -1;
}

/** Whether the whole request is one side-by-side instruction ("put the name and email fields …"). */
export function wholeSideBySide(text: string): boolean {
  const m = SIDE.exec(text);
  // "change the heading and put a and b side by side" is two instructions.
  return Boolean(
    m &&
    !/\b(?:and|then)\s+(?:add|change|make|set|remove|delete|move|put|place|rename|show)\b/i.test(
      m[1]
    )
  );
}

const SIDE =
  /^(?:(?:put|place|show|arrange|move|make|have|set|line up|lay out|display|keep)\s+)?(.+?)\s+(?:side[\s-]by[\s-]side|next to each other|beside each other|alongside each other|in a row|in one row|on one line|on the same line|in a line|horizontally)$/i;
const NEXT_TO =
  /^(?:put|place|move|show|display|have)\s+(.+?)\s+(?:(?:right\s+)?next to|beside|alongside|to the (left|right) of|on the (left|right) of)\s+(.+)$/i;

function isRow(node: NodeRecord | undefined): boolean {
  return node?.type === 'Stack' && node.props.direction === 'horizontal';
}

/** The nearest Each around a node: moving across one would change what repeats. */
function loopOf(scene: Scene, node: NodeRecord): string | null {
  for (let id = node.parent; id;) {
    const parent = scene.model.nodes.get(id);
    if (!parent) break;
    if (parent.type === 'Each') return parent.id;
    id = parent.parent;
  }
  return null;
}

/** Why these nodes cannot share a row, or null. */
function cannotJoin(scene: Scene, nodes: readonly NodeRecord[]): string | null {
  const first = nodes[0];
  for (const node of nodes) {
    if (!node.parent) return `${describeNode(node)} is the root of its component; it cannot move.`;
    if (node.component !== first.component)
      return `${describeNode(node)} and ${describeNode(first)} are in different components.`;
    if (loopOf(scene, node) !== loopOf(scene, first))
      return `${describeNode(node)} repeats with a list and ${describeNode(first)} does not (or another list), so they cannot share a row.`;
    for (const other of nodes)
      if (other !== node && inside(scene, other, node))
        return `${describeNode(other)} is inside ${describeNode(node)}.`;
  }
  return null;
}

function inside(scene: Scene, node: NodeRecord, container: NodeRecord): boolean {
  for (let id = node.parent; id; id = scene.model.nodes.get(id)?.parent ?? null)
    if (id === container.id) return true;
  return false;
}

/** In reading order, so the row keeps the order people see them in. */
function ordered(scene: Scene, nodes: readonly NodeRecord[]): NodeRecord[] {
  const order = readingOrder(scene.model).map((n) => n.id);
  return [...nodes].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** The bound input whose field or label a phrase says ("the handle"), if exactly one. */
function inputCalled(scene: Scene, phrase: string): NodeRecord | undefined {
  const said = phrase
    .toLowerCase()
    .replace(/^(?:the|my)\s+/, '')
    .trim();
  const hits = [...scene.model.nodes.values()].filter((n) =>
    Object.entries(n.props).some(
      ([k, v]) =>
        (k === 'label' && typeof v === 'string' && v.toLowerCase() === said) ||
        (v !== null &&
          typeof v === 'object' &&
          '$bind' in v &&
          String(v.$bind).toLowerCase() === said)
    )
  );
  return hits.length === 1 ? hits[0] : undefined;
}

/** Two or more elements: a plural or list reference, else each part of "a, b and c" on its own. */
function several(
  scene: Scene,
  phrase: string
): { ok: true; value: NodeRecord[] } | { ok: false; text: string } {
  const whole = findElements(scene, phrase);
  if (whole.ok && whole.value.length > 1) return whole;
  const parts = phrase.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  if (parts.length < 2) return whole;
  const out: NodeRecord[] = [];
  for (const part of parts) {
    const one = findElement(scene, part);
    const node = one.ok ? one.value : inputCalled(scene, part);
    if (!node) return one.ok ? whole : one;
    out.push(node);
  }
  return { ok: true, value: [...new Map(out.map((n) => [n.id, n])).values()] };
}

/**
 * "the slider and the buttons" when the buttons are a row of their own: that row is one unit
 * beside the slider, so the buttons keep their row (and its gap and alignment) and the new row
 * holds the slider and it. Only a row all of whose children were named counts as a unit.
 */
function grouped(scene: Scene, nodes: readonly NodeRecord[]): NodeRecord[] {
  const rows = new Set(nodes.map((n) => n.parent));
  for (const id of rows) {
    const row = id ? scene.model.nodes.get(id) : undefined;
    if (!row || !isRow(row)) continue;
    const kids = childrenOf(scene.model, row.id);
    const named = nodes.filter((n) => n.parent === row.id);
    if (kids.length < 2 || named.length !== kids.length || named.length === nodes.length) continue;
    return [...nodes.filter((n) => n.parent !== row.id), row];
  }
  return [...nodes];
}

/** A new row at `anchor`'s place holding `nodes` in that order. */
function wrapInRow(
  scene: Scene,
  anchor: NodeRecord,
  nodes: readonly NodeRecord[],
  temps: TempIds
): Op[] {
  const row = temps.next();
  const parent = anchor.parent!;
  return [
    {
      op: 'addNode',
      parent,
      index: childrenOf(scene.model, parent).indexOf(anchor.id),
      type: 'Stack',
      id: row,
      props: { direction: 'horizontal', gap: 'sm', align: 'center' }
    },
    ...nodes.map((n, i): Op => ({ op: 'moveNode', id: n.id, parent: row, index: i }))
  ];
}

/**
 * "put the name and email fields side by side", "put the add button next to the heading", "move
 * the button to the left of the input": one row holds them, in reading order (or the side said).
 */
export function sideBySide(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'side-by-side';
  const side = SIDE.exec(scene.u.text);
  const next = side ? null : NEXT_TO.exec(scene.u.text);
  if (!side && !next) return null;
  // "put a button next to the heading" adds one: the add rule's words, not these.
  if (/^(?:a|an|another|one more|some|new)\s/i.test((side ?? next)![1])) return null;
  let nodes: NodeRecord[];
  let anchor: NodeRecord | undefined;
  let right = true;
  if (side) {
    const found = several(scene, side[1]);
    if (!found.ok) return ask(rule, found.text);
    nodes = ordered(scene, grouped(scene, found.value));
    if (nodes.length < 2)
      return ask(
        rule,
        `Side by side with what? Name both: "put ${describeNode(nodes[0])} and the … side by side".`
      );
  } else {
    const moving = findElements(scene, next![1]);
    if (!moving.ok) return ask(rule, moving.text);
    const target = findElement(scene, next![4]);
    if (!target.ok) return ask(rule, target.text);
    anchor = target.value;
    right = (next![2] ?? next![3] ?? 'right').toLowerCase() === 'right';
    nodes = moving.value;
    if (nodes.some((n) => n.id === anchor!.id)) return ask(rule, 'Next to itself?');
  }
  const all = anchor ? [anchor, ...nodes] : nodes;
  const why = cannotJoin(scene, all);
  if (why) return ask(rule, why);
  const parents = new Set(all.map((n) => n.parent));
  const first = anchor ?? nodes[0];
  const home = scene.model.nodes.get(first.parent!);
  if (parents.size === 1 && isRow(home) && !anchor)
    return ask(rule, `${listNodes(nodes)} are side by side already, in ${describeNode(home!)}.`);
  let ops: Op[];
  if (isRow(home)) {
    // The anchor's row takes the others, before or after it.
    const movers = anchor ? nodes : nodes.slice(1);
    const siblings = childrenOf(scene.model, home!.id).filter(
      (id) => !movers.some((m) => m.id === id)
    );
    const at = siblings.indexOf(first.id) + (right ? 1 : 0);
    ops = movers.map((m, i): Op => ({ op: 'moveNode', id: m.id, parent: home!.id, index: at + i }));
  } else
    ops = wrapInRow(
      scene,
      first,
      anchor ? (right ? [anchor, ...nodes] : [...nodes, anchor]) : nodes,
      temps
    );
  const rowWords = isRow(home) ? describeNode(home!) : 'a new row';
  return {
    kind: 'batch',
    rule,
    ops,
    summary: anchor
      ? `Put ${listNodes(nodes)} ${right ? 'right of' : 'left of'} ${describeNode(anchor)}, in ${rowWords}`
      : `Put ${listNodes(nodes)} side by side in ${rowWords} where ${describeNode(first)} was`
  };
}

const ALIGNS: readonly [RegExp, number, number][] = [
  [/^(?:centre|center)\s+(.+?)(?:\s+(?:horizontally|on the page|on screen))?$/i, 1, 0],
  [
    /^(?:align|justify)\s+(.+?)\s+(?:to\s+the\s+|in\s+the\s+|on\s+the\s+|to\s+)?(left|right|center|centre|middle|start|end)$/i,
    1,
    2
  ],
  [/^(?:move|put|place)\s+(.+?)\s+(?:to|in|on)\s+the\s+(left|right|center|centre|middle)$/i, 1, 2],
  [/^(left|right)[\s-]?align\s+(.+)$/i, 2, 1],
  [/^(?:make|have)\s+(.+?)\s+(left|right)[\s-]aligned$/i, 1, 2]
];
const WORD: Readonly<Record<string, 'start' | 'center' | 'end'>> = {
  left: 'start',
  start: 'start',
  right: 'end',
  end: 'end',
  center: 'center',
  centre: 'center',
  middle: 'center'
};
const WHOLE =
  /^(?:everything|the (?:whole )?(?:app|page|screen|content|layout)|all(?: of it| the content)?)$/i;

/**
 * "centre the heading", "align the buttons to the right", "center everything": each element named
 * takes the alignment in the prop its schema has for it; one with none is wrapped in a Stack
 * aligned so, unless it sits in a row (then the question names the row).
 */
export function alignElement(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'align';
  let ref: string | undefined;
  let value: 'start' | 'center' | 'end' | undefined;
  for (const [re, r, w] of ALIGNS) {
    const m = re.exec(scene.u.text);
    if (m) {
      ref = m[r];
      value = w ? WORD[m[w].toLowerCase()] : 'center';
      break;
    }
  }
  if (!ref || !value) return null;
  let nodes: NodeRecord[];
  if (WHOLE.test(ref.trim())) {
    const root = rootComponent(scene.model);
    const node = root && scene.model.nodes.get(root.root);
    if (!node) return null;
    nodes = [node];
  } else {
    const found = findElements(scene, ref);
    if (!found.ok) return ask(rule, found.text);
    nodes = found.value;
  }
  const ops: Op[] = [];
  const said: string[] = [];
  // "center the buttons" when they are all of one row: the row centres them.
  const row = nodes[0].parent ? scene.model.nodes.get(nodes[0].parent) : undefined;
  if (
    nodes.length > 1 &&
    row &&
    isRow(row) &&
    nodes.every((n) => n.parent === row.id) &&
    childrenOf(scene.model, row.id).length === nodes.length
  )
    nodes = [row];
  for (const node of nodes) {
    const props = elementSchema(node.type)?.properties ?? {};
    if (node.type === 'Stack' || node.type === 'Grid') {
      const prop = isRow(node) ? 'justify' : 'align';
      if (!props[prop]) return ask(rule, `${describeNode(node)} cannot be aligned.`);
      ops.push({ op: 'setProp', id: node.id, name: prop, value });
      said.push(
        `${describeNode(node)}: its content ${value === 'center' ? 'centred' : `to the ${value === 'start' ? 'left' : 'right'}`}`
      );
    } else if (props.align?.enum?.includes(value)) {
      ops.push({ op: 'setProp', id: node.id, name: 'align', value });
      said.push(`${describeNode(node)}: align "${value}"`);
    } else {
      const parent = node.parent ? scene.model.nodes.get(node.parent) : undefined;
      if (!parent) return ask(rule, `${describeNode(node)} is the root of its component.`);
      if (isRow(parent) || parent.type !== 'Stack')
        return ask(
          rule,
          `${describeNode(node)} sits in ${describeNode(parent)}, which places it. Align that instead ("${value === 'center' ? 'centre' : `align`} ${describeNode(parent)}${value === 'center' ? '' : ` to the ${value === 'start' ? 'left' : 'right'}`}"), or select it and say "centre this".`
        );
      const wrap = temps.next();
      ops.push(
        {
          op: 'addNode',
          parent: parent.id,
          index: childrenOf(scene.model, parent.id).indexOf(node.id),
          type: 'Stack',
          id: wrap,
          props: { align: value }
        },
        { op: 'moveNode', id: node.id, parent: wrap, index: 0 }
      );
      said.push(`${describeNode(node)}: in a Stack aligned "${value}"`);
    }
  }
  return { kind: 'batch', rule, ops, summary: `Align ${said.join('; ')}` };
}
