/**
 * Other verbs and word orders for the grammar's own verbs, one clause at a time, for the
 * normalisation stage (offline-canon.ts): an ability asked for ("allow people to …") is "let me
 * …"; "no need for", "can go", "take … away" are "remove"; "so it's above", "to be above" are a
 * move's place; "flip the order of" is "swap"; "input box", "a place to enter" and "a dropdown to
 * choose" are the add rules' names. Each rewrite keeps what the clause says of which element. Pure.
 */
import { REMOVE_TAIL, REMOVE_VERB } from './offline-canon-words';

/**
 * "I want to be able to search the list", "make it possible to mark all as done", "allow
 * people to filter the todos": an ability asked for is the grammar's "let me …". Who is able
 * (me, us, people) is the person using the app in every case. prepare() has already taken "I
 * want to" off some of them, leaving "be able to …".
 */
export function ability(clause: string): string {
  return clause.replace(
    /^(?:(?:(?:i|we)\s+(?:want|need|would like|'d like|would love|'d love)\s+to\s+)?be\s+able\s+to|(?:i|we|people|users|you|they)\s+should\s+be\s+able\s+to|(?:make\s+it|it\s+should\s+be)\s+possible\s+to|allow\s+(?:me|us|people|users|them)\s+to|enable\s+(?:me|us|people|users)\s+to|give\s+(?:me|us|people|users)\s+a\s+way\s+to|add\s+the\s+(?:ability|option)\s+to)\s+(?=\S)/i,
    'let me '
  );
}

/**
 * "the reset button can go", "the checkbox should be removed", "take the checkbox away": the
 * element's removal said as its going, in the grammar's "remove X".
 */
export function removalWish(clause: string): string {
  const gone =
    /^((?:the|this|that|these|those|both)\s+.+?)\s+(?:can go|can be (?:removed|deleted)|should (?:go|be (?:removed|deleted|gone))|(?:has|have|needs?) to go|must go|(?:is|are)(?:n't| not) (?:needed|necessary))$/i.exec(
      clause
    );
  if (gone) return `remove ${gone[1]}`;
  return clause.replace(
    /^take\s+((?:the|this|that|these|those|both)\s+.+?)\s+(?:away|out|off)$/i,
    'remove $1'
  );
}

/**
 * "move the button so it's above the message", "to be above", "to under the card": the place
 * said with more words, which the move rule reads without them.
 */
export function movePlace(clause: string): string {
  return clause.replace(
    /^((?:move|put|place)\s+.+?)\s+(?:so\s+(?:that\s+)?(?:it|they)(?:'s|'re|\s+is|\s+are|\s+sits?)|to\s+be|to\s+sit|to)\s+(?=(?:above|below|under|underneath|beneath|before|after|inside|over)\s)/i,
    '$1 '
  );
}

/**
 * "flip the order of the name and email fields", "switch the plus and minus buttons round":
 * two elements trading places, in the swap rule's words.
 */
export function swapWords(clause: string): string {
  // Only with words that say it is about order: "change the heading to Salt and Pepper" is a
  // text with "and" in it, and "switch the name and email fields" could be a toggle.
  return clause
    .replace(
      /^(?:flip|switch|reverse|change|swap)\s+the\s+(?:order|places|positions)\s+of\s+(.+?\s+and\s+.+)$/i,
      'swap $1'
    )
    .replace(/^(?:flip|switch|swap)\s+(.+?\s+and\s+.+?)\s+(?:round|around)$/i, 'swap $1');
}

/**
 * "add an input box for city", "a dropdown to choose a size: S, M, L", "a place to enter a
 * phone number": other names for a text field, and a purpose said as what the input is for.
 */
export function inputNames(clause: string): string {
  if (!/^add\s/i.test(clause)) return clause;
  return clause
    .replace(
      /\b(?:input box|input field|text input|entry field|text entry|text-box|type box)\b/gi,
      'text field'
    )
    .replace(
      /^add\s+(?:(?:a|some)\s+(?:place|way|spot)|somewhere)\s+(?:to|for people to|where (?:i|you|people|they) can)\s+(?:enter|type(?:\s+in)?|write|fill in|put)\s+(?:a\s+|an\s+|the\s+|their\s+|your\s+|my\s+)?/i,
      'add a text field for '
    )
    .replace(
      /\b(dropdown|select|text field|checkbox|toggle|slider|text area)\s+(?:to|so (?:i|you|people|they) can)\s+(?:choose|pick|select|enter|type|set|tick|toggle)\s+(?:a\s+|an\s+|the\s+|their\s+|your\s+|my\s+)?/i,
      '$1 for '
    );
}

/** "no need for the reset button", "ditch the divider": other verbs for remove. */
export function removals(clause: string): string {
  if (!REMOVE_VERB.test(clause)) return clause;
  return `remove ${clause.replace(REMOVE_VERB, '').replace(REMOVE_TAIL, '')}`;
}
