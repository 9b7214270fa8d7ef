/**
 * Numbers said in words, as digits, where a rule reads an amount (issue 15): "add a button that
 * adds ten", "make the plus go up by five", "when the count is over twenty", "a limit of two
 * hundred". Only after a word that takes an amount ("by", "to", "of", "adds", "over", ...), so
 * "the done ones" and "add one more" keep their words. Pure.
 */
import type { Scene } from './offline-refs';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12
};
const WORD = Object.keys(UNITS).join('|');
const NUMBER = String.raw`(?:(?:a|one|${WORD})\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:${WORD})(?:[\s-](?:${WORD}))?)?|(?:${WORD})(?:[\s-](?:${WORD}))?|a dozen|a hundred|a thousand)`;
const BEFORE = String.raw`by|to|at|from|than|above|below|over|under|past|adds?|subtracts?|takes? away|take off|minus|plus|of|is|reaches|hits|max(?:imum)?|min(?:imum)?|limit|up to|down to|starting at|starts at|steps of|in|only|least|most`;
const SAID = new RegExp(
  String.raw`\b(${BEFORE})\s+(${NUMBER})\b(?!\s+(?:more|of|another|else)\b)`,
  'gi'
);

/** The value of a number said in words, or undefined. */
export function numberOf(words: string): number | undefined {
  const parts = words
    .toLowerCase()
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== 'and');
  let total = 0;
  let current = 0;
  for (const p of parts) {
    if (p === 'a') current = current || 1;
    else if (p === 'hundred') current = (current || 1) * 100;
    else if (p === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (p in UNITS) current += UNITS[p];
    else return undefined;
  }
  return total + current;
}

/** The text with numbers said in words after an amount word written as digits. */
export function digits(text: string): string {
  return text.replace(SAID, (whole, before: string, said: string) => {
    const n = numberOf(said);
    return n === undefined ? whole : `${before} ${n}`;
  });
}

/** The scene with its words' numbers as digits. */
export function withDigits(scene: Scene): Scene {
  const text = digits(scene.u.text);
  return text === scene.u.text ? scene : { ...scene, u: { ...scene.u, text } };
}
