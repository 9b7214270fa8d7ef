/**
 * Wishes about the one number an app counts with, said the way people say them (issue 15): "can
 * it start at 10 instead of 0?", "it shouldn't be able to go below 0", "the count can't go over
 * 99", "the value should never be less than zero". Rewritten into the grammar's own phrasing
 * ("make count start at 10", "don't let count go below 0") before any rule reads them. "It" is
 * the counted field only when nothing is selected and the app counts with exactly one number;
 * otherwise the words stay as said, for the rules to read or ask about. Pure.
 */
import type { Draft } from './offline-draft';
import { countedField } from './offline-normal';

const NUMBER = '(-?\\d+(?:\\.\\d+)?|zero)';
const NOT =
  "(?:should(?:n'?t| not)(?: ever)?|should never|must(?:n'?t| not)|must never|may not|can ?not|can'?t|cant|shouldnt|mustnt|never)";
const LIMIT = new RegExp(
  `^(.+?)\\s+${NOT}\\s+(?:be (?:able|allowed) to\\s+)?(?:go|get|drop|fall|be|become|count)\\s+(?:any\\s+)?(below|under|lower than|less than|over|above|higher than|more than|past|beyond)\\s+${NUMBER}$`,
  'i'
);
const START = new RegExp(
  `^(?:can|could)\\s+(.+?)\\s+(?:start|begin)\\s+(?:at|from|on)\\s+${NUMBER}(?:\\s+instead of\\s+${NUMBER})?$`,
  'i'
);

/** The counted field for a subject that names it: "it", "the count", "the value", "the number". */
function subject(d: Draft, words: string): string | null {
  const field = countedField(d.model);
  if (!field) return null;
  const w = words
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');
  return ['it', 'count', 'counter', 'value', 'number', 'total', field.toLowerCase()].includes(w)
    ? field
    : null;
}

/** Rewrites a wish about the counted number into the grammar's phrasing, when it is one. */
export function numberWishes(d: Draft): void {
  const limit = LIMIT.exec(d.text);
  if (limit) {
    const field = subject(d, limit[1]);
    if (!field) return;
    const down = /^(?:below|under|lower|less)/i.test(limit[2]);
    d.text = `don't let ${field} go ${down ? 'below' : 'over'} ${limit[3].replace(/^zero$/i, '0')}`;
    return;
  }
  const start = START.exec(d.text);
  if (start) {
    const field = subject(d, start[1]);
    if (field) d.text = `make ${field} start at ${start[2].replace(/^zero$/i, '0')}`;
  }
}
