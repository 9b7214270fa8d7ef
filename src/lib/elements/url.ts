/**
 * URL checks for the elements that put a user-written address into the page. The schema's
 * `href` pattern (`^(https?://|mailto:|/|#|)`) has an empty alternative, so it accepts any string;
 * these checks are the ones that hold.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/** Parses an absolute URL's protocol, or undefined for anything that is not one. */
function protocolOf(address: string): string | undefined {
  try {
    return new URL(address).protocol;
  } catch {
    return undefined;
  }
}

/**
 * The address a Link may point at, or undefined. Stops `javascript:` and `data:` links (script in
 * the studio's origin, which holds every open app's data); `new URL` strips the tabs and newlines
 * that would otherwise hide a scheme from a prefix check (`java\tscript:`).
 */
export function safeLinkHref(raw: string): string | undefined {
  const address = raw.trim();
  if (address === '') return undefined;
  if (address.startsWith('#') || address.startsWith('/')) return address;
  const protocol = protocolOf(address);
  return protocol && LINK_PROTOCOLS.has(protocol) ? address : undefined;
}

/**
 * The address an Image may load, or undefined: http(s), a same-origin path, or an inline
 * `data:image/...` picture. Other schemes (`javascript:`, `file:`, `blob:`) never reach the page.
 */
export function safeImageSrc(raw: string): string | undefined {
  const address = raw.trim();
  if (address === '') return undefined;
  if (address.startsWith('/')) return address;
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(address)) return address;
  const protocol = protocolOf(address);
  return protocol && IMAGE_PROTOCOLS.has(protocol) ? address : undefined;
}
