/**
 * The word tables of the normalisation stage (offline-canon.ts): chat spellings, politeness and
 * hedges around a request, other verbs for removing, and complaints that say which way a size
 * should go. Every entry maps to words the rules already read; none adds a meaning. Pure data.
 */

/**
 * Chat spellings of words the grammar reads, as [spelling, word]. A spelling that is one of the
 * app's own words is left alone (offline-canon.ts checks), so a label "Msg" is never rewritten.
 */
export const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  // "could u add", "thank u": a lone "u" after a word that asks or thanks is "you".
  [/\b(can|could|would|will|do|did|if|when|thank|let|have)\s+u\b/gi, '$1 you'],
  [/\bur\b(?=\s+[a-z])/gi, 'your'],
  [/\bmsg\b/gi, 'message'],
  [/\bmsgs\b/gi, 'messages'],
  [/\bbtns\b/gi, 'buttons'],
  [/\bbtn\b/gi, 'button'],
  [/\bchars\b/gi, 'characters'],
  [/\bchar\b/gi, 'character'],
  [/\bcols\b/gi, 'columns'],
  [/\btxt\b/gi, 'text'],
  [/\b(?:img|pic)\b/gi, 'image'],
  [/\bw\/(?=\s)/gi, 'with'],
  // "until theres a message": the apostrophe people leave out.
  [/\btheres\b/gi, 'there is'],
  // "make it more big": the comparative people writing in a second language build with "more".
  [/\bmore big\b/gi, 'bigger'],
  [/\bmore (small|narrow|tall|short|thick|dark|light|bold)\b/gi, '$1er'],
  [/\bmore (wide|large)\b/gi, '$1r'],
  [/\bserch\b/gi, 'search'],
  // "instead of 'A' it should say 'B'": the quoted text replaced by the other.
  [
    /^instead of (⟦\d+⟧)\s*,?\s*(?:it|that|this)?\s*(?:should|must|needs? to|has to)?\s*(?:say|show|read|be)s?\s+(⟦\d+⟧)$/i,
    'change $1 to $2'
  ],
  // "…, 2 lines is enough": a number of rows said as what would do.
  [
    /\b(\d+)\s+(?:lines|rows)\s+(?:is|are|would be|will be|should be)\s+(?:enough|plenty|fine|ok|okay)\b/gi,
    'make it $1 rows'
  ],
  // "could you please add", "and pls make": a plea after the asking words, never one inside a
  // text ("say please stop" keeps it).
  [/(?<=\b(?:you|u|and|then|,))\s+(?:please|pls|plz|plse)\b(?=\s)/gi, '']
];

/**
 * Words before the request that say nothing about the change: greetings, praise, hedges and the
 * ways of asking. Each is taken off the front, again until none is left. prepare() in
 * offline-text.ts takes off the common ones; these are the ones it leaves.
 */
export const LEADING: readonly RegExp[] = [
  /^(?:hey|hi|hello|yo|ok(?:ay)?|so|um+|hmm+|right|alright|oh)\b[,!.\s]+/i,
  /^(?:(?:i\s+)?love (?:this|it)|(?:this\s+is\s+)?(?:great|nice|cool)(?: app)?)\s*[!.,]+\s*/i,
  /^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|maybe\s+|also\s+|just\s+)*/i,
  /^(?:please|pls|plz|kindly|just|maybe|perhaps|also|quickly)\b[,\s]+/i,
  /^(?:would|is) it be possible to\s+/i,
  /^is it possible to\s+/i,
  /^do you think you could\s+/i,
  /^(?:i|we)\s+(?:was|were)\s+wondering if you could\s+/i,
  /^(?:i'?d|i would|we'?d|we would) (?:love|like) (?:it )?if you (?:could|would)\s+/i,
  /^(?:i'?d|i would|we'?d|we would) love (?:you )?to\s+/i,
  /^(?:i|we)\s+(?:want|need|would like|'d like)\s+(?:you|u)\s+to\s+/i,
  /^(?:i|we)'?d\s+(?:like|love)\s+(?:you|u)\s+to\s+/i
];

/** Words after the request that say nothing about it: "… if you can", "… too", "… thx". */
export const TRAILING =
  /(?:[,\s]+(?:if (?:you can|possible|that'?s ok(?:ay)?|it'?s not too much trouble)|when you (?:can|get a chance)|thx|too|as well|also|thanks?(?: a lot| so much)?|thank you(?: so much)?))+$/i;

/**
 * Words that start a text said without quotes ("should say Me too", "change it to Thanks"): after
 * one of these the words at the end may be the text's own, so TRAILING is not taken off.
 */
export const TEXT_OPENS =
  /\b(?:to|say|says|saying|said|called|named|labell?ed|titled|reading|reads?|text|as|be|become|show|shows|showing)\b/i;

/**
 * Ways of asking for a new thing, each the same as "add": "need a +10 button", "there should be a
 * clear button", "how about a search box", "it would be nice to have a counter".
 */
export const WANT_NEW =
  /^(?:(?:i|we)(?:\s+|(?='d\s)))?(?:also\s+|really\s+|still\s+)?(?:need|want|would like|'d like|would love|'d love)\s+(?=(?:a|an|another|one more)\s)|^(?:there should be|there needs to be|there must be|how about|what about|it would be (?:nice|great|good|cool) to have|it'?d be (?:nice|great|good|cool) to have|add in)\s+(?=(?:a|an|another|one more)\s)/i;

/**
 * Other verbs for removing an element, as the start of a request. "no need for the reset button"
 * and "lose the divider" ask for the same as "remove": each is followed by a determiner, so a
 * verb with another sense ("take out the trash" has none here) still needs an element after it.
 */
export const REMOVE_VERB =
  /^(?:no need for|(?:i|we)?\s*(?:do not|don'?t|dont) (?:need|want)|lose|ditch|take out|take away|scrap|bin|kill|nuke|trash|rip out|cut)\s+(?=(?:the|this|that|those|these|both|all)\b)/i;

/** Words after a removal that say nothing more: "anymore", "at all". */
export const REMOVE_TAIL = /\s+(?:any\s?more|at all|altogether|completely)$/i;

/**
 * A complaint about a size, and the comparative the style rules read for it: "too small" is
 * "bigger", "tiny" is "bigger", "too short" is "taller". Only sizes: a complaint about a colour
 * ("too dark") does not say which colour is wanted.
 */
export const COMPLAINT: readonly (readonly [RegExp, string])[] = [
  [/^(?:too\s+(?:small|little)|tiny|(?:so|really|very)\s+small)$/i, 'bigger'],
  [/^(?:too\s+(?:big|large)|huge|massive|enormous)$/i, 'smaller'],
  [/^too\s+(?:short|low)$/i, 'taller'],
  [/^too\s+(?:tall|high)$/i, 'shorter'],
  [/^too\s+narrow$/i, 'wider'],
  [/^too\s+wide$/i, 'narrower']
];

/** Words that make a complaint stronger or softer without changing it: "way too small". */
export const DEGREE =
  /^(?:way|much|a bit|a little|kind of|kinda|sort of|really|very|so|just|far)\s+/i;
