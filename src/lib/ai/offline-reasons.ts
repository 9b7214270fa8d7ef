/**
 * Why a person wants a change is no part of the change (issue 15): "make the heading bigger so
 * that people can see it", "make the heading bigger because it's hard to read", "remove the
 * newsletter checkbox since nobody ticks it and make the send button green", "since nobody uses
 * it, remove the clear done button". Each reason is taken off its own clause, wherever the clause
 * sits in the request, before the rules read it, so the element's name or the new look is not read
 * with it. offline-asides.ts takes off the remarks said after a removal at the very end; this reads
 * reasons of any kind in any clause.
 *
 * Only reasons are taken off. "so …" is a reason only when it is about being seen or read ("so it
 * stands out", "so people can find it"); a purpose that names behaviour ("so I can type and only
 * see matching ones", "so it can't go below zero") is the request itself and stays. A reason that
 * still wishes for something ("because I want it red") stays too. Pure.
 */
import type { Draft } from './offline-draft';
import { VERBS } from './offline-split';

// Who a reason is about: "because it's…", "since nobody…", "so people…".
const SUBJECT =
  "(?:it|it'?s|its|it is|they|they'?re|they are|that|that'?s|this|this is|people|users|everyone|everybody|anyone|nobody|no one|no-one|i|i'?m|we|we'?re|you|one|(?:the\\s+)?(?:pupils|students|kids|children|customers|clients|staff|visitors|players|members|guests|parents|teachers|the class)|(?:the|our|my|their|your) \\w+(?: \\w+)?(?: (?:at|in|on) the \\w+(?: of the \\w+)?)?)";
// "because …", "since …", "cos …": a reason whatever follows its subject.
const BECAUSE = `(?:(?:because|cause|coz|cos)\\s+\\S|since\\s+(?:of\\s+\\S|${SUBJECT}\\s))`;
// "as it's hard to read": "as" is a reason only before a subject that says so, never "as the heading".
const AS = "as\\s+(?:it'?s|it is|they'?re|they are|nobody|no one|people|users|i|we)\\s";
// "so (that) people can see it", "so it stands out more", "so it's easier to read".
const SO = `so(?:\\s+that)?\\s+${SUBJECT}\\s+(?:(?:can|could|will|would|'ll|are able to|is able to|will be able to|actually|easily|clearly|better|quickly|immediately|really|more|is|are|looks?|be)\\s+){0,3}(?:see|reads?|notice|spot|find|tell|stand(?:s)? out|pop(?:s)?(?: out)?|catch(?:es)? (?:the|your|my) eye|know|knows|remember|understand|visible|readable|legible|obvious|noticeable|clearer|easier to (?:see|read|spot|find|notice|click|tap|hit|press)|nicer|better|cleaner|neater|prettier|good|nice)\\b`;
// "so nobody hits it by accident", "so people can't miss it": a reason about a slip.
const SO_SLIP = `so(?:\\s+that)?\\s+${SUBJECT}\\s+(?:(?:can'?t|cannot|won'?t|doesn'?t|don'?t|never|will not|does not|do not|accidentally)\\s+){0,2}(?:miss|misses|hit|hits|click|clicks|press|presses|tap|taps|lose|loses|forget|forgets|overlook|overlooks|think twice)\\b`;
// "…, it's a bit loud", "…, we don't send newsletters", "…, it's optional": a remark after a
// comma that says how things are, not what to do.
const REMARK = `,\\s+(?:we|i|it'?s|its|it is|they|they'?re|they are|people|nobody|no one|that'?s|this is|(?:our|my) \\w+)\\s`;
// "…, and it's fine if people leave it empty": a field that may stay empty, as every field may.
const OPTIONAL =
  ",?\\s+(?:and\\s+|but\\s+)?(?:it'?s|its|it is|that'?s|that is)\\s+(?:fine|ok|okay|optional|alright|not required|not needed|not mandatory)\\b";
// "…, like a traffic light": a likeness, not a look the rules could read.
const LIKE = ',\\s+like\\s+(?:a|an)\\s';
// "…. People read it from across the room": a sentence after the request that says why.
const SENTENCE = `[.?!]\\s+(?:we|i|it'?s|its|it is|they|they'?re|people|nobody|no one|that'?s|this is|(?:our|my) \\w+)\\s`;
// "to make it stand out", "to make it easier to read": a purpose about being seen.
const TO_MAKE =
  'to make (?:it|them|things?|everything)\\s+(?:stand out|pop|easier to (?:see|read|spot|find|notice|click|tap)|more (?:visible|readable|obvious|noticeable)|clearer|nicer|look (?:nicer|better|cleaner))\\b';
// A reason that asks for something is part of the request.
const WISH =
  /\b(?:make|put|move|add|change|set|turn|colou?r|want (?:it|them)|should|instead|but|only see|only show|can'?t go|cannot go|never go|type and)\b/i;
// Words that make a remark a request: "…, it needs to say Hi", "…, it's too small".
const ASKS =
  /\b(?:needs?|say|says|to be|too|should|must|has to|have to|want|wants|please|could|can you|would|let|instead|\d+)\b|⟦/i;
// Behaviour in a "so …" reason: it says what the app should do, so it is the request.
const BEHAVIOUR =
  /\b(?:type|typing|search|filter|only|count|go (?:above|below|over|under)|can'?t|cannot|won'?t|never|when|if|until|unless|click (?:it|them) to|add|remove|clear|tick|untick|check)\b/i;
// Where a reason ends: the next instruction, or the end of the request.
const ENDS = `(?=\\s*(?:[;.]\\s|,\\s*(?:and\\s+|then\\s+|also\\s+|plus\\s+)?(?:also\\s+)?(?:${VERBS})\\b|\\s+(?:and then|and also|and|then|plus|as well as)\\s+(?:${VERBS})\\b|$))`;
const TAIL = new RegExp(
  `(?:\\s*,?\\s*(?:-\\s+|–\\s+|—\\s+)?\\b(?:${BECAUSE}|${AS}|${SO}|${SO_SLIP}|${TO_MAKE})|${REMARK}|${OPTIONAL}|${LIKE}|${SENTENCE})(?:(?!\\s*[;.?!]\\s)[^⟦])*?${ENDS}`,
  'gi'
);
// "since nobody uses it, remove the clear done button": a reason before the request.
const LEAD = new RegExp(
  `^(?:because|since|as|seeing as)\\s+${SUBJECT}\\s[^,;]+,\\s*(?=(?:${VERBS})\\b)`,
  'i'
);

// A new text said without quotes, running to the end of the clause.
const UNQUOTED_TEXT =
  /\b(?:say|says|saying|called|named|labell?ed|titled|reading|reads?)\s+(?!⟦\d+⟧\s*$)\S+(?:\s+\S+)*$|^(?:change|set|rename|update|switch|edit)\b.*\s(?:to|as)\s+(?!⟦\d+⟧\s*$)\S+(?:\s+\S+)*$/i;

/** The clause that ends where a reason starts: the words after the last join before it. */
function clauseBefore(text: string): string {
  const cuts = [...text.matchAll(/(?:[;.,]\s+|\s+(?:and|then)\s+)/gi)];
  const last = cuts.at(-1);
  return last ? text.slice(last.index + last[0].length) : text;
}

// "I run a little cafe and want to count customers. Please …", "I'm a teacher. Make me …": who
// is asking, said as a sentence before the request.
const WHO_ASKS =
  /^(?:(?:i'?m|i am|we'?re|we are)\s+(?:an?\s+)?[a-z][\w\s-]{0,40}?|(?:i|we)\s+(?:run|own|have|manage|teach|coach|organi[sz]e|look after|work (?:at|in|for))\b[^.!?⟦]*?)[.!]\s+(?=\S)/i;

/** Takes every reason off its clause: before the request, after it, or between two instructions. */
export function reasons(d: Draft): void {
  const who = WHO_ASKS.exec(d.text);
  if (who && d.text.length > who[0].length) d.text = d.text.slice(who[0].length);
  const lead = LEAD.exec(d.text);
  if (lead && !WISH.test(lead[0])) d.text = d.text.slice(lead[0].length);
  d.text = d.text
    .replace(TAIL, (reason, at: number, text: string) => {
      // "change the label to Zero so it's clearer": after an unquoted text the reason may be the
      // text's own words; offline-guard.ts asks about it.
      if (UNQUOTED_TEXT.test(clauseBefore(text.slice(0, at)))) return reason;
      // "to make it stand out": its own "make" asks for nothing more.
      // "…, but it's optional": the "but" only joins the remark.
      if (WISH.test(reason.replace(/^\s*,?\s*(?:to make|but)\b/i, ''))) return reason;
      if (
        /^\s*,?\s*(?:[-–—]\s+)?so\b/i.test(reason) &&
        !new RegExp(`^\\s*,?\\s*${SO_SLIP}`, 'i').test(reason) &&
        // "so my staff know when things are due": knowing is being told, not behaviour.
        BEHAVIOUR.test(
          reason.replace(
            /\b(?:know|remember|understand)\s+(?:when|what|where|how|which|who|if)\b/gi,
            ''
          )
        )
      )
        return reason;
      // A remark or a sentence that asks for a look or a text is read, not dropped.
      if (/^\s*[,.?!]/.test(reason) && ASKS.test(reason)) return reason;
      return '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}
