/**
 * A remark about the world said around the request is no part of it (issue 15): "make the box
 * dark, the studio is dim in the evening", "the add button make it green, green is our colour",
 * "…, negative cups makes no sense", "…, i press it by accident", "room fits 30 people max, plus
 * should stop at 30". offline-reasons.ts and offline-asides.ts take off the reasons whose words
 * they know; this takes off any clause that is a statement (a subject and a verb of being,
 * having or doing) about something that is not an element of the app, before or after the
 * request. Then a plea left at the end of the request ("… bigger pls") goes too.
 *
 * A remark is only taken off when nothing in it is lost: it must ask for nothing (no verb of the
 * grammar, no wish, no quote), name no element, bring no look the request does not already say,
 * and every number in it must be said in the request too ("fits 30 max, … stop at 30"). A clause
 * that fails any of these stays, for the rules to read or ask about. Pure.
 */
import type { Draft } from './offline-draft';
import { COMPLAINT, DEGREE } from './offline-canon-words';
import { findElements, trailingType } from './offline-refs';
import { VERBS } from './offline-split';
import { isStyleWord } from './offline-style';

// Someone who is not the app: "i press it with wet hands", "some people dont want to give it".
const PERSON =
  /^(?:i|we|they|you|people|some people|customers|clients|guests|my staff|our staff|staff|nobody|no one|everyone|everybody)\s+\S/i;
// A thing said to be so: "the studio is dim", "green is our colour", "the word takes space".
const STATEMENT =
  /^((?:(?:the|our|my|this|that|some|negative|most)\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|was|were|'s|makes?|takes?|has|have|looks?|seems?|gets?|comes?|fits?|holds?|opens?|closes?)\b/i;
// Words that ask for something: a remark holding one is part of the request. A verb of the
// grammar asks only with its object ("make it", "put those"): "green is our colour" does not.
const ASKS = new RegExp(
  `\\b(?:(?:${VERBS})\\s+(?:the|a|an|it|them|this|that|these|those|my|our|all|every|each)\\b|should|must|needs? to|has to|have to|want (?:it|them)|need (?:it|them)|instead|only|can'?t go|never go|please|could you|can you|say|says|called|named)\\b|⟦|\\?`,
  'i'
);

// A sentence of its own that starts with who or what it is about, not with a verb: "My eyes
// are not what they were.", "Then the children will understand it.", "Some weeks we start afresh."
const SUBJECT =
  /^(?:then\s+|just\s+|so\s+)?(?:i|i'm|i've|we|we're|we've|my|our|they|they're|their|it|it's|its|that|that's|this|there|there's|some|most|the|people|everyone|everybody|nobody|somebody|someone|because|since|for (?:fun|a laugh|when|our|my))\s/i;
// Words that ask, name a place or an element, or say how big a thing is ("It fills the whole
// tablet" says how much narrower): such a sentence is not a remark, it stays for the rules.
const WISH =
  /\b(?:need|needs|want|wants|wanted|would|could|can|should|must|has to|have to|make|made|also|too|as well|top|bottom|left|right|above|below|under|next to|button|heading|title|text|box|field|list|checkbox|tick|slider|card|number|count|label|hint|colou?r|whole|fills?|wide|narrow|big|small|tall|short|long|tiny|huge|size)\b/i;

/**
 * Whether a whole sentence after the request ("…? My eyes are not what they were.") is a remark:
 * it starts with who or what it is about, says no wish and names no element or place, and passes
 * the clause test below as a statement would.
 */
function isSentenceRemark(d: Draft, sentence: string, rest: string): boolean {
  const said = sentence.trim();
  if (!SUBJECT.test(said) || WISH.test(said)) return false;
  return isRemark(d, said, rest, true);
}

/** Whether a clause is a remark that asks for nothing, given the rest of the request. */
function isRemark(d: Draft, clause: string, rest: string, sentence = false): boolean {
  const said = clause.trim();
  // "some people dont want to give it": what others do not want is said of them, not asked.
  const theirs = said.replace(
    /^((?:some\s+)?(?:people|customers|clients|guests|staff|they|users|visitors)\s+(?:don'?t|dont|do not|never)\s+(?:want|like|need)\s+to)\s+\w+(?:\s+(?:it|them|that))?/i,
    '$1'
  );
  if (!said || ASKS.test(theirs)) return false;
  const subject = STATEMENT.exec(said)?.[1];
  if (!PERSON.test(said) && !subject && !sentence) return false;
  // "the heading is grey": a state said of an element may be the change itself.
  const scene = { model: d.model, selection: null, u: { text: said, quotes: d.quotes } };
  if (subject && (findElements(scene, subject).ok || trailingType(d.model, subject))) return false;
  const words = said.toLowerCase().split(/[^a-z-]+/);
  const restWords = new Set(rest.toLowerCase().split(/[^a-z-]+/));
  // "…, green is our colour" repeats the look; "…, blue is nicer" brings a new one.
  // (In a sentence of its own, "start" or "left" is a verb, not a look.)
  const look = (w: string) =>
    isStyleWord(w) && !(sentence && /^(?:start|end|left|right|top|bottom|full)$/.test(w));
  if (words.some((w) => w && look(w) && !restWords.has(w))) return false;
  // Every number the remark holds is in the request as well.
  const numbers: string[] = rest.match(/\d+(?:\.\d+)?/g) ?? [];
  return (said.match(/\d+(?:\.\d+)?/g) ?? []).every((n) => numbers.includes(n));
}

/** Takes remarks off the start and end of the request (see the file comment). */
export function remarks(d: Draft): void {
  // "Could the plus be green? Then the children will understand it.": a sentence after the
  // request, its own "?" or "." before it, that asks for nothing.
  for (;;) {
    const tail = /^(.*[^\s.?!])\s*[.?!]+\s+([^.?!]+)$/.exec(d.text);
    if (!tail || !isSentenceRemark(d, tail[2], tail[1])) break;
    d.text = tail[1];
  }
  for (;;) {
    const tail = /^(.*\S)\s*[,.;]\s+([^,.;]+)$/.exec(d.text);
    if (!tail || !isRemark(d, tail[2], tail[1])) break;
    d.text = tail[1];
  }
  // "the text is too small, i read it on a tablet": once the remark is gone (here or by
  // offline-reasons.ts), the complaint is the comparative it asks for, as offline-canon.ts reads
  // a complaint said alone.
  const complaint = /^((?:the|these|those|my|our)\s+.+?)\s+(?:is|are|looks?)\s+(.+)$/i.exec(d.text);
  const degree = complaint?.[2].replace(DEGREE, '').replace(DEGREE, '');
  const comparative = degree && COMPLAINT.find(([words]) => words.test(degree))?.[1];
  if (complaint && comparative) d.text = `make ${complaint[1]} ${comparative}`;
  const head = /^([^,.;]+)[,.;]\s+(\S.*)$/.exec(d.text);
  if (head && isRemark(d, head[1], head[2])) d.text = head[2];
  // "under the list, not on top", "one under the other, not in a line": where it is now, said
  // after where it goes, adds nothing.
  d.text = d.text.replace(
    /(\b(?:under|below|above|over|beside|next to|one (?:under|below|above) the other|side by side|in a (?:row|line)|at the (?:top|bottom))\b.*?)\s*,?\s+(?:and\s+)?(?:please\s+|pls\s+)?not\s+(?:in a (?:line|row)|on top|at the (?:top|bottom)|next to each other|side by side|(?:on|at) the (?:left|right))$/i,
    '$1'
  );
  // "add a +10 button for when a big group comes in": when it is used, not what it does.
  d.text = d.text.replace(
    /^(add\s.+?\bbutton)\s+(?:for when|for whenever|for the times?|in case)\s+(?:a|an|the|we|i|you|people|someone|somebody|customers?|they)\b[^,;⟦]*$/i,
    '$1'
  );
  // "… bigger pls": a plea left at the end, unless it follows a word that starts a text.
  d.text = d.text.replace(
    /(?<!\b(?:say|saying|to|as|called|named|labell?ed))\s+(?:please|pls|plz)$/i,
    ''
  );
}
