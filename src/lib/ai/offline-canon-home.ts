/**
 * Home-made wording (issue 15): how people who never read the grammar name elements and ask for
 * recipes, rewritten into forms the rules read. "the writing that says Todo" is the text the app
 * shows, "the tick things" the checkboxes, "the grey hint in the email box" its placeholder; "mark
 * every job as done in one go, with a button" is a button that marks them all; "a box where I can
 * say who is doing each job" a field on each item; "the days of the week" or "Monday to Sunday"
 * a dropdown's options; "X show how many letters I have typed" a character counter.
 *
 * Each rewrite keeps the meaning and changes only the form, and only when what it reads is whole:
 * "the writing that says X" only for a text the app shows, a sequence only when both ends are
 * days or months. Anything else is left as said, for the rules to read or ask about. Pure.
 */
import type { Draft } from './offline-draft';
import { quote } from './offline-draft';

const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' '
  );

/** The run from one day (or month) to another, in order; null when they are not of one kind. */
function run(from: string, to: string): string[] | null {
  for (const names of [DAYS, MONTHS]) {
    const at = (w: string) => names.findIndex((n) => n.toLowerCase().startsWith(w.toLowerCase()));
    const [a, b] = [at(from), at(to)];
    if (from.length >= 3 && to.length >= 3 && a >= 0 && b > a) return names.slice(a, b + 1);
  }
  return null;
}

const DAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
// "the days of the week", "weekdays", "the months of the year", "Monday to Sunday", "Jan-Dec".
const SEQUENCE = new RegExp(
  String.raw`(?:the\s+)?(?:days\s+of\s+the\s+week|week\s?days|working\s+days|months(?:\s+of\s+the\s+year)?|(${DAY}|${MONTH})\s*(?:to|-|–|through|till|until)\s*(${DAY}|${MONTH}))`,
  'i'
);

/** The names a sequence phrase stands for, or null. */
function sequence(phrase: RegExpExecArray): string[] | null {
  const said = phrase[0].toLowerCase();
  if (phrase[1] && phrase[2]) return run(phrase[1], phrase[2]);
  if (/days of the week/.test(said)) return DAYS;
  if (/week\s?days|working days/.test(said)) return DAYS.slice(0, 5);
  if (/months/.test(said)) return MONTHS;
  return null;
}

/**
 * "a dropdown with the days of the week, Monday to Sunday, for the rota": the options said as a
 * sequence (once, or twice in apposition) become "with options Monday, …", said last, and what
 * the dropdown is for ("for the rota") names it.
 */
function sequenceOptions(text: string): string {
  if (!/\b(?:dropdown|drop-down|drop down|select|menu|picker|choice)\b/i.test(text)) return text;
  const lead = /\s*\b(?:with|of|showing|listing|for)\s+/i;
  const m = new RegExp(
    `${lead.source}(${SEQUENCE.source})(?:\\s*,?\\s*(?:so\\s+)?(${SEQUENCE.source}))?`,
    'i'
  ).exec(text);
  if (!m) return text;
  const first = sequence(SEQUENCE.exec(m[1])!);
  const second = m[4] ? sequence(SEQUENCE.exec(m[4])!) : null;
  if (!first || (m[4] && (!second || second.join() !== first.join()))) return text;
  const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length))
    .replace(/\s*,\s*(?=,|$)/g, '')
    .replace(/\s*,\s*(for\s)/i, ' $1')
    .replace(/\s+/g, ' ')
    .trim();
  return `${rest} with options ${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`;
}

// The verbs a button can do to every item of a list, and their third person.
const EVERY_VERB: Readonly<Record<string, string>> = {
  mark: 'marks',
  unmark: 'unmarks',
  tick: 'ticks',
  untick: 'unticks',
  check: 'checks',
  uncheck: 'unchecks',
  clear: 'clears',
  sort: 'sorts'
};

/**
 * "mark every job as done in one go, with a button", "be able to untick them all at once with one
 * button": a button that does it, said the grammar's way ("add a button that marks every job as
 * done"). Only for the verbs a list recipe reads.
 */
function buttonFor(text: string): string {
  const m = new RegExp(
    String.raw`^(?:(?:i'?d|i would|we'?d|we would)\s+like\s+to\s+|let\s+(?:me|us)\s+)?(?:be\s+able\s+to\s+)?(${Object.keys(EVERY_VERB).join('|')})\s+(.+?)(?:\s*,?\s*(?:in\s+one\s+go|all\s+at\s+once|at\s+once|in\s+one\s+click|with\s+one\s+click))?\s*,?\s+(?:with|using|by\s+pressing|from)\s+(?:a|one|a\s+single)\s+button$`,
    'i'
  ).exec(text);
  if (!m) return text;
  return `add a button that ${EVERY_VERB[m[1].toLowerCase()]} ${m[2]}`;
}

/**
 * "a little box where I can say who is doing each job", "a space to write a note for every
 * plant": a field on each item of the list, named for what is said ("who" is the person).
 */
function boxPerItem(text: string): string {
  const m =
    /^(?:add|put|give me|make)\s+(?:a|an|one)\s+(?:(?:little|small|short|new)\s+)?(?:box|space|field|place|bit)\s+(?:where|in which|to|so)\s+(?:(?:i|we|you|people|they|someone|volunteers?)\s+(?:can|could)\s+)?(?:say|type|write|put|note|enter|record|jot down|fill in)\s+(.+?)\s+(?:for|on|against|next to|by)\s+(?:each|every)\s+(\w+)(?:,?\s+so(?:\s+that)?\s+(?:the\s+)?\w+\s+(?:know|can see|remember)\b[^,⟦]*)?$/i.exec(
      text
    ) ??
    /^(?:add|put|give me|make)\s+(?:a|an|one)\s+(?:(?:little|small|short|new)\s+)?(?:box|space|field|place|bit)\s+(?:where|in which|to|so)\s+(?:(?:i|we|you|people|they|someone|volunteers?)\s+(?:can|could)\s+)?(?:say|type|write|put|note|enter|record|fill in)\s+(who)\s+(?:is|are)\s+\w+ing\s+(?:each|every)\s+(\w+)(?:,?\s+so(?:\s+that)?\s+(?:the\s+)?\w+\s+(?:know|can see|remember)\b[^,⟦]*)?$/i.exec(
      text
    );
  if (!m) return text;
  const what = /^who\b/i.test(m[1])
    ? 'person'
    : m[1].replace(/^(?:a|an|the|some|their|its)\s+/i, '');
  if (what.split(/\s+/).length > 2 || /⟦/.test(what)) return text;
  return `add a ${what} field to each of the ${m[2].replace(/(?<!s)$/, 's')}`;
}

/** "could the message box show how many letters I have typed": its character counter. */
function shownCount(text: string): string {
  const m =
    /^(?:make\s+|(?:could|can|would|will)\s+)?(the\s+.+?)\s+(?:should\s+|to\s+)?(?:show|display|count|say)\s+(?:how many|the number of)\s+(letters|characters|chars|words)\s+(?:i|we|they|people|you|someone|the user)\s+(?:have\s+|'ve\s+|has\s+)?(?:typed|written|entered|put in|used)(?:\s+in(?:\s+it)?)?(?:\s+so\s+far)?$/i.exec(
      text
    );
  if (!m) return text;
  return `add a ${/^words$/i.test(m[2]) ? 'word' : 'character'} counter for ${m[1]}`;
}

/**
 * "the writing that says Todo", "the words saying Nothing to do yet": the element showing that
 * text, when the app shows it; quoted, so the rules name it exactly.
 */
function writingThatSays(d: Draft): void {
  // Each text the app shows, with the type of the element showing it ("heading").
  const texts = new Map<string, string>();
  for (const node of d.model.nodes.values())
    for (const key of ['text', 'label', 'title'])
      if (typeof node.props[key] === 'string')
        texts.set(
          (node.props[key] as string).toLowerCase().replace(/[.!?]+$/, ''),
          node.type.toLowerCase()
        );
  d.text = d.text.replace(
    /\bthe\s+(?:writing|words|text|line|bit|sign|message)\s+(?:that\s+says|saying|which\s+says|that\s+reads|reading)\s+((?:[^\s,.?!⟦]+\s*){1,8})/gi,
    (all: string, said: string) => {
      const words = said.trim().split(/\s+/);
      // The longest run of words from the start that the app shows, and what comes after it.
      for (let n = words.length; n > 0; n--) {
        const text = words.slice(0, n).join(' ');
        const type = texts.get(text.toLowerCase());
        if (!type) continue;
        const after = words.slice(n).join(' ');
        return `the ${quote(d, text)} ${type}${after ? ` ${after}` : ''}${/\s$/.test(said) ? ' ' : ''}`;
      }
      return all;
    }
  );
}

/** "the tick things", "the tick boxes", "the little squares": the checkboxes. */
function tickThings(text: string): string {
  return text.replace(
    /\bthe\s+(?:little\s+)?(?:tick|check)(?:\s+|-)?(?:things|thingies|bits|squares|boxes|marks)\b/gi,
    'the checkboxes'
  );
}

/**
 * "the grey hint in the email box", "the email hint", "the hint inside the box": the input's
 * placeholder, said the grammar's way ("the placeholder of the email box").
 */
function hints(text: string): string {
  return text
    .replace(
      /\bthe\s+(?:(?:grey|gray|faded|light|little|pale)\s+)*(?:hint|example|help)(?:\s+(?:text|words?|wording))?\s+(?:in|inside|of|on)\s+(?=(?:the|this|that|my)\s)/gi,
      'the placeholder of '
    )
    .replace(
      /\bthe\s+(\w+)\s+(?:box\s+|field\s+)?(?:hint|example)(?:\s+text)?\b(?!\s+(?:in|inside|of|on)\b)/gi,
      (all: string, name: string) =>
        /^(?:grey|gray|faded|light|little|pale|the|a)$/i.test(name)
          ? all
          : `the placeholder of the ${name} box`
    );
}

/** A plea in the middle of a request ("the week please, Monday …"), not after a text's opener. */
function midPlea(text: string): string {
  return text.replace(
    /(?<!\b(?:say|says|saying|to|as|called|named|labell?ed|titled|reading|reads))\s+(?:please|pls|plz)(?=\s*[,.;])/gi,
    ''
  );
}

/**
 * "make the Nothing to do yet text a bit friendlier: 'All done!'", "the hint says A? Could it say
 * 'B'": a new text said after what it is now, or after a colon, is the element's new text.
 */
function newTextAfter(text: string): string {
  return text
    .replace(
      /^(?:make|change)\s+(the\s+.+?)\s+(?:a\s+(?:bit|little)\s+|much\s+)?(?:more\s+\w+|\w+er)\s*:\s*(⟦\d+⟧)$/i,
      'change $1 to $2'
    )
    .replace(
      /^(the\s+.+?)\s+(?:says|reads|shows)\s+[^⟦]+?[.?!]?\s+(?:could|can|would|should)\s+it\s+(?:say|read|show|be)\s+(⟦\d+⟧)(?:\s+instead)?$/i,
      'change $1 to $2'
    );
}

/**
 * "The heading, could you change it to say Garden jobs?": a request asked as a question ends with
 * the question's "?", not the new text's. Only when it asks with "could you", "can it" and the
 * like; "change the heading to Ready?" keeps its "?".
 */
export function askedEnd(d: Draft): void {
  if (
    d.end === '?' &&
    /\b(?:could|can|would|will)\s+(?:you|it|they|we|the|this|that)\b/i.test(d.text)
  )
    d.end = undefined;
}

/** The home-made wording of a request in the grammar's forms (see the file comment). */
export function homeWords(d: Draft): void {
  writingThatSays(d);
  d.text = midPlea(d.text);
  d.text = newTextAfter(
    shownCount(boxPerItem(buttonFor(sequenceOptions(hints(tickThings(d.text))))))
  );
}
