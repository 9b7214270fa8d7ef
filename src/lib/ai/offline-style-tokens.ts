/**
 * The `style` prop (schemas/style.schema.json, issue 16) as the style rule's second resort: when
 * an element's own props cannot show a look ("turn the Add button green", where a Button's
 * variant has no green; "make the number huge", a Heading already at level 1; "make the Send
 * button full width"), the look is written as design tokens into `style`, merged with what the
 * element's style already holds. Only token words of the schema are written, so the result is
 * always a valid style. A style that is an expression is not merged into (a question instead).
 * Pure.
 */
import { elementSchema, STYLE } from '../schema/elements';
import { styleTokens } from '../schema/style';
import type { JsonValue, NodeRecord, PropValue } from '../model/types';
import { an } from './offline-text';

/** A change to the style prop: its whole new value and how to say it. */
export interface TokenChange {
  readonly prop: string;
  readonly value: PropValue;
  readonly words: string;
}

type Result = { ok: true; change: TokenChange } | { ok: false; text: string };

/** Elements whose colour is the colour of their text. */
const TEXT_LIKE = new Set(['Heading', 'Text', 'Link', 'Checkbox', 'Toggle']);
/** Elements whose colour is their border. */
const FIELD_LIKE = new Set(['TextInput', 'TextArea', 'Select', 'NumberInput', 'Slider']);
/** The tones a style token exists for, in both `color` and `background`. */
const TONE_TOKEN: Readonly<Record<string, string>> = {
  danger: 'danger',
  warning: 'warning',
  success: 'success',
  accent: 'accent'
};

/** True when the element draws a box and so takes the shared `style` prop. */
export function hasStyle(node: NodeRecord): boolean {
  return Boolean(elementSchema(node.type)?.properties[STYLE]);
}

/** The element's style as a literal object; null when it is an expression (not merged into). */
export function literalStyle(node: NodeRecord): Record<string, JsonValue> | null {
  const v = node.props[STYLE];
  if (v === undefined) return {};
  if (v && typeof v === 'object' && !Array.isArray(v) && !('$expr' in v) && !('$bind' in v))
    return { ...(v as Record<string, JsonValue>) };
  return null;
}

function merged(node: NodeRecord, patch: Record<string, string>, words: string): Result {
  const now = literalStyle(node);
  if (!now)
    return {
      ok: false,
      text: `The style of ${an(node.type)} here is an expression; change it in the inspector's Style section.`
    };
  for (const [key, token] of Object.entries(patch))
    if (!styleTokens(key)?.includes(token))
      return { ok: false, text: `A style cannot have ${key} "${token}".` };
  return { ok: true, change: { prop: STYLE, value: { ...now, ...patch }, words } };
}

/**
 * A colour through `style`: the text colour of a Heading or Text, the border of an input, the
 * background of a Button, Badge or Card (with the text colour that reads on it). Only the
 * theme's tones have tokens; null for a colour with none (black, white), so the caller asks.
 */
export function tokenColour(node: NodeRecord, word: string, tone: string): Result | null {
  if (!hasStyle(node)) return null;
  if (tone === 'muted' && TEXT_LIKE.has(node.type))
    return merged(node, { color: 'muted' }, `text colour "muted" (${word})`);
  const token = TONE_TOKEN[tone];
  if (!token) return null;
  if (TEXT_LIKE.has(node.type))
    return merged(node, { color: token }, `text colour "${token}" (${word})`);
  if (FIELD_LIKE.has(node.type))
    return merged(
      node,
      { borderColor: token, border: literalStyle(node)?.border === 'thick' ? 'thick' : 'thin' },
      `border colour "${token}" (${word})`
    );
  return merged(
    node,
    { background: token, color: 'on-accent' },
    `background "${token}" (${word}) with text that reads on it`
  );
}

const FONT_SCALE = ['sm', 'md', 'lg', 'xl', '2xl'] as const;

/**
 * Bigger or smaller text past the element's own scale ("make the number huge" on a Heading at
 * level 1): `style.fontSize`, stepped from what it is (else from `from`), or set for an absolute
 * word on a 0 (tiny) to 4 (huge) scale.
 */
export function tokenFontSize(
  node: NodeRecord,
  relative: number | undefined,
  absolute: number | undefined,
  from: (typeof FONT_SCALE)[number]
): Result | null {
  if (!hasStyle(node)) return null;
  const now = literalStyle(node)?.fontSize;
  const at = FONT_SCALE.indexOf((typeof now === 'string' ? now : from) as 'md');
  const next =
    relative !== undefined
      ? FONT_SCALE[Math.min(FONT_SCALE.length - 1, Math.max(0, at + relative))]
      : FONT_SCALE[absolute ?? 2];
  if (next === now) return null;
  return merged(node, { fontSize: next }, `text size "${next}"`);
}

/** Elements as wide as their content when they have no width. */
const CONTENT_SIZED = new Set(['Button', 'Badge', 'Link', 'Icon']);
const WIDTH_SCALE = ['xs', 'sm', 'md', 'lg', 'xl', 'full'] as const;
/** Width words: a step (narrower / wider) or a width ("full width"). */
const WIDTH_WORDS: Readonly<Record<string, number | string>> = {
  wider: 1,
  broader: 1,
  narrower: -1,
  thinner: -1,
  'full width': 'full',
  'full-width': 'full',
  wide: 'full',
  stretched: 'full',
  'as wide as possible': 'full',
  'the full width': 'full',
  'the whole width': 'full',
  'whole width': 'full'
};

/** True when the words say a width. */
export function isWidthWord(word: string): boolean {
  return word.toLowerCase() in WIDTH_WORDS;
}

/**
 * A width through `style.width`: "full width" is `full`; wider / narrower step the scale from the
 * element's width (an element with none fills its column: narrower starts below `xl`).
 */
export function tokenWidth(node: NodeRecord, word: string): Result | null {
  const said = WIDTH_WORDS[word.toLowerCase()];
  if (said === undefined || !hasStyle(node)) return null;
  const now = literalStyle(node)?.width;
  if (typeof said === 'string') {
    if (now === said) return { ok: false, text: `It is already ${said} width.` };
    return merged(node, { width: said }, `full width`);
  }
  // A button with no width is as wide as its label: wider is a clear step up, to `md`.
  const auto = typeof now !== 'string' || now === 'auto';
  if (auto && CONTENT_SIZED.has(node.type)) {
    if (said < 0)
      return { ok: false, text: `${an(node.type, true)} is already as narrow as its text.` };
    return merged(node, { width: 'md' }, `width "md"`);
  }
  // No width of its own: it fills its column, about `xl`.
  const at =
    typeof now === 'string' && now !== 'auto'
      ? WIDTH_SCALE.indexOf(now as 'md')
      : WIDTH_SCALE.length - 2;
  const next = WIDTH_SCALE[Math.min(WIDTH_SCALE.length - 1, Math.max(0, at + said))];
  if (next === now)
    return { ok: false, text: `It is already width "${now}", the end of the scale.` };
  return merged(node, { width: next }, `width "${next}"`);
}

/** A width for an element with no size of its own that is asked to be smaller ("the name box"). */
export function tokenNarrower(node: NodeRecord): Result | null {
  if (!FIELD_LIKE.has(node.type) || !hasStyle(node)) return null;
  const now = literalStyle(node)?.width;
  const at =
    typeof now === 'string' && now !== 'auto'
      ? WIDTH_SCALE.indexOf(now as 'md')
      : WIDTH_SCALE.length - 2;
  const next = WIDTH_SCALE[Math.max(0, at - 1)];
  if (next === now) return null;
  return merged(node, { width: next }, `width "${next}"`);
}

/** "bold" for an element whose own props have no weight (a Checkbox's label, a Button). */
export function tokenWeight(node: NodeRecord, word: string): Result | null {
  const weight = { bold: 'bold', bolder: 'bold', heavier: 'bold', medium: 'medium' }[
    word.toLowerCase()
  ];
  if (!weight || !hasStyle(node)) return null;
  if (literalStyle(node)?.fontWeight === weight)
    return { ok: false, text: `It is already ${weight}.` };
  return merged(node, { fontWeight: weight }, `text weight "${weight}"`);
}
