/**
 * The words of a request, made easy to match: politeness trimmed, quoted text set aside behind
 * markers (so a label like "Sign in at the top" is never read as grammar), and helpers that turn
 * what someone said into a state field name, a label or a literal value. Pure.
 */

/** A request ready for the grammar. */
export interface Utterance {
  /** The request with politeness trimmed and every quoted run replaced by a marker `⟦n⟧`. */
  readonly text: string;
  /** What each marker stands for, exactly as typed between the quotes. */
  readonly quotes: readonly string[];
  /** A "!" or "?" the request ended with, which a new text may keep ("… to All clear!"). */
  readonly end?: string;
}

// An apostrophe inside a word ("don't", "todo's") is not a quote: a single quote opens only
// after a non-letter and closes only before one, and one between two letters inside a quoted run
// ("'Thanks, we'll call you'") is the run's own apostrophe.
const QUOTED =
  /"([^"]*)"|“([^”]*)”|‘([^’]*)’|«([^»]*)»|(?<![\p{L}\p{N}])'((?:[^']|(?<=\p{L})'(?=\p{L}))*)'(?![\p{L}\p{N}])/gu;
const MARKER = /⟦(\d+)⟧/g;
const ONLY_MARKER = /^⟦(\d+)⟧$/;

const LEADING = new RegExp(
  '^(?:' +
    [
      '(?:please|pls|kindly|ok(?:ay)?|hey|hi|now|also|then|and|so|just)\\b[,\\s]*',
      '(?:can|could|would|will) you\\s+(?:please\\s+)?',
      "i(?:'d| would) like (?:you )?to\\s+",
      'i want (?:you )?to\\s+',
      'i need (?:you )?to\\s+',
      "let'?s\\s+",
      'go ahead and\\s+',
      'try to\\s+'
    ].join('|') +
    ')',
  'i'
);
const TRAILING = /(?:[,\s]+(?:please|pls|plz|thanks|thank you|for me|now))+$/i;
// "… should say My Tasks pls": a plea is never the end of a text, unlike "Got it, thanks".
const PLEA = /(?:[,\s]+(?:please|pls|plz))+$/i;
const OPEN = /\b(?:to|saying|says|say|called|named|labell?ed|titled|reading|as)$/i;

/**
 * Trims politeness and punctuation and sets quoted text aside. With `keepTail`, politeness at the
 * end stays ("Got it, thanks!" may be a text, not a thank-you): the planner reads a request both
 * ways when they differ, and asks when that changes what it would do.
 */
export function prepare(message: string, keepTail = false): Utterance {
  const quotes: string[] = [];
  let text = message
    .replace(/[\r\n\t]+/g, ' ')
    .replace(QUOTED, (...groups: unknown[]) => {
      const inner = groups.slice(1, 6).find((g) => typeof g === 'string') as string;
      quotes.push(inner);
      return ` ⟦${quotes.length - 1}⟧ `;
    })
    .replace(/\s+/g, ' ')
    // "… & a counter for the home team": an ampersand between words joins like "and".
    .replace(/ & /g, ' and ')
    .trim();
  const end = /[\p{L}\p{N}]([!?]+)$/u.exec(text)?.[1];
  for (;;) {
    const next = text
      .replace(/[.!?;:\s]+$/, '')
      .replace(LEADING, '')
      // "I want a search box", "can we get a character counter" ask for one to be added.
      .replace(
        /^(?:(?:i|we)\s+(?:want|need|would like|'d like)|(?:can|could|may)\s+(?:i|we)\s+(?:get|have)|give\s+(?:me|us))\s+(?=(?:a|an|some|another)\s)/i,
        'add '
      )
      .replace(keepTail ? PLEA : TRAILING, (tail: string, at: number, all: string) =>
        // "make the send button say please": the plea is the whole text.
        keepTail && OPEN.test(all.slice(0, at)) ? tail : ''
      )
      .trim();
    if (next === text) break;
    text = next;
  }
  return end ? { text, quotes, end } : { text, quotes };
}

/** The quote a piece of text is, if it is exactly one marker. */
export function quoteOf(u: Utterance, piece: string): string | undefined {
  const m = ONLY_MARKER.exec(piece.trim());
  return m ? u.quotes[Number(m[1])] : undefined;
}

/** A piece of the request as literal text: a quote exactly as typed, else the words as typed. */
export function literal(u: Utterance, piece: string): string {
  const quoted = quoteOf(u, piece);
  if (quoted !== undefined) return quoted;
  return piece
    .replace(MARKER, (_, n: string) => u.quotes[Number(n)])
    .replace(/^[\s,:]+|[\s,.!?;:]+$/g, '')
    .trim();
}

/** A piece of the request for matching: markers restored, lower case, single spaces. */
export function plain(u: Utterance, piece: string): string {
  return literal(u, piece).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words of a name as said ("first name", "firstName", "first_name") in lower case. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(' ')
    .filter(Boolean);
}

/** A state field or handler name from words: "first name" → `firstName`; '' when none fits. */
export function camelName(said: string): string {
  const parts = words(said);
  if (parts.length === 0) return '';
  let name = parts.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (!/^[A-Za-z_]/.test(name)) name = `field${name}`;
  return name.slice(0, 40);
}

/** A component name from words: "todo row" → `TodoRow`; '' when none fits. */
export function pascalName(said: string): string {
  const name = camelName(said);
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : '';
}

/** A label for a field name: `firstName` → "First name". */
export function labelFor(name: string): string {
  const text = words(name).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name with the first letter in upper case, for handler names (`count` → `Count`). */
export function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `base`, else `base2`, `base3`, ...: the first that `taken` does not hold. */
export function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}${i}`)) return `${base}${i}`;
}

/** A list said in words: "small, medium and large" → ["small", "medium", "large"]. */
export function listOf(u: Utterance, said: string): string[] {
  return said
    .split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i)
    .map((piece) => literal(u, piece))
    .filter(Boolean);
}

/** Names in a list joined for a sentence: `a`, `a or b`, `a, b or c`. */
export function joinWords(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** "a Button", "an Image"; `capital` for the start of a sentence. */
export function an(word: string, capital = false): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return `${capital ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${word}`;
}

/**
 * Whether unquoted words meant as a text carry another instruction ("Chores and frobnicate the
 * list"): "and" or "then", a word, then an article or "it". Such a text is a question, since the
 * planner has not read the whole request; quoting the text says it is meant as written.
 */
export function carriesInstruction(u: Utterance, piece: string): boolean {
  if (quoteOf(u, piece) !== undefined) return false;
  const words = piece.replace(/⟦\d+⟧/g, '');
  return (
    /\b(?:and|then)\s+(?:also\s+)?[a-z]+\s+(?:the|a|an|it|this|that|them|my|all|every)\b/i.test(
      words
    ) ||
    // "Tidy up and be red": the wish goes on about the element, it is not part of the text.
    /\b(?:and|then)\s+(?:also\s+)?(?:be|look|turn|become|go|get|move|sit)\s+\S/i.test(words) ||
    // "Add one and - say Take one": another element and what it should say.
    /\b(?:and|then)\s+(?:\S+\s+){1,3}(?:say|says|read|reads|to say|to read)\s+\S/i.test(words) ||
    // "Up, the minus button say Down": another element and what it should say.
    /,\s*(?:and\s+)?(?:the|its)\s+(?:\S+\s+){0,3}(?:say|says|read|reads|should|to say|be|become)\b/i.test(
      words
    )
  );
}
