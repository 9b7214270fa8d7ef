/**
 * The policy's messages: one function or text per rule, each naming what is refused and what to
 * write instead, so the person in the studio and the AI in its repair loop read the same advice.
 */
import { CAPABILITY_HINT, SAFE } from './policy-names';
import type { HandlerUse } from './units';

/**
 * Every message the policy gives, in one place. Each says what is wrong and what to do instead,
 * for a person in the studio or the AI in its repair loop.
 */
export const MESSAGES = {
  this: '`this` has no meaning in app code; use `state`, `props` or `event`',
  super: '`super` is not available in app code',
  with: '`with` is not allowed in app code: it hides which names the code reads; name the object in each access',
  class: 'classes are not allowed in app code; use plain objects and functions',
  generator: 'generator functions are not allowed in app code; build an array instead',
  async:
    'async functions are not allowed in app code: a handler runs to completion on a draft of the state that is committed when it returns, so work after an `await` would be lost',
  await:
    '`await` is not allowed in app code: a handler runs to completion and its changes are committed when it returns',
  debugger: '`debugger` is not allowed in app code; remove it',
  label: 'labels are not allowed in app code; move the loop into a function and `return` from it',
  new: '`new` is not allowed in app code; use object and array literals, or `Array.from`',
  import: 'app code cannot import modules; ask for a capability instead',
  meta: (text: string) => `\`${text}\` is not available in app code`,
  accessor: (kind: string) =>
    `${kind}ters are not allowed in app code: they run code when a field is read or written; use a plain value, or a function you call`,
  protoKey:
    '`__proto__` in an object literal sets its prototype and is not available in app code; use a plain field name',
  forbiddenMember: (key: string, why: string) => `\`${key}\` is not available in app code: ${why}`,
  unnamedMember: (name: string, example: string) =>
    `\`${name}[...]\` must name its member, like \`${name}.${example}\``,
  mathRandom: `\`Math.random\` is not available in app code; ${CAPABILITY_HINT.random}`,
  member: (name: string, key: string, instead: string) =>
    `\`${name}.${key}\` is not available in app code; ${instead}`,
  expressionWrite: (what: string) =>
    `an expression cannot ${what} anything: it only computes a value; change state in a handler instead`,
  writeOutside: (verb: string, name?: string) =>
    `a handler can only ${verb} fields of \`state\` and its own local variables; ` +
    (name ? `\`${name}\` is neither` : 'start the target at one of them'),
  writeState: (verb: string) =>
    `a handler cannot ${verb} \`state\` itself (that would change nothing); change its fields instead (\`state.count = ...\`)`,
  writeParam: (name: string, where: string) =>
    `\`${name}\` is the value an Each loop passed in, not part of the state, so changing it is lost; change the state instead: find it in ${where} and change that`,
  writeProps: '`props` is read-only: they belong to the parent component; change `state` instead',
  writeEvent: '`event` is read-only; copy what you need into `state`',
  writeCaps: '`caps` is read-only',
  shadowsArgument: (name: string) =>
    `\`${name}\` is already a parameter of every handler here; choose another name for the variable`,
  runtimeName: (name: string) =>
    `\`${name}\`: names starting with \`$\` belong to the runtime and are not available in app code; choose another name`,
  strictName: (name: string) =>
    `\`${name}\` cannot be used as a name in app code; choose another name`,
  namespace: (name: string, example: string) =>
    `\`${name}\` can only be used through its members, like \`${name}.${example}(...)\``,
  refusedGlobal: (name: string, why: string) => `\`${name}\` is not available in app code; ${why}`,
  loopNotParam: (name: string) =>
    `\`${name}\` is a loop variable where this handler is used, but a handler receives loop values only as parameters: add \`${name}\` to its params`,
  arguments:
    '`arguments` is not available in app code; give the function named parameters (or `...rest`)',
  typo: (name: string, near: string) => `\`${name}\` is not defined; did you mean \`${near}\`?`,
  unknown: (name: string, names: Iterable<string>) =>
    `\`${name}\` is not defined; app code can use ${[...names].map((n) => `\`${n}\``).join(', ')}, its own variables and the safe globals (${[...SAFE.keys()].join(', ')})`,
  badParam: (label: string, param: string, why: string) =>
    `${label} cannot take a parameter \`${param}\`: ${why}; name the loop variable something else`,
  paramOutsideLoop: (label: string, param: string, use: HandlerUse) => {
    const around = use.loops.map((l) => `\`${l.as}\``).join(', ');
    return (
      `${label} takes \`${param}\`, but ${use.type} ${use.node} uses it (${use.prop}) outside any Each whose \`as\` is \`${param}\`` +
      (around ? ` (the loops around it give ${around})` : '') +
      `; move ${use.node} into such an Each, rename the parameter, or remove it and read what you need from \`state\``
    );
  },
  sesToken: (token: string, instead: string) =>
    `\`${token}\` cannot appear anywhere in app code, not even in a string or comment: the sandbox refuses the whole source; ${instead}`
};
