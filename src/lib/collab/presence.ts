/**
 * Presence: what each person in an app's studio tells the others through Yjs awareness (their
 * name, colour, role, selection, pointer and the field they are editing), and the reading of it.
 * Awareness comes from peers, so it is untrusted: `readPeer` keeps only well-formed fields and
 * bounds every string. The server also overwrites `user` with who the connection really is
 * (src/lib/server/collab-server.ts), so nobody can show up under someone else's name or role.
 */
import type { Role } from './protocol';

/** A point on the canvas, in CSS pixels from the top left of the app's surface. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Someone else in the studio of the same app. */
export interface Peer {
  /** The Yjs client id of their connection (one person may have several tabs). */
  readonly clientId: number;
  /** Their actor id (the same in every tab of theirs). */
  readonly id: string;
  readonly name: string;
  /** A CSS colour, `#rrggbb`. */
  readonly color: string;
  readonly role: Role;
  /** The node they have selected, if any. */
  readonly selection: string | null;
  /** Their pointer over the canvas, if it is there. */
  readonly pointer: Point | null;
  /** The inspector field they are editing: `NODE/PROP` or `state:COMPONENT/FIELD`. */
  readonly field: string | null;
  /** Their AI turn, while one runs: the others see it as "Assistant (for NAME)". */
  readonly assistant?: AssistantPresence | null;
}

/** What an assistant turn is doing, for the people who did not ask. */
export type AssistantStatus = 'thinking' | 'proposing' | 'applied';

/** A person's AI turn as their awareness carries it: its status and the elements it touches. */
export interface AssistantPresence {
  readonly status: AssistantStatus;
  /** Existing nodes its proposal changes (framed on the others' canvases), at most MAX_ASSISTANT_NODES. */
  readonly nodes: readonly string[];
}

/** Most nodes an assistant's presence may name: a proposal touching more frames the first ones. */
export const MAX_ASSISTANT_NODES = 32;

const ASSISTANT_STATUSES: ReadonlySet<string> = new Set(['thinking', 'proposing', 'applied']);

/** The awareness state one client publishes. */
export interface PresenceState {
  readonly user: {
    readonly id: string;
    readonly name: string;
    readonly color: string;
    readonly role: Role;
  };
  readonly selection: string | null;
  readonly pointer: Point | null;
  readonly field: string | null;
  /** This person's AI turn, while one runs (absent: none). */
  readonly assistant?: AssistantPresence | null;
}

/** Colours people are given, readable on both themes and distinct from one another. */
export const PEER_COLORS = [
  '#e5484d',
  '#0090ff',
  '#30a46c',
  '#f76b15',
  '#8e4ec6',
  '#d6409f',
  '#12a594',
  '#ad7f58'
] as const;

/** A stable colour for an actor id. */
export function colorFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return PEER_COLORS[Math.abs(hash) % PEER_COLORS.length];
}

const ROLE_NAMES: ReadonlySet<string> = new Set(['owner', 'editor', 'user', 'viewer']);

/** The largest awareness state the server passes on, as JSON (a studio's is a few hundred bytes). */
export const MAX_PRESENCE_BYTES = 8 * 1024;

/** What a studio's awareness state may hold (see `PresenceState`), and the shape of each. */
const PRESENCE_FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  // Rewritten by the server with who the connection is; only its shape matters here.
  user: (v) => v === null || (!!v && typeof v === 'object' && !Array.isArray(v)),
  selection: (v) => v === null || shortString(v, 64) !== null,
  pointer: (v) =>
    v === null ||
    (!!v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).length === 2 &&
      Object.hasOwn(v, 'x') &&
      Object.hasOwn(v, 'y') &&
      Number.isFinite((v as Point).x) &&
      Number.isFinite((v as Point).y)),
  field: (v) => v === null || shortString(v, 200) !== null,
  // A hostile peer's list of 100,000 node ids would be framed (measured) on every canvas: the
  // list is bounded here, where the server judges each state, not only where it is read.
  assistant: (v) => v === null || readAssistant(v) !== null
};

/** An assistant presence of the exact shape, or null. */
function readAssistant(value: unknown): AssistantPresence | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => k !== 'status' && k !== 'nodes')) return null;
  if (typeof v.status !== 'string' || !ASSISTANT_STATUSES.has(v.status)) return null;
  if (!Array.isArray(v.nodes) || v.nodes.length > MAX_ASSISTANT_NODES) return null;
  if (!v.nodes.every((n) => shortString(n, 64) !== null)) return null;
  return { status: v.status as AssistantStatus, nodes: [...(v.nodes as string[])] };
}

/**
 * Why an awareness state a connection sent may not be passed on, or null when it may. Only the
 * fields a studio publishes, each of its shape, and at most MAX_PRESENCE_BYTES in all: a peer's
 * 1.5 MB field used to reach every studio of the app with every pointer move.
 */
export function presenceProblem(state: unknown): string | null {
  if (!state || typeof state !== 'object' || Array.isArray(state))
    return 'a presence state must be an object';
  for (const [key, value] of Object.entries(state)) {
    const fits = Object.hasOwn(PRESENCE_FIELDS, key) ? PRESENCE_FIELDS[key] : undefined;
    if (!fits) return `a presence state has no field “${key.slice(0, 40)}”`;
    if (!fits(value)) return `the presence field “${key}” has the wrong shape`;
  }
  let size: number;
  try {
    size = JSON.stringify(state).length;
  } catch {
    return 'a presence state must be plain JSON';
  }
  return size > MAX_PRESENCE_BYTES
    ? `a presence state of ${size} bytes is larger than ${MAX_PRESENCE_BYTES}`
    : null;
}

/** Names that would read as a role or as the reader themself ("You"), not as a person. */
const RESERVED_NAMES: ReadonlySet<string> = new Set([...ROLE_NAMES, 'you', 'me', 'server']);

/**
 * The name to show for a person: a share link's holder chooses their own, so one who calls
 * themself "Owner" (or "You", or any role) is shown with the link's role beside it, "Owner
 * (editor link)", and cannot pass for the owner in anyone's studio. The person at the machine
 * (actor ids not starting with `link:`) is shown as they are.
 */
export function presentName(name: string, actorId: string, role?: Role): string {
  if (!actorId.startsWith('link:')) return name;
  const bare = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
  return RESERVED_NAMES.has(bare) ? `${name} (${role ? `${role} link` : 'share link'})` : name;
}
const COLOR = /^#[0-9a-f]{6}$/i;

function shortString(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
}

/** A peer from one awareness entry, or null when it is not a studio presence. */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  const user = s.user as Record<string, unknown> | undefined;
  if (!user || typeof user !== 'object') return null;
  const id = shortString(user.id, 200);
  const raw = shortString(user.name, 80);
  const role =
    typeof user.role === 'string' && ROLE_NAMES.has(user.role) ? (user.role as Role) : null;
  if (!id || !raw || !role) return null;
  const name = presentName(raw, id, role);
  const color =
    typeof user.color === 'string' && COLOR.test(user.color) ? user.color : colorFor(id);
  const p = s.pointer as Record<string, unknown> | null | undefined;
  const pointer =
    p && typeof p === 'object' && Number.isFinite(p.x) && Number.isFinite(p.y)
      ? { x: Math.round(p.x as number), y: Math.round(p.y as number) }
      : null;
  return {
    clientId,
    id,
    name,
    color,
    role,
    selection: shortString(s.selection, 64),
    pointer,
    field: shortString(s.field, 200),
    assistant: readAssistant(s.assistant)
  };
}
