/**
 * The network capability, performed on the host: an app's request reaches only an exact origin
 * its component was granted, within a time limit and a size limit, without the person's cookies,
 * and never by a redirect. The worker checks the origin first; this is the second wall, the one a
 * subverted worker cannot talk its way past.
 */
import type { Capabilities, JsonValue } from '../model/types';

/** Requests one app may have in flight at once; more are answered with an E_NETWORK error. */
const MAX_IN_FLIGHT = 8;

/** What the `then` handler of a request receives as its event. */
export type NetworkPayload = Record<string, JsonValue>;

export interface NetworkOptions {
  /** How long a request may take (default 5 s). */
  readonly timeoutMs?: number;
  /** Largest response body (default 1 MiB). */
  readonly maxResponseBytes?: number;
  /** The fetch to use (default the global one). */
  readonly fetch?: typeof fetch;
}

/** An http(s) URL's origin, or null. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** True when `url` is on one of the origins `capabilities` grants, exactly. */
export function allowedOrigin(capabilities: Capabilities | undefined, url: string): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  return (capabilities?.network?.origins ?? []).some((granted) => originOf(granted) === origin);
}

/** Performs an app's requests, a few at a time. */
export class NetworkCapability {
  private inFlight = 0;

  constructor(private readonly options: NetworkOptions = {}) {}

  /** Performs one request (whose origin was checked); never throws: failures are payloads. */
  async request(url: string, as: 'json' | 'text'): Promise<NetworkPayload> {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      return {
        ok: false,
        status: 0,
        error: `E_NETWORK: more than ${MAX_IN_FLIGHT} requests at once`
      };
    }
    this.inFlight++;
    const controller = new AbortController();
    const limitMs = this.options.timeoutMs ?? 5_000;
    const timer = setTimeout(() => controller.abort(), limitMs);
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        signal: controller.signal,
        // A redirect could lead to an origin the app was not granted: refused, not followed.
        redirect: 'error',
        // The app's requests never carry the person's cookies for that origin.
        credentials: 'omit',
        headers: { accept: as === 'json' ? 'application/json' : 'text/plain, */*' }
      });
      const text = await readLimited(response, this.options.maxResponseBytes ?? 1 << 20);
      if (as === 'text') return { ok: response.ok, status: response.status, text };
      try {
        return { ok: response.ok, status: response.status, data: JSON.parse(text) as JsonValue };
      } catch {
        return { ok: false, status: response.status, error: 'E_NETWORK: the response is not JSON' };
      }
    } catch (e) {
      const message = controller.signal.aborted
        ? `no response within ${limitMs} ms`
        : (e as Error).message;
      return { ok: false, status: 0, error: `E_NETWORK: ${message}` };
    } finally {
      clearTimeout(timer);
      this.inFlight--;
    }
  }
}

/** A response body as text, refusing one larger than `max` bytes without reading it all. */
async function readLimited(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error(`the response is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
