/**
 * What both pages of an app load (the studio at `/apps/ID` and the app page at `/apps/ID/use`):
 * the whole document as one Yjs update (the browser keeps a replica of it, live over the
 * collaboration WebSocket), the app compiled for the browser's sandbox, and who the person is
 * here: the role of the share link in `?token=`, or the owner for the person at the machine.
 */
import type { Role } from '../collab/protocol';
import { isAppId } from './apps';
import { toBase64, type StudioServer } from './studio';
import type { EditError } from '../errors';
import type { AppSession } from './session';

/** The page data of one app for one person. */
export interface AppPageData {
  readonly id: string;
  readonly title: string;
  readonly update: string;
  readonly live: ReturnType<AppSession['live']>;
  readonly role: Role;
  readonly base: string;
  readonly token: string | null;
}

/**
 * The app's page data, or why not: `missing` (no such app, or deleted) or a link that does not
 * work (its coded error).
 */
export async function loadAppPage(
  studio: StudioServer,
  id: string,
  token: string | null
): Promise<
  | { ok: true; data: AppPageData }
  | { ok: false; missing: true }
  | { ok: false; missing: false; error: EditError }
> {
  const session = isAppId(id) ? await studio.session(id) : null;
  if (!session) return { ok: false, missing: true };
  let role: Role = 'owner';
  let base = 'owner';
  if (token !== null) {
    const verified = await studio.links.verify(token, id);
    if (!verified.ok) return { ok: false, missing: false, error: verified.error };
    role = verified.claims.role;
    base = `link:${verified.claims.jti}`;
  }
  return {
    ok: true,
    data: {
      id,
      title: session.model.meta.title,
      update: toBase64(session.updateSince()),
      live: session.live(),
      role,
      base,
      token
    }
  };
}

/** The app page's address for the same person (their token kept). */
export function appPagePath(id: string, token: string | null): string {
  return `/apps/${id}/use${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}
