/**
 * Things said by when they happen (issue 15), rewritten into where they go: "after they send,
 * add the sentence 'We call you back'" is a text in the part of the app that shows once the form
 * is sent (the If over the flag the send button's action sets true), and "count customers in the
 * shop, one button when someone comes in, one when they leave" is a new counter. Each needs the
 * app to have exactly that shape; otherwise the request is left as said. Pure.
 */
import { childrenOf, rootComponent } from '../model/types';
import type { Draft } from './offline-draft';
import { pickList } from './offline-list-shape';
import { countedField } from './offline-normal';

/** The id of the first child of the If shown once the button labelled like `verb` was pressed. */
function shownAfter(d: Draft, verb: RegExp): string | null {
  const component = rootComponent(d.model);
  if (!component) return null;
  const flags = new Set<string>();
  for (const node of d.model.nodes.values()) {
    const handler = (node.props.onClick as { $handler?: string } | undefined)?.$handler;
    const body = handler ? component.handlers[handler]?.body : undefined;
    if (node.type !== 'Button' || typeof node.props.label !== 'string') continue;
    if (!verb.test(node.props.label) || !body) continue;
    for (const m of body.matchAll(/\bstate\.(\w+)\s*=\s*true\b/g)) flags.add(m[1]);
  }
  if (flags.size !== 1) return null;
  const [flag] = [...flags];
  const shows = [...d.model.nodes.values()].filter((n) => {
    const when = n.props.when as { $expr?: unknown } | undefined;
    return n.type === 'If' && when?.$expr === `state.${flag}`;
  });
  if (shows.length !== 1) return null;
  const inside = childrenOf(d.model, shows[0].id);
  return inside.length === 1 ? inside[0] : shows[0].id;
}

/** "after they send, add the sentence 'X'", "once it's submitted show 'Thanks'". */
function afterSend(d: Draft): void {
  const m =
    /^(?:after|once|when)\s+(?:they|people|someone|somebody|it|the form|the (?:customer|user|visitor)s?|you)\s+(?:have\s+|has\s+|is\s+|'s\s+|was\s+)?(send|sent|sends|submit|submits|submitted)(?:\s+(?:it|the form))?\s*,\s*(?:add|show|put|write)\s+(?:the\s+|a\s+)?(?:sentence|text|line|message|note|words?)?\s*(?::\s*)?(⟦\d+⟧)$/i.exec(
      d.text
    );
  if (!m) return;
  // Sending and submitting a form are one act, whichever the button says.
  const where = shownAfter(d, /\b(?:send|submit)\b/i);
  if (where) d.text = `add a text saying ${m[2]} inside ${where}`;
}

/**
 * "count customers in the shop. one button when someone comes in, one when they leave": a new
 * counter named by what it counts, when that names nothing the app has (not a list to count).
 */
function countThings(d: Draft): void {
  const m =
    /^count\s+(?:the\s+)?([a-z]+)(?:\s+(?:in|at|on|for|of)\s+(?:the|my|our)\s+\w+)?(?:\s*[.,;]\s*(?:with\s+)?(?:one|a)\s+(?:button\s+)?(?:when|for|if)\s+[^,]+,\s*(?:and\s+)?(?:one|another|a second)(?:\s+button)?\s+(?:when|for|if)\s+.+)?$/i.exec(
      d.text
    );
  if (!m) return;
  // An app that already counts something may mean that count: only a new kind of app is read.
  if (countedField(d.model)) return;
  const state = Object.keys(rootComponent(d.model)?.state ?? {});
  if (state.some((f) => f.toLowerCase() === m[1].toLowerCase())) return;
  const scene = { model: d.model, selection: null, u: d };
  if (pickList(scene, m[1]) !== null) return;
  d.text = `add a counter called ${m[1]}`;
}

/** Both forms, on the whole request. */
export function afterWords(d: Draft): void {
  afterSend(d);
  countThings(d);
}
