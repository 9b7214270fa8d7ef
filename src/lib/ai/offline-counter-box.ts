/**
 * The character counter said in more ways (issue 15): as something an input needs ("the message
 * box needs a little letter counter", "give the bio a word count") and as a new box that comes
 * with its counter ("an sms box that shows how many of the 160 letters I've got left", "a tweet
 * field with a 280 character limit"), which adds a text area bound to a new text field and the
 * counter after it, on any app (the blank one too). Pure.
 */
import type { Op, PropValue } from '../model/types';
import type { Scene } from './offline-refs';
import { defaultContainer } from './offline-place';
import { camelName, freeName, labelFor, literal } from './offline-text';
import { rootComponent } from '../model/types';
import type { RuleResult, TempIds } from './offline-turn';

const KIND = String.raw`(?:(?:little|small|tiny|live|simple|running)\s+)?((?:character|char|letter|word)s?\s*(?:counter|count|limit|countdown))`;
const NEEDS = new RegExp(
  String.raw`^(?:the\s+)?(.+?)\s+(?:needs|should have|should show|could use|wants|must have|has to have|should get|needs to have|could have)\s+(?:a|an)\s+${KIND}(.*)$`,
  'i'
);
const GIVE = new RegExp(String.raw`^give\s+(.+?)\s+(?:a|an)\s+${KIND}(.*)$`, 'i');
const ADD_LITTLE = new RegExp(
  String.raw`^(add|put|include|show)\s+(?:a|an)\s+(?:little|small|tiny|live|simple|running)\s+((?:character|char|letter|word)s?\s*(?:counter|count|limit))(.*)$`,
  'i'
);

/** "the message box needs a letter counter" → "add a letter counter for the message box". */
export function counterWording(text: string): string | null {
  const m = NEEDS.exec(text) ?? GIVE.exec(text);
  if (m) return `add a ${m[2]} for ${m[1]}${m[3]}`.trim();
  const little = ADD_LITTLE.exec(text);
  return little ? `${little[1]} a ${little[2]}${little[3]}` : null;
}

const BOX =
  /^(?:(?:add|create|make|build|put|i want|i need|give me)\s+)?(?:(?:an|a|one)\s+)?(.+?)\s+(box|field|text area|textarea|area|input)\s+(?:that|which|with|where)\s+(.+)$/i;
const UNIT = /\b(characters?|chars?|letters?|words?)\b/i;

/**
 * "an sms box that shows how many of the 160 letters I've got left": a text area for a new text
 * field named by the words before "box", and the counter after it (how many are left of the
 * limit, or used, red past the limit). Only when the words after "that" are all about counting.
 */
export function counterBox(scene: Scene, temps: TempIds): RuleResult {
  const m = BOX.exec(scene.u.text);
  if (!m) return null;
  const [, what, , rest] = m;
  const unit = UNIT.exec(rest);
  if (
    !unit ||
    !/\b(?:how many|count|counter|counts|number of|limit|max(?:imum)?|left|remaining)\b/i.test(rest)
  )
    return null;
  // Every word after "that" must be one a counter is said with.
  const leftover = rest
    .toLowerCase()
    .replace(
      /\b(?:shows?|displays?|tells? me|counts?|counter|has|have|with|a|an|the|of|how|many|number|limit|max(?:imum)?|up to|out of|left|remaining|to go|i've|i have|you've|you have|we've|i|got|typed|used|are|is|there|characters?|chars?|letters?|words?|\d+)\b/g,
      ' '
    )
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (leftover) return null;
  const name = literal(scene.u, what)
    .replace(/^new\s+/i, '')
    .trim();
  if (!name || /\b(?:the|this|that)\b/i.test(name)) return null;
  const component = rootComponent(scene.model);
  if (!component) return null;
  // A field of this name exists: that is the existing-input counter, not a new box.
  const base = camelName(name);
  if (!base || Object.hasOwn(component.state, base)) return null;
  const field = freeName(
    base,
    (n) => Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n)
  );
  const limit = /\b(\d+)\b/.exec(rest)?.[1];
  const left = /\b(?:left|remaining|to go)\b/i.test(rest);
  if (left && !limit) return null;
  const words = unit[1].toLowerCase().startsWith('word') ? 'words' : 'characters';
  const value = `state.${field}`;
  const length =
    words === 'words'
      ? `(${value}.trim() ? ${value}.trim().split(/\\s+/).length : 0)`
      : `${value}.length`;
  const text = left
    ? `(${limit} - ${length}) + ' ${words} left'`
    : limit
      ? `${length} + ' / ${limit} ${words}'`
      : `${length} + ' ${words}'`;
  const at = defaultContainer(scene);
  const where = { parent: at.parent.id, ...(at.index !== undefined ? { index: at.index } : {}) };
  const counterProps: Record<string, PropValue> = {
    text: { $expr: text },
    size: 'sm',
    tone: limit ? { $expr: `${length} > ${limit} ? 'danger' : 'muted'` } : 'muted'
  };
  const ops: Op[] = [
    {
      op: 'addState',
      component: component.name,
      name: field,
      type: 'string',
      initial: '',
      ...(component.id === scene.model.meta.root ? { scope: 'local' as const } : {})
    },
    {
      op: 'addNode',
      ...where,
      type: 'TextArea',
      id: temps.next(),
      props: { label: labelFor(field), value: { $bind: field } }
    },
    {
      op: 'addNode',
      parent: where.parent,
      ...(where.index !== undefined ? { index: where.index + 1 } : {}),
      type: 'Text',
      id: temps.next(),
      props: counterProps
    }
  ];
  return {
    kind: 'batch',
    rule: 'character-counter',
    ops,
    summary: `Add a state field ${field} (text), a TextArea "${labelFor(field)}" bound to it ${at.words}, and a Text after it showing ${left ? `how many of ${limit} ${words} are left` : `how many ${words} it holds${limit ? ` out of ${limit}` : ''}`}${limit ? ' (red past the limit)' : ''}`
  };
}
