/**
 * A history of a number: "keep a history of the values and list them under the buttons", "show
 * the last 5 numbers". A list field of past values, every action that changes the number also
 * appends its new value (keeping only the last N when a limit is said), and a list of them
 * shown where asked. Works on any app with one number its actions change (or one named).
 * Pure: a proposal, a question, or null.
 *
 * Never wrong: every word must be read (the history, which values, how many, where); a number
 * an input also changes (a bound slider or field) is a question, since those changes would be
 * missing from the history without a word about it.
 */
import { childrenOf, rootComponent, type NodeRecord, type Op } from '../model/types';
import { countedField } from './offline-normal';
import { describeNode, findElements, readingOrder, type Scene } from './offline-refs';
import { camelName, freeName } from './offline-text';
import { numberOf, withDigits } from './offline-numbers';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RULE = 'number-history';

const HISTORY =
  /\b(?:history|log|record|list|trail)\s+(?:list\s+)?of\s+(?:all\s+|every\s+|each\s+|the\s+)*(?:(?:last|previous|past|latest|recent)\s+(\d+|[a-z]+)\s+)?(?:(?:old|past|previous)\s+)?([a-z]+)\b(?:\s+(?:it|that|the \w+)\s+(?:has|have|had)\s+been)?/i;
const LAST = /\b(?:the\s+)?(?:last|previous|past|latest|recent)\s+(\d+|[a-z]+)\s+([a-z]+)\b/i;
const PLACE =
  /(?:,?\s*(?:and\s+)?(?:list|show|display|put)(?:ed)?\s+(?:them|it|those)\s+|,?\s*(?:shown|listed|displayed)\s+|\s+)(under|below|beneath|underneath|above|after|before|over)\s+(.+)$/i;
// Words that add nothing to what the rule already read.
const FILLER = new Set(
  'keep show add display can we could you please a an the of and with to me us i want need list history log record track keeping showing values value numbers number count counts it has been have had every each all so see let'.split(
    ' '
  )
);
/** Words for "the number" that name no field. */
const VALUE_WORDS = /^(?:value|number|result|figure)s?$/i;

/** Appends the value to the history in every action that sets the number. */
function recorded(body: string, field: string, history: string, last?: number): string | null {
  if (!new RegExp(String.raw`\bstate\.${field}\s*(?:[-+*/]?=(?!=)|\+\+|--)`).test(body))
    return null;
  const kept = `[...state.${history}, state.${field}]${last ? `.slice(-${last})` : ''}`;
  return `${body.trimEnd()}\nstate.${history} = ${kept};`;
}

/**
 * What "under the buttons" is under: the row they fill when they share one, the row a single
 * element of a row sits in, else the first (above) or last (below) of them.
 */
export function anchorOf(scene: Scene, nodes: readonly NodeRecord[], after: boolean): NodeRecord {
  const parents = new Set(nodes.map((n) => n.parent));
  if (nodes.length > 1 && parents.size === 1) {
    const row = scene.model.nodes.get([...parents][0]!);
    if (row && childrenOf(scene.model, row.id).length === nodes.length && row.parent) return row;
  }
  // "below the point button" when it sits in a row: below the row, not beside the button.
  if (nodes.length === 1) {
    const row = nodes[0].parent ? scene.model.nodes.get(nodes[0].parent) : undefined;
    if (row?.type === 'Stack' && row.props.direction === 'horizontal' && row.parent) return row;
  }
  const order = readingOrder(scene.model).map((n) => n.id);
  const sorted = [...nodes].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return after ? sorted[sorted.length - 1] : sorted[0];
}

/** "keep a history of the values under the buttons", "show the last 5 numbers". */
export function numberHistory(scene: Scene, temps: TempIds): RuleResult {
  scene = withDigits(scene);
  const text = scene.u.text;
  const said = HISTORY.exec(text) ?? (/\bhistory\b/i.test(text) ? LAST.exec(text) : null);
  if (!said) return null;
  const component = rootComponent(scene.model);
  if (!component) return null;
  const number = (w: string) =>
    [w, w.replace(/s$/, '')].some((v) => component.state[camelName(v)]?.type === 'number');
  // "history of the values", "of the score": generic words, or a number field's name.
  if (!VALUE_WORDS.test(said[2]) && !number(said[2])) return null;
  const place = PLACE.exec(text);
  const before = place ? text.slice(0, place.index) : text;
  // The number: named ("history of the score"), else the one the app counts with.
  const words = before
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const named = words
    .flatMap((w) => [camelName(w), camelName(w.replace(/s$/, ''))])
    .find((w) => component.state[w]?.type === 'number');
  const unread = words.filter(
    (w) =>
      !FILLER.has(w) &&
      !/^\d+$/.test(w) &&
      !VALUE_WORDS.test(w) &&
      !/^(?:last|previous|past|latest|recent|old|trail)$/.test(w) &&
      numberOf(w) === undefined &&
      camelName(w) !== named &&
      camelName(w.replace(/s$/, '')) !== named
  );
  if (unread.length) return null;
  const field = named ?? countedField(scene.model);
  if (!field)
    return ask(
      RULE,
      'Which number should I keep a history of? Name its state field, as in "keep a history of the score".'
    );
  const bound = [...scene.model.nodes.values()].filter((n) =>
    Object.values(n.props).some(
      (v) => v !== null && typeof v === 'object' && (v as { $bind?: unknown }).$bind === field
    )
  );
  if (bound.length)
    return ask(
      RULE,
      `${bound.map(describeNode).join(', ')} also change${bound.length > 1 ? '' : 's'} ${field}, and those changes would not be in the history. Should I keep the history of the buttons' changes only?`
    );
  const last = said[1] ? (/^\d+$/.test(said[1]) ? Number(said[1]) : numberOf(said[1])) : undefined;
  if (said[1] && (last === undefined || last < 1)) return null;
  const history = freeName(
    `${field}History`,
    (n) => Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n)
  );
  const ops: Op[] = [
    {
      op: 'addState',
      component: component.name,
      name: history,
      type: { array: 'number' },
      initial: []
    }
  ];
  const changed: string[] = [];
  for (const [name, h] of Object.entries(component.handlers)) {
    const body = recorded(h.body, field, history, last);
    if (!body) continue;
    ops.push({ op: 'setHandler', component: component.name, name, params: h.params, body });
    changed.push(name);
  }
  if (!changed.length)
    return ask(RULE, `No action here changes ${field}, so its history would stay empty.`);
  // Where: after (or before) what the request names, else after the element showing the number.
  let parent: NodeRecord;
  let index: number | undefined;
  if (place) {
    const found = findElements(scene, place[2]);
    if (!found.ok) return ask(RULE, found.text);
    const up = /^(?:above|before|over)$/i.test(place[1]);
    const anchor = anchorOf(scene, found.value, !up);
    if (!anchor.parent)
      return ask(RULE, `${describeNode(anchor)} is the root; say a place inside it.`);
    parent = scene.model.nodes.get(anchor.parent)!;
    index = childrenOf(scene.model, parent.id).indexOf(anchor.id) + (up ? 0 : 1);
  } else {
    const root = scene.model.nodes.get(component.root)!;
    const shows = readingOrder(scene.model).find((n) =>
      Object.values(n.props).some(
        (v) =>
          v !== null &&
          typeof v === 'object' &&
          new RegExp(String.raw`\bstate\.${field}\b`).test(
            String((v as { $expr?: unknown }).$expr ?? '')
          )
      )
    );
    parent = shows?.parent ? scene.model.nodes.get(shows.parent)! : root;
    index = shows?.parent ? childrenOf(scene.model, parent.id).indexOf(shows.id) + 1 : undefined;
  }
  const list = temps.next();
  ops.push(
    {
      op: 'addNode',
      parent: parent.id,
      ...(index === undefined ? {} : { index }),
      type: 'Each',
      id: list,
      props: { items: { $expr: `state.${history}` }, as: 'value' }
    },
    {
      op: 'addNode',
      parent: list,
      type: 'Text',
      id: temps.next(),
      props: { text: { $expr: 'String(value)' } }
    }
  );
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `Keep a history of ${field}: a state field ${history} (a list of numbers, empty at first) that ${changed.join(', ')} ${changed.length > 1 ? 'append' : 'appends'} the new value to${last ? ` (the last ${last} kept)` : ''}, and a list of them in ${describeNode(parent)}`
  };
}
