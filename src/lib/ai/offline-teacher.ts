/**
 * Wordy ways of asking (issue 15), rewritten into the grammar's phrasing before the rules read
 * them: a new text followed by "instead" ("labelled 'Full name' instead"), a part of an element
 * said after a place ("In the Email box, the example text should read …"), a height in lines
 * ("three lines high instead of five"), an order said after a layout ("side by side, with the
 * checkbox first"), a removal said with "completely", and an element named by where it is shown
 * ("the number shown in the middle"), an old text said with the new ("from 'A' to 'B'", "so it
 * says 'B' instead of 'A'"), "the row of buttons", a place said before a dropdown's question, who
 * does what and when ("when a pupil presses Reset it should go back to 10", "pupils should not be
 * able to press the minus button when …", "when a pupil adds a new task it should appear at the
 * top"), a text named by when it shows, and a remark about how people find it. Each rewrite needs
 * its words to name the elements exactly; otherwise the request is left as said. Pure.
 */
import { childrenOf, type NodeRecord } from '../model/types';
import type { Draft } from './offline-draft';
import { describedNew } from './offline-teacher-new';
import { numberOf } from './offline-numbers';
import { findElement, leadingType, readingOrder } from './offline-refs';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

function named(d: Draft, phrase: string): NodeRecord | null {
  const found = findElement(scene(d), phrase);
  return found.ok ? found.value : null;
}

/**
 * "labelled ⟦0⟧ instead, and …": the new text, with "instead" (of the old one) said after it,
 * before another instruction (at the very end, the rules read "instead" themselves).
 */
function quotedInstead(d: Draft): void {
  d.text = d.text.replace(/(⟦\d+⟧)\s+instead\b(?=\s*,|\s+and\b)/gi, '$1');
}

/** "In the Email box, the example text should read …": the part of the element named first. */
function partAfterPlace(d: Draft): void {
  const m =
    /^(?:in|on|for)\s+(the\s+[^,]+?),\s+the\s+((?:grey\s+|gray\s+)?(?:example\s+text|placeholder|hint|label|title|caption))\s+(.+)$/i.exec(
      d.text
    );
  if (!m || !named(d, m[1])) return;
  // "example text" is the grammar's placeholder; "grey" says only how a placeholder looks.
  const part = /example|placeholder|hint/i.test(m[2]) ? 'placeholder' : m[2];
  d.text = `${m[1]}'s ${part} ${m[3]}`;
}

/** "make it three lines high instead of five": a height in lines is a number of rows. */
function linesHigh(d: Draft): void {
  d.text = d.text.replace(
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+lines?\s+(?:high|tall|deep)(?:\s+instead\s+of\s+(?:\d+|\w+))?/gi,
    (_, n: string) => `${numberOf(n) ?? n} rows`
  );
}

/**
 * "put the Send button and the checkbox side by side on one line, with the checkbox first": the
 * one said first goes first, when it is one of the two.
 */
function layoutOrder(d: Draft): void {
  const m =
    /^(put|place|move)\s+(.+?)\s+and\s+(.+?)\s+(side by side|next to each other|in a row)(?:\s+on\s+one\s+line)?,?\s+with\s+(the\s+.+?)\s+(first|last|on the left|on the right)$/i.exec(
      d.text
    );
  if (!m) return;
  const [a, b, lead] = [named(d, m[2]), named(d, m[3]), named(d, m[5])];
  if (!a || !b || !lead || a === b || (lead !== a && lead !== b)) return;
  // Said as "put X to the left of Y", whose row keeps that order (a plain pair keeps the app's).
  const other = lead === a ? m[3] : m[2];
  const side = /first|left/i.test(m[6]) ? 'left' : 'right';
  d.text = `${m[1]} ${m[5]} to the ${side} of ${other}`;
}

/** "remove the email box completely": the removal, without the word that says it is whole. */
function wholeRemoval(d: Draft): void {
  d.text = d.text.replace(
    /^((?:remove|delete)\s+.+?)\s+(?:completely|entirely|altogether|for good)(?=\s*(?:[;,]|$))/i,
    '$1'
  );
}

/**
 * "the number shown in the middle", "the count displayed at the top": an element said with where
 * it is shown, read as that element when the words before name one and it is there.
 */
function shownAt(d: Draft): void {
  d.text = d.text.replace(
    /\b(the\s+\w+(?:\s+\w+)?|[a-z][a-z0-9]{5})\s+(?:that\s+is\s+|which\s+is\s+)?(?:shown|displayed)\s+(in the middle|in the centre|in the center|at the top|at the bottom)\b/gi,
    (said: string, ref: string, where: string) => {
      const node = named(d, ref);
      if (!node || node.parent === null) return said;
      const siblings = childrenOf(d.model, node.parent);
      const at = siblings.indexOf(node.id);
      const there = /top/i.test(where)
        ? at === 0
        : /bottom/i.test(where)
          ? at === siblings.length - 1
          : // In the middle: between others, or centred across its space.
            (at > 0 && at < siblings.length - 1) || node.props.align === 'center';
      return there ? `the element ${node.id}` : said;
    }
  );
}

/** The element that shows a quoted text, when exactly one does. */
function showing(d: Draft, marker: string): NodeRecord | null {
  const text = d.quotes[Number(/\d+/.exec(marker)?.[0])]?.toLowerCase();
  if (text === undefined) return null;
  const hits = readingOrder(d.model).filter((n) =>
    Object.values(n.props).some((v) => typeof v === 'string' && v.toLowerCase() === text)
  );
  return hits.length === 1 ? hits[0] : null;
}

/**
 * "change the card's title from 'Counter' to 'Points'": the old text said too. It is dropped
 * when it is what the element named shows now; otherwise the request is left as said.
 */
function fromTo(d: Draft): void {
  const m = /^(change|set|update|rename)\s+(.+?)\s+from\s+(⟦\d+⟧)\s+to\s+(⟦\d+⟧)$/i.exec(d.text);
  if (!m) return;
  const old = showing(d, m[3]);
  const element = m[2]
    .replace(/'s\s+(?:title|label|text|placeholder|caption)$/i, '')
    .replace(/^the\s+(?:title|label|text|placeholder|caption)\s+of\s+/i, '');
  if (!old || named(d, element.startsWith('the ') ? element : `the ${element}`) !== old) return;
  d.text = `${m[1]} ${m[2]} to ${m[4]}`;
}

/** "above the row of buttons": the one row that holds only elements of that kind. */
function rowOf(d: Draft): void {
  d.text = d.text.replace(/\bthe\s+row\s+of\s+(\w+)\b/gi, (said: string, kind: string) => {
    const type = leadingType(d.model, kind);
    if (!type || type.rest) return said;
    const rows = readingOrder(d.model).filter((n) => {
      if (n.type !== 'Stack' || n.props.direction !== 'horizontal') return false;
      const kids = childrenOf(d.model, n.id).map((id) => d.model.nodes.get(id)?.type);
      return kids.length > 1 && kids.every((t) => t === type.type);
    });
    return rows.length === 1 ? `the element ${rows[0].id}` : said;
  });
}

/**
 * "above the row rather than below it", "to the left of the box instead of to its right": the
 * place it is in now, said after the new one, says nothing more.
 */
function contrastPlace(d: Draft): void {
  d.text = d.text.replace(
    /,?\s+(?:rather than|instead of|not)\s+(?:to\s+its\s+(?:left|right)|(?:above|below|under|over|underneath|beneath|before|after)\s+(?:it|them))$/i,
    ''
  );
}

/**
 * "add a dropdown below the Email box asking 'How …?' with the choices …": the place said
 * before the label and options goes after them, where the add rules read it.
 */
function placeBeforeLabel(d: Draft): void {
  d.text = d.text.replace(
    /^(add\s+(?:a|an)\s+(?:\w+\s+)?(?:dropdown|select|menu|text field|text box|checkbox|slider|text area))\s+((?:just\s+)?(?:below|above|under|after|before)\s+the\s+[^⟦,]+?)\s+((?:asking|labell?ed|called|titled)\s+⟦\d+⟧.*)$/i,
    '$1 $3 $2'
  );
  // "add a line of text at the top of the card that says ⟦0⟧": a text, said before the place.
  d.text = d.text.replace(
    /^add\s+(?:a|an)\s+(?:(?:short|little|small)\s+)?(?:line\s+of\s+(?:text|writing)|text|note|sentence)\s+((?:at\s+the\s+(?:top|bottom)\s+of|below|under|above|after|before)\s+the\s+[^⟦]+?)\s+(?:that|which)\s+(?:says|reads)\s+(⟦\d+⟧)$/i,
    'add a text saying $2 $1'
  );
}

/** Each wordy reading, on the whole request. */
export function teacherWords(d: Draft): void {
  quotedInstead(d);
  partAfterPlace(d);
  linesHigh(d);
  layoutOrder(d);
  wholeRemoval(d);
  shownAt(d);
  fromTo(d);
  rowOf(d);
  contrastPlace(d);
  placeBeforeLabel(d);
  teacherMore(d);
  teacherPlaces(d);
  keptData(d);
  describedNew(d);
}

// Who uses the app, as a teacher or a shop owner says it.
const PEOPLE =
  '(?:(?:a|the|any|each)\\s+)?(?:pupils?|students?|kids?|children|child|customers?|clients?|users?|people|person|someone|somebody|anyone|nobody|visitors?|players?|staff|they|you|i|we)';

/**
 * "when a pupil presses Reset it should go back to 10", "when the app opens the number should
 * start at 10 rather than 0": a wish said with when it happens, said as the wish itself, when
 * the element named is one button (or the app opening, for where a value starts).
 */
export function whenWords(d: Draft): void {
  d.text = d.text
    .replace(
      /\bwhen\s+the\s+(?:app|page|form)\s+(?:opens|loads|starts)\s*,?\s+(.+?\s+should\s+start\s+at\s+\S+)(?:\s+rather\s+than\s+\S+|\s+instead\s+of\s+\S+)?(?=\s*,|$)/gi,
      '$1'
    )
    .replace(
      new RegExp(
        `\\bwhen\\s+${PEOPLE}\\s+(?:press(?:es)?|clicks?|taps?|hits?)\\s+(.+?)\\s*,?\\s+it\\s+should\\s+(go back to|reset to|set \\w+ to)\\s+(\\S+?)(?:\\s+as well|\\s+too)?(?=\\s*,|$)`,
        'gi'
      ),
      (said: string, button: string, verb: string, value: string) => {
        const node = named(d, /^the\s/i.test(button) ? button : `the ${button} button`);
        return node?.type === 'Button' ? `${button} should ${verb} ${value}` : said;
      }
    );
}

/**
 * "Pupils should not be able to press the minus button when the count is zero": the button is
 * disabled then.
 */
function notAbleTo(d: Draft): void {
  const m = new RegExp(
    `^${PEOPLE}\\s+(?:should\\s+not|shouldn'?t|must\\s+not|mustn'?t|can'?t|cannot)\\s+(?:be\\s+able\\s+to\\s+)?(?:press|click|tap|use)\\s+(.+?)\\s+(when|while|if)\\s+(.+)$`,
    'i'
  ).exec(d.text);
  if (!m || named(d, m[1])?.type !== 'Button') return;
  const when = m[3].replace(/\s+already\b/i, '').replace(/\bzero\b/i, '0');
  d.text = `${m[1]} should be disabled ${m[2]} ${when}`;
}

/**
 * "When a pupil adds a new task it should appear at the top of the list, not at the bottom": new
 * items go first.
 */
function newAtTop(d: Draft): void {
  d.text = d.text.replace(
    new RegExp(
      `^when\\s+${PEOPLE}\\s+adds?\\s+(?:a\\s+)?new\\s+([a-z]+?)s?\\s*,?\\s+(?:it|they)\\s+should\\s+(?:appear|go|show up|be added|be put)\\s+at\\s+the\\s+(?:top|start|beginning)\\s+of\\s+the\\s+list(?:\\s*,?\\s+not\\s+at\\s+the\\s+(?:bottom|end))?$`,
      'i'
    ),
    'new $1s should go at the top of the list'
  );
}

/** "…; the pupils find it confusing": a remark after the request that asks for nothing. */
function peopleRemark(d: Draft): void {
  d.text = d.text.replace(
    new RegExp(
      `\\s*;\\s+${PEOPLE}\\s+(?:find|finds|think|thinks|feel|feels|get|gets|are|is|keep|keeps)\\s+(?:it|them|this|that)?\\s*(?:\\w+\\s+){0,3}?(?:confusing|confused|hard|difficult|annoying|odd|strange|weird|distracting)[^;]*$`,
      'i'
    ),
    ''
  );
}

/** "the sentence 'Nothing to do yet.' that appears when the list is empty": named by its text. */
function shownWhen(d: Draft): void {
  d.text = d.text.replace(
    /\bthe\s+(?:sentence|message|words|line|text|note)\s+(⟦\d+⟧)\s+(?:that|which)\s+(?:appears|shows|is shown|comes up|pops up)\s+(?:when|if|while)\s+[^;,]+/gi,
    (said: string, marker: string) => {
      const node = showing(d, marker);
      return node ? `the element ${node.id}` : said;
    }
  );
}

/** "centre it across the page", "show it in green": the grammar's "centre it", "make it green". */
function looseLooks(d: Draft): void {
  d.text = d.text
    .replace(
      /\b(cent(?:er|re)\s+(?:it|them|the\s+\w+))\s+(?:across|on|in)\s+the\s+(?:page|screen|card|app)\b/gi,
      '$1'
    )
    .replace(
      /\bshow\s+(it|them)\s+in\s+(red|green|blue|orange|yellow|grey|gray|purple)$/i,
      'make $1 $2'
    );
}

/**
 * "change the words in the box … so that it says 'New' instead of 'Old'": the old text names the
 * element, when exactly one shows it.
 */
function saysInstead(d: Draft): void {
  const m =
    /^(?:change|make|update|edit)\s+.+?\s+(?:so\s+(?:that\s+)?)?(?:it|that\s+it)\s+(?:says|reads|shows)\s+(⟦\d+⟧)\s+instead\s+of\s+(⟦\d+⟧)$/i.exec(
      d.text
    );
  if (!m || !showing(d, m[2])) return;
  d.text = `change ${m[2]} to ${m[1]}`;
}

/** The wordy readings that name behaviour or remarks, on the whole request. */
export function teacherMore(d: Draft): void {
  whenWords(d);
  notAbleTo(d);
  newAtTop(d);
  peopleRemark(d);
  shownWhen(d);
  looseLooks(d);
  saysInstead(d);
}

// What a new button does, said with its verb: "that doubles the number", "which adds 10".
const DOES =
  '(?:doubles|halves|triples|adds|subtracts|takes|removes|clears|empties|resets|sets|marks|ticks|unticks|sorts)';

/**
 * "add a button labelled 'Double' after the + button that doubles the number each time a pupil
 * presses it": the place said before what the button does goes after it, and "each time someone
 * presses it" (what any button does) goes. Only when the place alone names one element and the
 * place with the clause names none, so "after the button that adds 5" stays as said.
 */
function purposeAfterPlace(d: Draft): void {
  d.text = d.text.replace(
    /\s+(?:each|every)\s+time\s+(?:a|the|any|someone|somebody|you)?\s*\w*\s*(?:presses|clicks|taps|hits)\s+it$/i,
    ''
  );
  const m = new RegExp(
    `^(add\\s+(?:a|an)\\s+(?:\\w+\\s+)?button(?:\\s+(?:labell?ed|called|saying)\\s+⟦\\d+⟧)?)\\s+((?:right\\s+|just\\s+)?(?:after|before|next to|beside|below|above|under)\\s+)(the\\s+.+?)\\s+((?:that|which)\\s+${DOES}\\b.*)$`,
    'i'
  ).exec(d.text);
  if (!m || !named(d, m[3]) || named(d, `${m[3]} ${m[4]}`)) return;
  d.text = `${m[1]} ${m[4]} ${m[2]}${m[3]}`;
}

/** "show 'bikes' after the number": a quoted text shown at a place is a new text there. */
function showQuoted(d: Draft): void {
  d.text = d.text.replace(
    /^show\s+(⟦\d+⟧)\s+((?:right\s+|just\s+)?(?:after|before|below|above|under|underneath|next to)\s+\S.*)$/i,
    'add a text saying $1 $2'
  );
}

/** "under the card's title": the top of the card, when its title is the card's own. */
function underCardTitle(d: Draft): void {
  d.text = d.text.replace(
    /\b(?:under|below|beneath|underneath)\s+the\s+(\w+)'s\s+title\b/gi,
    (said: string, ref: string) => {
      const card = named(d, `the ${ref}`);
      return card?.type === 'Card' && typeof card.props.title === 'string'
        ? `at the top of the element ${card.id}`
        : said;
    }
  );
}

/**
 * "There is too much empty space inside the card; please make the padding inside it smaller":
 * less padding in that card.
 */
function tooMuchSpace(d: Draft): void {
  const m =
    /^there(?:'s|\s+is)\s+too\s+(much|little)\s+(?:empty\s+|white\s+)?(?:space|room)\s+(?:inside|in|within)\s+(the\s+\w+)(?:\s+around\s+[^;,.]+)?(?:\s*[;,.]\s*(?:so\s+)?(?:please\s+)?(?:make|give)\s+(?:the\s+|it\s+)?(?:padding|space|room)(?:\s+inside\s+it)?\s+(smaller|less|bigger|more))?$/i.exec(
      d.text
    );
  if (!m) return;
  const less = /much/i.test(m[1]);
  if (m[3] && less !== /smaller|less/i.test(m[3])) return;
  const box = named(d, m[2]);
  if (!box || !['Card', 'Stack', 'Grid'].includes(box.type)) return;
  // Said with the words that named it, which the look rule reads after "the padding of".
  d.text = `make the padding of ${m[2]} ${less ? 'smaller' : 'bigger'}`;
}

/**
 * "In the data the app keeps, rename the field called 'message' to 'question'", "rename the
 * number the app keeps, which is currently called count, to score; everything should keep
 * working": a state field renamed (every rename keeps what reads it working).
 */
function keptData(d: Draft): void {
  const KEEPS = String.raw`(?:that\s+)?(?:the\s+app|it)\s+(?:keeps|stores|holds|saves|remembers)`;
  d.text = d.text
    .replace(
      new RegExp(
        String.raw`^in\s+the\s+(?:data|state)\s+${KEEPS},?\s+(?:please\s+)?rename\s+the\s+(?:field|value)\s+(?:called|named)\s+(\S+)\s+to\s+(\S+)`,
        'i'
      ),
      'rename the state field $1 to $2'
    )
    .replace(
      new RegExp(
        String.raw`^rename\s+the\s+(?:number|value|field|data)\s+${KEEPS},?\s+which\s+is\s+(?:currently\s+|now\s+)?(?:called|named)\s+(\S+?),?\s+to\s+(\S+)`,
        'i'
      ),
      'rename the state field $1 to $2'
    );
  if (!/^rename the state field/i.test(d.text)) return;
  d.text = d.text.replace(
    /\s*;\s+(?:everything|it|all|the\s+[^;]+?)\s+should\s+(?:still\s+)?keep\s+working$/i,
    ''
  );
  // "…, so the code reads better": why, after a rename whose new name is one word; a clause
  // that asks for more (another verb) stays, for the rules to read or ask about.
  const why =
    /^(rename the state field \S+ to \S+?),\s+(?:so\s+(?:that\s+)?|since\s+|because\s+|as\s+)?(?:the\s+code|it|that|this|pupils|students|people|we|i)\b([^;]*)$/i.exec(
      d.text
    );
  if (
    why &&
    !/\b(?:make|add|remove|delete|change|set|put|move|show|hide|rename|and then)\b/i.test(why[2])
  )
    d.text = why[1];
}

/** The readings of new elements said around a place, on the whole request. */
export function teacherPlaces(d: Draft): void {
  // "a line of writing" is the grammar's "line of text", never a text starting "of writing".
  d.text = d.text.replace(/\bline\s+of\s+(?:writing|words|wording)\b/gi, 'line of text');
  purposeAfterPlace(d);
  showQuoted(d);
  underCardTitle(d);
  tooMuchSpace(d);
}
