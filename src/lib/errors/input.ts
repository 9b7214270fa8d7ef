/**
 * The input stage: a request or batch as a whole (is it JSON, an array, within the limits), and
 * who may send it (login, share links, the browser boundary, live connections).
 */
import { stageEntries } from './entry';

/** The input stage's codes. */
export const INPUT_ERRORS = stageEntries('input', {
  E_JSON_PARSE: {
    status: 400,
    meaning: 'The text is not valid JSON.',
    message: ({ what, reason }: { what: string; reason: string }) =>
      `${what} is not JSON: ${reason}`
  },
  E_STEP_INCOMPLETE: {
    status: 400,
    meaning:
      'An action-builder step still has a choice to make (a field, a list, a name that is not a name), so it has no code yet.',
    message: ({ what }: { what: string }) => `this step still needs ${what}`
  },
  E_BATCH_NOT_ARRAY: {
    status: 400,
    meaning: 'A batch must be a JSON array of ops.',
    message: () => 'a batch must be a JSON array of ops, like [{"op": "setProp", ...}]'
  },
  E_BATCH_TOO_LARGE: {
    status: 413,
    meaning: 'The batch is larger than the limit (size in bytes, number of ops or of nodes).',
    message: ({ what, limit }: { what: string; limit: string }) =>
      `${what} is larger than ${limit}; split it into smaller parts`
  },
  E_TOO_DEEP: {
    status: 400,
    meaning: 'Values or children are nested deeper than the limit.',
    message: ({ depth }: { depth: number }) =>
      `values or children are nested more than ${depth} levels deep`
  },
  E_VERSION_SKEW: {
    status: 409,
    meaning:
      'The page runs another version of Malleable than the server (an old tab): reload it; nothing it sends is applied meanwhile.',
    message: () => 'this page runs another version of Malleable than the server: reload it'
  },
  E_APP_NOT_FOUND: {
    status: 404,
    meaning: 'There is no app with that id (it may be deleted).',
    message: ({ id }: { id: string }) => `there is no app “${id}” (it may be deleted)`
  },
  E_TOKEN_INVALID: {
    status: 401,
    meaning: 'The share link or bearer token is malformed, forged, or for another app.',
    message: ({ why }: { why: string }) => `this link is not valid: ${why}`
  },
  E_TOKEN_EXPIRED: {
    status: 401,
    meaning: 'The share link has expired; ask the owner for a new one.',
    message: () => 'this link has expired; ask the owner for a new one'
  },
  E_TOKEN_REVOKED: {
    status: 401,
    meaning: 'The owner revoked this share link.',
    message: () => 'the owner revoked this link'
  },
  E_PEER_MALFORMED: {
    status: 400,
    meaning: 'A live update from a peer is not a readable Yjs update, or is larger than the limit.',
    message: ({ why }: { why: string }) => `the live update was refused: ${why}`
  },
  E_PEER_INCOMPLETE: {
    status: 409,
    meaning: 'A live update depends on changes the server does not have; the client must resync.',
    message: () =>
      'the live update depends on changes the server does not have; resync and send it again'
  },
  E_RESTORE_UNAVAILABLE: {
    // A refused change like the planner's (the request was well formed), as it always was.
    status: 422,
    meaning: 'There is no earlier state of the app to restore at that point of the history.',
    message: ({ index }: { index: unknown }) =>
      `there is no change ${JSON.stringify(index)} in the history`
  },
  E_OFFLINE: {
    status: 503,
    meaning:
      'The studio is offline and this needs the server (undo, redo, code and field renames).',
    message: ({ what }: { what: string }) =>
      `${what} needs the server, and the studio is offline; try again once it is back`
  },
  E_RATE_LIMITED: {
    status: 429,
    meaning: 'Too many messages arrived too fast on one connection; it was closed.',
    message: () => 'too many messages arrived too fast on this connection; it was closed'
  },
  E_LOGIN_REQUIRED: {
    status: 401,
    meaning:
      'The studio is open to its owner only with the start-up link’s secret (or a share link); open the link the server printed.',
    message: () =>
      'send a share link’s token as `Authorization: Bearer TOKEN`, or open the link the server printed'
  },
  E_HOST_FORBIDDEN: {
    status: 403,
    meaning:
      'The request names a Host the server does not answer to (a DNS rebinding); add it to MALLEABLE_HOSTS if it is yours.',
    message: ({ host }: { host: string }) =>
      `this studio does not answer to the host “${host.slice(0, 100)}”; open it at localhost, or add the name to MALLEABLE_HOSTS`
  },
  E_ORIGIN_FORBIDDEN: {
    status: 403,
    meaning:
      'The request came from a page on another origin; only the studio’s own pages may change things.',
    message: ({ origin }: { origin: string }) =>
      `a page on ${origin.slice(0, 100)} may not change this studio; only the studio’s own pages may`
  },
  E_CONTENT_TYPE: {
    status: 415,
    meaning: 'A request that changes something must send its body as application/json.',
    message: ({ got }: { got: string | null }) =>
      `send the request body as JSON with \`Content-Type: application/json\` (got ${got ?? 'none'})`
  },
  E_PEER_TOO_DEEP: {
    status: 400,
    meaning: 'A live update nests shared types deeper than the app’s document layout uses.',
    message: ({ depth }: { depth: number }) =>
      `the live update nests shared types more than ${depth} levels deep`
  },
  E_AWARENESS_INVALID: {
    status: 400,
    meaning:
      'A presence (awareness) state is larger than the limit or has fields of the wrong shape.',
    message: ({ why }: { why: string }) => `the presence state was refused: ${why}`
  }
});
