/**
 * New elements described rather than named (issue 15), rewritten into the grammar's phrasing
 * before the rules read them: a field where people choose one of a few values ("a field for the
 * pupil's year group, just below the Name box, where they choose one of Year 7, Year 8 or Year 9"
 * is a dropdown with those options), and a picture said with its address in a sentence of its own
 * ("add the school logo at the top; the picture is at /logo.png"), a search box with what it does
 * said after it, and a box "where pupils write a paragraph, with a line under it showing how
 * many words they have written". Pure.
 */
import type { Draft } from './offline-draft';

// Whose the value is, which is no part of a field's name: "the pupil's year group".
const WHOSE =
  /^(?:the\s+|their\s+|your\s+)?(?:pupil|student|child|kid|user|person|customer|client|visitor|player|member)s?'s?\s+/i;

/**
 * "add a field for X, just below the Name box, where they choose one of A, B or C": a dropdown
 * for X with options A, B and C, at that place. Only three to eight short options, each under
 * four words.
 */
function chooseOneOf(d: Draft): void {
  const m =
    /^add\s+(?:a|an)\s+(?:field|box|question|input|place)\s+(?:for|to pick|to choose)\s+(.+?),?\s+((?:just\s+|right\s+)?(?:below|above|under|after|before)\s+the\s+[^,]+?),?\s+where\s+(?:they|you|people|pupils|students|users)\s+(?:can\s+)?(?:choose|pick|select)\s+(?:one\s+of|from|between)\s+(.+)$/i.exec(
      d.text
    );
  if (!m || /⟦/.test(m[1])) return;
  const options = m[3].split(/\s*,\s*|\s+or\s+|\s+and\s+/).filter(Boolean);
  if (options.length < 2 || options.length > 8 || options.some((o) => o.split(/\s+/).length > 3))
    return;
  const name = m[1].replace(WHOSE, '');
  const last = options.pop();
  d.text = `add a dropdown for ${name} with options ${options.join(', ')} and ${last} ${m[2]}`;
}

/**
 * "add the school logo at the top of the page; the picture is at /logo.png": an image from that
 * address. Only an address (a path or a web address) said in the sentence after.
 */
function pictureAt(d: Draft): void {
  const m =
    /^add\s+(?:the|a|an|our|my)\s+(?:[\w-]+\s+){0,2}(?:logo|picture|photo|image|banner)\s+((?:at|to)\s+the\s+(?:top|bottom)(?:\s+of\s+the\s+(?:page|app|screen))?|(?:above|below|under)\s+the\s+\S+)\s*;\s+(?:the|it|that|this)\s*(?:picture|image|photo|file|logo)?\s+is\s+(?:at|in)\s+(\/[\w./-]+|https?:\/\/\S+)$/i.exec(
      d.text
    );
  if (!m) return;
  const place = m[1].replace(/\s+of\s+the\s+(?:page|app|screen)$/i, '');
  d.text = `add an image from ${m[2]} ${place}`;
}

/**
 * "add a search box above the list, so that as a pupil types, only the tasks whose title contains
 * those letters remain visible": what the search box does, said after it, says nothing more
 * (only by the title, name or text, which is what it searches).
 */
function searchPurpose(d: Draft): void {
  if (!/^add\s+(?:a|an)\s+search\s+(?:box|bar|field)\b/i.test(d.text)) return;
  d.text = d.text.replace(
    /,?\s+so(?:\s+that)?,?\s+(?:as|while|when)\s+(?:a|the|any)?\s*\w+\s+types?,?\s+only\s+(?:the\s+)?\w+\s+(?:whose\s+(?:title|name|text)|that|which|with)\b[^;]*?\b(?:contains?|match(?:es)?|includes?)\b[^;]*?\b(?:remain|stay|are|is)\s+(?:visible|shown|showing|on screen)$/i,
    ''
  );
}

/**
 * "add a text area where pupils write a short paragraph, with a line under it showing how many
 * words they have written": the box, named by what is written in it, then its counter under it.
 */
function boxWithCounter(d: Draft): void {
  const m =
    /^add\s+(?:a|an)\s+(text\s+area|text\s+field|text\s+box)\s+where\s+\w+\s+(?:can\s+)?(?:write|type|enter)\s+(?:a\s+|an\s+|their\s+|some\s+)?(?:short\s+|long\s+|little\s+)?([a-z]+),?\s+with\s+(?:a\s+)?(?:line|text|note|counter)\s+(?:under|below|beneath|underneath)\s+it\s+(?:showing|that shows|saying)\s+how\s+many\s+(words|characters|letters)\s+(?:they|you|people|pupils|students)\s+(?:have\s+)?(?:written|typed|entered)$/i.exec(
      d.text
    );
  if (!m) return;
  const kind = /word/i.test(m[3]) ? 'word' : 'character';
  d.text = `add a ${m[1]} called ${m[2]}, then add a ${kind} counter below it`;
}

/** Each reading of a new element described, on the whole request. */
export function describedNew(d: Draft): void {
  chooseOneOf(d);
  pictureAt(d);
  searchPurpose(d);
  boxWithCounter(d);
}
