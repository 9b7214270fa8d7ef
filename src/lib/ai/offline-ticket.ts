/**
 * A request written as a ticket (issue 15): a bullet ("- Reset button: remove"), a label before
 * it ("Story:", "Ticket:", "Tech task:"), or a user story's frame ("As a coordinator I want to
 * …"). The frame says who asks and that they want it, nothing about the change, so it is taken
 * off and the rest is read as any request; a reason after it ("so that …") is the reasons
 * stage's to read. Pure.
 */
import type { Draft } from './offline-draft';

/** A bullet or a number at the start of a line of a list. */
const BULLET = /^(?:[-*•–]|\d+[.)])\s+/;
/** A ticket's label: what kind of ticket it is. */
const LABEL =
  /^(?:user\s+story|story|ticket|tech(?:nical)?\s+(?:task|debt)|task|chore|request|feature(?:\s+request)?|todo)\s*:\s*/i;
/** "As a volunteer I want to …", "As the owner, I'd like …": who asks, and that they want it. */
const STORY =
  /^as\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*,?\s+(?:i|we)\s+(?:want|need|would like|'d like|wish)\s+(?:to\s+)?(?=\S)/i;

/** "Reset button: remove", a ticket's line for a removal: the element, then the verb alone. */
const REMOVE_LINE = /^((?:the\s+)?[\w\s'"-]{1,40}?)\s*:\s*(?:remove|delete|drop)(?:\s+it)?\s*\.?$/i;

/**
 * Takes a ticket's bullet, label and user-story frame off the front of the request, and reads
 * "X: remove" as "remove X".
 */
export function ticketFrame(d: Draft): void {
  let text = d.text;
  for (;;) {
    const next = text.replace(BULLET, '').replace(LABEL, '').replace(STORY, '');
    if (next === text) break;
    text = next;
  }
  const removal = REMOVE_LINE.exec(text.trim());
  if (removal) text = `remove ${/^the\s/i.test(removal[1]) ? '' : 'the '}${removal[1]}`;
  d.text = text.trim();
}
