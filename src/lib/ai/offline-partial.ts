/**
 * A request read only in part (issue 15): some of its instructions planned and one did not. The
 * answer is a question that says what would be done for the parts that were read, quotes each
 * part that was not, and offers the three phrasings of the grammar nearest to the first of them.
 * Nothing is proposed: a part done silently while another is dropped would be a change the person
 * did not ask for in that form. Pure.
 */
import { nearestPhrasings } from './offline-nearest';
import type { OfflineTurn } from './offline-turn';

/** "it", "them": a part that names what the part before it was about. */
export const PRONOUN = /\b(?:it|its|them|they|their|that one|this one)\b/i;

/**
 * The question for a request whose `read` parts planned (their summaries) and whose `unread`
 * parts (as said) did not; `dependent` are parts skipped because they said "it" right after one
 * that was not read.
 */
export function partlyRead(
  read: readonly string[],
  unread: readonly string[],
  dependent: readonly string[] = []
): Extract<OfflineTurn, { kind: 'question' }> & { readonly suggestions: readonly string[] } {
  const suggestions = nearestPhrasings(unread[0]);
  const quoted = (parts: readonly string[]) => parts.map((p) => `"${p}"`).join(' or ');
  const after = dependent.length
    ? ` (nor what "it" is in ${quoted(dependent)}, which comes right after it)`
    : '';
  return {
    kind: 'question',
    rule: null,
    suggestions,
    text:
      `I can read part of that: I would ${read.join('; then ')}. ` +
      `But I do not understand ${quoted(unread)}${after}, so I have changed nothing. ` +
      `The nearest I understand: ${suggestions.map((s) => `“${s}”`).join(', ')}. ` +
      'Say that part another way, or ask for the rest on its own; put text that contains "and" in quotes.'
  };
}
