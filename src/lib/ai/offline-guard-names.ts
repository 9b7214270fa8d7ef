/**
 * The last look at the names and options a batch makes up (issue 15), beside offline-guard.ts's
 * look at its texts. A rule that reads too much of a request makes a state field called
 * `doneInOneGoWithAButtonPlease…` or a dropdown whose options are "the week please" and "for the
 * rota". Whatever rule wrote them, a new field name or option that is raw request run together
 * (more than a few words, or words such as "please", "with", "button", "where") turns the batch
 * into a question: the request was not read, and a field named from it would be a wrong change
 * that lives on in the data. A name or option the person quoted is theirs and never questioned.
 * Pure.
 */
import type { AppModel, Op, StateType } from '../model/types';
import { ask, type OfflineTurn } from './offline-turn';

/** Words that are never part of a field's name: they belong to the sentence around it. */
const FILLER = new Set(
  'please pls with button buttons so where which that because could would should can you me i a an the and then go'.split(
    ' '
  )
);

/** A name's words: `dueDate` → ["due", "date"]. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words no caption holds either: a plea, or the control the request asks for. */
const NEVER = new Set('please pls button buttons'.split(' '));

/**
 * Why a made-up field name reads as unread request, or null when it reads as a name. `caption`:
 * the name is that of an input's caption added with it, so only NEVER words count.
 */
export function unreadName(name: string, caption = false): string | null {
  const words = nameWords(name);
  const filler = words.find((w) => (caption ? NEVER : FILLER).has(w));
  if (caption) return filler ? `"${filler}" is no part of a name` : null;
  if (filler) return `"${filler}" is no part of a name`;
  if (words.length > 4) return 'it is longer than a name';
  return null;
}

/** Why a dropdown option reads as unread request, or null when it reads as one choice. */
export function unreadOption(option: string): string | null {
  const words = option.trim().split(/\s+/);
  if (words.length > 4) return 'it is longer than one choice';
  if (/\b(?:please|pls)\b/i.test(option)) return '"please" is no part of a choice';
  // "for the rota", "so people can pick": what the dropdown is for, not a choice in it.
  if (
    /^(?:for|so|to|because|with|where|which|that|in order)\s+(?:the|a|an|my|our|their|it|they|we|i|people)\b/i.test(
      option
    )
  )
    return 'it says what the dropdown is for';
  // "the colours", "the days": the kind of choice, said before the choices themselves.
  if (/^(?:the|all the|some)\s+\w+s$/i.test(option.trim())) return 'it names the kind of choices';
  return null;
}

/** Item-field names a retype adds to an array of objects, against the field's type now. */
function addedItemFields(
  model: AppModel,
  component: string,
  name: string,
  type: unknown
): string[] {
  const now = [...model.components.values()].find((c) => c.name === component)?.state[name]?.type;
  const keys = (t: unknown): string[] => {
    const object = (t as { array?: { object?: Record<string, StateType> } })?.array?.object;
    return object ? Object.keys(object) : [];
  };
  const before = new Set(keys(now));
  return keys(type).filter((k) => !before.has(k));
}

/**
 * The batch as a question when a state field, item field or option it makes up is request run
 * together; null when every one reads as a name. `quotes` are the person's quoted runs.
 */
export function guardNames(
  model: AppModel,
  quotes: readonly string[],
  ops: readonly Op[],
  rule: string
): OfflineTurn | null {
  const quoted = new Set(quotes.map((q) => nameWords(q).join(' ')));
  const options = new Set(quotes);
  // A field named after the caption of the input added with it ("a checkbox that says I agree to
  // the terms" → agreeToTheTerms): the caption is shown, and offline-guard.ts judges it as a text.
  const captions = ops.flatMap((op) => {
    const props = (op.op === 'addNode' ? (op.props as Record<string, unknown>) : null) ?? {};
    return typeof props.label === 'string' ? [` ${nameWords(props.label).join(' ')} `] : [];
  });
  const captioned = (name: string) =>
    captions.some((c) => c.includes(` ${nameWords(name).join(' ')} `));
  for (const op of ops) {
    const o = op as unknown as Record<string, unknown>;
    const names =
      o.op === 'addState' && typeof o.name === 'string'
        ? [o.name]
        : // A field renamed to request run together ("score, so the code reads better").
          o.op === 'renameState' && typeof o.to === 'string'
          ? [o.to]
          : o.op === 'retypeState'
            ? addedItemFields(model, String(o.component), String(o.name), o.type)
            : [];
    for (const name of names) {
      const why = quoted.has(nameWords(name).join(' ')) ? null : unreadName(name, captioned(name));
      if (why)
        return ask(
          rule,
          `I would name a new field "${name}", but ${why}, so I have not read your request as you meant it and have changed nothing. Say what it should hold in a word or two ("add a field called …"), or what a button should do ("add a button that marks all the items as done").`
        );
    }
    const props = o.op === 'addNode' ? (o.props as Record<string, unknown>) : null;
    const list = o.op === 'setProp' && o.name === 'options' ? o.value : props?.options;
    if (Array.isArray(list))
      for (const option of list) {
        if (typeof option !== 'string' || options.has(option)) continue;
        const why = unreadOption(option);
        if (why)
          return ask(
            rule,
            `I read "${option}" as a choice in the dropdown, but ${why}, so I have changed nothing. Give the choices as a list ("with options A, B and C"), and what it is for on its own.`
          );
      }
  }
  return null;
}
