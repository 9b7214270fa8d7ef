/**
 * Presence: what each person in an app's studio tells the others through Yjs awareness (their
 * name, colour, role, selection, pointer and the field they are editing), and the reading of it.
 * Awareness comes from peers, so it is untrusted: `readPeer` keeps only well-formed fields and
 * bounds every string. The server also overwrites `user` with who the connection really is
 * (src/lib/collab/server.ts), so nobody can show up under someone else's name or role.
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
}

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
  const name = shortString(user.name, 80);
  const role =
    typeof user.role === 'string' && ROLE_NAMES.has(user.role) ? (user.role as Role) : null;
  if (!id || !name || !role) return null;
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
    field: shortString(s.field, 200)
  };
}
