/**
 * The inspector's pure half, in three parts, re-exported here for the panels and the tests:
 * - `prop-fields.ts`: the fields a selected node shows, derived from the schemas;
 * - `typed-input.ts`: what a person typed, as a value or a coded error (the state type grammar
 *   itself is `../schema/statetype-text.ts`, shared with every printer);
 * - `inspector-ops.ts`: the ops of each action, for `studio.propose`.
 * No DOM, no Svelte: Inspector.svelte, StatePanel.svelte and their parts are the shell.
 */
export * from './prop-fields';
export * from './typed-input';
export * from './inspector-ops';
