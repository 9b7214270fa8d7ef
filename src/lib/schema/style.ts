/**
 * Checking a `style` literal against the design tokens of schemas/style.schema.json, with a
 * message that lists the tokens: the planner's check of every style write, so the ops and the AI
 * meet the same words. A style is data the sandbox and the canvas turn into CSS through fixed
 * maps (src/lib/elements/style.ts); nothing here ever passes a string through as CSS.
 */
import { STYLE_PROP } from './elements';

/** Why a style literal was refused: the key and what it may be. */
export interface StyleProblem {
  readonly key: string;
  readonly message: string;
}

/** The style keys, in schema order (the inspector's order too). */
export const STYLE_KEYS: readonly string[] = Object.keys(STYLE_PROP.properties);

/** The tokens a style key takes; undefined for a key the schema does not have. */
export function styleTokens(key: string): readonly string[] | undefined {
  return Object.hasOwn(STYLE_PROP.properties, key) ? STYLE_PROP.properties[key].enum : undefined;
}

/**
 * The first problem of a style literal, or null when every key is a style key and every value
 * one of its tokens. `__proto__` and other non-keys are refused by name (an own `__proto__`
 * field, as JSON.parse makes, must never reach an object spread); CSS text (`url(`,
 * `expression(`, `;`) is refused because it is not a token.
 */
export function styleProblem(value: unknown): StyleProblem | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { key: '', message: 'style must be an object of style keys, e.g. { "padding": "md" }' };
  for (const [key, token] of Object.entries(value)) {
    const tokens = styleTokens(key);
    if (!tokens)
      return {
        key,
        message: `style has no key "${key.slice(0, 40)}"; its keys are ${STYLE_KEYS.join(', ')}`
      };
    if (typeof token !== 'string' || !tokens.includes(token))
      return {
        key,
        message: `style.${key} must be one of ${tokens.map((t) => `"${t}"`).join(', ')}, not ${JSON.stringify(token)?.slice(0, 40)}`
      };
  }
  return null;
}
