/**
 * The plan stage: each op against the app as it is (the nodes, components, state and handlers it
 * names, the roles of who asks). A refused plan is a 422; who may not is a 403; a change that
 * meets a moving app or a later change it cannot pass is a 409.
 */
import { didYouMean, stageEntries } from './entry';

/** The plan stage's codes. */
export const PLAN_ERRORS = stageEntries('plan', {
  E_NODE_NOT_FOUND: {
    status: 422,
    meaning: 'No node has that id (or the op that was to add it failed).',
    message: ({ id, hint }: { id: string; hint?: string }) =>
      `no node has id "${id}"${didYouMean(hint)}`
  },
  E_COMPONENT_NOT_FOUND: {
    status: 422,
    meaning: 'No component has that name.',
    message: ({ name, hint }: { name: string; hint?: string }) =>
      `no component is named "${name}"${didYouMean(hint)}`
  },
  E_UNKNOWN_TYPE: {
    status: 422,
    meaning: 'The element type is neither built in nor a component of the app.',
    message: ({ type, hint }: { type: string; hint?: string }) =>
      `"${type}" is not an element type or a component of this app${didYouMean(hint)}`
  },
  E_PROP_UNKNOWN: {
    status: 422,
    meaning: 'The element type has no prop of that name.',
    message: ({ type, prop, hint }: { type: string; prop: string; hint?: string }) =>
      `${type} has no prop "${prop}"${didYouMean(hint)}`
  },
  E_PROP_TYPE: {
    status: 422,
    meaning: 'The literal value does not fit the prop’s type.',
    message: ({ prop, expected }: { prop: string; expected: string }) =>
      `${prop} must be ${expected}`
  },
  E_PROP_KIND: {
    status: 422,
    meaning:
      'The prop does not accept that kind of value (literal, expression, handler or binding).',
    message: ({ prop, kind }: { prop: string; kind: string }) => `${prop} does not accept a ${kind}`
  },
  E_STYLE_VALUE: {
    status: 422,
    meaning:
      'A style value is not one of the design tokens (or names no style key). Styles are token words such as "md" or "accent-soft", never CSS text, so a value like "url(...)" is refused.',
    message: ({ key, allowed }: { key: string; allowed: string }) =>
      `style.${key} must be one of ${allowed}`
  },
  E_HANDLER_NOT_FOUND: {
    status: 422,
    meaning: 'The component has no handler of that name.',
    message: ({ component, name, hint }: { component: string; name: string; hint?: string }) =>
      `${component} has no handler "${name}"${didYouMean(hint)}`
  },
  E_STATE_NOT_FOUND: {
    status: 422,
    meaning: 'The component has no state field of that name.',
    message: ({ component, name, hint }: { component: string; name: string; hint?: string }) =>
      `${component} has no state field "${name}"${didYouMean(hint)}`
  },
  E_BIND_TYPE: {
    status: 422,
    meaning: 'A binding joins a prop and a state field of different types.',
    message: ({ prop, field }: { prop: string; field: string }) =>
      `${prop} and state.${field} have different types; bind a field of the prop’s type`
  },
  E_NOT_A_CONTAINER: {
    status: 422,
    meaning: 'The parent element takes no children.',
    message: ({ parent }: { parent: string }) =>
      `${parent} takes no children; add to a Stack, Grid, Card, Each or If instead`
  },
  E_CYCLE: {
    status: 422,
    meaning: 'The move would put a node inside itself.',
    message: ({ node }: { node: string }) => `${node} cannot move inside itself`
  },
  E_MOVE_ACROSS_COMPONENTS: {
    status: 422,
    meaning: 'A node can only move within its own component.',
    message: ({ node }: { node: string }) => `${node} can only move within its own component`
  },
  E_REMOVE_ROOT: {
    status: 422,
    meaning: 'A component’s root node cannot be removed or moved; remove the component instead.',
    message: ({ component }: { component: string }) =>
      `the root node of ${component} cannot be removed or moved; remove the component instead`
  },
  E_NAME_TAKEN: {
    status: 422,
    meaning: 'The name is already used by another component, state field or handler.',
    message: ({ name }: { name: string }) => `the name "${name}" is already taken; pick another`
  },
  E_NAME_RESERVED: {
    status: 422,
    meaning: 'The name is reserved (a built-in element type or a JavaScript word).',
    message: ({ name }: { name: string }) =>
      `"${name}" is reserved (a built-in element type or a JavaScript word); pick another name`
  },
  E_COMPONENT_IN_USE: {
    status: 422,
    meaning: 'The component is still used by nodes; remove those first.',
    message: ({ name, uses }: { name: string; uses: number }) =>
      `${name} is still used by ${uses} node${uses === 1 ? '' : 's'}; remove those first`
  },
  E_EXTRACT_REFERENCES: {
    status: 422,
    meaning:
      'The selection uses state, handlers, props or loop variables of the component it is in, which a new component could not reach; the message lists them.',
    message: ({ uses }: { uses: string }) =>
      `the selection uses ${uses}, which a new component could not reach; remove those uses (or make a component of a part that does not use them)`
  },
  E_EXTRACT_ROOT: {
    status: 422,
    meaning:
      'The root of a component cannot be made into a component of its own (it would leave the component empty).',
    message: ({ id }: { id: string }) =>
      `node ${id} is the root of its component; select something inside it`
  },
  E_COMPONENT_RECURSION: {
    status: 422,
    meaning: 'A component would contain itself, directly or through others.',
    message: ({ owner, type }: { owner: string; type: string }) =>
      `${owner} cannot contain ${type}: ${type} already contains ${owner}, so it would render forever`
  },
  E_REMOVE_ROOT_COMPONENT: {
    status: 422,
    meaning: 'The app’s root component cannot be removed.',
    message: ({ name }: { name: string }) => `${name} is the app’s root component; it stays`
  },
  E_STATE_TYPE_MISMATCH: {
    status: 422,
    meaning: 'A state value does not fit the field’s type.',
    message: ({ field, why }: { field: string; why: string }) => `state.${field} ${why}`
  },
  E_STATE_SCOPE: {
    status: 422,
    meaning:
      'A state value was written where its scope does not keep it (a `local` or `person` field is never stored in the document), or a scope was given where there is none.',
    message: ({ field, scope }: { field: string; scope: string }) =>
      `state.${field} is ${scope}: its value is never stored in the app`
  },
  E_STATE_IN_USE: {
    status: 422,
    meaning: 'The state field is still bound to an input; unbind it first.',
    message: ({ field, node }: { field: string; node: string }) =>
      `state.${field} is still bound to ${node}; unbind it first`
  },
  E_HANDLER_IN_USE: {
    status: 422,
    meaning: 'The handler is still used by a prop; remove that use first.',
    message: ({ name, node }: { name: string; node: string }) =>
      `the handler ${name} is still used by ${node}; remove that use first`
  },
  E_TEMP_ID_TAKEN: {
    status: 422,
    meaning: 'A temporary id is already the id of a node in the app.',
    message: ({ id }: { id: string }) =>
      `temporary id "${id}" is already a node of the app; pick another`
  },
  E_TEMP_ID_DUPLICATE: {
    status: 422,
    meaning: 'Two new nodes of the batch have the same temporary id.',
    message: ({ id }: { id: string }) =>
      `temporary id "${id}" is already used earlier in this batch; pick another`
  },
  E_INDEX_RANGE: {
    status: 422,
    meaning: 'The index is past the end of the parent’s children.',
    message: ({ index, parent, children }: { index: number; parent: string; children: number }) =>
      `index ${index} is past the end: ${parent} has ${children} children`
  },
  E_MIGRATE_UNAVAILABLE: {
    status: 422,
    meaning: 'Existing data must be migrated and no sandbox was given to run the migration.',
    message: ({ field }: { field: string }) =>
      `state.${field} holds data that must be migrated, and there is no sandbox to run the migration`
  },
  E_MIGRATE_FAILED: {
    status: 422,
    meaning: 'The migration expression threw or gave a value of the wrong type.',
    message: ({ field, why }: { field: string; why: string }) =>
      `the migration of state.${field} failed: ${why}`
  },
  E_DOC_BUSY: {
    // A conflict with other changes, not a fault of this one: the same request may pass later.
    status: 409,
    meaning: 'The app kept changing while a change was being checked; try again.',
    message: () => 'the app kept changing while this change was being checked; try again'
  },
  E_FORBIDDEN: {
    status: 403,
    meaning: 'The acting person’s role does not allow this change.',
    message: ({ role, what }: { role: string; what: string }) => `a ${role} cannot ${what}`
  },
  E_UNDO_BLOCKED: {
    status: 409,
    meaning:
      'That step cannot be undone (or redone) now: with the changes made since, the app would break.',
    message: ({ summary, undone, why }: { summary: string; undone: boolean; why: string }) =>
      `“${summary}” cannot be ${undone ? 'undone' : 'redone'} now: ${why}`
  },
  E_DATA_TYPE: {
    status: 422,
    meaning: 'App data written by the app does not fit the declared state fields and types.',
    message: ({ field, why }: { field: string; why: string }) => `state.${field}: ${why}`
  },
  E_HISTORY_LOCKED: {
    status: 403,
    meaning:
      'The history log is append-only, and its entries name who made them: a live update may not rewrite it.',
    message: () =>
      'the history is append-only and its entries name who made them: a live update may not rewrite it'
  },
  E_NEEDS_OWNER: {
    status: 403,
    meaning: 'The change needs the app owner’s approval (capabilities).',
    message: ({ what }: { what: string }) => `${what} needs the owner’s approval`
  }
});
