/**
 * A new link said the way people say it: what it is for, its address anywhere in the request
 * ("to our docs at https://…", "to the privacy policy (/privacy)") and whether it opens in a new
 * tab ("that opens in a new tab", ", should open in a new window"). The tab words are the
 * link's `newTab`, never a place; the request is read whole, so its comma starts no instruction.
 * Pure.
 */
import type { Op, PropValue } from '../model/types';
import type { Scene } from './offline-refs';
import { literal, quoteOf } from './offline-text';
import { splitPlacement } from './offline-place';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RULE = 'add-link';

const START =
  /^(?:(?:add|put|create|insert|include|place|make)\s+)?(?:an?\s+)?(?:hyper)?link\s+(?:to|for|pointing to|that goes to|that points to)\s+/i;
const NEW_TAB =
  /\s+in\s+a\s+new\s+(?:browser\s+)?(?:tab|window)$|\s*,?\s*(?:(?:that|which|and|so it|it)\s+)?(?:should\s+|will\s+|must\s+|to\s+|always\s+)?(?:opens?|opening|launch(?:es)?)\s+(?:up\s+)?in\s+(?:a\s+)?(?:new|separate|another)\s+(?:browser\s+)?(?:tab|window)\b/i;
/** An address: a web address, a path in the app, a domain, or a quoted one. */
const ADDRESS =
  /(?:\(\s*)?((?:https?:\/\/|mailto:)\S+?|www\.\S+?|\/[\w\-./#?=&%]*|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|co|uk|de|fr|edu|gov)(?:\/\S*?)?)(?:\s*\))?(?=[\s,.;)]*$|[\s,;)])/i;

/** The parts of a link request, or null when it is not one. */
function readLink(scene: Scene, text: string) {
  const start = START.exec(text);
  if (!start) return null;
  let rest = text.slice(start[0].length);
  const tab = NEW_TAB.exec(rest);
  if (tab) rest = (rest.slice(0, tab.index) + rest.slice(tab.index + tab[0].length)).trim();
  const address = ADDRESS.exec(rest);
  if (!address) return null;
  const before = rest.slice(0, address.index).replace(/\s*(?:at|on|:|,|-)\s*$/i, '');
  const after = rest.slice(address.index + address[0].length).replace(/^[\s,]+/, '');
  return { href: address[1].replace(/[.,]$/, ''), name: before.trim(), after, newTab: !!tab };
}

/** Whether the whole request is one link (its comma before "should open …" joins it). */
export function linkWhole(scene: Scene): boolean {
  return readLink(scene, scene.u.text) !== null;
}

/**
 * A Link with its address and text (what it is for, without "our" or "the", or the address
 * itself), `newTab` when asked, placed where said or where a new element goes.
 */
export function addLink(scene: Scene, temps: TempIds): RuleResult {
  const said = readLink(scene, scene.u.text);
  if (!said) return null;
  const split = splitPlacement(scene, said.after, false);
  if (!split.ok) return ask(RULE, split.text);
  // Words left over that are not a place: more of the request than a link.
  if (split.value.before) return null;
  const written = quoteOf(scene.u, said.href) ?? said.href;
  const href = webAddress(written);
  const name = literal(scene.u, said.name.replace(/^(?:our|my|your|the|their)\s+/i, ''));
  // Without words for what it is, the link shows its address as written.
  const text = !said.name
    ? written
    : (quoteOf(scene.u, said.name) ?? name.charAt(0).toUpperCase() + name.slice(1));
  const props: Record<string, PropValue> = { text, href };
  if (said.newTab) props.newTab = true;
  const place = split.value.place;
  const op: Op = { op: 'addNode', parent: place.parent.id, type: 'Link', id: temps.next(), props };
  if (place.index !== undefined) op.index = place.index;
  return {
    kind: 'batch',
    rule: RULE,
    ops: [op],
    summary: `Add a Link "${text}" to ${href}${said.newTab ? ' that opens in a new tab' : ''} ${place.words}`
  };
}

/**
 * A link's address as a browser needs it: "example.com" or "www.example.com" alone is a path on
 * this app's own server to a browser, so the site is meant and gets `https://`; anything else
 * ("/help", "https://…", "mailto:…") is kept as written.
 */
export function webAddress(written: string): string {
  return /^(?:www\.|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/|$))/i.test(written)
    ? `https://${written}`
    : written;
}
