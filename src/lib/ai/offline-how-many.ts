/**
 * A count said with a plural reference (issue 15): "make all three buttons bigger", "both
 * buttons", "the two text fields". When the app has exactly that many elements of the kind, the
 * count is dropped ("all the buttons"), so the rules read the plural they know; when the count is
 * wrong the words stay, and the reference is a question naming the elements there are. Pure.
 */
import type { Draft } from './offline-draft';
import { findElements } from './offline-refs';

const COUNTS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8
};
const SAID =
  /\b(?:(?:all|each of|every one of)\s+(?:the\s+|my\s+)?|the\s+|both\s+(?:the\s+|of the\s+)?)(two|three|four|five|six|seven|eight|[2-8])?\s*([a-z]+(?:\s+[a-z]+)?s)\b/gi;

/** "all three buttons" → "all the buttons" when there are three; "both buttons" when two. */
export function howMany(d: Draft): void {
  d.text = d.text.replace(SAID, (whole: string, count: string | undefined, kind: string) => {
    const both = /^both\b/i.test(whole);
    if (!count && !both) return whole;
    const n = both ? 2 : (COUNTS[count!.toLowerCase()] ?? Number(count));
    const found = findElements(
      { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } },
      `all the ${kind}`
    );
    return found.ok && found.value.length === n ? `all the ${kind}` : whole;
  });
}
