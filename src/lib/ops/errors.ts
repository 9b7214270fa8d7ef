/**
 * The error catalog: every coded error any stage of the edit path can report, in one place.
 * Errors are values, not exceptions: people see them in the studio, the AI gets them back in its
 * repair loop, scripts get them from the CLI and HTTP API. Codes are stable; never reuse one.
 */

/** Where on the edit path an error is found. */
export type ErrorStage =
  'input' | 'shape' | 'plan' | 'code' | 'runtime' | 'file' | 'cli' | 'assist';

interface CatalogEntry {
  readonly stage: ErrorStage;
  /** What the code means, in one line; the docs and `malleable explain` print it. */
  readonly meaning: string;
}

/** Every error code, with the stage that raises it and what it means. */
export const ERROR_CATALOG = {
  // Input: the batch as a whole.
  E_JSON_PARSE: { stage: 'input', meaning: 'The text is not valid JSON.' },
  E_BATCH_NOT_ARRAY: { stage: 'input', meaning: 'A batch must be a JSON array of ops.' },
  E_BATCH_TOO_LARGE: {
    stage: 'input',
    meaning: 'The batch is larger than the limit (size in bytes, number of ops or of nodes).'
  },
  E_TOO_DEEP: { stage: 'input', meaning: 'Values or children are nested deeper than the limit.' },
  // Shape: each op against schemas/ops.schema.json.
  E_OP_NOT_OBJECT: { stage: 'shape', meaning: 'An op must be a JSON object with an "op" field.' },
  E_UNKNOWN_OP: { stage: 'shape', meaning: 'The "op" field names no known operation.' },
  E_FIELD_MISSING: { stage: 'shape', meaning: 'A required field of the op is missing.' },
  E_FIELD_UNKNOWN: { stage: 'shape', meaning: 'The op has a field its operation does not take.' },
  E_FIELD_TYPE: { stage: 'shape', meaning: 'A field has the wrong JSON type.' },
  E_FIELD_VALUE: {
    stage: 'shape',
    meaning: 'A field has the right type but a value outside what is allowed.'
  },
  // Plan: each op against the app.
  E_NODE_NOT_FOUND: {
    stage: 'plan',
    meaning: 'No node has that id (or the op that was to add it failed).'
  },
  E_COMPONENT_NOT_FOUND: { stage: 'plan', meaning: 'No component has that name.' },
  E_UNKNOWN_TYPE: {
    stage: 'plan',
    meaning: 'The element type is neither built in nor a component of the app.'
  },
  E_PROP_UNKNOWN: { stage: 'plan', meaning: 'The element type has no prop of that name.' },
  E_PROP_TYPE: { stage: 'plan', meaning: 'The literal value does not fit the prop’s type.' },
  E_PROP_KIND: {
    stage: 'plan',
    meaning:
      'The prop does not accept that kind of value (literal, expression, handler or binding).'
  },
  E_HANDLER_NOT_FOUND: { stage: 'plan', meaning: 'The component has no handler of that name.' },
  E_STATE_NOT_FOUND: { stage: 'plan', meaning: 'The component has no state field of that name.' },
  E_BIND_TYPE: {
    stage: 'plan',
    meaning: 'A binding joins a prop and a state field of different types.'
  },
  E_NOT_A_CONTAINER: { stage: 'plan', meaning: 'The parent element takes no children.' },
  E_CYCLE: { stage: 'plan', meaning: 'The move would put a node inside itself.' },
  E_MOVE_ACROSS_COMPONENTS: {
    stage: 'plan',
    meaning: 'A node can only move within its own component.'
  },
  E_REMOVE_ROOT: {
    stage: 'plan',
    meaning: 'A component’s root node cannot be removed or moved; remove the component instead.'
  },
  E_NAME_TAKEN: {
    stage: 'plan',
    meaning: 'The name is already used by another component, state field or handler.'
  },
  E_NAME_RESERVED: {
    stage: 'plan',
    meaning: 'The name is reserved (a built-in element type or a JavaScript word).'
  },
  E_COMPONENT_IN_USE: {
    stage: 'plan',
    meaning: 'The component is still used by nodes; remove those first.'
  },
  E_COMPONENT_RECURSION: {
    stage: 'plan',
    meaning: 'A component would contain itself, directly or through others.'
  },
  E_REMOVE_ROOT_COMPONENT: {
    stage: 'plan',
    meaning: 'The app’s root component cannot be removed.'
  },
  E_STATE_TYPE_MISMATCH: { stage: 'plan', meaning: 'A state value does not fit the field’s type.' },
  E_VERSION_SKEW: {
    stage: 'input',
    meaning:
      'The page runs another version of Malleable than the server (an old tab): reload it; nothing it sends is applied meanwhile.'
  },
  E_STATE_SCOPE: {
    stage: 'plan',
    meaning:
      'A state value was written where its scope does not keep it (a `local` or `person` field is never stored in the document), or a scope was given where there is none.'
  },
  E_STATE_IN_USE: {
    stage: 'plan',
    meaning: 'The state field is still bound to an input; unbind it first.'
  },
  E_HANDLER_IN_USE: {
    stage: 'plan',
    meaning: 'The handler is still used by a prop; remove that use first.'
  },
  E_TEMP_ID_TAKEN: {
    stage: 'plan',
    meaning: 'A temporary id is already the id of a node in the app.'
  },
  E_TEMP_ID_DUPLICATE: {
    stage: 'plan',
    meaning: 'Two new nodes of the batch have the same temporary id.'
  },
  E_INDEX_RANGE: { stage: 'plan', meaning: 'The index is past the end of the parent’s children.' },
  E_MIGRATE_UNAVAILABLE: {
    stage: 'plan',
    meaning: 'Existing data must be migrated and no sandbox was given to run the migration.'
  },
  E_MIGRATE_FAILED: {
    stage: 'plan',
    meaning: 'The migration expression threw or gave a value of the wrong type.'
  },
  E_DOC_BUSY: {
    stage: 'plan',
    meaning: 'The app kept changing while a change was being checked; try again.'
  },
  E_FORBIDDEN: { stage: 'plan', meaning: 'The acting person’s role does not allow this change.' },
  E_UNDO_BLOCKED: {
    stage: 'plan',
    meaning:
      'That step cannot be undone (or redone) now: with the changes made since, the app would break.'
  },
  E_DATA_TYPE: {
    stage: 'plan',
    meaning: 'App data written by the app does not fit the declared state fields and types.'
  },
  E_APP_NOT_FOUND: { stage: 'input', meaning: 'There is no app with that id (it may be deleted).' },
  E_TOKEN_INVALID: {
    stage: 'input',
    meaning: 'The share link or bearer token is malformed, forged, or for another app.'
  },
  E_TOKEN_EXPIRED: {
    stage: 'input',
    meaning: 'The share link has expired; ask the owner for a new one.'
  },
  E_TOKEN_REVOKED: { stage: 'input', meaning: 'The owner revoked this share link.' },
  E_PEER_MALFORMED: {
    stage: 'input',
    meaning: 'A live update from a peer is not a readable Yjs update, or is larger than the limit.'
  },
  E_PEER_INCOMPLETE: {
    stage: 'input',
    meaning: 'A live update depends on changes the server does not have; the client must resync.'
  },
  E_PEER_INVALID: {
    stage: 'shape',
    meaning:
      'A live update writes a record the app cannot read (a malformed node, prop, component or value), or outside the app’s document.'
  },
  E_HISTORY_LOCKED: {
    stage: 'plan',
    meaning:
      'The history log is append-only, and its entries name who made them: a live update may not rewrite it.'
  },
  E_RESTORE_UNAVAILABLE: {
    stage: 'input',
    meaning: 'There is no earlier state of the app to restore at that point of the history.'
  },
  E_NO_PROPOSAL: {
    stage: 'cli',
    meaning:
      'The assistant did not propose a change: it asked a question, refused, or could not make one that passes the checks.'
  },
  E_OFFLINE: {
    stage: 'input',
    meaning: 'The studio is offline and this needs the server (undo, redo, code and field renames).'
  },
  E_RATE_LIMITED: {
    stage: 'input',
    meaning: 'Too many messages arrived too fast on one connection; it was closed.'
  },
  E_NEEDS_OWNER: {
    stage: 'plan',
    meaning: 'The change needs the app owner’s approval (capabilities).'
  },
  // The trust boundary: who may reach the server at all, and what a peer may send.
  E_LOGIN_REQUIRED: {
    stage: 'input',
    meaning:
      'The studio is open to its owner only with the start-up link’s secret (or a share link); open the link the server printed.'
  },
  E_HOST_FORBIDDEN: {
    stage: 'input',
    meaning:
      'The request names a Host the server does not answer to (a DNS rebinding); add it to MALLEABLE_HOSTS if it is yours.'
  },
  E_ORIGIN_FORBIDDEN: {
    stage: 'input',
    meaning:
      'The request came from a page on another origin; only the studio’s own pages may change things.'
  },
  E_CONTENT_TYPE: {
    stage: 'input',
    meaning: 'A request that changes something must send its body as application/json.'
  },
  E_PEER_TOO_DEEP: {
    stage: 'input',
    meaning: 'A live update nests shared types deeper than the app’s document layout uses.'
  },
  E_AWARENESS_INVALID: {
    stage: 'input',
    meaning:
      'A presence (awareness) state is larger than the limit or has fields of the wrong shape.'
  },
  E_HISTORY_INVALID: {
    stage: 'shape',
    meaning:
      'A history entry has a field of the wrong type or size, an unknown source, or is restorable when its author may not restore.'
  },
  E_META_INVALID: {
    stage: 'shape',
    meaning: 'The app’s meta may only hold its title, theme and version, each a short plain value.'
  },
  E_DATA_NOT_PLAIN: {
    stage: 'shape',
    meaning:
      'A value is not plain JSON (an object with a prototype, or a key such as __proto__ that is not its own).'
  },
  E_GATE_TIMEOUT: {
    stage: 'code',
    meaning:
      'Checking the code took longer or used more memory than allowed (type-level code that makes the checker spin); simplify it.'
  },
  E_CODE_TOO_LARGE: {
    stage: 'code',
    meaning: 'A batch carries more code for the gate to check than the limit allows; split it.'
  },
  E_NETWORK_ORIGIN: {
    stage: 'code',
    meaning:
      'An image or link points to an origin the component’s network capability does not allow; grant the origin or use a path on this app.'
  },
  // Code: the compile gate over expressions and handler bodies.
  E_SYNTAX: { stage: 'code', meaning: 'The code does not parse as JavaScript.' },
  E_POLICY_GLOBAL: {
    stage: 'code',
    meaning: 'The code names something it may not reach, or a name that does not exist (a typo).'
  },
  E_POLICY_THIS: {
    stage: 'code',
    meaning: '`this` has no meaning in app code; use `state`, `props` or `event`.'
  },
  E_POLICY_IMPORT: { stage: 'code', meaning: 'App code cannot import modules.' },
  E_POLICY_MEMBER: {
    stage: 'code',
    meaning:
      'The code reaches a property that leads out of the sandbox (constructor, prototype, __proto__, ...).'
  },
  E_POLICY_ASSIGN: {
    stage: 'code',
    meaning: 'The code assigns to something other than the state draft or its own local variables.'
  },
  E_POLICY_ACCESSOR: {
    stage: 'code',
    meaning: 'Getters, setters and property definitions are not allowed in app code.'
  },
  E_POLICY_SYNTAX: {
    stage: 'code',
    meaning:
      'The code uses a JavaScript feature app code may not use here (with, class, generators, debugger, ...).'
  },
  E_POLICY_SES_TOKEN: {
    stage: 'code',
    meaning:
      'The code contains `import(`, `<!--` or `-->`, which the sandbox refuses even in strings.'
  },
  E_HANDLER_PARAM: {
    stage: 'code',
    meaning: 'A handler parameter names no loop variable where the handler is used.'
  },
  E_TYPE: {
    stage: 'code',
    meaning: 'The code does not type-check against the state, props and element types.'
  },
  E_RUNAWAY: {
    stage: 'runtime',
    meaning: 'The code did more work than allowed (an endless loop or recursion) and was stopped.'
  },
  E_RENDER: {
    stage: 'runtime',
    meaning: 'A component’s view threw or returned something that is not a view.'
  },
  E_HANDLER: { stage: 'runtime', meaning: 'A handler threw; the state was left as it was.' },
  E_MODULE: { stage: 'runtime', meaning: 'A component’s module did not evaluate in the sandbox.' },
  E_CAPABILITY: {
    stage: 'runtime',
    meaning:
      'The code asked for something its component was not granted (a capability, a network origin).'
  },
  E_NETWORK: { stage: 'runtime', meaning: 'A network request of the app failed or took too long.' },
  E_WATCHDOG: {
    stage: 'runtime',
    meaning:
      'The sandbox stopped answering (a loop past the guard, too much memory) and was restarted.'
  },
  E_IMPORT_JSX: {
    stage: 'code',
    meaning: 'The JSX does not have the shape of a Malleable component.'
  },
  // App files.
  E_APP_FORMAT: { stage: 'file', meaning: 'The file is not a Malleable app file.' },
  E_APP_VERSION: {
    stage: 'file',
    meaning: 'The app file was written by a newer version of Malleable.'
  },
  E_DOC_VERSION: {
    stage: 'file',
    meaning:
      "The app's stored document was written by a newer version of Malleable; it is not opened, and left as it is."
  },
  E_APP_INVALID: {
    stage: 'file',
    meaning: 'The app file breaks a rule of the app schema or of the model.'
  },
  // The assistant: requests no engine carries out, whatever the wording.
  E_AI_DATA_LEAVES_APP: {
    stage: 'assist',
    meaning:
      "The request sends the app's data to an outside address; the assistant does not build that. The owner can grant a network origin to a component deliberately."
  },
  E_AI_TRACKING: {
    stage: 'assist',
    meaning:
      'The request watches or records what people do in the app (tracking, analytics, logging their input); the assistant does not build that.'
  },
  E_AI_HIDDEN_FROM_OWNER: {
    stage: 'assist',
    meaning:
      "The request hides part of the app, or what it does, from the app's owner; everything an app does stays visible to its owner."
  },
  // Command line.
  E_USAGE: { stage: 'cli', meaning: 'The command line is not one malleable understands.' },
  E_IO: { stage: 'cli', meaning: 'A file could not be read or written.' }
} as const satisfies Record<string, CatalogEntry>;

/** A stable error code from the catalog. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/** A coded error: what went wrong, where, and (in `message`) what to do about it. */
export interface EditError {
  readonly code: ErrorCode;
  /** A sentence a person or the AI can act on. */
  readonly message: string;
  /** Index of the op in its batch, when the error belongs to one op. */
  readonly op?: number;
  /** JSON pointer to the offending field, relative to the batch (`/2/props/label`) or the file. */
  readonly path?: string;
  /** A code frame excerpt, when the error is about source code. */
  readonly frame?: string;
}

/** Builds an EditError; the one place errors are made, so every code comes from the catalog. */
export function editError(
  code: ErrorCode,
  message: string,
  where: { op?: number; path?: string; frame?: string } = {}
): EditError {
  return { code, message, ...where };
}

/** One line per error, as the CLI prints them: `E_CODE op 2 /2/props/label: message`. */
export function formatError(error: EditError): string {
  const where = [error.op !== undefined ? `op ${error.op}` : '', error.path ?? '']
    .filter(Boolean)
    .join(' ');
  const head = where ? `${error.code} ${where}: ` : `${error.code}: `;
  return head + error.message + (error.frame ? `\n${error.frame}` : '');
}
