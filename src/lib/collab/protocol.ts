/**
 * What the studio in a browser and the collaboration server agree on: where the WebSocket is,
 * how an app's document is named, the roles, the close codes, and the stateless messages the
 * server sends (a refused update, a token that stopped being valid). Browser-safe.
 */
import type { EditError } from '../ops/errors';

/** The path of the collaboration WebSocket on the studio's own HTTP server. */
export const COLLAB_PATH = '/collab';

/** The Hocuspocus document name of an app. */
export function documentName(appId: string): string {
  return `app/${appId}`;
}

/** The app id of a document name, or null when it is not one. */
export function appIdOf(name: string): string | null {
  const match = /^app\/([a-z2-9]{10})$/.exec(name);
  return match ? match[1] : null;
}

/** What a share link lets its holder do (DESIGN section 7). */
export type Role = 'owner' | 'editor' | 'user' | 'viewer';

/** Whether a role may change the app's definition (its components, elements, props). */
export function canEditDefinition(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Whether a role may change the app's data (what its handlers write in Use mode). */
export function canWriteData(role: Role): boolean {
  return role !== 'viewer';
}

/**
 * WebSocket close codes the server uses (4000 to 4999 are the application's own). The reason
 * string carries the coded error.
 */
export const CLOSE = {
  /** The token is missing, malformed, forged, expired or revoked. */
  unauthorized: 4401,
  /** The role may not do what the connection tried. */
  forbidden: 4403,
  /** An update that would leave the app invalid (or is malformed). */
  invalid: 4422,
  /** Too many messages too fast. */
  rate: 4429
} as const;

/** Stateless messages from the server to one connection (JSON in Hocuspocus' stateless frame). */
export type ServerNotice =
  /** An update from this connection was refused: it was neither stored nor sent to anyone. */
  | { readonly type: 'refused'; readonly errors: readonly EditError[] }
  /** The connection's token stopped being valid (expired or revoked); it is being closed. */
  | { readonly type: 'revoked'; readonly errors: readonly EditError[] };

/** Reads a stateless payload from the server; null when it is not one of ours. */
export function readNotice(payload: string): ServerNotice | null {
  try {
    const value = JSON.parse(payload) as { type?: unknown; errors?: unknown };
    if ((value.type === 'refused' || value.type === 'revoked') && Array.isArray(value.errors))
      return value as ServerNotice;
  } catch {
    // Not JSON: not ours.
  }
  return null;
}

/** The header that names the person behind a request (their own tabs share it). */
export const PERSON_HEADER = 'x-malleable-person';
/** The header with the person's display name (URI-encoded). */
export const NAME_HEADER = 'x-malleable-name';

/** A person id a browser made for itself: letters, digits and dashes. */
export function isPersonId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9-]{6,40}$/.test(value);
}

/** The actor id of a person: the link they came with (or the local owner) and their own id. */
export function actorId(base: string, person: string | null): string {
  return person ? `${base}~${person}` : base;
}
