/**
 * Inputs and what they hold, said in a form owner's words (issue 15), rewritten into the
 * grammar's phrasing: "add phone number" (a bare field noun is a new text field), "the grey
 * example text in the input" (its placeholder), "change … to: X" (the colon only introduces the
 * text), "show how many letters they typed in the message, like 120 / 500" (a character counter
 * with its limit). The rules still check the element named and ask when it is not one. Pure.
 */
import { quote, type Draft } from './offline-draft';
import { findElements } from './offline-refs';

// Things a form asks for, by their usual names: "add phone number" is an input for it.
const FIELD_NOUN =
  /^(?:add|put in|include)\s+(?:(?:their|the|your|a)\s+)?((?:phone|mobile|telephone)(?:\s+number)?|e-?mail(?:\s+address)?|(?:home\s+|postal\s+)?address|post\s?code|zip(?:\s+code)?|city|country|company(?:\s+name)?|website|birthday|date of birth|age|notes?|comments?|subject|(?:first|last|full)\s+name)(\s+(?:field|box|input))?(?=\s*(?:,|$))/i;

/** "add phone number": a new text field for it, unless the app has one already. */
function bareField(d: Draft, text: string): string {
  return text.replace(FIELD_NOUN, (all: string, noun: string, typed?: string) => {
    const scene = { model: d.model, selection: null, u: d };
    const has =
      findElements(scene, `the ${noun} field`).ok || findElements(scene, `the ${noun}`).ok;
    return typed || has ? all : `add a ${noun} field`;
  });
}

// Ways of naming the hint an empty input shows.
const HINT =
  /\b(?:the\s+)?(?:grey|gray|greyed[- ]out|grayed[- ]out|faded|light)?\s*(?:example|hint|sample|placeholder|help|helper|grey|gray)\s+(?:text|words?|wording)\s+(?:in|of|inside|on)\s+(?=(?:the|this|that|my)\s)/i;

/** "the grey example text in the input" is the input's placeholder. */
function hintText(text: string): string {
  return text.replace(HINT, 'the placeholder of ');
}

/**
 * "change the heading to: Hello": the colon after "to" introduces the text, which runs to the
 * end (the last look in offline-guard.ts still asks when it holds more of the request).
 */
function colonText(d: Draft): void {
  const m = /^((?:change|set|rename|update|edit|switch)\s.+?\s(?:to|as))\s*:\s+(\S.*)$/i.exec(
    d.text
  );
  if (m && !/⟦/.test(m[2])) d.text = `${m[1]} ${quote(d, m[2], true)}`;
}

/**
 * "show how many letters they typed in the message, like 120 / 500", "count the characters
 * people write in the notes box, max 300": a character counter, with its limit when said.
 */
function typedCount(text: string): string {
  const m =
    /^(?:show|count|display)\s+(?:how many|the number of|the)\s+(?:letters|characters|chars)\s+(?:(?:they|people|you|i|the user|users|customers|someone)\s+(?:typed|type|wrote|write|entered|enter|put)\s+)?(?:in(?:to)?|of)\s+(.+?)(?:\s*,?\s*(?:like\s+\d+\s*\/\s*|out of\s+|max(?:imum)?\s+|up to\s+|limit\s+)(\d+))?$/i.exec(
      text
    );
  if (!m) return text;
  return `add a character counter for ${m[1]}${m[2] ? ` with a limit of ${m[2]}` : ''}`;
}

/**
 * "a big notes area for the day, that i can write in", "add a large text area called notes": a
 * text area, named by the word before "area", made bigger when said (never silently dropped).
 */
function writingArea(text: string): string {
  const m =
    /^(?:add\s+)?(?:a|an)\s+(?:(big|large|tall|huge)\s+)?(?:(\w+)\s+area|text\s?area\s+(?:called|named|for)\s+(\w+))(?:\s+for\s+(?:the|a|each|every)\s+\w+)?(?:\s*,?\s*(?:that|where|which)\s+(?:i|we|you|people|staff)\s+can\s+(?:write|type)(?:\s+(?:in|into|on))?)?$/i.exec(
      text
    );
  const name = m?.[2] ?? m?.[3];
  if (!m || !name || /^text$/i.test(name)) return text;
  return `add a text area called ${name}${m[1] ? ' and make it bigger' : ''}`;
}

/** "dropdown to pick who is on shift today: Anna, Ben, Chloe": its question, then its options. */
function choicePurpose(d: Draft): void {
  const m =
    /^(?:add\s+)?(?:an?\s+)?(dropdown|drop-down|select|picker)\s+(?:to\s+(?:pick|choose|select)|for\s+(?:picking|choosing))\s+([^:⟦]+?)\s*:\s*([^:]+(?:,|\/|\s(?:or|and)\s)[^:]+)$/i.exec(
      d.text
    );
  if (!m) return;
  d.text = `add a ${m[1]} called ${quote(d, m[2].replace(/^the\s+/i, ''))} with options ${m[3].replace(/\s*\/\s*/g, ', ')}`;
}

/** "how many people are coming, from 1 to 10, add that": a slider over that range. */
function howManyRange(text: string): string {
  return text.replace(
    /^(?:add\s+)?how many\s+(\w+(?:\s+\w+)?)\s+(?:are|is|will be)\s+(\w+ing)\s*,?\s+from\s+(\d+)\s+to\s+(\d+)(?:\s*,?\s*(?:add (?:that|it|this)|please))?$/i,
    'add a slider for $1 $2 from $3 to $4'
  );
}

/**
 * "add a bigger field 'What is broken?' for the customer, before the message one": a field said
 * to be bigger is a text area; who fills it in says nothing more; "the message one" is the
 * message box.
 */
function biggerField(text: string): string {
  if (!/^add\s/i.test(text)) return text;
  return text
    .replace(
      /^add\s+(?:a|an)\s+(?:bigger|big|larger|large|longer|long|multi-?line)\s+(?:text\s+)?(?:field|box|input)\b/i,
      'add a text area'
    )
    .replace(/^(add a text area)\s+(?=⟦\d+⟧)/i, '$1 called ')
    .replace(
      /(⟦\d+⟧)\s+for\s+(?:the\s+)?(?:customers?|clients?|people|users?|visitors?|guests?|staff)\b/i,
      '$1'
    )
    .replace(/(⟦\d+⟧)\s*,\s+(?=(?:before|after|above|below|under)\s)/i, '$1 ')
    .replace(/\bthe\s+(\w+)\s+one\b/gi, 'the $1 box');
}

/** The field forms of the request: the whole first, then each clause. */
export function fieldWords(d: Draft): void {
  d.text = biggerField(howManyRange(writingArea(typedCount(d.text))));
  choicePurpose(d);
  d.text = d.text
    .split(/(,\s+(?:and\s+)?|;\s*|\.\s+)/)
    .map((part, i) => (i % 2 ? part : hintText(bareField(d, part))))
    .join('');
  colonText(d);
}
