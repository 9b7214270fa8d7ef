/**
 * The assist stage: requests the assistant does not build, whatever the wording (a refusal of
 * the request, not a fault of it: 422).
 */
import { stageEntries } from './entry';

/** The assist stage's codes. */
export const ASSIST_ERRORS = stageEntries('assist', {
  E_AI_DATA_LEAVES_APP: {
    status: 422,
    meaning:
      "The request sends the app's data to an outside address; the assistant does not build that. The owner can grant a network origin to a component deliberately.",
    message: () =>
      'the assistant does not build a way for the app’s data to leave it; the owner can grant a network origin to a component deliberately'
  },
  E_AI_TRACKING: {
    status: 422,
    meaning:
      'The request watches or records what people do in the app (tracking, analytics, logging their input); the assistant does not build that.',
    message: () =>
      'the assistant does not build tracking: watching or recording what people do in the app'
  },
  E_AI_HIDDEN_FROM_OWNER: {
    status: 422,
    meaning:
      "The request hides part of the app, or what it does, from the app's owner; everything an app does stays visible to its owner.",
    message: () => 'the assistant does not hide part of the app, or what it does, from its owner'
  },
  E_AI_INJECTION: {
    status: 422,
    meaning:
      'The request tells the assistant to ignore its rules or reveal its instructions; the rules hold whoever asks, so nothing is changed.',
    message: () =>
      'the assistant keeps its rules whatever a request says; ask for the change itself'
  },
  E_AI_OUTSIDE_CODE: {
    status: 422,
    meaning:
      "The request runs code that is not the app's own (a script loaded from another address, or code people type or paste into the app); the assistant does not build that.",
    message: () =>
      'the assistant does not build a way to run code from outside the app or code people type into it'
  },
  E_AI_OTHER_APPS: {
    status: 422,
    meaning:
      "The request reaches into other apps' data; an app sees only its own data, so the assistant does not build that.",
    message: () => 'an app sees only its own data; the assistant does not reach into other apps'
  },
  E_AI_REACH: {
    status: 422,
    meaning:
      'The request widens what the app may reach (the internet at large, files on a computer); the assistant grants no reach. The owner can grant a network origin to a component deliberately.',
    message: () =>
      'the assistant does not widen what an app may reach; the owner can grant a network origin to a component deliberately'
  },
  E_AI_PHISHING: {
    status: 422,
    meaning:
      'The request makes the app pass for another service (its login page, its look) or keep the passwords or card numbers people type; the assistant does not build that.',
    message: () =>
      'the assistant does not build an app that passes for another service or keeps passwords people type'
  },
  E_SUGGESTION_NOT_FOUND: {
    status: 404,
    meaning: 'There is no suggestion with that id for this app (it may belong to another app).',
    message: ({ id }: { id: string }) => `there is no suggestion “${id}” for this app`
  },
  E_SUGGESTION_DECIDED: {
    status: 409,
    meaning:
      'The suggestion was already applied or declined; a decision is made once (reload to see it).',
    message: ({ status }: { status: string }) =>
      `this suggestion was already ${status}; reload to see it`
  },
  E_SUGGESTION_CONFLICT: {
    status: 409,
    meaning:
      'The app changed since the suggestion was made, and planned again against the app as it is now the suggestion no longer fits; nothing was applied.',
    message: ({ reason }: { reason: string }) =>
      `the app changed since this was suggested, and it no longer fits: ${reason}; nothing was applied (decline it, or ask for it again)`
  },
  E_SUGGESTION_LIMIT: {
    status: 429,
    meaning:
      'This link has too many suggestions waiting for the app; wait until the owner or an editor decides some.',
    message: ({ limit }: { limit: number }) =>
      `this link already has ${limit} suggestions waiting; wait until some are applied or declined`
  }
});
