/**
 * The member rules (`x.name`, `x['name']`, destructuring keys): the members that lead to the
 * Function constructor or the shared prototypes are refused on any object, and the safe
 * namespaces may be used only through their listed members.
 */
import type { NodePath } from '@babel/traverse';
import * as t from '@babel/types';
import { closest } from './policy-identifier';
import { MESSAGES } from './policy-messages';
import { FORBIDDEN_MEMBERS, SAFE } from './policy-names';
import type { Report } from './policy-report';

/** The name a member or property key spells, when it is static: `.x`, `['x']`, `` [`x`] ``. */
export function staticKey(key: t.Node, computed: boolean): string | undefined {
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
export function checkMember(
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
