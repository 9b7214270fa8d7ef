/**
 * "Make the button red", "make the heading smaller", "make the add button secondary": a style
 * word mapped onto a prop the element's schema really has, with a value the schema allows.
 * Colours become tones and variants (the schemas speak of meaning, not hues), sizes step through
 * the schema's own scale, and any enum value of the element ("secondary", "bold", "horizontal",
 * "dark") is taken as said. Pure.
 */
import { elementSchema, ELEMENTS, type PropSchema } from '../schema/elements';
import type { JsonValue, NodeRecord, PropValue } from '../model/types';
import { an, joinWords } from './offline-text';
import {
  isWidthWord,
  tokenColour,
  tokenFontSize,
  tokenNarrower,
  tokenWeight,
  tokenWidth
} from './offline-style-tokens';

/** A style change: one prop, its new value, and a note when the value is only the nearest. */
export interface StyleChange {
  readonly prop: string;
  readonly value: PropValue;
  readonly words: string;
}

/** Colour families: the tone that shows each (`exact`: that tone is this colour, else nearest). */
const COLOURS: Readonly<Record<string, { tone: string; exact: boolean; hex: string }>> = {
  red: { tone: 'danger', exact: true, hex: '#dc2626' },
  crimson: { tone: 'danger', exact: true, hex: '#b91c1c' },
  pink: { tone: 'danger', exact: false, hex: '#db2777' },
  magenta: { tone: 'danger', exact: false, hex: '#c026d3' },
  orange: { tone: 'warning', exact: true, hex: '#ea580c' },
  amber: { tone: 'warning', exact: true, hex: '#d97706' },
  yellow: { tone: 'warning', exact: false, hex: '#ca8a04' },
  brown: { tone: 'warning', exact: false, hex: '#92400e' },
  green: { tone: 'success', exact: true, hex: '#16a34a' },
  teal: { tone: 'success', exact: false, hex: '#0d9488' },
  indigo: { tone: 'accent', exact: true, hex: '#4f46e5' },
  violet: { tone: 'accent', exact: true, hex: '#7c3aed' },
  purple: { tone: 'accent', exact: false, hex: '#9333ea' },
  blue: { tone: 'accent', exact: false, hex: '#2563eb' },
  cyan: { tone: 'accent', exact: false, hex: '#0891b2' },
  grey: { tone: 'muted', exact: true, hex: '#6b7280' },
  gray: { tone: 'muted', exact: true, hex: '#6b7280' },
  black: { tone: 'normal', exact: true, hex: '#111827' },
  white: { tone: 'normal', exact: false, hex: '#ffffff' }
};

/** Tones as they are spelled in each schema: a Text is "muted" where a Badge is "neutral". */
const TONE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  muted: ['muted', 'neutral', 'secondary'],
  normal: ['normal', 'neutral', 'secondary'],
  neutral: ['neutral', 'muted', 'secondary'],
  accent: ['accent', 'primary'],
  danger: ['danger'],
  warning: ['warning'],
  success: ['success']
};

const RELATIVE: Readonly<Record<string, number>> = {
  smaller: -1,
  tinier: -1,
  bigger: 1,
  larger: 1,
  taller: 1,
  compact: -1,
  roomier: 1
};
/** Absolute sizes on a 0 (tiny) to 4 (huge) scale. */
const ABSOLUTE: Readonly<Record<string, number>> = {
  tiny: 0,
  smallest: 0,
  small: 1,
  medium: 2,
  big: 3,
  large: 3,
  huge: 4,
  enormous: 4,
  giant: 4,
  massive: 4,
  biggest: 4,
  largest: 4
};
/** The schemas' size words for the same scale. */
const NAMED_SIZES = ['xs', 'sm', 'md', 'lg', 'xl'] as const;
const SYNONYMS: Readonly<Record<string, string>> = {
  centered: 'center',
  centred: 'center',
  centre: 'center',
  middle: 'center',
  'center aligned': 'center',
  'centre aligned': 'center',
  left: 'start',
  'left aligned': 'start',
  right: 'end',
  'right aligned': 'end',
  main: 'primary',
  prominent: 'primary',
  subtle: 'ghost',
  plain: 'ghost',
  faded: 'muted',
  dimmed: 'muted',
  shadowed: 'raised',
  row: 'horizontal',
  column: 'vertical',
  'side by side': 'horizontal',
  wrapping: 'wrap',
  bolder: 'bold',
  thin: 'normal'
};

/** Every word the style rule knows for some element: it claims only requests ending in one. */
export function isStyleWord(word: string): boolean {
  const w = word.toLowerCase();
  if (w in COLOURS || w in RELATIVE || w in ABSOLUTE || w in SYNONYMS) return true;
  if (w === 'disabled' || w === 'enabled' || w === 'wrap') return true;
  if (isWidthWord(w)) return true;
  for (const schema of ELEMENTS.values())
    for (const prop of Object.values(schema.properties))
      if (prop.enum?.includes(w) && prop['x-editor'] === 'enum') return true;
  return false;
}

/**
 * True when words said where a new text could go ("the card title should be bigger", "card title
 * red") are a look instead: one style word, perhaps after "much" or "a bit", said in lower case
 * (a capitalised "Blue" may be a team's name), or a comparative however it is written.
 */
export function saysLook(words: string): boolean {
  const w = words
    .trim()
    .replace(
      /^(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|slightly\s+|much\s+|more\s+|way\s+|even\s+)+/i,
      ''
    );
  if (!/^[a-z-]+$/i.test(w) || !isStyleWord(w)) return false;
  return w === w.toLowerCase() || w.toLowerCase() in RELATIVE;
}

/** True when the word is a colour this rule knows. */
export function isColour(word: string): boolean {
  return word.toLowerCase() in COLOURS;
}

function enumProps(node: NodeRecord): [string, PropSchema][] {
  const schema = elementSchema(node.type);
  return schema ? Object.entries(schema.properties).filter(([, p]) => Array.isArray(p.enum)) : [];
}

function current(node: NodeRecord, prop: string, schema: PropSchema): JsonValue | undefined {
  const v = node.props[prop];
  return v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v))
    ? (schema.default as JsonValue | undefined)
    : (v as JsonValue);
}

/**
 * What a style word does to a node, or the question to ask. `fresh`: the node is being added, so
 * a size equal to the default is still said, not refused as "already that size".
 */
export function styleChange(
  node: NodeRecord,
  said: string,
  fresh = false
): { ok: true; change: StyleChange } | { ok: false; text: string } {
  const word = said.toLowerCase().replace(/-/g, ' ').trim();
  const schema = elementSchema(node.type);
  if (!schema)
    return {
      ok: false,
      text: `${node.type} is a component of this app; its look is set inside it.`
    };
  if (word in RELATIVE || word in ABSOLUTE) return sizeChange(node, word, fresh);
  if (isWidthWord(word))
    return (
      tokenWidth(node, word) ?? {
        ok: false,
        text: `${an(node.type, true)} has no width setting. ${styleOptions(node)}`.trim()
      }
    );
  if (word in COLOURS) return colourChange(node, word);
  const value = SYNONYMS[word] ?? word;
  for (const [prop, p] of enumProps(node)) {
    if (p.enum!.includes(value))
      return { ok: true, change: { prop, value, words: `${prop} "${value}"` } };
  }
  const weight = tokenWeight(node, value);
  if (weight) return weight;
  if ((value === 'disabled' || value === 'enabled') && schema.properties.disabled)
    return {
      ok: true,
      change: { prop: 'disabled', value: value === 'disabled', words: value }
    };
  if (value === 'wrap' && schema.properties.wrap)
    return { ok: true, change: { prop: 'wrap', value: true, words: 'wrapping' } };
  return {
    ok: false,
    text: `${an(node.type, true)} cannot be made "${said}". ${styleOptions(node) || `It has no style settings.`}`
  };
}

/** What can be said about a node's look, for questions. */
export function styleOptions(node: NodeRecord): string {
  const words = enumProps(node)
    .filter(([prop]) => prop !== 'size')
    .flatMap(([, p]) => p.enum!.map(String))
    .filter((v) => !['inherit', 'none', 'md', 'sm', 'lg', 'xs', 'xl'].includes(v));
  const sizes = hasSize(node) ? ['smaller', 'bigger'] : [];
  const colours = colourProp(node) ? ['a colour (red, green, blue, grey …)'] : [];
  const all = [...new Set([...words, ...sizes])].map((w) => `"${w}"`).concat(colours);
  return all.length > 0 ? `${an(node.type, true)} can be made ${joinWords(all)}.` : '';
}

function hasSize(node: NodeRecord): boolean {
  const props = elementSchema(node.type)?.properties ?? {};
  return node.type === 'Heading' || node.type === 'TextArea' || 'size' in props;
}

function colourProp(node: NodeRecord): string | undefined {
  const props = elementSchema(node.type)?.properties ?? {};
  return ['tone', 'variant', 'color'].find((p) => p in props);
}

function colourChange(
  node: NodeRecord,
  word: string
): { ok: true; change: StyleChange } | { ok: false; text: string } {
  const colour = COLOURS[word];
  const prop = colourProp(node);
  // No colour prop, or none with this colour: the style prop's tokens, where the theme has one.
  const viaStyle = () => tokenColour(node, word, colour.tone);
  if (!prop && viaStyle()) return viaStyle()!;
  if (!prop)
    return {
      ok: false,
      text: `${an(node.type, true)} has no colour of its own: it takes the theme's. Text, Badge, Card, Button and Icon can be coloured. ${styleOptions(node)}`.trim()
    };
  const p = elementSchema(node.type)!.properties[prop];
  if (prop === 'color') {
    return {
      ok: true,
      change: { prop, value: colour.hex, words: `colour ${word} (${colour.hex})` }
    };
  }
  const allowed = (p.enum ?? []).map(String);
  const value = (TONE_ALIASES[colour.tone] ?? [colour.tone]).find((t) => allowed.includes(t));
  if (!value && viaStyle()) return viaStyle()!;
  if (!value) {
    return {
      ok: false,
      text: `${an(node.type, true)} cannot be ${word}: its ${prop} is one of ${joinWords(allowed.map((v) => `"${v}"`))} (${describeTones(allowed)}). Which one?`
    };
  }
  const exact = colour.exact && (value === colour.tone || word === 'grey' || word === 'gray');
  return {
    ok: true,
    change: {
      prop,
      value,
      words: `${prop} "${value}" (${exact ? word : `the nearest to ${word} there is`})`
    }
  };
}

function describeTones(values: readonly string[]): string {
  const hue: Record<string, string> = {
    danger: 'red',
    warning: 'orange',
    success: 'green',
    accent: 'indigo',
    primary: 'indigo',
    muted: 'grey',
    neutral: 'grey',
    secondary: 'grey'
  };
  return values
    .filter((v) => hue[v])
    .map((v) => `${v} is ${hue[v]}`)
    .join(', ');
}

function sizeChange(
  node: NodeRecord,
  word: string,
  fresh: boolean
): { ok: true; change: StyleChange } | { ok: false; text: string } {
  const props = elementSchema(node.type)!.properties;
  const relative = RELATIVE[word];
  const absolute = ABSOLUTE[word];
  if (node.type === 'Heading') {
    // Level 1 is the largest heading: bigger means a smaller level.
    const now = current(node, 'level', props.level);
    const level = typeof now === 'number' ? now : 2;
    const next =
      relative !== undefined
        ? Math.min(6, Math.max(1, level - relative))
        : // "big" and "large" are level 1: a new heading is level 2 already, so "a large
          // heading" at level 2 would be the word dropped.
          ([6, 4, 3, 1, 1] as const)[absolute];
    // Past level 1 (or 6) a heading's text size goes on through the style's font sizes; an
    // absolute word that would shrink it ("big" at level 1) is already said.
    const wrongWay = absolute !== undefined && absolute >= 3 && next > level;
    if ((next === level || wrongWay) && !fresh) {
      const up = relative !== undefined ? relative > 0 : absolute! >= 3;
      const beyond =
        relative !== undefined || absolute === 4 || absolute === 0
          ? tokenFontSize(node, relative, absolute, up ? 'xl' : 'md')
          : null;
      if (beyond) return beyond;
    }
    if ((next === level || wrongWay) && !fresh)
      return {
        ok: false,
        text: `The heading is already level ${level}, as ${(relative ?? absolute! - 2) > 0 ? 'big' : 'small'} as headings go.`
      };
    return { ok: true, change: { prop: 'level', value: next, words: `level ${next}` } };
  }
  // A text area grows in lines (`rows`), 3 at a step, within the schema's bounds.
  if (node.type === 'TextArea' && props.rows) {
    const min = typeof props.rows.minimum === 'number' ? props.rows.minimum : 2;
    const max = typeof props.rows.maximum === 'number' ? props.rows.maximum : 30;
    const now = Number(current(node, 'rows', props.rows) ?? 4);
    const next = Math.min(
      max,
      Math.max(min, relative !== undefined ? now + 3 * relative : [2, 3, 5, 8, 12][absolute])
    );
    if (next === now && !fresh)
      return { ok: false, text: `The text area is already ${now} lines, its limit.` };
    return { ok: true, change: { prop: 'rows', value: next, words: `${next} lines tall` } };
  }
  const size = props.size;
  // A Card or a Stack has no size but a padding: smaller is less room inside, bigger more.
  if (!size && props.padding && Array.isArray(props.padding.enum) && relative !== undefined) {
    const scale = props.padding.enum.map(String);
    const now = String(current(node, 'padding', props.padding) ?? 'md');
    const next = scale[Math.min(scale.length - 1, Math.max(0, scale.indexOf(now) + relative))];
    if (next !== now)
      return { ok: true, change: { prop: 'padding', value: next, words: `padding "${next}"` } };
  }
  // An input has no size: smaller is narrower, bigger a larger text.
  if (!size && relative !== undefined) {
    const token = relative < 0 ? tokenNarrower(node) : tokenFontSize(node, 1, undefined, 'md');
    if (token) return token;
  }
  if (!size)
    return {
      ok: false,
      text: `${an(node.type, true)} has no size setting. ${styleOptions(node)}`.trim()
    };
  if (Array.isArray(size.enum)) {
    const scale = size.enum.map(String).filter((v) => v !== 'none');
    const now = String(current(node, 'size', size));
    const at = Math.max(0, scale.indexOf(now));
    const next =
      relative !== undefined
        ? scale[Math.min(scale.length - 1, Math.max(0, at + relative))]
        : (scale.find((v) => v === NAMED_SIZES[absolute]) ??
          scale[Math.round((absolute / 4) * (scale.length - 1))]);
    if (next === now && !fresh && relative !== undefined) {
      const named = ['sm', 'md', 'lg', 'xl'].includes(now) ? (now as 'md') : 'md';
      const beyond = tokenFontSize(node, relative, undefined, named);
      if (beyond) return beyond;
    }
    if (next === now && !fresh)
      return {
        ok: false,
        text: `The ${node.type} is already size "${now}", the ${relative && relative > 0 ? 'largest' : 'smallest'} there is.`
      };
    return { ok: true, change: { prop: 'size', value: next, words: `size "${next}"` } };
  }
  // A size in pixels (Icon): steps of 1.5×, within the schema's bounds.
  const min = typeof size.minimum === 'number' ? size.minimum : 8;
  const max = typeof size.maximum === 'number' ? size.maximum : 128;
  const now = Number(current(node, 'size', size) ?? 20);
  const next =
    relative !== undefined
      ? Math.round(relative > 0 ? now * 1.5 : now / 1.5)
      : ([12, 16, 20, 32, 48] as const)[absolute];
  const clamped = Math.min(max, Math.max(min, next));
  if (clamped === now && !fresh)
    return { ok: false, text: `The ${node.type} is already ${now} px, its limit.` };
  return { ok: true, change: { prop: 'size', value: clamped, words: `size ${clamped} px` } };
}
