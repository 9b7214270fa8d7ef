/**
 * Capabilities (../README.md "Capabilities"): the hardened `caps` object a component's code
 * receives, holding only what the component declared. Each function is the worker's own (the
 * clock and randomness of its realm, not the compartment's tamed ones) and checks, every time it
 * is called, that its own component's code is the one running: a capability cannot be kept for
 * later or used by another component (nor passed on: it is not data, and props must be).
 */
import { copyData, describeValue, Fault } from './data.js';

/**
 * @typedef {{ clock?: boolean, random?: boolean, log?: boolean, network?: { origins: string[] } }} Capabilities
 * @typedef {{ id: string, name: string, capabilities: Capabilities,
 *   handlers: { has(name: string): boolean } }} Holder
 * @typedef {{ harden: (value: any) => any,
 *   running: () => { component: string, instance: string } | null,
 *   countLog: () => boolean, countFetch: () => boolean, nextFetchId: () => number }} Session
 */

/**
 * An http(s) URL's origin, or null.
 * @param {string} url
 */
export function originOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The hardened `caps` of one component. `sink` receives its log and fetch messages (the host's
 * port, or nothing for a dry run); `session` says who runs and counts this request's messages.
 *
 * @param {Holder} holder
 * @param {(message: Record<string, unknown>) => void} sink
 * @param {Session} session
 * @returns {object}
 */
export function makeCaps(holder, sink, session) {
  const granted = holder.capabilities ?? {};
  const where = { component: holder.name };
  /** @param {string} what */
  const checkRunning = (what) => {
    const running = session.running();
    if (running?.component !== holder.id) {
      throw new Fault(
        'E_CAPABILITY',
        `${what} of ${holder.name} was used outside ${holder.name}'s own code`,
        where
      );
    }
    return running;
  };
  /** @type {Record<string, unknown>} */
  const caps = {};
  if (granted.clock === true) {
    caps.clock = {
      now: () => {
        checkRunning('caps.clock');
        return Date.now();
      }
    };
  }
  if (granted.random === true) {
    caps.random = {
      next: () => {
        checkRunning('caps.random');
        return Math.random();
      }
    };
  }
  if (granted.log === true) {
    /** @param {string} level */
    const logger =
      (level) =>
      (/** @type {unknown[]} */ ...args) => {
        checkRunning('caps.log');
        if (!session.countLog()) return;
        const plain = args.slice(0, 20).map((arg) => {
          try {
            const what = () => 'a log argument';
            return copyData(arg, { values: 0, limit: 10_000, what, code: 'E_CAPABILITY' });
          } catch {
            return `[${describeValue(arg)}]`;
          }
        });
        sink({ t: 'log', component: holder.name, level, args: plain });
      };
    caps.log = { info: logger('info'), warn: logger('warn'), error: logger('error') };
  }
  const origins = granted.network?.origins;
  if (Array.isArray(origins)) {
    const allowed = new Set(origins.map((o) => originOf(String(o))).filter(Boolean));
    /** @param {'json' | 'text'} as */
    const request = (as) => (/** @type {unknown} */ url, /** @type {unknown} */ then) => {
      const running = checkRunning('caps.network');
      const call = `caps.network.get${as === 'json' ? 'Json' : 'Text'}(url, then)`;
      if (typeof url !== 'string' || typeof then !== 'string') {
        throw new Fault(
          'E_CAPABILITY',
          `${call} takes two strings: the URL and a handler name`,
          where
        );
      }
      if (!holder.handlers.has(then)) {
        throw new Fault('E_CAPABILITY', `${call}: ${holder.name} has no handler "${then}"`, where);
      }
      // The first wall; the host checks the origin again before it performs the request.
      const origin = originOf(url);
      if (!origin || !allowed.has(origin)) {
        throw new Fault(
          'E_CAPABILITY',
          `${holder.name} may not reach ${JSON.stringify(url.slice(0, 200))}: its network ` +
            `capability allows ${[...allowed].join(', ') || 'no origin'}; ask the app's owner ` +
            'to add the origin',
          where
        );
      }
      if (!session.countFetch()) {
        throw new Fault(
          'E_CAPABILITY',
          `${holder.name} asked for too many requests at once`,
          where
        );
      }
      sink({
        t: 'fetch',
        id: session.nextFetchId(),
        component: holder.id,
        instance: running?.instance ?? '',
        url,
        as,
        then
      });
    };
    caps.network = { getJson: request('json'), getText: request('text') };
  }
  return session.harden(caps);
}
