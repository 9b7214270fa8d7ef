/**
 * A request cut into its instructions, in order: "change the heading to X and make the button
 * red" is two; so are "card title Laps, slider label Stride" (a comma before another instruction),
 * "remove the step slider, + and - should go by 1" (a comma before a wish) and "colour the minus
 * button red and the plus button green" (the second borrows the first's verb). "Reset button: make
 * it say Zero and put it on the far right" is said of one element (a topic). "…, keep minus and
 * plus" names what must stay, which is checked, not done. Quoted text is behind markers, so
 * nothing inside quotes ever splits. Pure.
 */
import type { AppModel } from '../model/types';
import { sideBySideTail } from './offline-layout';
import { PLACE } from './offline-place';
import { findElement, findElements, leadingType, trailingType } from './offline-refs';
import { isStyleWord } from './offline-style';
import type { Utterance } from './offline-text';

/** The verbs that start an instruction: after "and", "then" or a full stop they start a new one. */
export const VERBS =
  'add|insert|create|put|place|make|change|set|update|edit|rename|replace|remove|delete|drop|erase|get rid of|take out|move|drag|shift|turn|paint|colou?r|style|let|give|hide|show|sort|filter|clear|reset|send|email|post|track|log|keep|leave|align|cent(?:er|re)|swap';
// Verbs that are also nouns of a form ("the name and email boxes"): before a type word or a
// plural they name things, they start nothing.
const NOUN_VERBS = /^(?:email|post|log|track|show|sort|filter|drop|style|set)$/i;
// "… as well as make the add button green", "…, plus put it at the top": other joins of two
// instructions. A bare "plus" joins only before a verb and its object ("plus add 5" is a step).
const SPLIT = new RegExp(
  `(?:[.;?!]\\s+|,?\\s+(?:and\\s+then|and\\s+also|then|and|as\\s+well\\s+as|and\\s+plus)\\s+|,?\\s+plus\\s+(?=(?:${VERBS})\\s+(?:the|it|its|this|that|them|a|an|all|every|each|both|my)\\b)|,?\\s+(?=but\\s+(?:keep|leave)\\s))(?=(?:${VERBS}|but|(?:it|they|this|that)\\s+(?:should|must|will|can|would|needs? to)\\s+still)\\b)`,
  'gi'
);
// A comma starts an instruction only before a verb with its object ("put it", "make the"), or
// before a wish ("+ and - should go by 1"): "options Add, Remove, Edit" stays one list.
const COMMA = new RegExp(
  `,\\s+(?:but\\s+|and\\s+|then\\s+|plus\\s+|also\\s+|and\\s+also\\s+)?(?=(?:(?:${VERBS})\\s+(?:the|it|its|this|that|them|a|an|all|every|each|both|my)\\b)|(?:keep|leave)\\s|(?:[^,]+?\\s(?:should|must|needs? to|has to)\\s))`,
  'gi'
);
const ADD_VERB = /^(?:add|insert|create|put|place)\s/i;
const ARTICLE_AND =
  /(?:,\s+(?:and\s+)?|\s+and\s+)(?:also\s+)?(?=(?:a|an|another|one more|some)\s+(\S+(?:\s+\S+)?))/gi;

/** "keep minus and plus", "but leave the slider": elements that must stay, not a change. */
export const KEEP =
  /^(?:but\s+)?(?:keep|leave)\s+(?!the field \w+ at )(.+?)(?:\s+(?:as (?:it is|they are)|alone|there|in place|where (?:it is|they are)|underneath|below|beneath|under (?:it|them)|below (?:it|them)))?$/i;

/**
 * "It should still get rid of the ticked ones", "and it must still work on the phone": what an
 * element does now, said to stay so. Nothing in the same request changes what it does (a
 * rename keeps its handler), so it asks for nothing; only a statement about what an element
 * does, never about a look or a value ("it should still be green" is not read).
 */
export const STILL =
  /^(?:but\s+)?(?:it|they|this|that|the \w+(?: \w+)?)\s+(?:should|must|will|can|would|needs? to|has to|have to)\s+still\s+(?:work|do|get rid of|clear|remove|delete|add|count|run|send|reset|go|empty|tick|untick|save)\b/i;

/** "keep the field step at 1": a field that already starts so, and that nothing may change. */
export const STAYS = /^keep the field (\w+) at (-?\d+(?:\.\d+)?)$/;

/**
 * "the add button make it green", "the slider, put it above the number": the element said first
 * with no colon, then an instruction about "it". Split where a verb and "it" start, as the colon
 * would; topic() still needs the words before to name exactly one element.
 */
function leadingElement(text: string): [string, string, string] | null {
  const m = new RegExp(`^(the\\s[^,:]+?)\\s*,?\\s+((?:${VERBS})\\s+it\\b.*)$`, 'i').exec(text);
  return m ? [m[0], m[1], m[2]] : null;
}

/**
 * "Reset button: make it say Zero and …": the element before the colon, when it names exactly
 * one and the words after it are instructions; null otherwise ("dropdown: low / high" is not).
 */
export function topic(
  model: AppModel,
  u: Utterance
): { node: import('../model/types').NodeRecord; text: string } | null {
  const m = /^([^:]+?)\s*:\s+(.+)$/.exec(u.text) ?? leadingElement(u.text);
  // "Reset button" names an element; "add a heading: Hello" is an instruction.
  if (!m || new RegExp(`^(?:${VERBS})\\s+(?:the|a|an|it|this|my|some)\\b`, 'i').test(m[1]))
    return null;
  if (!new RegExp(`^(?:${VERBS})\\b`, 'i').test(m[2]) || !/\b(?:it|its)\b/i.test(m[2])) return null;
  const found = findElement({ model, selection: null, u }, m[1]);
  return found.ok ? { node: found.value, text: m[2] } : null;
}

/**
 * The instructions of a request, in order: "change the heading to X and make the button red" is
 * two, and so is "add a heading Welcome and a text saying hi" (the second borrows "add").
 */
export function instructions(model: AppModel, text: string, u: Utterance): string[] {
  const tail = sideBySideTail(text);
  if (tail > 0)
    return [
      ...instructions(
        model,
        text.slice(0, tail).replace(/[\s,]+(?:and|then)(?:\s+then)?\s*$/i, ''),
        u
      ),
      text.slice(tail)
    ];
  const pieces = cut(text, SPLIT)
    .flatMap((p) => cut(p, COMMA))
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((piece) => borrowedVerb(model, u, piece))
    .flatMap((piece) => addedBeside(model, u, piece))
    .flatMap((piece) => movedTogether(model, u, piece));
  return pieces.flatMap((piece) => {
    if (!ADD_VERB.test(piece)) return [piece];
    const verb = piece.split(/\s/)[0];
    const out: string[] = [];
    let from = 0;
    for (const m of piece.matchAll(ARTICLE_AND)) {
      const after = piece
        .slice(m.index + m[0].length)
        .replace(/^(?:a|an|another|one more|some)\s+/i, '');
      // "and a text saying hi" starts another element only when a type word follows the article,
      // or ends its name: "a Phone field, a Company field".
      const named = after.split(/,|\s+and\s+/)[0].trim();
      // "and a smaller heading Subtitle": look words may come before the type.
      const typed =
        leadingType(model, after) ||
        leadingType(
          model,
          after.replace(
            /^(?:(?:big|bigger|small|smaller|large|huge|tiny|bold|red|green|blue|grey|gray)\s+){1,2}/i,
            ''
          )
        );
      if (!typed && !(named.split(/\s+/).length <= 3 && trailingType(model, named))) continue;
      // Every element after the first borrows the verb: "add a heading, a divider and a text".
      out.push((from ? `${verb} ` : '') + piece.slice(from, m.index).trim());
      from = m.index + m[0].length;
    }
    out.push((from ? `${verb} ` : '') + piece.slice(from).trim());
    return out;
  });
}

// "add a 'mark all done' button next to clear done": a place in a row with another element.
const BESIDE =
  /\s+((?:right\s+)?next to|beside|alongside|to the (?:left|right) of|on the (?:left|right) of)\s+(.+)$/i;

/**
 * "add a Clear button next to Send that empties the fields": the element added as asked (what it
 * does kept), then put beside the other, the way "put it next to Send" does. Only when the words
 * after "next to" start with the name of exactly one element; otherwise the piece stays whole and
 * the add rule reads (or asks about) the place.
 */
function addedBeside(model: AppModel, u: Utterance, piece: string): string[] {
  // "put the add button next to …" moves one; "put a badge next to …" adds one.
  if (!/^(?:add|insert|create|(?:put|place)\s+(?:a|an|another|one more|some)\s)/i.test(piece))
    return [piece];
  const m = BESIDE.exec(piece);
  if (!m) return [piece];
  const words = m[2].split(/\s+/);
  const scene = { model, selection: null, u };
  // The longest run of words that names one element: "Send that empties …" is Button "Send".
  for (let n = words.length; n > 0; n--) {
    const ref = words.slice(0, n).join(' ');
    if (!findElement(scene, ref).ok) continue;
    const rest = words.slice(n).join(' ');
    if (rest && !/^(?:that|which|to|for|so)\b/i.test(rest)) return [piece];
    return [`${piece.slice(0, m.index)} ${rest}`.trim(), `put it ${m[1]} ${ref}`];
  }
  return [piece];
}

/**
 * "move the text box and the add button below the list": each element moved, the second right
 * after the first, so the two keep the order they were named in. Only when each side of "and"
 * names exactly one element and the words after the second are a place.
 */
function movedTogether(model: AppModel, u: Utterance, piece: string): string[] {
  const m = /^(move|put|place|drag|shift)\s+(.+?)\s+and\s+(.+)$/i.exec(piece);
  if (!m) return [piece];
  const place = PLACE.exec(m[3]);
  if (!place || place.index === 0) return [piece];
  const scene = { model, selection: null, u };
  const [a, b] = [m[2], m[3].slice(0, place.index)];
  const one = findElement(scene, a);
  const two = findElement(scene, b);
  if (!one.ok || !two.ok || one.value.id === two.value.id) return [piece];
  // Two that make up a row together move as the row, and stay side by side.
  const parent = one.value.parent ? model.nodes.get(one.value.parent) : undefined;
  if (parent && one.value.parent === two.value.parent && parent.props.direction === 'horizontal') {
    const kids = model.children.get(parent.id) ?? [];
    return kids.length === 2 ? [`${m[1]} ${parent.id} ${place[1]}`] : [piece];
  }
  return [`${m[1]} ${a} ${place[1]}`, `${m[1]} ${b} below ${one.value.id}`];
}

/** Text cut at a splitter's matches, except before a verb that is a noun here ("email boxes"). */
function cut(text: string, splitter: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(splitter)) {
    const after = text.slice(m.index + m[0].length);
    const [first, second = ''] = after.split(/\s+/);
    if (NOUN_VERBS.test(first) && /^(?:[a-z]+s|box|field|input|address|text|label)$/i.test(second))
      continue;
    out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out;
}

// Verbs a second instruction may borrow: "make the minus button say Down and the plus button
// say Up" is "make … say Down" and "make the plus button say Up".
const BORROWABLE = /^(?:make|change|set|turn|rename|call|label|colou?r|paint|retitle)\s/i;
// "… and the plus button say Up", "…, the minus button say Down".
const ELLIPSIS_AND = /(?:,?\s+and|,)\s+(?=\S)/gi;
const LOOK_TAIL =
  /,?\s+and\s+(?:(?:a\s+)?(?:bit|little|lot|touch)\s+|slightly\s+|much\s+|even\s+|also\s+)?((?:bigger|smaller|larger|wider|narrower|taller|bold|italic|red|green|blue|orange|yellow|purple|violet|indigo|pink|grey|gray|black|white|muted|primary|secondary|ghost|outlined|rounded|cent(?:ered|red)|left-aligned|right-aligned)(?:\s+(?:too|as well))?)$/i;
const SAYS = /\s+(?:say|says|read|reads|show|shows|to say|to read|to|into|as|be|become)\s+\S/i;

/** A second look for the element just named: "centred" is an alignment, said as one. */
function lookAgain(word: string): string {
  return /^cent(?:ered|red)$/i.test(word) ? 'center it' : `make it ${word}`;
}

/**
 * One piece, or two when "and the X <says> Y" follows it: the second borrows the first's verb.
 * Only when the words between "and" and the saying verb name one element; otherwise "and" stays
 * in the text, where the text rules read it (or ask). "colour the minus button red and the plus
 * button green": a look for other elements borrows the verb the same way.
 */
function borrowedVerb(model: AppModel, u: Utterance, piece: string): string[] {
  if (!BORROWABLE.test(piece)) return [piece];
  const verb = piece.split(/\s/)[0];
  const looks = /^(?:make|turn|colou?r|paint)$/i.test(verb);
  // "make the send button red and a bit bigger": a second look for the same element.
  const look = LOOK_TAIL.exec(piece);
  if (look && looks)
    return [...borrowedVerb(model, u, piece.slice(0, look.index)), lookAgain(look[1])];
  // "change the send button to Submit, and a bit smaller": after a new text, a look is certain
  // only behind a comma or a measure ("a bit", "slightly"); "to Black and white" stays a text.
  if (
    look &&
    /^(?:change|set|rename)$/i.test(verb) &&
    /^,|\s(?:bit|little|lot|touch|slightly|much|even|also)\s/i.test(look[0])
  )
    return [...borrowedVerb(model, u, piece.slice(0, look.index)), lookAgain(look[1])];
  // "make it red and say Go": a text for the same element.
  const say = /^(make\s+.+?)\s+and\s+((?:say|read|show)\s+\S.*)$/i.exec(piece);
  if (say && looks && !/\s(?:say|read|show)\s/i.test(say[1])) return [say[1], `make it ${say[2]}`];
  for (const m of piece.matchAll(ELLIPSIS_AND)) {
    const after = piece.slice(m.index + m[0].length);
    const scene = { model, selection: null, u };
    // "… and the plus button green": elements, then one look word.
    const lastWord = /^(.+)\s+(\S+)$/.exec(after);
    if (
      looks &&
      lastWord &&
      isStyleWord(lastWord[2]) &&
      findElements(scene, lastWord[1]).ok &&
      isStyleWord(piece.slice(0, m.index).split(/\s+/).pop() ?? '')
    )
      return [piece.slice(0, m.index).trim(), `make ${after}`];
    const says = SAYS.exec(after);
    if (!says) continue;
    const ref = after.slice(0, says.index);
    // "and under it the email label to Mail": a place and an element is not one element.
    if (/\b(?:under|below|above|beside|next|after|before|inside|into|it|them)\b/i.test(ref))
      continue;
    // One element, or words that end in a type ("the button" among three), whose question is
    // then the second instruction's: either way the text does not swallow it.
    const bare = ref.replace(/^(?:the|all the|every|each|both)\s+/i, '');
    // "… and the email placeholder to you@company.com": an element's text by its prop's name.
    const owner = ref.replace(/\s+(?:label|placeholder|text|title|caption)\s*$/i, '');
    // "… and its placeholder to Jane": a text of the element the first part named.
    const its = /^its\s+(?:label|placeholder|text|title|caption)$/i.test(ref.trim());
    if (
      !its &&
      !findElement(scene, ref).ok &&
      !trailingType(model, bare) &&
      !(owner !== ref && /^(?:the|its)\s/i.test(ref) && findElement(scene, owner).ok)
    )
      continue;
    return [piece.slice(0, m.index).trim(), ...borrowedVerb(model, u, `${verb} ${after}`.trim())];
  }
  return [piece];
}

// Words after "and" or a comma that never start an instruction of their own.
const NOT_A_VERB =
  /^(?:a|an|the|this|that|these|those|it|its|them|they|their|i|you|we|my|our|your|some|all|every|each|both|any|no|not|only|also|then|so|as|but|or|nor|if|when|while|until|unless|because|since|in|on|at|to|for|with|without|from|by|of|into|onto|under|below|above|over|next|beside|between|inside|near|after|before|up|down|off|out|more|less|most|least|very|too|much|one|two|three|four|five|\d+\w*|⟦\d+⟧)$/i;
const DETERMINER = '(?:the|a|an|it|its|this|that|them|all|every|each|both|my|our|some|any)';
// "…, then teleport the counter", "… and frobnicate the list": a join before a word that is not
// one the grammar knows as a verb, followed by what it acts on.
const LOOSE = new RegExp(
  `(?:[.;?!]\\s+|,?\\s+(?:and\\s+)?then\\s+|(?:,\\s+(?:and\\s+)?|\\s+and\\s+)(?:also\\s+)?(?=([a-z]+)\\s+${DETERMINER}\\b))`,
  'gi'
);

/**
 * The instructions of a request when a clause starts with a verb the grammar does not know: cut
 * also before any word followed by what it acts on ("…, then teleport the counter to mars"), so
 * the clauses that can be read are read and the one that cannot is quoted back (offline.ts asks,
 * it never plans a part alone). Each clause is then cut as instructions() cuts it.
 */
export function looseInstructions(model: AppModel, text: string, u: Utterance): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(LOOSE)) {
    if (m[1] && NOT_A_VERB.test(m[1])) continue;
    out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => instructions(model, p, u));
}
