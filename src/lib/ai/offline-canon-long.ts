/**
 * Ways a long request says what a rule already reads (issue 15), rewritten one clause at a time
 * by canon() in offline-canon.ts: a gate said as "don't let them send until it's ticked", how many
 * characters are left "out of 500", a count "of how many are finished", a sort "so the unfinished
 * ones are at the top", a stop "at 100", a button's label said after its place, two elements given
 * two texts in one breath ("the plus and minus to say 'Add one' and 'Take one'"), one text for two
 * elements ("… to 'Kitchen jobs' and the big heading too"). Each keeps the meaning and changes
 * only the form; quoted text is behind markers and never rewritten. Pure.
 */

const WHO = '(?:them|people|anyone|anybody|users|you|someone|somebody|me|us)';

/** Every rewrite of this file, in order, on one clause. */
export function longForms(clause: string): string {
  return [
    gateUntil,
    lettersLeft,
    countOf,
    unfinishedFirst,
    stopAt,
    labelLast,
    pairTexts,
    sameText,
    doneBadge,
    wishedPlace,
    askFor,
    tickedAlready,
    placeThenThing,
    pageTitled,
    writeInside,
    rateWith
  ].reduce((text, step) => step(text), clause);
}

/** "a tick box saying 'I agree' and don't let them send the form until it's ticked". */
function gateUntil(clause: string): string {
  return clause.replace(
    new RegExp(
      `,?\\s+and\\s+(?:don'?t|do not|never)\\s+let\\s+${WHO}\\s+(send|submit)(?:\\s+(?:the form|it|anything))?\\s+(?:until|unless|before)\\s+(?:it'?s|it is|it has been|they'?ve|they have)\\s+(?:been\\s+)?(?:ticked|checked)(?:\\s+(?:off|it))?$`,
      'i'
    ),
    ' that must be ticked to $1'
  );
}

/** "show how many characters are left in the message, out of 500, under the message box". */
function lettersLeft(clause: string): string {
  const m =
    /^(?:show|add|put|display)\s+(?:a count of\s+)?how many (characters|letters|words) (?:are |i have |they have |you have )?left in (?:the\s+)?(.+?)\s*,?\s+out of (\d+)\s*,?(?:\s+(.*))?$/i.exec(
      clause
    );
  if (!m) return clause;
  const unit = /^words$/i.test(m[1]) ? 'word' : 'character';
  // "under the message box": where a counter goes anyway, right after the box it counts.
  const place =
    m[4] &&
    !new RegExp(
      `^(?:under|below|beneath|underneath)\\s+(?:the\\s+)?${m[2]}(?:\\s+(?:box|field|area))?$`,
      'i'
    ).test(m[4])
      ? ` ${m[4]}`
      : '';
  return `add a ${unit} counter for the ${m[2]} with a limit of ${m[3]}${place}`;
}

/** "put a count of how many jobs are finished at the bottom": how many are done. */
function countOf(clause: string): string {
  return clause.replace(
    /^(?:put|add|show|display)\s+(?:a|the)\s+(?:count|number|tally)\s+of\s+how many\s+(\S+)\s+(?:are|have been|got)\s+(?:finished|done|completed|ticked(?: off)?|checked(?: off)?)\b/i,
    'show how many $1 are done'
  );
}

/** "sort the list so the unfinished jobs are at the top and the finished ones go to the bottom". */
function unfinishedFirst(clause: string): string {
  return clause.replace(
    /^(sort|order)\s+(the\s+\S+)\s+so(?:\s+that)?\s+the\s+(?:unfinished|undone|open|not done|not finished|unticked)\s+(?:\S+\s+)?(?:are|go|come|sit|stay)\s+(?:at the top|first)(?:\s*,?\s+and\s+the\s+(?:finished|done|completed|ticked)\s+(?:ones|\S+)\s+(?:are|go|come|sit|stay)\s+(?:at the bottom|to the bottom|last))?$/i,
    '$1 $2 so the unfinished ones come first'
  );
}

/** "stop it at 100 at the top end": a maximum for the number the app counts. */
function stopAt(clause: string): string {
  return clause.replace(
    /^(?:stop|cap|limit)\s+(?:it|the count|the number|the counter)\s+at\s+(-?\d+)(?:\s+(?:at the top(?: end)?|at most|max(?:imum)?))?$/i,
    'set a max of $1'
  );
}

/** "a button that adds ten at once, next to the plus, labelled '+10'": the label first. */
function labelLast(clause: string): string {
  return clause.replace(
    /\b(a|an)\s+button\s+(that\s+.+?)(?:\s+at once)?\s*,\s+((?:next to|beside|under|below|above|after|before)\s+.+?)\s*,\s+(?:labell?ed|called|saying|that says)\s+(⟦\d+⟧)$/i,
    'a $4 button $2 $3'
  );
}

/** "change the plus and minus to say 'Add one' and 'Take one'": each its own text, in order. */
function pairTexts(clause: string): string {
  const m =
    /^(change|set|rename|make)\s+(?:the\s+)?(\S+(?:\s+(?!to\b|say\b)\S+)?)\s+and\s+(?:the\s+)?(\S+(?:\s+(?!to\b|say\b|read\b)\S+)?)\s+(?:(buttons?|fields?|boxes|texts?)\s+)?(to say|to read|to|say|read)\s+(⟦\d+⟧)\s+and\s+(⟦\d+⟧)(?:\s+respectively)?$/i.exec(
      clause
    );
  if (!m) return clause;
  const kind = m[4] ? ` ${m[4].replace(/(?:es|s)$/i, '').replace(/^box$/i, 'box')}` : '';
  return `${m[1]} the ${m[2]}${kind} ${m[5]} ${m[6]} and ${m[1]} the ${m[3]}${kind} ${m[5]} ${m[7]}`;
}

/** "change the app's name to 'Kitchen jobs' and the big heading too": one text, two elements. */
function sameText(clause: string): string {
  return clause.replace(
    /^(change|set|rename)\s+(.+?)\s+to\s+(⟦\d+⟧)\s+and\s+((?:the|its)\s+.+?)\s+(?:too|as well|also)$/i,
    '$1 $2 to $3 and $1 $4 to $3'
  );
}

/** "a little badge next to each task that says 'done' when it's ticked off": in the done rows. */
function doneBadge(clause: string): string {
  return clause.replace(
    /^add\s+(?:a|an)\s+(?:(?:little|small|tiny)\s+)?(badge|tag|chip|pill|label)\s+(?:next to|on|beside|by|in)\s+(?:each|every)\s+(\w+?)s?\s+(?:that says|saying|reading|with)\s+(⟦\d+⟧)\s+(?:when|once|if|whenever)\s+(?:it'?s|it is|it has been|they'?re|they are)\s+(?:ticked(?: off)?|done|finished|checked(?: off)?|completed)$/i,
    'add a $1 saying $3 to the done $2s'
  );
}

/** "I'd like the Add button on the left of the typing box": where an element should be. */
function wishedPlace(clause: string): string {
  return clause.replace(
    /^(?:i'?d like|i would like|i want|we'?d like|we want|can we have|could we have)\s+(the\s+.+?)\s+((?:on|to)\s+the\s+(?:left|right)\s+of|next to|beside|above|below|under|underneath|at the (?:top|bottom))\b/i,
    'put $1 $2'
  );
}

/** "ask for the person's company as well": a new field for it. */
function askFor(clause: string): string {
  return clause.replace(
    /^ask\s+(?:them\s+|people\s+)?for\s+(?:the person'?s|their|the user'?s|people'?s|his or her|a)\s+([a-z]+(?:\s+[a-z]+)?)(?:\s+(?:as well|too))?$/i,
    'add a $1 field'
  );
}

/** "have it ticked already when the page opens": checked by default. */
function tickedAlready(clause: string): string {
  return clause.replace(
    /^(?:have|make|leave)\s+(it|them|the .+?)\s+(?:ticked|checked)\s+(?:already\s+)?(?:when the (?:page|app|form) (?:opens|loads|starts)|by default|to start with|from the start|already)$/i,
    'make $1 checked by default'
  );
}

/**
 * "… and under it some small text saying '© Bakery'", "… and below it a picture from …": a new
 * element said after its place, with no verb, is added there ("add a small text … under it").
 */
function placeThenThing(text: string): string {
  return text.replace(
    /(\s+and\s+)(?:then\s+)?(under|below|beneath|underneath|above)\s+(it|that|them),?\s+(?:put\s+|add\s+|place\s+)?((?:a|an|some)\s+.+?)(?=,\s|\s+and\s+(?:then\s+)?(?:make|change|set|add|remove|move|put|give)\b|$)/i,
    (said: string, and: string, where: string, what: string, thing: string) =>
      // "a field to enter your city and below it a line saying Weather for <city>": a text
      // that echoes the new input is offline-echo.ts's, read whole.
      /<\s*[a-z]|\{\s*[a-z]|\[\s*[a-z]|\bwhatever\b/i.test(thing)
        ? said
        : `${and}add ${thing.replace(/^some\s+((?:small|little|big|bold|grey|gray)\s+)?(?:text|writing|words)\b/i, 'a $1text')} ${where} ${what}`
  );
}

/**
 * "make a page titled 'Bake sale' with a line of text saying '…' underneath", "make a card with
 * the title 'Opening hours'": on a page, a title is a heading; a card's title is its own.
 */
function pageTitled(text: string): string {
  return text
    .replace(
      /^(?:make|create|build|give)\s+(?:me\s+|us\s+)?(?:a|an)\s+(?:(?:simple|little|small|new|basic)\s+)?(?:page|screen|app)\s+(?:titled|called|with the title|with a heading|with the heading|that says)\s+(⟦\d+⟧)(?:\s+with\s+((?:a|an)\s+.+?)\s+(underneath|below|under it|below it|under that))?$/i,
      (_, title: string, more?: string) =>
        `add a heading ${title}${more ? ` and add ${more} below it` : ''}`
    )
    .replace(
      /^(?:make|create)\s+(?:me\s+)?(a|an)\s+(card|panel)\s+with\s+(?:the|a)\s+title\s+(⟦\d+⟧)/i,
      'add $1 $2 titled $3'
    );
}

/** "… and inside it write 'Mon to Fri 9 to 5'": a text inside the element just named. */
function writeInside(text: string): string {
  return text.replace(
    /(\s+and\s+)(?:then\s+)?(inside|in|under|below)\s+(it|that)\s+(?:write|put|say|add)\s+(⟦\d+⟧)$/i,
    '$1add a text saying $4 $2 $3'
  );
}

/** "I want people to rate us from 1 to 5 with a slider, labelled 'How happy?'": that slider. */
function rateWith(text: string): string {
  return text.replace(
    /^(?:i want|i'?d like|we want|let)\s+(?:people|users|visitors|customers|guests|them)\s+(?:to\s+)?(?:rate|score|grade|mark)(?:\s+(?:us|it|this|the \w+))?\s+from\s+(-?\d+)\s+to\s+(-?\d+)\s+with\s+a\s+slider\s*,?\s*(?:(labell?ed|called|titled|saying)\s+(⟦\d+⟧))?$/i,
    (_, from: string, to: string, how?: string, label?: string) =>
      `add a slider from ${from} to ${to}${label ? ` ${how} ${label}` : ' called rating'}`
  );
}
