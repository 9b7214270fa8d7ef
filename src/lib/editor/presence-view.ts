/**
 * Pure: what the studio shows of the people in an app — the avatars of the top bar, the tags
 * of the fields and frames they are on, the words of a share link's expiry — and the reading of
 * the share-link API's answers. The components (`Presence`, `ConnectionBadge`, `ShareDialog`,
 * the canvas and the inspector) only draw what these compute.
 */
import type { AssistantStatus, Peer } from '../collab/presence';
import type { Role } from '../collab/protocol';

/** One circle of the top bar: a person, however many tabs they have open. */
export interface Avatar {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly role: Role;
  /** This browser's person (drawn first, with a ring). */
  readonly self: boolean;
  /** How many connections of theirs are here (tabs); 1 for me whatever my other tabs. */
  readonly tabs: number;
}

/** Who the studio's person is, as `studio.me` says. */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly role: Role;
}

/**
 * The avatars to draw: me first, then each other person once (the order of their first tab),
 * at most `max` circles, and how many people did not fit (the "+N").
 */
export function avatarsOf(
  me: Me,
  peers: readonly Peer[],
  max = 5
): { shown: Avatar[]; more: number; hidden: Avatar[] } {
  const others = new Map<string, { peer: Peer; tabs: number }>();
  for (const peer of peers) {
    // My other tabs are me: they share my id and must not show as a second person.
    if (peer.id === me.id) continue;
    const seen = others.get(peer.id);
    if (seen) seen.tabs++;
    else others.set(peer.id, { peer, tabs: 1 });
  }
  const all: Avatar[] = [
    { ...pick(me), self: true, tabs: 1 },
    ...[...others.values()].map(({ peer, tabs }) => ({ ...pick(peer), self: false, tabs }))
  ];
  const limit = Math.max(1, max);
  return {
    shown: all.slice(0, limit),
    hidden: all.slice(limit),
    more: Math.max(0, all.length - limit)
  };
}

function pick(p: Me): Me {
  return { id: p.id, name: p.name, color: p.color, role: p.role };
}

/** A character worth a circle: a letter, a digit or an emoji (not punctuation). */
const SIGN = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** Up to two letters for a circle: the first letters of the first and last words. */
export function initials(name: string): string {
  // Array.from splits by code point, so a name that starts with an emoji or a letter outside
  // the Basic Multilingual Plane keeps it whole rather than half a surrogate pair; punctuation
  // ("(Ada)", "<b>") is skipped so the circle shows a letter.
  const signs = name
    .split(/\s+/u)
    .map((word) => Array.from(word).find((ch) => SIGN.test(ch)))
    .filter((sign): sign is string => sign !== undefined);
  if (signs.length === 0) return '?';
  return (signs[0] + (signs.length > 1 ? signs[signs.length - 1] : '')).toUpperCase();
}

/** The label of the overflow circle: "+3", or "" when everyone fits. */
export function moreLabel(more: number): string {
  return more > 0 ? `+${more}` : '';
}

/** The roles, most powerful first (the order of the share dialog's choices). */
export const ROLE_ORDER: readonly Role[] = ['owner', 'editor', 'user', 'viewer'];

/**
 * What each role may do: `short` for a choice in a list, `help` for a sentence under it and
 * the tooltips (DESIGN section 7 decides the rules; these only say them).
 */
export const ROLE_INFO: Readonly<Record<Role, { label: string; short: string; help: string }>> = {
  owner: {
    label: 'Owner',
    short: 'everything, including sharing',
    help: 'Everything: change the app and its data, make and revoke share links.'
  },
  editor: {
    label: 'Editor',
    short: 'change the app',
    help: 'Change the app itself: its elements, props, state, handlers and code.'
  },
  user: {
    label: 'User',
    short: 'use the app and change its data',
    help: 'Use the app and change its data, but not the app itself.'
  },
  viewer: {
    label: 'Viewer',
    short: 'look only',
    help: 'Look only: no changes to the app or its data.'
  }
};

/** The badge's words for a role that cannot change the app; null for owner and editor. */
export function roleBadge(role: Role): string | null {
  if (role === 'viewer') return 'View only';
  if (role === 'user') return 'User: data only';
  return null;
}

/** The collaboration connection's states, as `studio.status` has them. */
export type ConnectionStatus = 'connecting' | 'online' | 'syncing' | 'offline';

/** The badge's label and a sentence for its tooltip. */
export function connectionText(status: ConnectionStatus): { label: string; title: string } {
  switch (status) {
    case 'online':
      return { label: 'Online', title: 'Connected: changes reach everyone in this app at once.' };
    case 'syncing':
      return { label: 'Syncing…', title: 'Catching up with changes made meanwhile.' };
    case 'offline':
      return {
        label: 'Offline — changes are kept in this browser',
        title: 'Not connected. Your changes are stored here and sent when the connection is back.'
      };
    default:
      return { label: 'Connecting…', title: 'Connecting to the collaboration server.' };
  }
}

/** The expiries a share link can be given, in seconds; the default is a week. */
export const EXPIRY_CHOICES: readonly { readonly label: string; readonly seconds: number }[] = [
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 24 * 3600 },
  { label: '7 days', seconds: 7 * 24 * 3600 },
  { label: '30 days', seconds: 30 * 24 * 3600 }
];
export const DEFAULT_EXPIRY_S = 7 * 24 * 3600;

const UNITS: readonly [string, number][] = [
  ['year', 365 * 24 * 3600 * 1000],
  ['month', 30 * 24 * 3600 * 1000],
  ['week', 7 * 24 * 3600 * 1000],
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000]
];

/**
 * When a link stops working, in words: "in 6 days", "in 1 hour", "in less than a minute", or
 * "expired". The largest unit that fits, rounded down, so a link never looks longer-lived than
 * it is: a 7-day link made a moment ago reads "in 6 days".
 */
export function expiryWords(exp: number, now: number): string {
  if (!Number.isFinite(exp) || exp <= now) return 'expired';
  const left = exp - now;
  for (const [unit, ms] of UNITS) {
    const n = Math.floor(left / ms);
    if (n >= 1) return `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return 'in less than a minute';
}

/** One share link as the dialog lists it. */
export interface LinkRow {
  readonly id: string;
  readonly role: Role;
  /** Expiry, milliseconds since the epoch. */
  readonly exp: number;
  readonly revoked: boolean;
}

const ROLES: ReadonlySet<string> = new Set(['owner', 'editor', 'user', 'viewer']);

/**
 * The rows of a `GET /api/apps/ID/links` answer, skipping anything malformed. The server has
 * named the fields both `id`/`exp`/`revoked` and `jti`/`expires`/`revokedAt`: both are read.
 */
export function readLinks(answer: unknown): LinkRow[] {
  const links = (answer as { links?: unknown } | null)?.links;
  if (!Array.isArray(links)) return [];
  const rows: LinkRow[] = [];
  for (const raw of links) {
    if (!raw || typeof raw !== 'object') continue;
    const link = raw as Record<string, unknown>;
    const id = link.id ?? link.jti;
    const exp = link.exp ?? link.expires;
    if (typeof id !== 'string' || id === '' || typeof exp !== 'number') continue;
    if (typeof link.role !== 'string' || !ROLES.has(link.role)) continue;
    const revoked =
      link.revoked === true ||
      typeof link.revokedAt === 'number' ||
      typeof link.revoked_at === 'number';
    rows.push({ id, role: link.role as Role, exp, revoked });
  }
  return rows;
}

/** A coded error to show inline. */
export interface ShownError {
  readonly code: string;
  readonly message: string;
}

/** The errors of a refused API answer (`{ok:false, errors:[…]}`), or one that names the status. */
export function answerErrors(answer: unknown, status: number): ShownError[] {
  const errors = (answer as { errors?: unknown } | null)?.errors;
  const read = Array.isArray(errors)
    ? errors
        .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
        .map((e) => ({
          code: typeof e.code === 'string' ? e.code : 'E_IO',
          message: typeof e.message === 'string' ? e.message : 'refused'
        }))
    : [];
  return read.length > 0
    ? read
    : [{ code: 'E_IO', message: `the server answered ${status} without saying why` }];
}

/** The link to hand out, absolute: the server answers with a path (or already a full URL). */
export function absoluteLink(url: string, origin: string): string {
  return new URL(url, origin).href;
}

/**
 * The people editing each field, by field key, each person once. Keyed by a string so a panel
 * can tell "the same people on the same fields" apart from the pointer moves that also change
 * `studio.peers` (see `fieldsKey`).
 */
export function fieldEditors(peers: readonly Peer[]): Map<string, Peer[]> {
  const byField = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (!peer.field) continue;
    const list = byField.get(peer.field) ?? [];
    if (!list.some((p) => p.id === peer.id)) list.push(peer);
    byField.set(peer.field, list);
  }
  return byField;
}

/**
 * A string that changes exactly when `fieldEditors` would: peers' pointers move many times a
 * second, and a panel that derives from this redraws its tags only when someone moves to another
 * field (a derived string that compares equal does not wake its readers).
 */
export function fieldsKey(peers: readonly Peer[]): string {
  return peers
    .filter((p) => p.field)
    .map((p) => `${p.id}\u0000${p.name}\u0000${p.color}\u0000${p.field}`)
    .join('\u0001');
}

/** The selections to frame on the canvas: each person's selected node once. */
export function peerSelections(peers: readonly Peer[]): Peer[] {
  const seen = new Set<string>();
  const out: Peer[] = [];
  for (const peer of peers) {
    if (!peer.selection) continue;
    const key = `${peer.id}\u0000${peer.selection}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(peer);
  }
  return out;
}

/** Someone's AI turn as the others see it: a collaborator of its own, acting for them. */
export interface AssistantEntry {
  /** `assistant:` and the actor id of the person who asked. */
  readonly id: string;
  /** "Assistant (for Ann)". */
  readonly name: string;
  /** The colour of the person it acts for. */
  readonly color: string;
  readonly status: AssistantStatus;
  readonly nodes: readonly string[];
}

/** What each status reads as beside the assistant's name. */
export const ASSISTANT_STATUS_WORDS: Readonly<Record<AssistantStatus, string>> = {
  thinking: 'thinking…',
  proposing: 'proposing a change',
  applied: 'applied'
};

/** The assistants at work for the others, one per person (their newest tab's turn first seen). */
export function assistantsOf(peers: readonly Peer[]): AssistantEntry[] {
  const out: AssistantEntry[] = [];
  for (const peer of peers) {
    if (!peer.assistant || out.some((a) => a.id === `assistant:${peer.id}`)) continue;
    out.push({
      id: `assistant:${peer.id}`,
      name: `Assistant (for ${peer.name})`,
      color: peer.color,
      status: peer.assistant.status,
      nodes: peer.assistant.nodes
    });
  }
  return out;
}

/**
 * The peers to frame on the canvas: the people, and each assistant once per element its proposal
 * touches, as a peer of its own selecting that element (the canvas draws it like a person's
 * selection, dashed).
 */
export function framedPeers(peers: readonly Peer[]): Peer[] {
  const out: Peer[] = [...peers];
  for (const assistant of assistantsOf(peers))
    for (const node of assistant.nodes)
      out.push({
        clientId: -1,
        id: assistant.id,
        name: assistant.name,
        color: assistant.color,
        role: 'editor',
        selection: node,
        pointer: null,
        field: null
      });
  return out;
}

/** As `fieldsKey`, for selections: changes exactly when `peerSelections` would draw otherwise. */
export function selectionsKey(peers: readonly Peer[]): string {
  return peerSelections(peers)
    .map((p) => `${p.id}\u0000${p.name}\u0000${p.color}\u0000${p.selection}`)
    .join('\u0001');
}

/**
 * Coalesces a stream of values to at most one `send` per frame, of the latest value: pointer
 * moves come faster than the screen (and the network) can use them. `cancel` drops a value not
 * yet sent, so a `null` sent directly on leave is not overtaken by a stale point.
 */
export function perFrame<T>(
  send: (value: T) => void,
  schedule: (callback: () => void) => unknown
): { push(value: T): void; cancel(): void } {
  let due = false;
  let latest: T;
  return {
    push(value) {
      latest = value;
      if (due) return;
      due = true;
      schedule(() => {
        if (!due) return;
        due = false;
        send(latest);
      });
    },
    cancel() {
      due = false;
    }
  };
}
