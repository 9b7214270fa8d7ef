/**
 * What every studio API route shares: reading a JSON body with a size limit, coded-error
 * answers, finding the app, and the answer to a change (the replica's update, the compiled app,
 * the person's undo and redo counts).
 */
import { json } from '@sveltejs/kit';
import { answerStatus, catalogError, editError, type EditError } from '../errors';
import type { Actor } from '../ops/plan';
import type { ChangeResult, AppSession } from './session';
import { fromBase64, LOCAL_OWNER, toBase64, type StudioServer } from './studio';
import { isAppId } from './apps';
import { bearerOf, isMarkedOwner, isOwnerToken } from './owner';
import { actorId } from './collab-server';
import { isPersonId, NAME_HEADER, PERSON_HEADER } from '../collab/protocol';

/** The largest request body read (an app file or a batch; the planner has its own limits). */
const MAX_BODY = 4 * 1024 * 1024;

/**
 * A JSON answer carrying coded errors, with the status the catalog gives them (answerStatus).
 * `status` overrides it only where the route, not the code, says what was not there (a name in
 * the URL is a 404 where the same code in a batch is a 422).
 */
export function errorAnswer(
  errors: readonly EditError[],
  status: number = answerStatus(errors)
): Response {
  return json({ ok: false, errors }, { status });
}

/** The request's JSON body, or an error answer. */
export async function readBody(request: Request): Promise<{ ok: true; body: unknown } | Response> {
  const text = await request.text();
  if (text.length > MAX_BODY)
    return errorAnswer([
      catalogError('E_BATCH_TOO_LARGE', {
        what: 'the request',
        limit: `${MAX_BODY / 1024 / 1024} MB`
      })
    ]);
  try {
    return { ok: true, body: text === '' ? {} : JSON.parse(text) };
  } catch (e) {
    return errorAnswer([catalogError('E_JSON_PARSE', { what: 'the request', reason: String(e) })]);
  }
}

/** The open app named in the URL, or a 404 answer (`studio` is the request's `locals.studio`). */
export async function sessionFor(studio: StudioServer, id: string): Promise<AppSession | Response> {
  const session = isAppId(id) ? await studio.session(id) : null;
  return session ?? errorAnswer([catalogError('E_APP_NOT_FOUND', { id })]);
}

/**
 * Who is asking: the holder of the share link in `Authorization: Bearer TOKEN` (its role, for
 * this app only); the owner, by the owner token as the bearer token or, with no token, by the
 * owner cookie the `handle` hook found (owner.ts). The address proves nothing. A token that is
 * malformed, forged, expired, revoked or for another app is a 401 with its code, never a
 * fallback to the owner. `studio` (the request's `locals.studio`) holds the owner token and the links.
 */
export async function actorOf(
  studio: StudioServer,
  request: Request,
  appId: string
): Promise<Actor | Response> {
  const header = request.headers.get('authorization');
  const person = request.headers.get(PERSON_HEADER);
  const personId = isPersonId(person) ? person : null;
  const name = personName(request);
  const owner = () =>
    personId
      ? { id: actorId(LOCAL_OWNER.id, personId), name: name ?? 'Owner', role: 'owner' as const }
      : LOCAL_OWNER;
  if (header === null) {
    if (!isMarkedOwner(request)) return errorAnswer([catalogError('E_LOGIN_REQUIRED', {})]);
    return owner();
  }
  if (isOwnerToken(studio.ownerToken, bearerOf(header))) return owner();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const verified = match
    ? await studio.links.verify(match[1], appId)
    : {
        ok: false as const,
        error: editError(
          'E_TOKEN_INVALID',
          'send the link’s token as `Authorization: Bearer TOKEN`'
        )
      };
  // Any token that does not verify is a 401, whatever its code (a deleted app's link included).
  if (!verified.ok) return errorAnswer([verified.error], 401);
  const { claims } = verified;
  return {
    id: actorId(`link:${claims.jti}`, personId),
    name: name ?? `Guest ${claims.role}`,
    role: claims.role
  };
}

/** The display name a request gives for its person (URI-encoded in a header), if any. */
function personName(request: Request): string | null {
  const raw = request.headers.get(NAME_HEADER);
  if (!raw) return null;
  try {
    const name = decodeURIComponent(raw).trim();
    return name === '' ? null : name.slice(0, 60);
  } catch {
    return null;
  }
}

/** The asking actor when they own the app, else a 403 (or the 401 of a bad token). */
export async function ownerOf(
  studio: StudioServer,
  request: Request,
  appId: string
): Promise<Actor | Response> {
  const actor = await actorOf(studio, request, appId);
  if (actor instanceof Response || actor.role === 'owner') return actor;
  return errorAnswer([editError('E_NEEDS_OWNER', 'only an owner of this app may do that')]);
}

/**
 * The answer to a change request: 200 with the summary, or the coded errors with the status the
 * catalog gives them (422 for a refused plan, 403 for a role that may not, 409 for a blocked
 * undo); either way the update a replica at `sv` needs, the compiled app and the
 * person's undo and redo counts, so the studio shows the truth after a refusal too. A change
 * written for the asker also carries `mine`, the update of just that write.
 */
export async function changeAnswer(
  session: AppSession,
  result: ChangeResult,
  sv: unknown,
  actor: Actor
): Promise<Response> {
  // An answered change is stored: the store is awaited (it is also debounced for live edits).
  if (result.ok) await session.flush();
  const common = {
    update: toBase64(session.updateSince(fromBase64(sv))),
    live: session.live(),
    history: session.history(actor)
  };
  if (result.ok) {
    // `mine`: what was written for the asker, which the studio makes one step of its undo.
    const { written, ...rest } = result;
    return json({ ...rest, ...common, ...(written ? { mine: toBase64(written) } : {}) });
  }
  return json(
    { ok: false, errors: result.errors, ...common },
    { status: answerStatus(result.errors) }
  );
}
