/**
 * The `style` prop drawn: each style key's token word (schemas/style.schema.json) mapped to a
 * design token of `src/app.css` through the fixed tables below. Only a value found in a table
 * becomes CSS, so a view tree (which comes from user code, and whose style may be an expression's
 * result) can never put its own text into a style attribute: `url(...)`, `expression(...)`, a `;`
 * or a `__proto__` key is not a token and is dropped.
 */
import { STYLE } from '../schema/elements';
import { SPACE, RADIUS, WEIGHT } from './tokens';
import type { ViewTreeNode } from './types';

/** `0` on the style scale is the schemas' `none` on the element props' scale. */
const STYLE_SPACE: Readonly<Record<string, string>> = { ...SPACE, '0': SPACE.none };

const SIZE: Readonly<Record<string, string>> = {
  auto: 'auto',
  xs: '4rem',
  sm: '8rem',
  md: '16rem',
  lg: '24rem',
  xl: '40rem',
  full: '100%'
};

const BACKGROUND: Readonly<Record<string, string>> = {
  none: 'transparent',
  bg: 'var(--color-bg)',
  surface: 'var(--color-surface)',
  raised: 'var(--color-surface-raised)',
  sunken: 'var(--color-surface-sunken)',
  accent: 'var(--color-accent)',
  'accent-soft': 'var(--color-accent-soft)',
  success: 'var(--color-success)',
  'success-soft': 'color-mix(in srgb, var(--color-success) 14%, var(--color-surface-raised))',
  warning: 'var(--color-warning)',
  'warning-soft': 'color-mix(in srgb, var(--color-warning) 14%, var(--color-surface-raised))',
  danger: 'var(--color-danger)',
  'danger-soft': 'color-mix(in srgb, var(--color-danger) 14%, var(--color-surface-raised))',
  text: 'var(--color-text)'
};

const COLOR: Readonly<Record<string, string>> = {
  text: 'var(--color-text)',
  muted: 'var(--color-text-muted)',
  subtle: 'var(--color-text-subtle)',
  accent: 'var(--color-accent)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  danger: 'var(--color-danger)',
  'on-accent': 'var(--color-accent-contrast)',
  bg: 'var(--color-bg)'
};

const FONT_SIZE: Readonly<Record<string, string>> = {
  sm: 'var(--text-sm)',
  md: 'var(--text-base)',
  lg: 'var(--text-lg)',
  xl: 'var(--text-xl)',
  '2xl': 'var(--text-2xl)'
};

const ALIGN: Readonly<Record<string, string>> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  stretch: 'stretch'
};

const BORDER: Readonly<Record<string, string>> = {
  none: 'none',
  thin: 'var(--border-width) solid var(--color-border)',
  thick: 'calc(var(--border-width) * 2) solid var(--color-border)'
};

const BORDER_COLOR: Readonly<Record<string, string>> = {
  border: 'var(--color-border)',
  strong: 'var(--color-border-strong)',
  accent: 'var(--color-accent)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  danger: 'var(--color-danger)'
};

/**
 * Style key → the CSS property it sets and its token table. The order is the schema's and the
 * output's: `border` comes before `border-color`, so a colour refines the border it follows.
 */
const KEYS: readonly (readonly [string, string, Readonly<Record<string, string>>])[] = [
  ['padding', 'padding', STYLE_SPACE],
  ['gap', 'gap', STYLE_SPACE],
  ['align', 'align-self', ALIGN],
  ['width', 'width', SIZE],
  ['height', 'height', SIZE],
  ['radius', 'border-radius', RADIUS],
  ['background', 'background', BACKGROUND],
  ['color', 'color', COLOR],
  ['fontSize', 'font-size', FONT_SIZE],
  ['fontWeight', 'font-weight', WEIGHT],
  ['border', 'border', BORDER],
  ['borderColor', 'border-color', BORDER_COLOR]
];

/** The CSS a node's style sets, by CSS property name; empty when it has no style. */
export type StyleDecls = Readonly<Record<string, string>>;

/** The CSS of a style value: only keys and tokens found in the tables, nothing else. */
export function styleDecls(style: unknown): StyleDecls {
  if (style === null || typeof style !== 'object' || Array.isArray(style)) return {};
  const out: Record<string, string> = {};
  for (const [key, property, table] of KEYS) {
    if (!Object.hasOwn(style, key)) continue;
    const token = (style as Record<string, unknown>)[key];
    // hasOwn on the table: a token such as "constructor" or "__proto__" finds nothing.
    if (typeof token === 'string' && Object.hasOwn(table, token)) out[property] = table[token];
  }
  return out;
}

/** The CSS a node's `style` prop sets. */
export function readStyle(node: ViewTreeNode): StyleDecls {
  const props = node.props;
  return props && Object.hasOwn(props, STYLE) ? styleDecls(props[STYLE]) : {};
}

/** Declarations as a style attribute's text; undefined when there are none (no empty attribute). */
export function styleText(decls: StyleDecls): string | undefined {
  const parts = Object.entries(decls).map(([property, value]) => `${property}: ${value}`);
  return parts.length ? parts.join('; ') : undefined;
}
