/**
 * A badge (or a short text) in every row of a list, or only in the rows whose item is done
 * (issue 15): "put a little badge that says done next to the finished ones", "add a tag saying
 * new on each todo", "show a 'paid' label next to the paid expenses". The badge goes into the
 * Each's row right after the element that shows the item's text; for "the finished ones" it sits
 * in a condition on the item's yes/no field. Any list whose rows are a Stack. Pure.
 */
import { childrenOf, type NodeRecord, type Op } from '../model/types';
import { pickList, qualifier } from './offline-list-shape';
import { describeNode, type Scene } from './offline-refs';
import { literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const ROW_BADGE =
  /^(?:add|put|show|place|give|display)\s+(?:(?:a|an|one)\s+)?(?:(?:little|small|tiny|short)\s+)?(?:(⟦\d+⟧)\s+)?(badge|tag|pill|label|text)\s+(?:(?:that says|which says|saying|that reads|reading|called|named|labell?ed|with the (?:text|word)|showing)\s+)?(.*?)\s*(?:(?:right\s+)?next to|beside|by|on|in|to|for|after|alongside)\s+(?:each of\s+|every one of\s+)?(.+)$/i;
// The words after "next to" name rows: "each todo", "the finished ones", "every done item".
const ROWS = /\b(?:each|every|all|ones?|rows?|items?)\b|s$/i;

/** "put a little badge that says done next to the finished ones". */
export function rowBadge(scene: Scene, temps: TempIds): RuleResult {
  const m = ROW_BADGE.exec(scene.u.text);
  if (!m || !ROWS.test(m[4]) || Boolean(m[1]) === Boolean(m[3])) return null;
  const rule = 'row-badge';
  const phrase = m[4];
  const kind = m[2].toLowerCase();
  const bare = phrase.replace(
    /\b(?:\w+ed|done|finished|unfinished|active|open|remaining|pending|not|that|which|are|is|ones?|rows?)\b/gi,
    ' '
  );
  const picked = pickList(scene, bare.trim());
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  const { list } = picked;
  const q = qualifier(list, phrase);
  if ('question' in q) return ask(rule, q.question);
  // Words left over that are not the list's name: the place is not one this rule reads.
  const again = pickList(scene, q.rest.replace(/\b(?:ones?|rows?|items?|each|every)\b/gi, ' '));
  if (!again || 'question' in again || again.list.field !== list.field) return null;
  const text = literal(scene.u, m[1] ?? m[3]);
  if (!text) return ask(rule, `What should the ${kind} say?`);
  const rows = childrenOf(scene.model, list.each.id).map((id) => scene.model.nodes.get(id)!);
  const row = rows.length === 1 && rows[0].type === 'Stack' ? rows[0] : null;
  if (!row)
    return ask(
      rule,
      `The rows of ${describeNode(list.each)} are not one row element, so I do not know where in them the ${kind} goes. Put the row in a Stack first.`
    );
  // Right after the element that shows the item (its text or checkbox), else at the row's end.
  const kids = childrenOf(scene.model, row.id).map((id) => scene.model.nodes.get(id)!);
  const shows = kids.findIndex((n) => mentions(n, list.as));
  const index = shows >= 0 ? shows + 1 : undefined;
  const type = kind === 'text' ? 'Text' : 'Badge';
  const ops: Op[] = [];
  let parent = row.id;
  if (q.which) {
    const cond = temps.next();
    ops.push({
      op: 'addNode',
      parent: row.id,
      type: 'If',
      id: cond,
      ...(index !== undefined ? { index } : {}),
      props: { when: { $expr: `${q.which.value ? '' : '!'}${list.as}.${q.which.field}` } }
    });
    parent = cond;
  }
  ops.push({
    op: 'addNode',
    parent,
    type,
    id: temps.next(),
    ...(!q.which && index !== undefined ? { index } : {}),
    props:
      type === 'Badge'
        ? { text, tone: q.which?.value ? 'success' : 'neutral' }
        : { text, size: 'sm', tone: 'muted' }
  });
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Add ${type === 'Badge' ? 'a Badge' : 'a Text'} "${text}" in each row of ${describeNode(list.each)}${q.which ? `, shown only for the ${list.field} that are ${q.which.words}` : ''}`
  };
}

/** Whether a node shows the loop variable (the row's checkbox or text). */
function mentions(node: NodeRecord, as: string): boolean {
  return Object.values(node.props).some(
    (v) =>
      v !== null &&
      typeof v === 'object' &&
      '$expr' in v &&
      new RegExp(`\\b${as}\\.`).test(String((v as { $expr: unknown }).$expr))
  );
}
