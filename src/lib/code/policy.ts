/**
 * The policy stage of the compile gate: what app code may name, reach, change and use, checked
 * over one parsed unit with @babel/traverse before the code ever reaches the sandbox.
 *
 * SES already confines the code (frozen intrinsics, a compartment with only the globals it is
 * given), so the policy is the second wall and the friendly one: it refuses what would escape or
 * misbehave with a message that says what to do instead, and it catches what SES cannot, such as a
 * typo (a compartment turns an unknown global into `undefined`, not an error), a write to a value
 * that is not the state draft, or source text SES would refuse as a whole. Every rule below names
 * the attack or mistake it stops. The rules are the contract in README.md, "Names in scope".
 */
import traverse, { type NodePath, type Visitor } from '@babel/traverse';
import * as t from '@babel/types';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import { codeFrame } from './frame';
import { unitPath } from './parse';
import { unitLabel, type CodeUnit, type HandlerUnit, type HandlerUse } from './units';

/** How app code may use one safe global. */
export interface SafeGlobal {
  /** Whether the name may stand alone: called (`String(x)`), passed (`xs.map(Number)`) or read (`NaN`). */
  readonly bare: boolean;
  /** The members app code may read as `Name.member` (or `Name['member']`); any other is refused. */
  readonly members: readonly string[];
}

const NO_MEMBERS: readonly string[] = [];
const fn = (members: readonly string[] = NO_MEMBERS): SafeGlobal => ({ bare: true, members });
const namespace = (members: readonly string[]): SafeGlobal => ({ bare: false, members });

/**
 * The globals app code may use besides the names of its context, and how. `Math`, `JSON`,
 * `Object` and `Array` are reachable only through the members listed: passing the namespace
 * itself around (`const M = Math`) would let a later `M.random` or `O.defineProperty` slip past
 * the member check. `Math` has every member except `random` (randomness is a capability).
 */
export const SAFE_GLOBALS: Readonly<Record<string, SafeGlobal>> = Object.freeze({
  // prettier-ignore
  Math: namespace([
    'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'clz32',
    'cos', 'cosh', 'exp', 'expm1', 'floor', 'fround', 'hypot', 'imul', 'log', 'log10', 'log1p',
    'log2', 'max', 'min', 'pow', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc',
    'E', 'LN10', 'LN2', 'LOG10E', 'LOG2E', 'PI', 'SQRT1_2', 'SQRT2'
  ]),
  JSON: namespace(['parse', 'stringify']),
  Object: namespace(['keys', 'values', 'entries', 'fromEntries', 'assign']),
  Array: namespace(['isArray', 'from', 'of']),
  String: fn(['fromCharCode', 'fromCodePoint', 'raw']),
  // prettier-ignore
  Number: fn([
    'isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt', 'EPSILON',
    'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'MAX_VALUE', 'MIN_VALUE', 'POSITIVE_INFINITY',
    'NEGATIVE_INFINITY', 'NaN'
  ]),
  Boolean: fn(),
  parseInt: fn(),
  parseFloat: fn(),
  isNaN: fn(),
  isFinite: fn(),
  encodeURIComponent: fn(),
  decodeURIComponent: fn(),
  Infinity: fn(),
  NaN: fn(),
  undefined: fn()
});

// Lookups go through Maps and Sets, never `name in object`: a free name `constructor` or
// `toString` must not be found on Object.prototype and pass as a safe global.
const SAFE = new Map(Object.entries(SAFE_GLOBALS));

/**
 * Members no code may read, statically or as a string or template key: they lead from any
 * value to the Function constructor (`.constructor`), to the prototypes every object shares
 * (`.prototype`, `.__proto__`: prototype pollution), to accessor definitions (`__defineGetter__`
 * and kin) or to other functions' internals (`caller`, `callee`, `arguments`).
 */
const FORBIDDEN_MEMBERS = new Map<string, string>([
  ['constructor', 'it leads to the Function constructor, which turns text into code'],
  ['prototype', 'it reaches the prototypes every object shares'],
  ['__proto__', 'it reaches the prototypes every object shares'],
  ['__defineGetter__', 'it defines accessors that run code when a field is read'],
  ['__defineSetter__', 'it defines accessors that run code when a field is written'],
  ['__lookupGetter__', 'it reaches the accessors of other objects'],
  ['__lookupSetter__', 'it reaches the accessors of other objects'],
  ['caller', 'it reaches the internals of other functions'],
  ['callee', 'it reaches the internals of other functions'],
  ['arguments', 'it reaches the internals of other functions']
]);

const CAPABILITY_HINT = {
  clock: 'ask for the clock capability and use caps.clock.now()',
  random: 'ask for the random capability and use caps.random.next()',
  network:
    "ask for the network capability and use caps.network.getJson(url, 'handlerName'): the response arrives as a call of that handler",
  log: 'ask for the log capability and use caps.log.info(...)'
};

/** Why a name that exists in some JavaScript realm is refused, and what to use instead. */
const REFUSED_GLOBALS = new Map<string, string>();
const refuseGlobals = (names: string[], why: string) =>
  names.forEach((n) => REFUSED_GLOBALS.set(n, why));
refuseGlobals(['Date'], CAPABILITY_HINT.clock);
refuseGlobals(
  ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator'],
  CAPABILITY_HINT.network
);
refuseGlobals(['console'], CAPABILITY_HINT.log);
// prettier-ignore
refuseGlobals(
  [
    'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'queueMicrotask',
    'requestAnimationFrame', 'requestIdleCallback'
  ],
  'there are no timers: a handler runs once per event, to the end'
);
refuseGlobals(['eval', 'Function'], 'app code cannot turn text into code');
// prettier-ignore
refuseGlobals(
  [
    'globalThis', 'window', 'self', 'global', 'document', 'frames', 'parent', 'top', 'opener',
    'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'postMessage',
    'importScripts', 'process', 'require', 'module', 'exports', 'Buffer', 'Deno', 'Bun',
    'Reflect', 'Proxy', 'Symbol', 'Compartment', 'harden', 'lockdown', 'assert', 'WeakRef',
    'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'crypto', 'performance'
  ],
  'it reaches outside the app or into the internals of the sandbox'
);
// prettier-ignore
refuseGlobals(
  [
    'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Error', 'TypeError', 'RangeError', 'RegExp',
    'BigInt', 'Intl', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Int32Array', 'Float64Array',
    'Iterator', 'escape', 'unescape', 'encodeURI', 'decodeURI', 'structuredClone', 'atob', 'btoa',
    'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams'
  ],
  'it is not among the safe globals'
);

/** What a unit may name besides the safe globals, and which component it belongs to. */
export interface PolicyContext {
  /** The component's name, for the error paths of handlers and for messages. */
  readonly componentName: string;
  /**
   * Names the unit may read besides the safe globals: `state`, `props`, `caps`, and the `as`
   * names of the loops around an expression, or for a handler `event` and its params.
   */
  readonly names: readonly string[];
}

/** The parameters every handler function has in the module form, before its own params. */
const HANDLER_ARGS = ['state', 'event', 'props', 'caps'];

/**
 * The names in scope of one unit: an expression sees `state`, `props`, `caps` and the loop
 * variables around it; a handler sees `state`, `event`, `props`, `caps` and its own params (the
 * loop values passed in where it is used), never the loops themselves: it runs outside render.
 */
export function policyContext(unit: CodeUnit, componentName: string): PolicyContext {
  const names =
    unit.kind === 'expr'
      ? ['state', 'props', 'caps', ...unit.loops.map((l) => l.as)]
      : [...HANDLER_ARGS, ...unit.params];
  return { componentName, names: [...new Set(names)] };
}

/**
 * Every message the policy gives, in one place. Each says what is wrong and what to do instead,
 * for a person in the studio or the AI in its repair loop.
 */
const MESSAGES = {
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

/**
 * Checks one parsed unit against the policy and returns every violation (deduplicated by code,
 * message and place), each with the unit's path and a code frame pointing at the offending node.
 * An empty list means the unit may go on to the type check.
 */
export function checkPolicy(unit: CodeUnit, ast: t.File, context: PolicyContext): EditError[] {
  const report = reporter(unit, context.componentName);
  scanSesTokens(unit.source, report);
  if (unit.kind === 'handler') checkHandlerParams(unit, ast, context.componentName, report);
  traverse(ast, policyVisitor(unit, context, report));
  return report.errors;
}

interface Place {
  readonly line: number;
  readonly column: number;
}

/** Records one violation at a node or place; `short` labels the caret in the frame. */
type Report = ((code: ErrorCode, at: t.Node | Place, message: string, short?: string) => void) & {
  readonly errors: EditError[];
};

function reporter(unit: CodeUnit, componentName: string): Report {
  const errors: EditError[] = [];
  const seen = new Set<string>();
  const path = unitPath(unit, componentName);
  const report = (code: ErrorCode, at: t.Node | Place, message: string, short = 'refused') => {
    const { line, column } = 'type' in at ? (at.loc?.start ?? { line: 1, column: 0 }) : at;
    const key = `${code}\u0000${message}\u0000${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    const frame = codeFrame(unit.source, line, column, short);
    errors.push(editError(code, message, { path, frame }));
  };
  return Object.assign(report, { errors });
}

function placeAt(source: string, index: number): Place {
  const before = source.slice(0, index);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
  return { line, column };
}

/**
 * SES refuses a whole source that contains `import` followed by `(` or a comment (a dynamic
 * import it cannot see through its own scope), or an HTML comment token (which some parsers read
 * as a comment and others do not, hiding code from checks like these), even inside strings and
 * comments. The raw text is scanned, not the AST, because strings and comments count too.
 * `\bimport` mirrors SES's own test: `reimport(` is fine, `import /* x *\/ (` is not.
 */
const SES_TOKENS: readonly [RegExp, string, string][] = [
  [/\bimport\s*(?:\(|\/[/*])/g, 'import(', "split the word in strings ('imp' + 'ort(')"],
  [/<!--/g, '<!--', "split it in strings ('<!' + '--')"],
  [/-->/g, '-->', "write `x-- > y` with a space, or split it in strings ('--' + '>')"]
];

function scanSesTokens(source: string, report: Report): void {
  for (const [pattern, token, instead] of SES_TOKENS) {
    for (const match of source.matchAll(pattern)) {
      const at = placeAt(source, match.index ?? 0);
      report('E_POLICY_SES_TOKEN', at, MESSAGES.sesToken(token, instead), `${token} is refused`);
    }
  }
}

/**
 * A handler's params are filled, where a node uses the handler, from the loop variables of the
 * same name around that node. A param with no such loop around some use would be `undefined`
 * there, so the handler would quietly act on nothing (or on the wrong item): refused, naming the
 * use. A handler with params and no use yet is fine: it cannot run, and its first use is checked.
 */
function checkHandlerParams(
  unit: HandlerUnit,
  ast: t.File,
  componentName: string,
  report: Report
): void {
  const label = unitLabel(unit, componentName);
  const firstUse = firstReferences(ast, new Set(unit.params));
  const seen = new Set<string>();
  for (const param of unit.params) {
    const at = firstUse.get(param) ?? { line: 1, column: 0 };
    // A param that repeats a handler argument or another param is a duplicate parameter of the
    // handler function in the module form, which strict code refuses; `$` names are the runtime's.
    const why = param.startsWith('$')
      ? 'names starting with `$` belong to the runtime'
      : seen.has(param)
        ? 'it is listed twice'
        : HANDLER_ARGS.includes(param)
          ? `every handler already has \`${param}\``
          : undefined;
    if (why) report('E_HANDLER_PARAM', at, MESSAGES.badParam(label, param, why));
    seen.add(param);
    for (const use of unit.uses) {
      if (use.loops.some((loop) => loop.as === param)) continue;
      const short = `\`${param}\` is not a loop variable at ${use.node}`;
      report('E_HANDLER_PARAM', at, MESSAGES.paramOutsideLoop(label, param, use), short);
    }
  }
}

/** Where each of `names` is first read as a free name in the unit, for pointing frames at it. */
function firstReferences(ast: t.File, names: ReadonlySet<string>): Map<string, Place> {
  const found = new Map<string, Place>();
  if (names.size === 0) return found;
  traverse(ast, {
    Identifier(path) {
      const { name, loc } = path.node;
      if (!names.has(name) || found.has(name) || !path.isReferencedIdentifier()) return;
      if (loc && !path.scope.getBinding(name)) found.set(name, loc.start);
    }
  });
  return found;
}

/** Syntax refused outright, by node type, each with the attack or mistake it stops. */
const REFUSED_SYNTAX: Readonly<Record<string, readonly [ErrorCode, string]>> = {
  // `this` is the global object in a sloppy function called bare: the classic way out.
  ThisExpression: ['E_POLICY_THIS', MESSAGES.this],
  // `super` in an object method reaches Object.prototype; no app code needs it without classes.
  Super: ['E_POLICY_SYNTAX', MESSAGES.super],
  // `with` makes names resolve against an object at run time, so no name check can see them.
  WithStatement: ['E_POLICY_SYNTAX', MESSAGES.with],
  // Classes bring constructors, `super`, private fields and static blocks: more ways to reach
  // prototypes, for nothing plain objects and functions cannot do.
  ClassDeclaration: ['E_POLICY_SYNTAX', MESSAGES.class],
  ClassExpression: ['E_POLICY_SYNTAX', MESSAGES.class],
  // No `async` anywhere (see the Function visitor); a top-level `await` does not even parse.
  AwaitExpression: ['E_POLICY_SYNTAX', MESSAGES.await],
  // `debugger` would stop the sandbox worker under an inspector and hold the app.
  DebuggerStatement: ['E_POLICY_SYNTAX', MESSAGES.debugger],
  // Labels let `break`/`continue` jump past the call the loop guard puts at the top of loop bodies.
  LabeledStatement: ['E_POLICY_SYNTAX', MESSAGES.label],
  // `new` constructs from whatever a value's constructor is; every safe global is callable
  // without it, and nothing app code may name needs constructing.
  NewExpression: ['E_POLICY_SYNTAX', MESSAGES.new],
  // A dynamic import loads code from outside the compartment (SES refuses the text as well).
  ImportExpression: ['E_POLICY_IMPORT', MESSAGES.import],
  Import: ['E_POLICY_IMPORT', MESSAGES.import]
};

function policyVisitor(unit: CodeUnit, context: PolicyContext, report: Report): Visitor {
  const names = new Set(context.names);
  const isHandler = unit.kind === 'handler';
  // Loop variables around a handler's uses that it does not take as params: a common slip.
  const loopOnly = new Set(
    unit.kind === 'handler'
      ? unit.uses.flatMap((u) => u.loops.map((l) => l.as)).filter((n) => !names.has(n))
      : []
  );
  const visitor: Visitor = {
    Identifier(path) {
      const node = path.node;
      const binding = path.scope.getBinding(node.name);
      if (binding) {
        if (binding.identifier === node) checkDeclaredName(node, report);
        return;
      }
      // Labels are refused as syntax; their names are no variables.
      const parent = path.parent;
      if (t.isLabeledStatement(parent) || t.isBreakStatement(parent)) return;
      if (t.isContinueStatement(parent)) return;
      // A binding identifier without a binding is a write to a free name (`x = 1`).
      const generic = path as NodePath;
      if (generic.isReferencedIdentifier() || generic.isBindingIdentifier()) {
        checkFreeName(path, names, loopOnly, report);
      }
    },

    'MemberExpression|OptionalMemberExpression'(path) {
      checkMember(path as NodePath<t.MemberExpression | t.OptionalMemberExpression>, report);
    },

    ObjectProperty(path) {
      const { key: keyNode, computed } = path.node;
      const key = staticKey(keyNode, computed);
      if (key === undefined) return;
      const why = FORBIDDEN_MEMBERS.get(key);
      if (path.parentPath.isObjectPattern()) {
        // Destructuring reads members too: `const { constructor: F } = x` is `x.constructor`.
        if (why) report('E_POLICY_MEMBER', keyNode, MESSAGES.forbiddenMember(key, why));
      } else if (key === '__proto__' && !computed) {
        // `{ __proto__: x }` sets the new object's prototype: a forged object that inherits
        // from anything, past the type checks of the state.
        report('E_POLICY_MEMBER', keyNode, MESSAGES.protoKey);
      }
    },

    // Getters and setters run code on a plain read or write: the renderer, the state checks and
    // the commit would run app code where they expect data.
    ObjectMethod(path) {
      const { kind } = path.node;
      if (kind === 'get' || kind === 'set') {
        report('E_POLICY_ACCESSOR', path.node, MESSAGES.accessor(kind));
      }
    },

    Function(path) {
      // Generators suspend in the middle of a loop, out of the loop guard's sight, and hand out
      // iterators whose prototypes lead to %GeneratorFunction%, a code constructor.
      if (path.node.generator) report('E_POLICY_SYNTAX', path.node, MESSAGES.generator);
      // Decision: no `async` anywhere. A handler runs to completion on a draft of the state that
      // is committed when it returns, so writes after an `await` would land on a committed draft
      // (lost, or racing the next event); a render expression must give a value, not a promise.
      if (path.node.async) report('E_POLICY_SYNTAX', path.node, MESSAGES.async);
    },

    // `import.meta` does not parse in a script; refused here too should that ever change.
    MetaProperty(path) {
      const { meta, property } = path.node;
      if (meta.name === 'import') report('E_POLICY_IMPORT', path.node, MESSAGES.import);
      else report('E_POLICY_SYNTAX', path.node, MESSAGES.meta(`${meta.name}.${property.name}`));
    },

    AssignmentExpression(path) {
      checkWrite(path.node.left, path, 'assign');
    },
    UpdateExpression(path) {
      checkWrite(path.node.argument, path, 'change');
    },
    UnaryExpression(path) {
      if (path.node.operator === 'delete') checkWrite(path.node.argument, path, 'delete');
    },
    'ForInStatement|ForOfStatement'(path) {
      const { left } = path.node as t.ForInStatement | t.ForOfStatement;
      if (!t.isVariableDeclaration(left)) checkWrite(left, path, 'assign');
    },

    // In the module form a handler body is the body of a function whose parameters are the
    // handler arguments and params; a top-level `let state` there is a duplicate declaration that
    // strict code refuses at evaluation, long after the gate: refused here with a clear message.
    VariableDeclaration(path) {
      if (!isHandler || path.node.kind === 'var' || !path.parentPath.isProgram()) return;
      for (const declarator of path.node.declarations) {
        for (const [name, id] of Object.entries(t.getBindingIdentifiers(declarator.id))) {
          if (names.has(name)) report('E_POLICY_SYNTAX', id, MESSAGES.shadowsArgument(name));
        }
      }
    }
  };
  for (const [type, [code, message]] of Object.entries(REFUSED_SYNTAX)) {
    Object.assign(visitor, { [type]: (path: NodePath) => report(code, path.node, message) });
  }
  return visitor;

  /**
   * Writes. An expression only computes a value: render runs it again and again, so a write
   * there (to the state, or anywhere) would change data behind the edit path's back. A handler
   * writes to the state draft and to its own locals; a write to a handler param, `props`,
   * `event` or `caps` would be lost (they are copies or belong to others) or reach shared
   * values, and a write to any other name would create or clobber a global.
   */
  function checkWrite(target: t.Node, path: NodePath, verb: 'assign' | 'change' | 'delete') {
    if (!isHandler) {
      const what = verb === 'change' ? 'increment or decrement' : verb;
      report('E_POLICY_ASSIGN', path.node, MESSAGES.expressionWrite(what));
      return;
    }
    for (const leaf of writeTargets(target)) {
      const root = rootOf(leaf);
      if (t.isThisExpression(root)) continue; // reported as E_POLICY_THIS
      if (t.isIdentifier(root) && path.scope.getBinding(root.name)) continue; // a local
      const message = t.isIdentifier(root)
        ? refusedWrite(root.name, leaf === root, verb)
        : MESSAGES.writeOutside(verb);
      if (message) report('E_POLICY_ASSIGN', leaf, message, `cannot ${verb} this`);
    }
  }

  function refusedWrite(name: string, whole: boolean, verb: string): string | undefined {
    if (name === 'state') return whole ? MESSAGES.writeState(verb) : undefined;
    if (unit.kind === 'handler' && unit.params.includes(name)) {
      const loop = unit.uses.flatMap((u) => u.loops).find((l) => l.as === name);
      const where = loop ? `\`${loop.items}\` (for example with \`.find(...)\`)` : '`state`';
      return MESSAGES.writeParam(name, where);
    }
    if (name === 'props') return MESSAGES.writeProps;
    if (name === 'event') return MESSAGES.writeEvent;
    if (name === 'caps') return MESSAGES.writeCaps;
    return MESSAGES.writeOutside(verb, name);
  }
}

/** The places a write lands: the target itself, or each leaf of a destructuring pattern. */
function writeTargets(target: t.Node): t.Node[] {
  if (t.isObjectPattern(target)) {
    return target.properties.flatMap((p) =>
      writeTargets(t.isRestElement(p) ? p.argument : p.value)
    );
  }
  if (t.isArrayPattern(target)) return target.elements.flatMap((e) => (e ? writeTargets(e) : []));
  if (t.isAssignmentPattern(target)) return writeTargets(target.left);
  if (t.isRestElement(target)) return writeTargets(target.argument);
  return [target];
}

/** The object a member chain starts from: `state` in `state.items.find(f).done`. */
function rootOf(node: t.Node): t.Node {
  let at = node;
  for (;;) {
    if (t.isMemberExpression(at) || t.isOptionalMemberExpression(at)) at = at.object;
    else if (t.isCallExpression(at) || t.isOptionalCallExpression(at)) at = at.callee;
    else return at;
  }
}

/** The name a member or property key spells, when it is static: `.x`, `['x']`, `` [`x`] ``. */
function staticKey(key: t.Node, computed: boolean): string | undefined {
  if (!computed && t.isIdentifier(key)) return key.name;
  if (t.isStringLiteral(key)) return key.value;
  if (t.isTemplateLiteral(key) && key.expressions.length === 0) {
    return key.quasis[0].value.cooked ?? undefined;
  }
  if (t.isNumericLiteral(key)) return String(key.value);
  return undefined;
}

/**
 * Members. A forbidden name is refused on any object, as `.name`, `['name']` or `` [`name`] ``
 * (Unicode escapes in identifiers are decoded by the parser, so `\u0063onstructor` is caught
 * too). A member computed at run time (`x['constr' + 'uctor']`) cannot be checked here; it is
 * allowed on purpose: after lockdown every intrinsic is frozen and the Function constructor a
 * compartment hands out evaluates inside that compartment, so it reaches nothing new. Members of
 * the safe namespaces are checked against their lists, and must be named statically.
 */
function checkMember(
  path: NodePath<t.MemberExpression | t.OptionalMemberExpression>,
  report: Report
): void {
  const { object, property, computed } = path.node;
  const key = t.isPrivateName(property) ? undefined : staticKey(property, computed);
  const why = key === undefined ? undefined : FORBIDDEN_MEMBERS.get(key);
  if (key !== undefined && why) {
    report('E_POLICY_MEMBER', property, MESSAGES.forbiddenMember(`.${key}`, why));
    return;
  }
  if (!t.isIdentifier(object) || path.scope.getBinding(object.name)) return;
  const safe = SAFE.get(object.name);
  if (!safe) return; // a context name (state, item, ...) or a refused global, reported on its own
  const name = object.name;
  if (key === undefined) {
    report('E_POLICY_MEMBER', property, MESSAGES.unnamedMember(name, safe.members[0] ?? 'name'));
  } else if (name === 'Math' && key === 'random') {
    report('E_POLICY_MEMBER', property, MESSAGES.mathRandom);
  } else if (!safe.members.includes(key)) {
    const near = closest(key, safe.members);
    const instead = near
      ? `did you mean \`${name}.${near}\`?`
      : safe.members.length
        ? `the members of \`${name}\` app code may use are ${safe.members.join(', ')}`
        : `app code may not use members of \`${name}\``;
    const short = near ? `did you mean \`${near}\`?` : undefined;
    report('E_POLICY_MEMBER', property, MESSAGES.member(name, key, instead), short);
  }
}

/**
 * A declared local. Names starting with `$` are the runtime's (`$guard`, `$each`, ...): a local
 * `$guard` would shadow the loop guard inside the function that declares it and let a loop there
 * run away. `eval` and `arguments` cannot be declared in strict code.
 */
function checkDeclaredName(node: t.Identifier, report: Report): void {
  const name = node.name;
  if (name.startsWith('$')) report('E_POLICY_GLOBAL', node, MESSAGES.runtimeName(name));
  else if (name === 'eval' || name === 'arguments') {
    report('E_POLICY_GLOBAL', node, MESSAGES.strictName(name));
  }
}

/**
 * A free name (read or written, not declared in the unit). Only the context names and the safe
 * globals exist; anything else is refused, both to keep the realm's powers out (`globalThis`,
 * `Function`, `Date`, ...) and because SES turns an unknown global into `undefined`, so a typo
 * would fail silently at run time instead of here.
 */
function checkFreeName(
  path: NodePath<t.Identifier>,
  names: ReadonlySet<string>,
  loopOnly: ReadonlySet<string>,
  report: Report
): void {
  const node = path.node;
  const name = node.name;
  const refuse = (message: string, short?: string) =>
    report('E_POLICY_GLOBAL', node, message, short);
  // `$guard = null` or `$each(...)`: the runtime's globals are not app code's to touch.
  if (name.startsWith('$')) return refuse(MESSAGES.runtimeName(name));
  if (names.has(name)) return;
  const safe = SAFE.get(name);
  if (safe) {
    // A namespace passed around as a value escapes its member list (`const M = Math; M.random()`).
    const parent = path.parent;
    const isObject =
      (t.isMemberExpression(parent) || t.isOptionalMemberExpression(parent)) &&
      parent.object === node;
    if (!safe.bare && !isObject) refuse(MESSAGES.namespace(name, safe.members[0]));
    return;
  }
  const why = REFUSED_GLOBALS.get(name);
  if (why) return refuse(MESSAGES.refusedGlobal(name, why));
  if (loopOnly.has(name)) return refuse(MESSAGES.loopNotParam(name));
  if (name === 'arguments') return refuse(MESSAGES.arguments);
  const near = closest(name, [...names, ...SAFE.keys()]);
  if (near) refuse(MESSAGES.typo(name, near), `did you mean \`${near}\`?`);
  else refuse(MESSAGES.unknown(name, names), 'not defined');
}

/** The candidate nearest to `name` by edit distance (case-insensitive), if it is close enough. */
function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, with an adjacent swap counting as one edit (`sate`/`stae` → `state`). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
