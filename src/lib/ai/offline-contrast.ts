/**
 * "the email box should say you@example.com, not ada": the words after "not" (or "instead of",
 * "rather than") are what the element says now, so they tell which of its texts is meant, here
 * the placeholder "ada@example.com", and they are no part of the new text. Read so, the request
 * is "change the placeholder of the email box to you@example.com". When none of the element's
 * texts holds those words, or more than one does, the request stays as said, and the planner's
 * guard asks about a new text that holds ", not …" (./offline-guard.ts). Pure.
 */
import { findElement } from './offline-refs';
import { norm } from './offline-names';
import { quote, type Draft } from './offline-draft';

const CONTRAST =
  /^(.+?)\s+(?:should|must|needs? to|has to|ought to)\s+(?:say|read|show|be)\s+(.+?),?\s+(?:not|instead of|rather than)\s+(.+)$/i;
const TEXTS = ['label', 'text', 'title', 'placeholder'];

export function contrastWish(d: Draft): void {
  const m = CONTRAST.exec(d.text);
  if (!m) return;
  const [, subject, now, was] = m;
  const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
  const found = findElement(scene, subject);
  if (!found.ok) return;
  const said = ` ${norm(was.replace(/^(?:the|a|an)\s+/i, '').replace(/[.!]+$/, ''))} `;
  const holding = TEXTS.filter((prop) => {
    const value = found.value.props[prop];
    return (
      typeof value === 'string' &&
      ` ${norm(value).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(said)
    );
  });
  d.text =
    holding.length === 1
      ? `change the ${holding[0]} of ${subject} to ${quote(d, now, true)}`
      : d.text;
}
