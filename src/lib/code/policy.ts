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
import type { EditError, ErrorCode } from '../ops/errors';
import { checkDeclaredName, checkFreeName } from './policy-identifier';
import { checkMember, staticKey } from './policy-member';
import { MESSAGES } from './policy-messages';
import { FORBIDDEN_MEMBERS } from './policy-names';
import { placeAt, reporter, type Place, type Report } from './policy-report';
import { checkWrite } from './policy-write';
import { unitLabel, type CodeUnit, type HandlerUnit } from './units';

export { SAFE_GLOBALS, type SafeGlobal } from './policy-names';

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
      checkWrite(unit, report, path.node.left, path, 'assign');
    },
    UpdateExpression(path) {
      checkWrite(unit, report, path.node.argument, path, 'change');
    },
    UnaryExpression(path) {
      if (path.node.operator === 'delete')
        checkWrite(unit, report, path.node.argument, path, 'delete');
    },
    'ForInStatement|ForOfStatement'(path) {
      const { left } = path.node as t.ForInStatement | t.ForOfStatement;
      if (!t.isVariableDeclaration(left)) checkWrite(unit, report, left, path, 'assign');
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
}
