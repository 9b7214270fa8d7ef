/**
 * The code stage: the compile gate over expressions, handler bodies and JSX (parse, the sandbox's
 * policy, the type check, the network origins an app may name). A refused change is a 422: the
 * request was well formed and the code in it is not allowed.
 */
import { stageEntries } from './entry';

/** A code error's facts: what is wrong, in the gate's words (the frame shows where). */
type Finding = { why: string };

/** The code stage's codes. */
export const CODE_ERRORS = stageEntries('code', {
  E_SYNTAX: {
    status: 422,
    meaning: 'The code does not parse as JavaScript.',
    message: ({ why }: Finding) => `the code does not parse: ${why}`
  },
  E_POLICY_GLOBAL: {
    status: 422,
    meaning: 'The code names something it may not reach, or a name that does not exist (a typo).',
    message: ({ name }: { name: string }) =>
      `"${name}" is not available in app code; use state, props, event or a local variable`
  },
  E_POLICY_THIS: {
    status: 422,
    meaning: '`this` has no meaning in app code; use `state`, `props` or `event`.',
    message: () => '`this` has no meaning in app code; use `state`, `props` or `event`'
  },
  E_POLICY_IMPORT: {
    status: 422,
    meaning: 'App code cannot import modules.',
    message: () => 'app code cannot import modules'
  },
  E_POLICY_MEMBER: {
    status: 422,
    meaning:
      'The code reaches a property that leads out of the sandbox (constructor, prototype, `__proto__`, ...).',
    message: ({ name }: { name: string }) =>
      `the property "${name}" leads out of the sandbox; app code may not reach it`
  },
  E_POLICY_ASSIGN: {
    status: 422,
    meaning: 'The code assigns to something other than the state draft or its own local variables.',
    message: ({ target }: { target: string }) =>
      `app code may assign only to state and its own local variables, not to ${target}`
  },
  E_POLICY_ACCESSOR: {
    status: 422,
    meaning: 'Getters, setters and property definitions are not allowed in app code.',
    message: () => 'getters, setters and property definitions are not allowed in app code'
  },
  E_POLICY_SYNTAX: {
    status: 422,
    meaning:
      'The code uses a JavaScript feature app code may not use here (with, class, generators, debugger, ...).',
    message: ({ feature }: { feature: string }) => `${feature} is not allowed in app code`
  },
  E_POLICY_SES_TOKEN: {
    status: 422,
    meaning:
      'The code contains `import(`, `<!--` or `-->`, which the sandbox refuses even in strings.',
    message: ({ token }: { token: string }) =>
      `the code contains \`${token}\`, which the sandbox refuses even in strings; write it differently`
  },
  E_HANDLER_PARAM: {
    status: 422,
    meaning: 'A handler parameter names no loop variable where the handler is used.',
    message: ({ param }: { param: string }) =>
      `the handler parameter "${param}" names no loop variable where the handler is used`
  },
  E_TYPE: {
    status: 422,
    meaning: 'The code does not type-check against the state, props and element types.',
    message: ({ why }: Finding) => why
  },
  E_GATE_TIMEOUT: {
    status: 422,
    meaning:
      'Checking the code took longer or used more memory than allowed (type-level code that makes the checker spin); simplify it.',
    message: ({ what, why }: { what: string; why: string }) =>
      `Type-checking ${what} ${why}; nothing was changed. Simplify the code (deeply nested ` +
      'conditional values or long chains of Object.assign make the checker spin).'
  },
  E_CODE_TOO_LARGE: {
    status: 413,
    meaning: 'A batch carries more code for the gate to check than the limit allows; split it.',
    message: ({ size, limit }: { size: number; limit: number }) =>
      `The change carries ${size} characters of code to check; the limit is ${limit}. ` +
      'Split it into smaller batches.'
  },
  E_NETWORK_ORIGIN: {
    // Asserted by the exfiltration tests: a refused change like any other code refusal.
    status: 422,
    meaning:
      'An image or link points to an origin the component’s network capability does not allow; grant the origin or use a path on this app.',
    message: ({ origin, component }: { origin: string; component: string }) =>
      `${component} may not reach ${origin}; grant the origin in its network capability, or use a path on this app`
  },
  E_IMPORT_JSX: {
    status: 422,
    meaning: 'The JSX does not have the shape of a Malleable component.',
    message: ({ why }: Finding) => `the JSX is not a Malleable component: ${why}`
  }
});
