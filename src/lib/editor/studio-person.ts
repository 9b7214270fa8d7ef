/**
 * Who this browser is to the studio: an id its tabs share (not a secret, kept in localStorage)
 * and a display name; the headers that say so on every call to `/api`; what its role does not
 * let it do.
 */
import { NAME_HEADER, PERSON_HEADER, type Role } from '../collab/protocol';

/** This browser's person: the id its tabs share and the name peers see. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

/**
 * The person stored in this browser, made (and stored) on first use: owners are "Owner" until
 * they pick a name, anyone else "Guest" and the end of their id.
 */
export function personOf(role: Role): Person {
  const fallback = { id: `p-${Math.random().toString(36).slice(2, 12)}`, name: '' };
  let stored: { id?: unknown; name?: unknown } = {};
  try {
    stored = JSON.parse(localStorage.getItem('malleable.person') ?? '{}');
  } catch {
    // No storage (private mode): a person per page.
  }
  const id =
    typeof stored.id === 'string' && /^[A-Za-z0-9-]{6,40}$/.test(stored.id)
      ? stored.id
      : fallback.id;
  const name =
    typeof stored.name === 'string' && stored.name.trim() !== ''
      ? stored.name.trim().slice(0, 60)
      : role === 'owner'
        ? 'Owner'
        : `Guest ${id.slice(-4).toUpperCase()}`;
  try {
    localStorage.setItem('malleable.person', JSON.stringify({ id, name }));
  } catch {
    // As above.
  }
  return { id, name };
}

/** Headers for the studio's calls to `/api`: the link's token and who this person is. */
export function personHeaders(token: string | null, person: Person): Record<string, string> {
  return {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    [PERSON_HEADER]: person.id,
    [NAME_HEADER]: encodeURIComponent(person.name)
  };
}

/** Why a person of `role` (a user's or a viewer's link) cannot change the app's definition. */
export function whyCannotEdit(role: Role): string {
  return role === 'viewer'
    ? 'This link is view only: it cannot change the app.'
    : 'This link lets you use the app and change its data, not change the app itself.';
}
