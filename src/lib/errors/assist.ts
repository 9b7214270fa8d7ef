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
  }
});
