/**
 * Things people say about a list that mean one of the grammar's list phrasings (issue 15),
 * rewritten before any rule reads them:
 * - a line that shows a count: "add a line at the bottom with the total number of todos", "put a
 *   small text under the list saying how many are done" → "show how many … <place>";
 * - done said in the first person: "how many i've finished" → "how many are done";
 * - the text an empty list shows: "when the list is empty it should say 'All clear'" → a change
 *   of the one Text inside the condition on the list's length, named by its id.
 * A request that is none of these is left as it was. Pure.
 */
import { childrenOf, type AppModel } from '../model/types';
import type { Draft } from './offline-draft';
import { quote } from './offline-draft';

const PLACE =
  '(?:(?:at|to) the (?:top|bottom|end|start)|(?:above|below|under|underneath|beneath|after|before)\\s+(?:the\\s+\\S+|it|this))';
const COUNT =
  '(?:how many\\b.*|the (?:total )?(?:number|count) of\\b.*|a count of\\b.*|the total\\b.*|the count\\b.*)';
const LINE = new RegExp(
  `^(?:add|put|insert|place|show|give me)\\s+(?:a|an|one)\\s+(?:(?:small|little|short|muted)\\s+)?(?:line|text|label|paragraph|note|bit of text|row)\\s+(?:(${PLACE})\\s+)?(?:with|showing|saying|that says|that shows|which shows|displaying|telling me|to show|for|of)\\s+(${COUNT}?)$`,
  'i'
);

/** The id of the one Text an empty-list condition shows, if there is exactly one. */
function emptyText(model: AppModel): string | null {
  const texts: string[] = [];
  for (const node of model.nodes.values()) {
    const when = node.props.when;
    if (node.type !== 'If' || !when || typeof when !== 'object' || !('$expr' in when)) continue;
    if (!/\.length\s*===?\s*0$|^!\s*state\.\w+\.length$/.test(String(when.$expr))) continue;
    const kids = childrenOf(model, node.id).map((id) => model.nodes.get(id)!);
    const shown = kids.filter((k) => k.type === 'Text' || k.type === 'Heading');
    if (shown.length === 1) texts.push(shown[0].id);
  }
  return texts.length === 1 ? texts[0] : null;
}

/** Rewrites a way of talking about a list into the grammar's phrasing, when it is one. */
export function listSayings(d: Draft): void {
  // "…, like "1 done"" / "somewhere": an example or a vague place says nothing more, unless
  // the example shows words around the number ("like 'Total: 5'"), which the count rule keeps.
  d.text = d.text
    .replace(/\s*,?\s+(?:like|e\.?g\.?|such as|for example)\s+⟦(\d+)⟧$/i, (said, n: string) =>
      /^\D*\d+\D*$/.test(d.quotes[Number(n)]) &&
      !/^\s*\d+\s*(?:done|left|of \d+(?: done)?|items?|todos?|tasks?)?\s*$/i.test(
        d.quotes[Number(n)]
      )
        ? said
        : ''
    )
    .replace(/\s+(?:somewhere|anywhere|someplace)(?=$|,)/i, '');
  const line = LINE.exec(d.text);
  if (line) {
    const count = line[2].replace(/^the (?:total )?(?:number|count) of\s+/i, 'how many ');
    const place = line[1] ? ` ${line[1]}` : '';
    // "how many todos there are at the bottom": the place the rules read last.
    d.text = `show ${/^how many/i.test(count) ? count : `how many ${count.replace(/^(?:a count of|the total|the count)\s*/i, '')}`}${place}`;
  }
  d.text = d.text.replace(
    /\bhow many (?:(?:of them|of the \w+|\w+)\s+)?(?:i'?ve|i have|we'?ve|we have|i|we)\s+(?:already\s+)?(?:finished|done|completed|ticked(?: off)?|checked(?: off)?)\b/i,
    (whole) => {
      const noun = /\bhow many ((?:of them|of the \w+|\w+))\s+(?:i|we)/i.exec(whole)?.[1];
      return `how many ${noun && !/^of them$/i.test(noun) ? `${noun.replace(/^of the /i, '')} ` : ''}are done`;
    }
  );

  const empty =
    /^(?:when|if|while)\s+(?:(?:the\s+)?(?:list|\w+)\s+(?:is|are)\s+empty|there(?:'s| is| are)\s+no(?:thing|\s+\w+)(?:\s+(?:left|yet|in it))?),?\s+(?:it\s+|then\s+)?(?:should|must|needs? to|has to)?\s*(?:say|show|read|display)s?\s+(.+?)(?:\s+instead(?: of\b.*)?)?$/i.exec(
      d.text
    );
  if (empty) {
    const id = emptyText(d.model);
    if (id) d.text = `change ${id} to ${/^⟦\d+⟧$/.test(empty[1]) ? empty[1] : quote(d, empty[1])}`;
  }
}
