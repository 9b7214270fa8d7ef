/**
 * The normalisation stage (issue 15): the first thing normalise() does with a request. It
 * rewrites the ways people say a request into the forms the rules and the rest of
 * offline-normal.ts already read: chat spellings ("could u", "msg"), greetings and hedges around
 * the request, "need a +10 button" for "add", "no need for the reset button" for "remove", a
 * complaint about a size followed by what to do about it, "I want the X to be Y" and "can the X
 * be Y" as the wish "the X should be Y", a quoted wish before another instruction, "give the box
 * the placeholder Y", "move it up, above Y", "a line saying Y" (a text), "dark theme for the
 * card", a start said with the old value ("from 100 instead of 0"), options in brackets, "make X a
 * ghost button", a badge wished for the done rows, "start with an empty list". The rewrites that
 * must look at the app first are in offline-canon-app.ts.
 *
 * Every rewrite keeps the meaning and changes only the form; quoted text is behind markers, so it
 * is never rewritten. When a rewrite would have to guess (a complaint with nothing after it that
 * names the element again, a type after a quote in the middle of a clause), the request is left
 * as said, for the rules to read or ask about: a rewrite that reads more than was said would be a
 * wrong change, which is worse than a question. The guard still judges every batch. Pure.
 */
import type { Draft } from './offline-draft';
import { COMPLAINT, DEGREE, LEADING, TEXT_OPENS, TRAILING, WANT_NEW } from './offline-canon-words';
import { canonForApp } from './offline-canon-app';
import { spellings } from './offline-spellings';
import { ticketFrame } from './offline-ticket';
import { askedEnd, homeWords } from './offline-canon-home';
import {
  ability,
  inputNames,
  movePlace,
  removals,
  removalWish,
  swapWords
} from './offline-canon-verbs';
import { isStyleWord } from './offline-style';
import { reasons } from './offline-reasons';
import { longForms } from './offline-canon-long';
import {
  askedAgain,
  askingLabel,
  exampleText,
  fillers,
  gerunds,
  insteadOfNumber,
  remarkThen,
  lineOfText,
  lookAfterText,
  namedBox
} from './offline-canon-clause';

/** Greetings, praise and hedges before the request; thanks and "too" after it. */
function politeness(d: Draft): void {
  for (;;) {
    let next = d.text;
    for (const lead of LEADING) next = next.replace(lead, '');
    // "… should say Me too": after a word that starts a text, the end may be the text's own.
    if (!TEXT_OPENS.test(next)) next = next.replace(TRAILING, '');
    next = next.replace(/[\s,.!?]+$/, '').trim();
    if (next === d.text) return;
    d.text = next;
  }
}

/**
 * "the message box is tiny, can it be taller", "buttons are too small, make them all bigger":
 * the complaint names the element, what follows says what to do with "it" or "them". The
 * complaint is dropped and its element put in place of the pronoun. A complaint alone ("the
 * buttons are too small") is the comparative it asks for; one followed by words that do not
 * name it again is left as said.
 */
function complaints(d: Draft): void {
  const m =
    /^((?:the|this|that|these|those|my|our|all the)\s+)?(.+?)\s+(?:is|are|looks?|seems?|feels?|'s|'re)\s+(.+?)(?:\s*[,;:-]\s*(?:so\s+)?(.+))?$/i.exec(
      d.text
    );
  if (!m || /⟦/.test(m[2]) || /\b(?:i|we|you|it|this|there)$/i.test(m[2])) return;
  const complaint = m[3].replace(DEGREE, '').replace(DEGREE, '');
  const comparative = COMPLAINT.find(([words]) => words.test(complaint))?.[1];
  // "the delete buttons are a bit hidden, can you make them red": a remark that names the
  // element, then what to do with "them"; the remark itself asks for nothing.
  if (!comparative) return remarkThen(d, `${m[1] ?? 'the '}${m[2]}`, m[4]);
  const element = `${m[1] ?? 'the '}${m[2]}`;
  if (!m[4]) {
    d.text = `make ${element} ${comparative}`;
    return;
  }
  // The rest must name the element again, or the complaint is not what it is about.
  const rest = m[4];
  const pronoun = /\b(them all|them|it)\b/i.exec(rest);
  if (!pronoun) return;
  // What follows must be what the complaint asks for (a size the same way) or a removal; "too
  // small, make it red" says two things, and reading only the second would be half of it.
  const up = /^(?:bigger|taller|wider)$/.test(comparative);
  const same = up
    ? /\b(?:bigger|larger|taller|wider|longer|big|large|huge)\b/i
    : /\b(?:smaller|shorter|narrower|small|tiny)\b/i;
  // "too big, make it 3 rows": a number of rows or columns is the size, said exactly.
  if (/\b\d+\s+(?:rows|columns|lines)\b/i.test(rest)) return remarkThen(d, element, rest);
  if (!same.test(rest) && !/^(?:remove|delete|get rid of|drop|hide)\b/i.test(rest)) return;
  const named =
    pronoun[1].toLowerCase() === 'them all' ? `all ${element.replace(/^all /i, '')}` : element;
  d.text = rest.slice(0, pronoun.index) + named + rest.slice(pronoun.index + pronoun[1].length);
}

// A determiner or pronoun that makes a phrase an element's name ("the X", "it", "these").
const NAMES = String.raw`(?:the|this|that|these|those|my|our|its|all|both|each|every)\s+[^,]+?|it|this|them|these|those`;

/**
 * "I want the X to be Y", "can the X be Y", "make it so the X is Y", "it would be nice if the X
 * were Y": each says the same as the wish "the X should be Y", which offline-normal.ts reads.
 */
function wishForm(clause: string): string {
  const forms: [RegExp, string][] = [
    [
      new RegExp(
        String.raw`^(?:i|we)\s+(?:want|need|would like|'d like|would love|'d love|wish)\s+(${NAMES})\s+to\s+(be|look|say|read|show|go)\s+(.+)$`,
        'i'
      ),
      '$1 should $2 $3'
    ],
    [
      new RegExp(
        String.raw`^(?:can|could)\s+(${NAMES})\s+(?:please\s+)?(be|look|say|read|show)\s+(.+)$`,
        'i'
      ),
      '$1 should $2 $3'
    ],
    [
      new RegExp(
        String.raw`^make it so(?: that)?\s+(${NAMES})\s+(?:is|are|looks?|says?|reads?)\s+(.+)$`,
        'i'
      ),
      '$1 should be $2'
    ],
    // "the heading could be smaller", "the heading would look better in red".
    [
      new RegExp(String.raw`^(${NAMES})\s+(?:could|might)\s+(be|look)\s+(.+)$`, 'i'),
      '$1 should $2 $3'
    ],
    [
      new RegExp(
        String.raw`^(${NAMES})\s+would\s+(?:look|be)\s+better\s+(?:in\s+|as\s+)?(.+)$`,
        'i'
      ),
      '$1 should be $2'
    ],
    [
      new RegExp(
        String.raw`^(?:what if|how about if|maybe)\s+(${NAMES})\s+(?:was|were|is|are)\s+(.+)$`,
        'i'
      ),
      '$1 should be $2'
    ],
    [/^(?:how about|what about)\s+making\s+(.+)$/i, 'make $1'],
    [
      new RegExp(
        String.raw`^it(?: would|'d) be (?:nice|great|good|better|cool) if\s+(${NAMES})\s+(?:was|were|could be|would be)\s+(.+)$`,
        'i'
      ),
      '$1 should be $2'
    ]
  ];
  for (const [from, to] of forms) if (from.test(clause)) return clause.replace(from, to);
  return clause;
}

/** A name said without a determiner gets "the": "card title" is "the card title". */
function named(subject: string): string {
  return /^(?:the|this|that|these|those|my|our|its|it|all|both|each|every|⟦\d+⟧)\b/i.test(subject)
    ? subject
    : `the ${subject}`;
}

/**
 * "card title should be 'Clicks'", "label 'Name' should say 'Full name'": a wish whose new text
 * is exactly one quote is a change of text, however the clauses around it go on. A quote names
 * the text whole, so what follows it is never part of it.
 */
function quotedWish(clause: string): string {
  // "label 'Name' should …": the type word after the quote, as the refs read it.
  const typed = clause.replace(
    /^(?:the\s+)?(label|button|heading|title|text|checkbox|toggle|field|input|link|badge)\s+(⟦\d+⟧)(?=\s)/i,
    'the $2 $1'
  );
  const m =
    /^(.+?)\s+(?:should|must|needs? to|has to|ought to)\s+(?:be|say|read|show|become|be called|be named|be labell?ed)\s+(⟦\d+⟧)((?:\s*,)?\s+(?:and|then)\s+\S.*)?$/i.exec(
      typed
    );
  if (!m || /^(?:i|we|you|add|make|change|set|put|move|remove|let)\b/i.test(m[1])) return clause;
  return `change ${named(m[1])} to ${m[2]}${m[3] ?? ''}`;
}

/**
 * "give the message box the placeholder 'How can we help?'", "give the card the title Hi": the
 * text prop named, set on the element.
 */
function giveText(clause: string): string {
  return clause.replace(
    /^give\s+((?:the|this|that|it)\b.*?)\s+(?:the|a|an)\s+(placeholder|title|label|caption)\s+(?:of\s+|text\s+)?(?=\S)/i,
    'change the $2 of $1 to '
  );
}

/**
 * "dark theme for the card", "a light look for the form": a look for one element, not the
 * app's dark mode. The app or the page as a whole stays for the dark mode rule.
 */
function lookFor(clause: string): string {
  const m =
    /^(?:add\s+)?(?:an?\s+)?(dark|light)\s+(?:theme|mode|look|style|background|colou?rs?)\s+(?:for|on|to)\s+((?:the|this|that)\s+.+)$/i.exec(
      clause
    );
  if (!m || /\b(?:app|application|page|site|whole|everything|screen|all)\b/i.test(m[2]))
    return clause;
  return `make ${m[2]} ${m[1].toLowerCase()}`;
}

/**
 * "move the checkbox up, above the message", "right under the box": a direction or a "right"
 * before a place adds nothing to the place.
 */
function places(clause: string): string {
  return (
    clause
      .replace(
        /^((?:move|put|place|drag|shift)\s+.+?)\s+(?:up|down|higher|lower)(?:\s+a\s+bit)?\s*,?\s+(?=(?:above|below|under|underneath|beneath|over|before|after)\b)/i,
        '$1 '
      )
      // "to the bottom of the page": the page is the whole app, where "to the bottom" goes.
      .replace(
        /\b((?:to|at)\s+the\s+(?:very\s+)?(?:top|bottom|start|end))\s+of\s+the\s+(?:page|app|screen|window|whole (?:page|app|thing))\b/gi,
        '$1'
      )
      .replace(
        /\b(?:right|just|directly|immediately)\s+(?=(?:under|underneath|below|beneath|above|over|after|before)\b)/gi,
        ''
      )
  );
}

/**
 * "should stay disabled until there's a message", "should only work when", "show X only if",
 * "how many characters the message has": a state said as what stays, what works or what there
 * is, in the words of the condition and counter rules.
 */
function states(text: string): string {
  return (
    text
      .replace(
        /\b(should|must|needs? to|has to)\s+(?:stay|remain|be kept|keep being)\s+(?=(?:disabled|greyed out|grayed out|locked|hidden)\b)/gi,
        '$1 be '
      )
      .replace(
        /\b(until|unless|when|while)\s+there(?:'s|s| is)\s+(?:a|an|some)\s+([a-z]+)\b(?!\s+(?:in|on|of|for)\b)/gi,
        '$1 the $2 is filled in'
      )
      // "the send button should only work when …", "… only works when …": the rule's "only work".
      .replace(
        /\b(?:should\s+only\s+work|should\s+work\s+only|only\s+works|should\s+only\s+be\s+clickable)\s+(?=(?:when|while|if|once|as long as)\b)/gi,
        'only work '
      )
      // "show the reset button only if …": the rule's "only show … when".
      .replace(/^show\s+(.+?)\s+only\s+(?:if|when|while|once)\s+/i, 'only show $1 when ')
      .replace(
        /\bhow many (characters|letters|words) (the|my|your) ([a-z]+(?: [a-z]+)?) (?:has|contains|holds)\b/gi,
        'how many $1 are in $2 $3'
      )
  );
}

/**
 * "make clear done a ghost button": a look said as the kind of element it makes is the look
 * ("make clear done ghost"), when the word is one the style rules know.
 */
function lookAsKind(clause: string): string {
  const m =
    /^(make|turn)\s+(.+?)\s+(?:into\s+)?(?:a|an)\s+([a-z]+)\s+(button|heading|card|text|badge|link)$/i.exec(
      clause
    );
  if (!m || !isStyleWord(m[3])) return clause;
  return `make ${m[2]} ${m[3]}`;
}

/**
 * "each task should show a badge saying done when it's finished": a badge in the rows of the
 * done items, as the row badge rule reads it.
 */
function rowWish(clause: string): string {
  const m =
    /^(?:(?:each|every)\s+([a-z]+?)s?\s+(?:should|must|needs? to|has to|could)\s+(?:show|have|get|display)\s+(.+?)|show\s+(.+?)\s+(?:on|in|next to|beside)\s+(?:each|every)\s+([a-z]+?)s?)\s+(?:when|once|if)\s+(?:it'?s|its|it is|it has been|it gets)\s+(done|finished|completed|complete|ticked|checked)$/i.exec(
      clause
    );
  if (!m) return clause;
  const [item, thing] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
  if (!/\b(?:badge|tag|label|word|text)\b/i.test(thing)) return clause;
  return `add ${thing} to the ${m[5].toLowerCase()} ${item}s`;
}

/**
 * "start with an empty list, no example tasks": the list's start, in the words offline-normal.ts
 * reads ("make the list start empty"); the examples it will not have say the same again.
 */
function emptyStart(clause: string): string {
  return clause.replace(
    /^(?:start|begin)\s+(?:off\s+|out\s+)?with\s+(?:an?\s+)?empty\s+([a-z]+)(?:\s*,?\s*(?:with\s+)?(?:no|without)\s+(?:example|sample|starting|default|demo|test)\s+[a-z]+)?$/i,
    'make the $1 start empty'
  );
}

// Parts of an element's text that a look or a new text is said of: the look is the element's.
const TEXT_PART = String.raw`(?:font(?:\s+size)?|text(?:\s+size)?|writing|lettering|wording|caption)`;
const COLOUR_WORD =
  'red|green|blue|grey|gray|orange|yellow|purple|pink|black|white|bold|dark|light|muted';

/**
 * "make the font bigger on the heading", "the heading's font", "the text of the heading", "the
 * heading text", "increase the size of the heading", "have the heading centered", "the heading
 * in red": a look of the element, said of its text or with another verb, is the element's look
 * in the grammar's "make X Y".
 */
function lookWords(clause: string): string {
  // Only an element that is its text: the font of a card is the font of what it holds, which a
  // look of the card (its padding) is not.
  const textual = (what: string) =>
    /\b(?:heading|title|text|paragraph|label|button|link|badge|count|number)$/i.test(what.trim());
  let out = clause
    // "the heading's font" → "the heading".
    .replace(
      new RegExp(String.raw`\b((?:the|this)\s+[^,]+?)'s\s+${TEXT_PART}\b`, 'gi'),
      (all: string, what: string) => (textual(what) ? what : all)
    )
    // "the card's background" → "the background of the card", as the style rules read it.
    .replace(
      /\b((?:the|this)\s+[^,]+?)'s\s+(background|colou?r|border|shadow|width)\b/gi,
      'the $2 of $1'
    )
    // "the text of the heading" → "the heading"; only in a look, never a new text ("change the
    // text of the heading to …" is read by the rules as it is).
    .replace(
      new RegExp(
        String.raw`^(make|turn)\s+the\s+${TEXT_PART}\s+(?:of|on|in)\s+(.+?)\s+(\S+)$`,
        'i'
      ),
      (all: string, verb: string, what: string, look: string) =>
        textual(what) ? `${verb} ${what} ${look}` : all
    )
    .replace(
      new RegExp(String.raw`^(make|turn)\s+the\s+${TEXT_PART}\s+(\S+)\s+(?:of|on|in)\s+(.+)$`, 'i'),
      (all: string, verb: string, look: string, what: string) =>
        textual(what) ? `${verb} ${what} ${look}` : all
    );
  // "change the heading text to Groceries", "make the heading text blue": the element itself.
  out = out.replace(
    new RegExp(
      String.raw`\b(the\s+(?:[^\s,]+\s+){0,3}?(?:heading|button|title|link|badge))\s+${TEXT_PART}\b(?!\s+(?:field|box|area|input))`,
      'gi'
    ),
    '$1'
  );
  // "increase the font size of the card" is its text's, not the card's: left as said.
  const GROW = String.raw`(increase|enlarge|grow|bump up|raise|decrease|reduce|shrink|lower)`;
  const font = new RegExp(
    String.raw`^${GROW}\s+(?:the\s+)?(?:font|text)\s+size\s+of\s+(.+)$`,
    'i'
  ).exec(out);
  const size =
    new RegExp(String.raw`^${GROW}\s+(?:the\s+)?size\s+of\s+(.+)$`, 'i').exec(out) ??
    (font && textual(font[2]) ? font : null) ??
    /^(enlarge|shrink)\s+(the\s+.+)$/i.exec(out);
  if (size)
    return `make ${size[2]} ${/^(?:increase|enlarge|grow|bump up|raise)$/i.test(size[1]) ? 'bigger' : 'smaller'}`;
  // "could we have the heading centered", "can you get the card dark".
  out = out.replace(
    new RegExp(
      String.raw`^(?:can|could)\s+(?:we|you|i)\s+(?:have|get)\s+((?:the|this)\s+.+?)\s+(\S+)$`,
      'i'
    ),
    (all: string, what: string, look: string) =>
      isStyleWord(look) || /^cent(?:er|re)d$/i.test(look) ? `make ${what} ${look}` : all
  );
  // "the heading should be in red", "make the heading in bold".
  out = out.replace(
    new RegExp(
      String.raw`^((?:make|turn|paint|colou?r)\s+.+?|.+?\s+should\s+be)\s+in\s+(${COLOUR_WORD})$`,
      'i'
    ),
    '$1 $2'
  );
  // "heading in red please": a look with no verb.
  return out.replace(
    new RegExp(String.raw`^((?:the\s+)?[^\s⟦]+(?:\s+[^\s⟦]+){0,2})\s+in\s+(${COLOUR_WORD})$`, 'i'),
    (all: string, what: string, look: string) =>
      /^(?:add|show|put|write|display|print|make|set|change)\b/i.test(what)
        ? all
        : `make ${/^the\s/i.test(what) ? what : `the ${what}`} ${look}`
  );
}

/**
 * "add a priority on each todo (low, normal or high)": options in brackets after a new thing
 * are its options; "on each" is "to each". Only for an addition, with two or more short options.
 */
function bracketOptions(clause: string): string {
  if (!/^add\s/i.test(clause)) return clause;
  const m =
    /\s*\(\s*((?:[\w%.+-]+(?:\s[\w%.+-]+){0,2})(?:\s*(?:,|\/|\bor\b|,\s*or\b)\s*[\w%.+-]+(?:\s[\w%.+-]+){0,2})+)\s*\)$/i.exec(
      clause
    );
  if (!m) return clause;
  const options = m[1].replace(/\s*\/\s*/g, ', ');
  return `${clause.slice(0, m.index)} with options ${options}`.replace(
    /^(add\s+(?:a|an)\s+\w+)\s+(?:on|for)\s+(?=(?:each|every)\s)/i,
    '$1 to '
  );
}

// Where one instruction ends and the next begins, for rewrites of one clause at a time. Only
// joins that surely start a new instruction: ", and", ";", "then", and "and" before a verb.
const JOIN =
  /(\s*,\s*(?:and\s+|then\s+)?|\s*;\s*|\s+and then\s+|\s+and\s+(?=(?:make|change|set|add|remove|move|put|give|delete)\s)|\s+and\s+(?=(?:also\s+)?(?:could|can|would|will)\s+you\s|(?:also\s+)?(?:i|we)'?d\s+(?:like|love)\s+you\s+to\s|please\s))/i;

/** The request in the forms the rules read (see the file comment); quotes untouched. */
export function canon(d: Draft): void {
  askedEnd(d);
  ticketFrame(d);
  spellings(d);
  politeness(d);
  // Home-made wording, before a complaint or a reason is cut ("… each job, so they know").
  homeWords(d);
  complaints(d);
  // A complaint's rest may start with "could you": the politeness of the rest, taken off.
  politeness(d);
  // Before the clauses are cut: a reason may sit between two of them.
  reasons(d);
  // "I run a gym. Please …": the request after who is asking may ask politely too.
  politeness(d);
  d.text = gerunds(d.text);
  // Before the clauses are cut at commas: these read across one.
  d.text = insteadOfNumber(bracketOptions(places(states(emptyStart(d.text)))));
  // Some long forms read across a comma ("…, out of 500, under the box"): the whole first.
  d.text = longForms(fillers(d.text));
  const parts = d.text.split(new RegExp(JOIN.source, 'gi'));
  // split() with a group keeps the joins at odd places: clauses at even ones.
  d.text = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      // "…, and could you also make the heading smaller": each clause may ask politely.
      let clause = (i > 0 ? askedAgain(part) : part).replace(WANT_NEW, 'add ');
      for (const step of [
        fillers,
        longForms,
        namedBox,
        ability,
        removalWish,
        movePlace,
        swapWords,
        inputNames,
        removals,
        wishForm,
        quotedWish,
        giveText,
        lookFor,
        lineOfText,
        askingLabel,
        lookAfterText,
        exampleText,
        lookAsKind,
        rowWish,
        lookWords
      ])
        clause = step(clause);
      return clause;
    })
    .join('');
  canonForApp(d);
}
