/**
 * How people describe a new input (issue 15), said the grammar's way before any rule reads it:
 * "add an Age field, numbers only, default 18" and "add an age field that only takes numbers" are
 * "add a number field called age starting at 18"; "that defaults to 5" and ", default 5" are
 * "starting at 5"; "a number field" is a NumberInput ("a phone number field" still holds text).
 * Only in a request that adds something. Pure.
 */
import type { Draft } from './offline-draft';

const NUMBERS_ONLY =
  /(?:,\s*|\s+(?:that|which)\s+)(?:(?:only\s+)?(?:takes|accepts|allows)\s+(?:only\s+)?numbers|numbers?\s+only|only\s+numbers|numeric(?:\s+only)?)\b/i;

/** Rewrites a new input's kind and start value into the grammar's phrasing. */
export function inputWords(d: Draft): void {
  if (!/^(?:add|insert|create|put)\s/i.test(d.text)) return;
  const numbers = NUMBERS_ONLY.exec(d.text);
  if (numbers) {
    const before = d.text.slice(0, numbers.index);
    const after = d.text.slice(numbers.index + numbers[0].length);
    // "a Date field and a Guests field that only takes numbers": the numbers are the last
    // field's, the one the words follow.
    const fields = [
      ...before.matchAll(
        /(^(?:add|insert|create|put)\s+|\s+and\s+|,\s*)(?:a|an)\s+(?!number\b)(\S+(?:\s+\S+)?)\s+(?:field|input|box)$/gi
      )
    ];
    const named = fields.at(-1);
    if (named)
      d.text = `${before.slice(0, named.index)}${named[1]}a NumberInput called ${named[2]}${after}`;
  }
  // "a number field", "a numeric input": the input type itself. Only right after the article:
  // "a phone number field" and "an order number field" hold text.
  d.text = d.text.replace(
    /^(add|insert|create|put)\s+(?:a|an|another|one more)\s+(?:number|numeric)\s+(?:field|input|box|entry)\b/i,
    '$1 a NumberInput'
  );
  d.text = d.text.replace(
    /(?:,\s*|\s+(?:that|which)\s+)?\b(?:defaults?|defaulting)\s+(?:to\s+|at\s+|of\s+)?(-?\d+(?:\.\d+)?)\b/i,
    ' starting at $1'
  );
}
