/**
 * A reason or remark said after the request is no part of it (issue 15): "get rid of the clear
 * done button, i never use it", "remove the message box, we dont need it", "delete the slider
 * because nobody uses it", "drop the divider, it's pointless". The remark is taken off the end
 * before any rule reads the request, so the element's name is not read with it. Only remarks that
 * say why (what someone never does, does not need, or thinks of the element) are taken off: a
 * remark that wants something ("…, i want it red") stays and is read or asked about. A final
 * "instead" ("… should say Cheers instead") only says the new replaces the old. Pure.
 */
import type { Draft } from './offline-draft';

const PERSON = "(?:i|we|i'm|we're|people|users|nobody|no one|no-one)";
const NEVER =
  "(?:never|rarely|hardly(?: ever)?|barely|seldom|no longer|don'?t(?: really| even| ever)?|do not|dont|didn'?t|did not|only(?: ever)?|always|just|already)";
const REMARK = new RegExp(
  [
    // "…, i never use it", "…, we dont need it", "…, i only ever count by 1".
    `${PERSON}\\s+${NEVER}\\s+(?:use|need|click|press|touch|look at|count|want|read|fill in|go)\\b`,
    // "…, nobody uses it", "…, no one clicks it", "…, nobody ticks it".
    `(?:nobody|no one|no-one)\\s+(?:uses|needs|clicks|reads|wants|ticks|checks|fills in|presses|taps|looks at)\\b`,
    // "…, it's pointless", "…, that's not needed", "…, they are confusing".
    "(?:it'?s|its|it is|that'?s|thats|that is|they'?re|they are)\\s+(?:not (?:needed|used|useful|necessary)|useless|pointless|unnecessary|redundant|confusing|ugly|annoying|in the way|clutter)\\b",
    // "…, not needed", "…, no need for it".
    '(?:not needed|no need for it|not used)\\b'
  ].join('|'),
  'i'
);
// A remark that still asks for something is not taken off.
const WISH =
  /\b(?:make|put|move|add|change|set|turn|colou?r|show|want it|want them|should|instead|but)\b/i;

/** Takes a remark that says why off the end of the request, after a comma, dash or "because". */
export function asides(d: Draft): void {
  // "the thanks message should say Cheers instead": "instead" says it replaces, nothing more.
  d.text = d.text.replace(/(\S)\s*,?\s+instead(?:\s+(?:please|pls|now))?$/i, '$1');
  const m = new RegExp(
    `(\\S)\\s*(?:[,;]|\\s-|\\s–|\\s—|\\s(?:because|since|as))\\s+(?:(?:cause|coz|cos|because)\\s+)?((?:${REMARK.source})[^,;]*)$`,
    'i'
  ).exec(d.text);
  if (!m || WISH.test(m[2])) return;
  d.text = d.text.slice(0, m.index + 1).trim();
}
