/**
 * Requests said tersely or back to front, rewritten into the grammar's phrasing before any rule
 * reads them (the rest of the rewriting is offline-normal.ts): a text with no verb ("card title
 * Laps", "slider label: Stride"), a look with no verb ("counter card smaller"), a rename said as a
 * wish about the data ("in the data, count should be called points"), a choice with its question
 * and options after a colon ("dropdown: how urgent is it? low / normal / urgent"), a purpose said
 * after the place ("a Start over button at the bottom that clears the list"), and how far buttons
 * step ("+ and - should go by 5": the start of the field they step by). Each rewrite applies only
 * when the words it reads as a reference name exactly what it needs; otherwise the request is
 * left as said, for the rules to read or ask about. Pure.
 */
import { rootComponent } from '../model/types';
import { quote, type Draft } from './offline-draft';
import { findElement, findElements, trailingType } from './offline-refs';
import { isStyleWord, saysLook } from './offline-style';

// Verbs that start an instruction: a clause that starts with one and its object ("make the …")
// is not terse; "reset button bigger" starts with a name.
const VERB =
  /^(?:add|insert|create|put|place|make|change|set|update|edit|rename|replace|remove|delete|drop|erase|get|take|move|drag|shift|turn|paint|colou?r|style|let|give|hide|show|sort|filter|clear|reset|send|keep|leave|align|cent(?:er|re)|swap|call|name|label|title|start|only|i|we|you|can|could|please|don'?t|do)\s+(?:the|a|an|it|this|that|my|all|every|each|some|me|us|to)\b/i;
const TEXT_WORD = '(?:title|label|text|placeholder|caption|wording)';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

/**
 * "card title Laps", "the slider label: Stride", "Send button text → Go": a text with no verb,
 * when the words before the text word name one element.
 */
function terseText(d: Draft, clause: string, last: boolean): string {
  if (VERB.test(clause)) return clause;
  // "title of the card: Score": the same, said with "of".
  const of = new RegExp(
    `^(?:the\\s+)?(${TEXT_WORD})\\s+(?:of|on|for)\\s+(.+?)\\s*(?::|=|->|→|\\s(?:to|as)\\s)\\s*(.+)$`,
    'i'
  ).exec(clause);
  if (of && findElement(scene(d), of[2]).ok)
    return `change the ${of[1]} of ${of[2]} to ${quote(d, of[3], last)}`;
  // "heading → My jobs": an arrow says what the element shows from now on.
  const arrow = /^(.+?)\s*(?:->|→|=>)\s*(.+)$/.exec(clause);
  if (arrow && findElement(scene(d), arrow[1]).ok)
    return `change ${arrow[1]} to ${quote(d, arrow[2], last)}`;
  const m = new RegExp(
    `^((?:the\\s+)?.+?)\\s+(${TEXT_WORD})\\s*(?::|=|->|→|to|as|is now|now)?\\s+(.+)$`,
    'i'
  ).exec(clause);
  // "… Contact Support and the button Send request" holds another instruction: left as said.
  if (!m || /\s(?:and|then|but)\s+(?:the|a|an|it|its|this|make|change|set)\b/i.test(m[3]))
    return clause;
  // "the heading should be centered" is a wish, whose own rule reads it.
  if (/^(?:should|must|needs?|has|is|be|was|will|can)\b/i.test(m[3])) return clause;
  // "card title bigger" is a look said with no verb, never the text "bigger".
  if (saysLook(m[3])) return clause;
  if (!findElement(scene(d), m[1]).ok) return clause;
  const ref = /^the\s/i.test(m[1]) ? m[1] : `the ${m[1]}`;
  return `change ${ref} ${m[2]} to ${quote(d, m[3], last)}`;
}

/** "counter card smaller", "the reset button a bit bigger": a look with no verb. */
function terseLook(d: Draft, clause: string): string {
  if (VERB.test(clause)) return clause;
  const m =
    /^(.+?)\s+(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|slightly\s+|much\s+|more\s+|way\s+)*(\S+)$/i.exec(
      clause
    );
  if (!m || !isStyleWord(m[2])) return clause;
  // One element is named by its id, so no rule reads its words again ("counter card").
  const one = findElement(scene(d), m[1]);
  if (one.ok) return `make ${one.value.id} ${m[2]}`;
  return findElements(scene(d), m[1]).ok ? `make ${m[1]} ${m[2]}` : clause;
}

const STORE = '(data|state|model|store|database)';
const CALLED = '(?:be\\s+)?(?:called|named|renamed(?:\\s+to)?|known as)';

/**
 * "in the data, count should be called points", "count should be renamed to points in the
 * state", "the field count should be called points": a state field's rename.
 */
function renameWords(d: Draft): void {
  const fields = Object.keys(rootComponent(d.model)?.state ?? {});
  const field = (said: string) =>
    fields.find(
      (f) =>
        f.toLowerCase() ===
        said
          .replace(/^(?:the\s+)?(?:state\s+)?(?:field|variable|property|value)?\s*/i, '')
          .toLowerCase()
    );
  const front = new RegExp(
    `^(?:in|inside|within)\\s+the\\s+${STORE}\\s*[,:]?\\s+(.+?)\\s+(?:should|must|needs? to|has to)\\s+${CALLED}\\s+(\\w+)$`,
    'i'
  ).exec(d.text);
  const back = new RegExp(
    `^(.+?)\\s+(?:should|must|needs? to|has to)\\s+${CALLED}\\s+(\\w+)\\s+in\\s+the\\s+${STORE}$`,
    'i'
  ).exec(d.text);
  const plain = new RegExp(
    `^((?:the\\s+)?(?:state\\s+)?(?:field|variable|property)\\s+\\w+)\\s+(?:should|must|needs? to|has to)\\s+${CALLED}\\s+(\\w+)$`,
    'i'
  ).exec(d.text);
  const lead = new RegExp(
    `^(?:in|inside|within)\\s+the\\s+${STORE}\\s*[,:]?\\s+(rename\\s+.+)$`,
    'i'
  ).exec(d.text);
  if (lead) d.text = `${lead[2]} in the ${lead[1]}`;
  const said = front ? [front[2], front[3], front[1]] : back ? [back[1], back[2], back[3]] : null;
  if (said && field(said[0])) d.text = `rename ${field(said[0])} to ${said[1]} in the ${said[2]}`;
  else if (plain && field(plain[1]))
    d.text = `rename ${field(plain[1])} to ${plain[2]} in the state`;
}

// Types that hold options.
const CHOICE = '(dropdown|drop-down|select|picker|menu|choice)';

/**
 * "dropdown: how urgent is it? low / normal / urgent": a choice to add, its question as its
 * label and the options after it.
 */
function choiceColon(d: Draft): void {
  // "add a heading: Hello world": the text of a new element after a colon.
  const text =
    /^((?:add|insert|create|put)\s+(?:a|an|another)\s+(?:heading|title|text|paragraph|label|badge|tag))\s*:\s*(.+)$/i.exec(
      d.text
    );
  // Not when the words go on to another element or instruction ("Hi, and a divider").
  if (
    text &&
    !/(?:,|\band\b|\bthen\b)\s*(?:and\s+)?(?:a|an|another|the|then|make|put|it)\s/i.test(text[2])
  ) {
    d.text = `${text[1]} saying ${quote(d, text[2], true)}`;
    return;
  }
  const m = new RegExp(`^(?:an?\\s+)?${CHOICE}\\s*:\\s*(?:([^?:]+\\?)\\s+)?(.+)$`, 'i').exec(
    d.text
  );
  // "menu: 4 cards in 2 columns, …" counts elements to build, it lists no options.
  if (
    !m ||
    !/,|\/|\s(?:or|and)\s/.test(m[3]) ||
    /^(?:\d+|two|three|four|five|six)\s+\w+s\b/i.test(m[3])
  )
    return;
  // "low / normal / urgent" is a list as "low, normal, urgent" is.
  const options = m[3].replace(/\s*\/\s*/g, ', ');
  d.text = m[2]
    ? `add a ${m[1]} called ${quote(d, m[2])} with options ${options}`
    : `add a ${m[1]} with options ${options}`;
}

/**
 * "put a Start over button at the bottom that clears the list": what the new element does, said
 * after where it goes, is read before it ("… button that clears the list at the bottom").
 */
function purposeLast(d: Draft): void {
  // "that throws away every task": clearing said another way.
  d.text = d.text.replace(
    /\b(that|which|to)\s+(?:throws?|throwing)\s+(?:away|out)\s+|\b(that|which|to)\s+(?:wipes?|empties|empty|bins?|trashes|trash)\s+(?:out\s+)?/i,
    (_, a?: string, b?: string) => `${a ?? b} clears `
  );
  d.text = d.text.replace(
    // Only up to where the next instruction starts: "… that says 'Hi' and make the card red".
    /^((?:add|put|place|insert|create)\s+(?:a|an|another|one more)\s+.+?)\s+((?:at|to)\s+the\s+(?:very\s+)?(?:top|bottom|end|start)(?:\s+of\s+the\s+\w+)?)\s+((?:that|which|to)\s+\S.+?)(?=,?\s+and\s+(?:then\s+)?(?:make|change|set|add|remove|move|put|give|delete|colou?r|rename)\b|,\s|$)/i,
    '$1 $3 $2'
  );
  // "a button called Archive that clears the done items": the name ends where its action starts.
  // Said as "a "Archive" button that …", the form the add rule reads.
  d.text = d.text.replace(
    /\b(?:a|an|another)\s+buttons?\s+(?:called|labell?ed|named|titled|saying)\s+([^⟦]+?|⟦\d+⟧)\s+(?=(?:that|which)\s+[a-z]+s\b)/i,
    (_, name: string) => `a ${/^⟦\d+⟧$/.test(name) ? name : quote(d, name)} button `
  );
}

/**
 * "+ and - should go by 5", "plus should add 5 and minus should take away 5": buttons whose
 * handlers all step one field by another field (`state.count += state.step`) step by that
 * field's start value. Anything else (a literal step, different fields) is left as said.
 */
function stepWords(d: Draft, clause: string): string {
  const by =
    /^(?:the\s+)?(.+?)\s+(?:should|must|need to|needs to|has to|have to)\s+(?:always\s+)?(?:go|count|step|move|jump|change)\s+(?:up\s+|down\s+)?(?:by|in steps of)\s+(\d+)$/i.exec(
      clause
    );
  const pair =
    /^(?:the\s+)?(.+?)\s+(?:should|must)\s+(?:add|increase(?:\s+it)?\s+by|go up by)\s+(\d+)\s*,?\s+and\s+(?:the\s+)?(.+?)\s+(?:should|must)\s+(?:take away|subtract|remove|decrease(?:\s+it)?\s+by|go down by|take off)\s+(\d+)$/i.exec(
      clause
    );
  const said = by
    ? { refs: by[1], n: by[2] }
    : pair && pair[2] === pair[4]
      ? { refs: `${pair[1]} and ${pair[3]}`, n: pair[2] }
      : null;
  if (!said) return clause;
  const refs = said.refs.replace(/(^|\s)(\+|-|−)(?=\s|$)/g, (_, s: string, sign: string) =>
    sign === '+' ? `${s}plus` : `${s}minus`
  );
  const found = findElements(scene(d), /button/i.test(refs) ? refs : `${refs} buttons`);
  if (!found.ok || found.value.length < 1) return clause;
  const component = rootComponent(d.model);
  const steps = new Set<string>();
  for (const node of found.value) {
    const handler = (node.props.onClick as { $handler?: string } | undefined)?.$handler;
    const body = handler ? component?.handlers[handler]?.body.trim() : undefined;
    const m = body ? /^state\.\w+\s*[-+]=\s*state\.(\w+);?$/.exec(body) : null;
    if (!m) return clause;
    steps.add(m[1]);
  }
  const [field] = [...steps];
  if (steps.size !== 1 || component?.state[field]?.type !== 'number') return clause;
  // Already so: that it stays so is checked after the other instructions (nothing may change it).
  if (component.state[field].initial === Number(said.n))
    return `keep the field ${field} at ${said.n}`;
  return `make ${field} start at ${said.n}`;
}

const WISH_SAY =
  /^(.+?)\s+(?:should|must|needs? to|has to)\s+(?:say|read|show|be called|be named|be labell?ed|be titled)\s+(.+)$/i;

/**
 * "the card title should say Contact Support and the button Send request": the second text
 * borrows the wish, when the words after "and" start with a reference to one other element.
 */
function ellipsisWish(d: Draft): void {
  const m = WISH_SAY.exec(d.text);
  if (!m) return;
  // "the card title": the card, whose title it is.
  const owner = (ref: string) => {
    const whole = findElement(scene(d), ref);
    if (whole.ok) return whole;
    return findElement(scene(d), ref.replace(new RegExp(`(?:'s)?\\s+${TEXT_WORD}$`, 'i'), ''));
  };
  const first = owner(m[1]);
  if (!first.ok) return;
  for (const and of m[2].matchAll(/\s+and\s+(?=(?:the|its)\s)/gi)) {
    const value = m[2].slice(0, and.index);
    const words = m[2].slice(and.index + and[0].length).split(/\s+/);
    for (let k = words.length - 1; k >= 2; k--) {
      const ref = words.slice(0, k).join(' ');
      const rest = words
        .slice(k)
        .join(' ')
        .replace(/^(?:(?:should|must)\s+)?(?:say|read|show|to|as|be|:)\s+/i, '');
      const second = owner(ref);
      // "the button" among two names a type: the second part is then that question's.
      const typed = !second.ok && trailingType(d.model, ref.replace(/^(?:the|its)\s+/i, ''));
      if ((!second.ok && !typed) || (second.ok && second.value.id === first.value.id) || !rest)
        continue;
      const target = second.ok ? second.value.id : ref;
      d.text = `change ${first.value.id} to ${quote(d, value)}; change ${target} to ${quote(d, rest, true)}`;
      return;
    }
  }
}

const PLACE_START =
  /^(?:(?:on|to|at)\s+the\s+(?:(?:far|very)\s+)?(?:top|bottom|right|left|end|start)\b|(?:right\s+|just\s+|directly\s+)?(?:above|below|under|underneath|beneath|before|after|next to|beside|inside|into)\s+\S)/i;

/**
 * "can the reset button be red", "I'd like the plus button to be bigger", "I want the heading to
 * say hello", "the minus should be on the right": an ask or a wish about an element, said as the
 * grammar's "make …", "make … say …" or "move …".
 */
function askedWords(d: Draft): void {
  const can =
    /^(?:can|could|would|will)\s+(?:you\s+)?(?:please\s+)?(the\s+.+?|it|this)\s+(?:be|look|get)\s+(.+)$/i.exec(
      d.text
    );
  const like =
    /^(?:i'?d like|i would like|i want|i need|we want|we need|we'?d like)\s+(the\s+.+?|it|this)\s+to\s+(be|look|get|say|read|show|go|sit|move|appear)\s+(.+)$/i.exec(
      d.text
    );
  const wish =
    /^(the\s+.+?|it|this)\s+(?:should|must|needs? to|has to|ought to)\s+(?:be|go|sit|move|appear)\s+(.+)$/i.exec(
      d.text
    );
  const [ref, verb, rest] = can
    ? [can[1], 'be', can[2]]
    : like
      ? [like[1], like[2].toLowerCase(), like[3]]
      : wish && PLACE_START.test(wish[2])
        ? [wish[1], 'go', wish[2]]
        : [null, '', ''];
  if (!ref || !findElements(scene(d), ref).ok) return;
  if (PLACE_START.test(rest)) d.text = `move ${ref} ${rest}`;
  else if (/^(?:say|read|show)$/.test(verb)) d.text = `make ${ref} say ${rest}`;
  else if (/^(?:be|look|get)$/.test(verb)) d.text = `make ${ref} ${rest}`;
}

/** "slider above the buttons": a place with no verb is a move. */
function terseMove(d: Draft, clause: string): string {
  // "show how many characters are in the message under the box" asks for something new: words
  // that start a question or a showing are never the name of an element to move.
  if (VERB.test(clause) || /^(?:show|display|how|what|which|when|where|why|who)\b/i.test(clause))
    return clause;
  for (const m of clause.matchAll(/\s+(?=\S)/g)) {
    const [ref, rest] = [clause.slice(0, m.index), clause.slice(m.index + m[0].length)];
    if (PLACE_START.test(rest) && findElement(scene(d), ref).ok) return `move ${ref} ${rest}`;
  }
  return clause;
}

/** The terse and back-to-front ways of saying a request, rewritten clause by clause. */
export function terseWords(d: Draft): void {
  askedWords(d);
  ellipsisWish(d);
  renameWords(d);
  choiceColon(d);
  purposeLast(d);
  // Clauses split by commas: "card title Laps, slider label Stride" is two terse texts.
  const clauses = d.text.split(/\s*,\s+/);
  const read = clauses.map((c, i) =>
    terseMove(d, terseLook(d, terseText(d, stepWords(d, c), i === clauses.length - 1)))
  );
  // A clause rewritten into an instruction starts one, as after a full stop.
  d.text = read.reduce((text, c, i) => `${text}${c !== clauses[i] ? '; ' : ', '}${c}`);
}
