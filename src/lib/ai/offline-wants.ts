/**
 * What a person wants, said as a need or a wish instead of an instruction (issue 15), rewritten
 * into the grammar's own phrasing: "every job needs a price" (a field on the items), "i want one
 * button that ticks all the jobs" (a new button), "i want to see how many are finished" (a
 * showing), "sort it so the open ones are on top" (the unfinished items first). Each rewrite
 * only changes the form; the rules still check that the words name a list, a field or an element,
 * and ask when they do not. Pure.
 */
import type { Draft } from './offline-draft';

/** "job" → "jobs", "entry" → "entries", "box" → "boxes". */
function plural(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** "every job needs a price also", "each task should have a due date": a field on the items. */
function itemNeeds(text: string): string {
  const said = text.replace(
    /^(?:and\s+)?(?:every\s+|each\s+|(?:the\s+|all\s+(?:the\s+)?)?(?=[a-z]+s\s+(?:need|should have|must have|have to have)\s))([a-z]+?)(s?)\s+(?:needs?|should have|must have|has to have|have to have|gets?|wants?)\s+(?:a|an)\s+([a-z]+(?:\s+(?!too\b|also\b|as\b)[a-z]+)?)(?:\s*\(([^()⟦]+)\))?(?:\s+(?:too|also|as well))?(?=\s*(?:[,.;]|\s+and\s|$))/i,
    (_, noun: string, s: string, field: string, options?: string) =>
      `add a ${field} field to the ${s ? `${noun}s` : plural(noun)}${options ? ` with options ${options.replace(/\s*\/\s*/g, ', ').replace(/,\s*([^,]+)$/, ' and $1')}` : ''}`
  );
  // "… (high, normal, low) and the high ones …": the options end where the next clause starts.
  return said === text
    ? text
    : said.replace(/(with options [^;,]+(?:,\s*[^;,]+?)*?)\s+and\s+(?=the\s)/i, '$1, and ');
}

/** "i want one button that …", "one button to …": one new element is "a" new element. */
function oneThing(text: string): string {
  return text
    .replace(
      /^(?:(?:i|we)\s+(?:want|need|would like|'d like)\s+)?one\s+(?!more\b)(?=\S+\s+(?:that|which|to)\s)/i,
      'add a '
    )
    .replace(/\s+at once$/i, '');
}

/** "i want to see how many are finished", "we need to see the total": a showing. */
function wantToSee(text: string): string {
  return text.replace(
    /^(?:(?:i|we)\s+(?:want|need|would like|'d like)\s+to\s+|let me\s+)?(?:see|know)\s+(?=how many\b|the (?:total|number|count)\b)/i,
    'show '
  );
}

/**
 * "sort it so the not done ones are always on top", "sort the list so finished ones go to the
 * bottom": the unfinished (or finished) items first, which the sort rule reads. A second clause
 * that says the same of the others ("and the done ones go down") adds nothing.
 */
function sortSo(text: string): string {
  const m =
    /^sort\s+(?:it|them|the\s+(?:list|[a-z]+s))\s+so\s+(?:that\s+)?(?:the\s+)?(not done|undone|unfinished|open|unticked|unchecked|done|finished|completed|ticked|checked)\s+(?:ones|items|[a-z]+s)\s+(?:are\s+)?(?:always\s+)?(?:go\s+)?(on top|at the top|first|to the top|at the bottom|to the bottom|last|down)(?:\s*,?\s+and\s+(?:the\s+)?(?:other|not done|undone|unfinished|open|done|finished|completed|ticked)\s+(?:ones|items|[a-z]+s)\s+(?:are\s+)?(?:always\s+)?(?:go\s+)?(?:on top|at the top|first|to the top|at the bottom|to the bottom|last|down))?$/i.exec(
      text
    );
  if (!m) return text;
  const open = /^(?:not done|undone|unfinished|open|unticked|unchecked)$/i.test(m[1]);
  const top = /^(?:on top|at the top|first|to the top)$/i.test(m[2]);
  return `show the ${open === top ? 'unfinished' : 'finished'} items first`;
}

/**
 * "at the bottom show the total", "under the number write small: people": the place said before
 * what goes there, read after it as the grammar says it. "all prices together" is the prices.
 */
function placeFirst(text: string): string {
  const m =
    /^(?:and\s+)?((?:at the (?:top|bottom)(?: of [a-z⟦][^\s,]*(?:\s+[a-z]+)?)?|(?:under|below|above|underneath)\s+(?:the\s+)?[a-z⟦][^\s,]*(?:\s+(?:box|field|button|list|text|heading|title))?))\s*,?\s+(show|add|put|write)\s+(.+)$/i.exec(
      text
    );
  if (!m) return text;
  const what = m[3].replace(
    /\b(?:the )?total of all (?:the )?(\w+) together\b/i,
    'the total of the $1'
  );
  // "write small: people in class": a text with its look, the words after the colon its own.
  const written = /^(?:(small|big|large|bold|grey|gray|muted)\s*)?:\s*(.+)$/i.exec(what);
  if (m[2].toLowerCase() === 'write') {
    if (!written) return text;
    return `add a ${written[1] ? `${written[1]} ` : ''}text saying ${written[2]} ${m[1]}`;
  }
  return `${m[2]} ${what} ${m[1]}`;
}

/**
 * "show how many are finished, like "1 done", …": an example of the count's text, said in the
 * word the request already used (or "done" for finished), is what the count shows anyway.
 */
function countExample(d: Draft): void {
  const m = /,?\s+like\s+⟦(\d+)⟧\s*(?=,|$)/.exec(d.text);
  if (!m || !/\bhow many\b/i.test(d.text)) return;
  const example = /^\d+\s+(\w+)$/.exec(d.quotes[Number(m[1])] ?? '');
  const rest = d.text.slice(0, m.index) + d.text.slice(m.index + m[0].length);
  const word = example?.[1].toLowerCase();
  const said =
    word &&
    (new RegExp(`\\b${word}\\b`, 'i').test(rest) ||
      (word === 'done' && /\b(?:finished|completed|ticked)\b/i.test(rest)));
  if (said) d.text = rest;
}

/**
 * "put a filter on top: All / Open / Done, so my staff only see the open orders when they want":
 * the choices after the colon, and the purpose a filter is (seeing only some items) said after.
 */
function filterChoices(text: string): string {
  const m =
    /^(?:put|add|place|give me|i want|i need)\s+(?:(?:a|an)\s+)?(filter(?:\s+(?:buttons|tabs|dropdown))?)\s*((?:on top|at the top|at the bottom|above the list|under the heading))?\s*:\s*((?:\w+\s*[/,|]\s*)+\w+)(?:\s*,?\s+(?:so\s+(?:that\s+)?)?(?:i|we|you|people|my \w+|our \w+|the \w+|they)\s+(?:can\s+)?only\s+see\s+[^,;]+)?$/i.exec(
      text
    );
  if (!m) return text;
  const choices = m[3].split(/\s*[/,|]\s*/);
  const listed = `${choices.slice(0, -1).join(', ')} and ${choices.at(-1)}`;
  const place = m[2] ? ` ${/^on top$/i.test(m[2]) ? 'at the top' : m[2]}` : '';
  return `add ${/s$/.test(m[1]) ? '' : 'a '}${m[1]} with ${listed}${place}`;
}

/** The need and wish forms of one request, in the grammar's phrasing. */
export function wants(d: Draft): void {
  d.text = d.text
    .split(/(\.\s+|;\s*)/)
    .map((part, i) =>
      i % 2 ? part : filterChoices(placeFirst(sortSo(wantToSee(oneThing(itemNeeds(part))))))
    )
    .join('');
  countExample(d);
}
