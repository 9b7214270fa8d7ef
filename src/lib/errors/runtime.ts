/**
 * The runtime stage: the sandbox running the app. Over HTTP these come back only from a change's
 * dry run (a 422: the change's code failed, the server did not); a sandbox that stops answering
 * or a request of the app that fails are the server's side (5xx).
 */
import { stageEntries } from './entry';

/** The runtime stage's codes. */
export const RUNTIME_ERRORS = stageEntries('runtime', {
  E_RUNAWAY: {
    status: 422,
    meaning: 'The code did more work than allowed (an endless loop or recursion) and was stopped.',
    message: ({ where }: { where: string }) =>
      `${where} did more work than allowed (an endless loop or recursion?) and was stopped`
  },
  E_RENDER: {
    status: 422,
    meaning: 'A component’s view threw or returned something that is not a view.',
    message: ({ component, why }: { component: string; why: string }) =>
      `the view of ${component} failed: ${why}`
  },
  E_HANDLER: {
    status: 422,
    meaning: 'A handler threw; the state was left as it was.',
    message: ({ handler, why }: { handler: string; why: string }) =>
      `the handler ${handler} threw: ${why}; the state was left as it was`
  },
  E_MODULE: {
    status: 422,
    meaning: 'A component’s module did not evaluate in the sandbox.',
    message: ({ component, why }: { component: string; why: string }) =>
      `the module of ${component} did not evaluate: ${why}`
  },
  E_CAPABILITY: {
    status: 403,
    meaning:
      'The code asked for something its component was not granted (a capability, a network origin).',
    message: ({ component, what }: { component: string; what: string }) =>
      `${component} was not granted ${what}; the owner can grant it`
  },
  E_NETWORK: {
    status: 502,
    meaning: 'A network request of the app failed or took too long.',
    message: ({ url, why }: { url: string; why: string }) => `the request to ${url} failed: ${why}`
  },
  E_HANDLER_CHECK_THREW: {
    status: 422,
    meaning:
      'A new or changed handler threw when the checks ran it with a synthetic event (a dry run on a copy of the data), so the change was refused before anyone clicked.',
    message: ({ handler, event, why }: { handler: string; event: string; why: string }) =>
      `the handler ${handler} threw when the checks ran it as ${event}: ${why}; nothing was applied`
  },
  E_HANDLER_CHECK_RUNAWAY: {
    status: 422,
    meaning:
      'A new or changed handler never finished when the checks ran it with a synthetic event (an endless loop or recursion), so the change was refused before anyone clicked.',
    message: ({ handler, event }: { handler: string; event: string }) =>
      `the handler ${handler} never finished when the checks ran it as ${event} (an endless loop or recursion?); nothing was applied`
  },
  E_HANDLER_CHECK_STATE_TYPE: {
    status: 422,
    meaning:
      'A new or changed handler left a state field with a value of the wrong type when the checks ran it with a synthetic event, so the change was refused before anyone clicked.',
    message: ({ handler, event, why }: { handler: string; event: string; why: string }) =>
      `the handler ${handler} wrote the wrong type when the checks ran it as ${event}: ${why}; nothing was applied`
  },
  E_WATCHDOG: {
    status: 503,
    meaning:
      'The sandbox stopped answering (a loop past the guard, too much memory) and was restarted.',
    message: () =>
      'the sandbox stopped answering (a loop past the guard, or too much memory) and was restarted'
  }
});
