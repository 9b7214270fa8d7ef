/**
 * How the schemas' size and tone words map onto the design tokens in `src/app.css`. The words
 * come from the schemas; only their look is decided here.
 */

/** The spacing scale behind every `gap`, `padding`, `spacing` and `size` enum. */
export const SPACE: Readonly<Record<string, string>> = {
  none: 'var(--space-0)',
  xs: 'var(--space-1)',
  sm: 'var(--space-2)',
  md: 'var(--space-4)',
  lg: 'var(--space-6)',
  xl: 'var(--space-8)'
};

/** The type scale behind Text `size`. */
export const TEXT_SIZE: Readonly<Record<string, string>> = {
  xs: 'var(--text-xs)',
  sm: 'var(--text-sm)',
  md: 'var(--text-base)',
  lg: 'var(--text-lg)',
  xl: 'var(--text-xl)'
};

/** The type scale behind Heading `level` 1 to 6. */
export const HEADING_SIZE: readonly string[] = [
  'var(--text-3xl)',
  'var(--text-2xl)',
  'var(--text-xl)',
  'var(--text-lg)',
  'var(--text-base)',
  'var(--text-sm)'
];

/** Font weights behind Text `weight`. */
export const WEIGHT: Readonly<Record<string, string>> = {
  normal: 'var(--weight-normal)',
  medium: 'var(--weight-medium)',
  bold: 'var(--weight-bold)'
};

/** Text colours by meaning, for Text `tone`. */
export const TEXT_TONE: Readonly<Record<string, string>> = {
  muted: 'var(--color-text-muted)',
  normal: 'var(--color-text)',
  accent: 'var(--color-accent)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  danger: 'var(--color-danger)'
};

/** The base colour of each Badge and Card tone; tints are mixed from it in CSS. */
export const TONE: Readonly<Record<string, string>> = {
  neutral: 'var(--color-text-muted)',
  accent: 'var(--color-accent)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  danger: 'var(--color-danger)'
};

/** Corner radii behind Image `radius`. */
export const RADIUS: Readonly<Record<string, string>> = {
  none: '0',
  sm: 'var(--radius-sm)',
  md: 'var(--radius-md)',
  lg: 'var(--radius-lg)',
  full: 'var(--radius-full)'
};

/** Flexbox values behind Stack `align` and `justify`. */
export const FLEX_ALIGN: Readonly<Record<string, string>> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  stretch: 'stretch',
  between: 'space-between'
};

/** Text alignment behind Text and Heading `align`. */
export const TEXT_ALIGN: Readonly<Record<string, string>> = {
  start: 'start',
  center: 'center',
  end: 'end'
};

/** The `data-theme` a container's `theme` prop sets; `inherit` sets none. */
export function themeAttribute(theme: string): 'light' | 'dark' | undefined {
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}
