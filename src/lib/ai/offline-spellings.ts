/**
 * Chat spellings in a request ("could u", "msg", "img"), rewritten to the words the rules read,
 * for the normalisation stage (offline-canon.ts). A spelling the app itself uses (a label
 * "Msg") is left alone, and so is every address: a web address, a mail address or a bare domain
 * keeps its letters as written ("img.example.org" is not "image.example.org"), or a link or a
 * picture would point somewhere else. Pure.
 */
import type { AppModel } from '../model/types';
import type { Draft } from './offline-draft';
import { SPELLINGS } from './offline-canon-words';

/** The app's own texts and names in lower case, which chat spellings never touch. */
function ownText(model: AppModel): string {
  const out: string[] = [];
  for (const node of model.nodes.values())
    for (const v of Object.values(node.props)) if (typeof v === 'string') out.push(v);
  for (const c of model.components.values()) out.push(c.name, ...Object.keys(c.state));
  return out.join(' \n ').toLowerCase();
}

/** "could u add", "thank you msg", "theres": the spellings, unless the app itself uses them. */
export function spellings(d: Draft): void {
  const own = ownText(d.model);
  for (const [from, to] of SPELLINGS) {
    // A label "Msg" or a field "txt" is the app's word: rewriting it would lose the element.
    if (!new RegExp(from.source, 'i').test(own))
      d.text = outsideAddresses(d.text, (part) => part.replace(from, to));
  }
  d.text = d.text.replace(/\s+/g, ' ').trim();
}

/**
 * A web or mail address, or a bare domain ("img.example.org/beans.jpg"): its letters are the
 * address, never chat spellings ("img" there is not "image").
 */
const ADDRESS =
  /\b(?:https?:\/\/|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+(?:\/\S*)?/gi;

/** `text` with `change` applied to everything but its addresses. */
export function outsideAddresses(text: string, change: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    out += change(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + change(text.slice(at));
}
