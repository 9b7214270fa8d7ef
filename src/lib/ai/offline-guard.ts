/**
 * The last look at a batch before it is proposed: every new text, label, title or placeholder the
 * planner took from unquoted words must not still hold more of the request. Each rule reads its
 * own text, and a rule that stops reading too late sets a label such as "Submit, and a bit
 * smaller" or adds a badge saying "done next to the finished ones". This guard does not trust any
 * rule: whatever rule wrote the text, words that read as another instruction (", and …", "and
 * make …", a look after "and", a place such as "next to …" or "under the list", another element
 * with what it should say) turn the batch into a question that suggests quoting the text. Pure.
 */
import type { AppModel, Op, PropValue } from '../model/types';
import { isStyleWord } from './offline-style';
import { ask, type OfflineTurn } from './offline-turn';

const HOLDS_MORE = 'seems to hold more of your request';

/** Whether a turn is this last look's question: a new text that may hold more of the request. */
export function holdsMore(turn: OfflineTurn): boolean {
  return turn.kind === 'question' && turn.text.includes(HOLDS_MORE);
}

/** The props that hold words a person reads. */
const TEXT_PROPS = new Set(['text', 'label', 'title', 'placeholder', 'caption', 'alt']);

const VERB =
  'make|put|place|move|add|insert|create|remove|delete|drop|change|set|turn|colou?r|paint|align|cent(?:er|re)|swap|hide|show|rename|give|let|get rid of|take out|replace|sort|filter|clear';
const DET = '(?:the|it|its|them|each|every|all|this|that|these|those|my|our|a|an)';
const REASONS: readonly (readonly [RegExp, string])[] = [
  // "Full name, and the email placeholder …": a comma and a joining word start something new.
  [/,\s*(?:and|then|but|also|plus)\b/i, 'a comma and a joining word'],
  // "you@example.com, not ada", "Go instead of Stop": what it says now, not part of the new text.
  [/,\s*not\s+\S|\s(?:instead of|rather than)\s+\S/i, 'what it says now, after "not"'],
  // "My list and make the button green".
  [
    new RegExp(`(?:\\b(?:and|then|also|plus)|&|\\+)\\s+(?:also\\s+|then\\s+)?(?:${VERB})\\b`, 'i'),
    'another verb'
  ],
  // "Shopping; add button -> Buy", "Shopping. also the add button to Buy": a second sentence.
  [/(?<!\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs|no))[.;]\s+\S|\s(?:->|→|=>)\s/i, 'a second sentence'],
  // "Zero and the plus button Up": another element named after the text.
  [
    /\b(?:and|then|plus)\s+(?:the|its)\s+(?:\S+\s+){0,2}(?:button|field|box|heading|title|slider|checkbox|toggle|label|input|card|link|placeholder)\b/i,
    'another element'
  ],
  // "Talk to us below": a place with nothing after it.
  [/\s(?:below|above|underneath|beneath)\s*$/i, 'a place'],
  // "Submit and make it red", "Hi, make it bigger".
  [new RegExp(`\\b(?:make|turn|move|put)\\s+(?:it|them|this|that)\\b`, 'i'), 'another verb'],
  // "done next to the finished ones", "Total under the list".
  [
    new RegExp(
      `\\b(?:next to|beside|alongside|underneath|beneath|on top of|to the (?:left|right) of|at the (?:top|bottom)(?: of)?|(?:under|below|above|inside|into)\\s+${DET}\\b|(?:to|for|on|in|by)\\s+(?:each|every)\\b|between\\s+(?:the|it|them|this|these|those)\\b)`,
      'i'
    ),
    'a place'
  ],
  // "Big Title and a smaller heading Subtitle": another element, added in the same breath.
  [
    /\b(?:and|then|plus)\s+(?:also\s+)?(?:a|an|another|one more|some)\s+(?:\S+\s+){0,2}(?:heading|title|text|paragraph|button|field|input|box|checkbox|toggle|switch|slider|dropdown|divider|line|image|picture|link|badge|tag|card|row|counter)s?\b/i,
    'another element'
  ],
  // "4 cards in 2 columns", "three buttons": a count of elements, or a layout, is more to build.
  [
    /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:cards|buttons|boxes|texts|headings|columns|rows|checkboxes|fields|inputs|images|links|badges|tags|panels|sliders|toggles)\b|\bin\s+(?:a\s+)?(?:\d+|two|three|four)[\s-]+columns?\b/i,
    'a count of elements'
  ],
  // "notes to the" (from "add notes to the heading"): a text that ends on a determiner runs on
  // into a name the rule took as the element's type.
  // (Lower case after a space only: "Z-A" and "Plan A" are names.)
  [/\s(?:the|a|an|its|their|my|our|your|this|that)\s*$/, 'words that run on'],
  // "the large ones go on top", "they should come first": an order of things, not a text.
  [
    /\b(?:go|goes|come|comes|be|are|should)\s+(?:always\s+)?(?:on top|first|last|at the (?:top|bottom))\b/i,
    'an order of things'
  ],
  // "with my email address a@b.com": words that lead into the text, not the text.
  // ("Which team?" is a question a label may ask, so only these three.)
  [/^(?:with|that|so)\s(?!.*\?$)/i, 'words before the text'],
  // "where I can say who does it", "which shows the total": a clause about a thing, not a title.
  [/^(?:where|which|whose)\s+(?:i|we|you|they|people|it|he|she|someone|everyone)\b/i, 'a clause'],
  // "how many letters I have typed", "the number of jobs left": a value described, not a text.
  [
    /^(?:how (?:many|much|long)|the (?:number|amount|count|total) of)\s+(?:\S+\s+){0,3}(?:i|we|you|they|people|there|are|is|have|has|'ve)\b/i,
    'a value described'
  ],
  // "a text showing it": a word that points at something, not a text.
  [/^(?:it|them|this|that|these|those)$/i, 'a word that points at something'],
  // "All done when everything is finished", "Max! when it reaches 10": a condition, which needs
  // an expression, not a text.
  [
    /\b(?:when|whenever|once|while|if|unless|until|as soon as)\s+(?:(?:it|they|there|everything|nothing|all|every|you|someone|somebody|people|users|i|we)\b|\S+(?:\s+\S+){0,2}\s+(?:is|are|was|were|has|have|gets?|reach(?:es)?|goes|go|hits?|types?|clicks?|finishes|done|empty|full)\b)/i,
    'a condition'
  ],
  // "Cheers instead of Thanks": what it replaces, not the text.
  [/\binstead\b/i, 'a word about the change'],
  // "Zero so it's clearer", "Go so people see it": a reason, not the text.
  [
    /\bso\s+(?:that\s+)?(?:it|it'?s|its|they|they'?re|people|users|you|i|we|everyone|nobody|no one)\b/i,
    'a reason'
  ],
  // "Watering days, is for our volunteers", "Seed swap, it's for the street": after a comma, a
  // remark on what it is for (its subject left out, as people writing in a second language do).
  [
    /,\s*(?:(?:it|this|that)(?:'s|\s+is)\s+|its\s+|(?:they|these)(?:'re|\s+are)\s+|is\s+|are\s+)(?:for|used for|meant for|to help)\b/i,
    'a remark'
  ],
  // "Submit form with a bit more padding", "Hi with less space".
  [
    /\bwith\s+(?:a\s+(?:bit|little|lot)\s+)?(?:more|less|extra|bigger|smaller|larger|no)\s+(?:padding|space|spacing|room|margin|gap|border|colou?r|contrast|emphasis)\b/i,
    'a look'
  ],
  // "hi in bold", "Shopping in big letters", "Done list in the middle".
  [
    /\bin\s+(?:big|bigger|small|smaller|large|huge|tiny|bold|capitals?|caps|upper ?case|lower ?case|italics?|the middle|the cent(?:er|re)|(?:red|green|blue|orange|yellow|purple|violet|pink|grey|gray|black|white)(?:\s+(?:text|letters))?)\b(?:\s+(?:letters|text|type|font))?\s*$/i,
    'a look'
  ],
  // "Go, the minus button should say Stop", "and the email placeholder to you@…".
  [
    /(?:,|\band\b)\s*(?:and\s+)?(?:the|its)\s+(?:\S+\s+){0,3}(?:label|placeholder|text|title|button|field|box|heading|input|checkbox|slider)\s+(?:to|should|say|says|must|needs?|=|->|→|as)\b/i,
    'another element'
  ]
];

/** Why an unquoted text reads as holding more of the request, or null when it does not. */
export function instructionIn(text: string): string | null {
  for (const [pattern, why] of REASONS) if (pattern.test(text)) return why;
  // "Bold and italic" may be a heading; "Submit, and a bit smaller" is a look, caught above. A
  // look word right after "and", with "a bit" or "too", or after "but", is a look said of the
  // element.
  const look =
    /\band\s+(?:a\s+(?:bit|little|lot|touch)\s+|slightly\s+|much\s+|even\s+|also\s+)(\S+)/i.exec(
      text
    ) ??
    /\band\s+(\S+)\s+(?:too|as well)\s*$/i.exec(text) ??
    // "Chores but smaller", "Go but a bit bigger".
    /\bbut\s+(?:a\s+(?:bit|little|lot|touch)\s+|slightly\s+|much\s+|even\s+)?(\S+)\s*$/i.exec(text);
  if (look && isStyleWord(look[1].replace(/[^\p{L}-]/gu, ''))) return 'a look';
  return null;
}

/**
 * The batch as a question when a text it sets came from unquoted words that still hold more of
 * the request; null when every text is clean. A text exactly as quoted, or one the app already
 * shows (a changed type keeps its label), is the person's own and is never questioned. `quotes`
 * are the runs the person put in quotes, not the ones the planner's normalising set aside: "a
 * button labelled Zero to the left of …" is quoted by the planner, not by the person.
 */
export function guardTexts(
  model: AppModel,
  quotes: readonly string[],
  ops: readonly Op[],
  rule: string
): OfflineTurn | null {
  const known = new Set<string>(quotes);
  for (const node of model.nodes.values())
    for (const value of Object.values(node.props)) if (typeof value === 'string') known.add(value);
  for (const [prop, value] of textsOf(ops)) {
    if (known.has(value)) continue;
    // Quoted runs inside a longer text are the person's own words: only the rest is read.
    let rest = value;
    for (const q of quotes) if (q) rest = rest.split(q).join(' ');
    // "'Jobs for the shop' in a smaller grey font": the person quoted the text, so words after
    // the quote are more of the request, whatever they say.
    const quoted = quotes.find((q) => q.trim() && value.startsWith(q) && value !== q);
    const why =
      quoted && /\p{L}/u.test(value.slice(quoted.length))
        ? 'words after the quoted text'
        : // "how many I typed? The newsletter takes 200": a question, then a sentence of its
          // own (options are left to offline-guard-names.ts: "a size? S, M, L" is a caption).
          prop !== 'option' && /\?\s+\p{L}/u.test(rest)
          ? 'a second sentence'
          : instructionIn(rest);
    if (!why) continue;
    return ask(
      rule,
      `I read "${value}" as the new ${prop}, but it ${HOLDS_MORE} (${why}), so I have changed nothing. If that is the ${prop}, put it in quotes ("…"); if part of it is another change, ask for that part on its own.`
    );
  }
  return null;
}

/** Every text-like prop an op sets, with its prop name. */
function textsOf(ops: readonly Op[]): [string, string][] {
  const out: [string, string][] = [];
  const add = (name: string, value: PropValue | undefined) => {
    if (TEXT_PROPS.has(name) && typeof value === 'string') out.push([name, value]);
    // A dropdown's options are texts too: "small, medium and large and make it red".
    if (name === 'options' && Array.isArray(value))
      for (const v of value) if (typeof v === 'string') out.push(['option', v]);
  };
  for (const op of ops) {
    const o = op as unknown as Record<string, unknown>;
    if (o.op === 'setProp' && typeof o.name === 'string') add(o.name, o.value as PropValue);
    if (o.op === 'addNode' && o.props && typeof o.props === 'object')
      for (const [k, v] of Object.entries(o.props)) add(k, v as PropValue);
    if (o.op === 'setMeta' && typeof o.name === 'string') add(o.name, o.value as PropValue);
  }
  return out;
}
