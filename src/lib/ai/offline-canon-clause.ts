/**
 * The clause rewrites of the normalisation stage that long requests need (issue 15), used by
 * canon() in offline-canon.ts: an -ing form after the asking words ("would you mind making …"), a
 * later clause's own politeness, an input that asks a quoted question, an input's example text
 * as its placeholder, a line that says something as a text, a look said after a new element's
 * quoted text, words that say nothing more, and a remark about an element. Each keeps the meaning
 * and changes only the form; quoted text is behind markers and never rewritten. Pure.
 */
import type { Draft } from './offline-draft';
import { LEADING } from './offline-canon-words';
import { isStyleWord } from './offline-style';

// The -ing forms of the verbs that start an instruction, and the verb each is.
const GERUND: Record<string, string> = {
  making: 'make',
  adding: 'add',
  putting: 'put',
  placing: 'place',
  changing: 'change',
  moving: 'move',
  removing: 'remove',
  deleting: 'delete',
  setting: 'set',
  giving: 'give',
  turning: 'turn',
  colouring: 'colour',
  coloring: 'color',
  renaming: 'rename',
  hiding: 'hide',
  showing: 'show',
  sorting: 'sort',
  centering: 'center',
  centring: 'centre',
  aligning: 'align',
  swapping: 'swap',
  replacing: 'replace',
  inserting: 'insert',
  creating: 'create',
  updating: 'update',
  'getting rid of': 'get rid of',
  'taking out': 'take out'
};
// Words after which an -ing form is the instruction itself: "would you mind making the heading
// smaller", "how about putting it at the top", "… as well as making the button green".
const ASKS_ING = new RegExp(
  `(^(?:mind\\s+)?|\\b(?:would you mind|do you mind|could you try|how about|what about|start by|begin by|as well as|and also|and then|and|then|plus)\\s+)(${Object.keys(GERUND).join('|')})\\b`,
  'gi'
);

/** "would you mind making …", "… as well as making …": the -ing form as the verb it is. */
export function gerunds(text: string): string {
  return text
    .replace(ASKS_ING, (_, before: string, ing: string) => {
      const asked =
        /^(?:mind|would you mind|do you mind|could you try|how about|what about|start by|begin by)\s+$/i;
      return `${asked.test(before) ? '' : before}${GERUND[ing.toLowerCase()]}`;
    })
    .trim();
}

/**
 * A later clause's own politeness: "…, and could you also make the heading smaller", "… and I'd
 * like you to put it at the top". Only the asking words before a verb go; the clause stays.
 */
export function askedAgain(clause: string): string {
  let out = clause;
  for (;;) {
    let next = out.replace(/^(?:also|too|maybe|perhaps)\s+/i, '');
    for (const lead of LEADING) next = next.replace(lead, '');
    if (next === out || !next) return out;
    out = next;
  }
}

/**
 * "the grey example text in it", "the hint text": the faint text an input shows while empty is
 * its placeholder.
 */
export function exampleText(clause: string): string {
  return clause
    .replace(
      /\bthe\s+(?:(?:grey|gray|faint|light|pale|greyed[- ]out)\s+)?(?:example|sample|hint|ghost|placeholder)\s+(?:text|words|wording)\s+(?:in|inside|of)\s+it\b/gi,
      'its placeholder'
    )
    .replace(
      /\b(the|its)\s+(?:(?:grey|gray|faint|light|pale|greyed[- ]out)\s+)?(?:example|sample|hint|ghost)\s+(?:text|words|wording)\b/gi,
      '$1 placeholder'
    );
}

/**
 * "add a text under the heading saying 'Jobs' in a smaller grey font": a look said after a new
 * element's quoted text is said before its type, where the add rule reads looks ("add a smaller
 * grey text … saying 'Jobs'"). Only when every word of it is a look the style rules know.
 */
export function lookAfterText(clause: string): string {
  const m =
    /^((?:add|put|insert|create)\s+(?:a|an))\s+(.+?\s(?:saying|that says|which says|reading|that reads|called|labell?ed|titled)\s+⟦\d+⟧)\s+in\s+(?:a\s+|an\s+)?((?:[a-z]+\s+){0,2}[a-z]+)$/i.exec(
      clause
    );
  const looks = m?.[3].replace(/\s+(?:font|text|letters|type|writing|lettering|print)$/i, '');
  if (!m || !looks || !looks.split(/\s+/).every((w) => isStyleWord(w))) return clause;
  return `${m[1]} ${looks} ${m[2]}`;
}

/**
 * "a dropdown asking 'How did you hear about us?'", "a checkbox that asks 'Coming?'": an input
 * that asks a quoted question is labelled with it.
 */
export function askingLabel(clause: string): string {
  return clause.replace(
    /\b(dropdown|drop-down|select|checkbox|tick ?box|toggle|switch|slider|text field|text box|field|box|input|text area)\s+(?:asking|that asks|which asks|with the question)\s+(?=⟦\d+⟧)/gi,
    '$1 labelled '
  );
}

/**
 * "add a small line under the number saying Clicks so far": a line that says something is a
 * line of text; a line alone stays a divider.
 */
export function lineOfText(clause: string): string {
  return clause.replace(
    /\b(an?\s+(?:(?:small|little|short|tiny|big|bold|new)\s+)?)line(?:\s+of\s+text)?(\s+(?:(?:under|below|above|after|before|beneath|underneath)\s+(?:the\s+)?\S+\s+)?(?:saying|that says|which says|reading|that reads)\b)/i,
    '$1text$2'
  );
}

/**
 * Words a long request adds that say nothing more: "should just say", "go up by 5 each time",
 * "over on the right-hand side", "… instead of the right", "rather than 0", "next to each other
 * on one line", "label it 'Jump size'", "when you press Reset it should …".
 */
export function fillers(clause: string): string {
  return (
    clause
      .replace(
        /\b(should|could|can|must|to|will|would)\s+just\s+(?=(?:say|read|show|be)\b)/gi,
        '$1 '
      )
      .replace(/\s+(?:each|every) time(?=\s|$)/gi, '')
      // "look plainer, more like a link": the plain kind of button.
      .replace(
        /(,?\s+and\s+|^)look\s+(?:a bit\s+|a little\s+)?(?:plainer|simpler|more subtle|less loud|more like a link)(?:\s*,?\s+(?:more\s+)?like a link)?$/i,
        '$1make it ghost'
      )
      .replace(
        /^(make\s+.+?)\s+look\s+(?:a bit\s+|a little\s+)?(?:plainer|simpler|more subtle|less loud|more like a link)$/i,
        '$1 ghost'
      )
      // "Could the X just say 'Back'": "just" before what it should say adds nothing.
      .replace(/\s+just\s+(?=(?:say|read|show)\s)/gi, ' ')
      // "go up by 5 instead of 1": the old amount says nothing the new one does not.
      .replace(
        /\b(from|at|by)\s+(-?\d+(?:\.\d+)?)\s*,?\s+(?:instead of|rather than|not)\s+-?\d+(?:\.\d+)?$/i,
        '$1 $2'
      )
      .replace(
        /\b(?:over\s+)?(on|to)\s+the\s+(right|left)[-\s]hand(?:\s+side)?\b(?!\s+of\b)/gi,
        '$1 the $2'
      )
      .replace(/\bover\s+(?=(?:on|to)\s+the\s+(?:right|left)\b)/gi, '')
      .replace(/\s+instead of (?:the )?(?:right|left|top|bottom)$/i, '')
      .replace(/\brather than\b/gi, 'instead of')
      // "to say 'Shop jobs' instead of Todo": the old text says nothing the quote does not.
      .replace(/(⟦\d+⟧)\s+instead of\s+(?:⟦\d+⟧|\S+)(?=\s*$|\s*,)/gi, '$1')
      // "the same grey as": the same colour.
      .replace(
        /\bthe same\s+(?:red|green|blue|grey|gray|orange|yellow|purple|pink|black|white|shade|tone)\s+as\b/gi,
        'the same colour as'
      )
      // "dark with light writing", "dark, with a dark background": a dark theme says both.
      .replace(
        /\bdark\s*,?\s+with\s+(?:(?:light|white)\s+(?:writing|text|letters|words)|a\s+dark\s+background)\b/gi,
        'dark'
      )
      // "… go back to 10 as well": a last "as well" or "too" adds nothing to a number.
      .replace(/(\d)\s+(?:as well|too)$/i, '$1')
      .replace(
        /\b((?:next to each other|side by side|beside each other))\s+(?:on|in)\s+(?:one|a single|the same)\s+(?:line|row)\b/gi,
        '$1'
      )
      .replace(/^label\s+(it|them|this)\s+(?:as\s+)?(⟦\d+⟧)$/i, 'change its label to $2')
      .replace(
        /^(?:when|whenever|if)\s+(?:you|someone|somebody|people|i|they)\s+(?:press|click|tap|hit)(?:es|s)?\s+(?:the\s+)?(.+?)(?:\s+button)?\s*,?\s+it\s+(should|must|needs? to)\s+/i,
        'the $1 button $2 '
      )
  );
}

/** The rest of a remark about an element, with the element for its pronoun, when it is a request. */
export function remarkThen(d: Draft, element: string, rest: string | undefined): void {
  // "dropdown: how urgent is it? …" is a terse request, not a remark about an element.
  if (!rest || /[:?!]|\b(?:how|what|which|who|why|when|where)\b/i.test(element)) return;
  const asked =
    /^(?:(?:can|could|would|will)\s+you\s+|please\s+|so\s+)?(?:make|turn|colou?r|move|put|remove|delete|hide|change|set|give)\s+(them all|them|it)\b/i.exec(
      rest
    );
  if (!asked) {
    // "the list is getting long, can you show how many …": a remark, then a request of its own.
    if (
      /^(?:(?:can|could|would|will)\s+you|please)\s+(?:show|add|put|make|give|sort|let)\b/i.test(
        rest
      )
    )
      d.text = rest;
    return;
  }
  const at = asked.index + asked[0].length - asked[1].length;
  const named =
    asked[1].toLowerCase() === 'them all' ? `all ${element.replace(/^all /i, '')}` : element;
  d.text = rest.slice(0, at) + named + rest.slice(at + asked[1].length);
}

/**
 * "start counting from 100 instead of 0": the old start said beside the new one only says what
 * it replaces. Only a start: for "go back to 10 instead of 0" the old number is what tells which
 * value a button's action sets, and offline-sets-value.ts asks when it is not the one it sets.
 */
export function insteadOfNumber(clause: string): string {
  return clause.replace(
    /\b(from|at|by)\s+(-?\d+(?:\.\d+)?)\s*,?\s+(?:instead of|rather than|not)\s+-?\d+(?:\.\d+)?(?=\s*(?:,|$|\s+and\b))/gi,
    '$1 $2'
  );
}

/**
 * "add a phone number box", "a postcode box": a box named for what goes in it is a text field, a
 * text area when what goes in it runs to lines ("a notes box") (a box alone, a "big box" or a quoted title is still a card; a search box is the search rule's).
 */
export function namedBox(clause: string): string {
  return clause.replace(
    /^((?:add|put|insert|create)\s+(?:a|an|another))\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+box\b/i,
    (said: string, verb: string, words: string) =>
      /\b(?:search|filter|check|tick|text|input|dialog|info|alert|colou?r|content|little|small|big|large|tiny|huge|new|red|green|blue|grey|gray|orange|yellow|purple|pink|black|white|bold|dark|light|flat|raised|neutral|accent|success|warning|danger|muted|primary|secondary)\b/i.test(
        words
      )
        ? said
        : `${verb} ${words} ${MANY_LINES.test(words) ? 'text area' : 'field'}`
  );
}

/** What people write more than a line of: its box is a text area ("a notes box", "a comments box"). */
const MANY_LINES =
  /\b(?:notes?|comments?|descriptions?|messages?|bio|biography|details|feedback|remarks|story|stories|summary|thoughts|journal|diary|instructions|essay|letter|review|complaint|explanation)$/i;
