/**
 * The phrasings of the grammar nearest to words the planner could not read, and the refusal that
 * offers them: for a whole request, or for one part of it (offline-partial.ts). Pure.
 */
import { OFFLINE_RULES } from './offline-grammar';
import type { OfflineTurn } from './offline-turn';

// Words that say nothing about which rule is meant.
const STOP = new Set(
  'a an the to of in on at for and or with my our your this that it is be me i can could would please some'.split(
    ' '
  )
);
// Verbs that mean the same to the grammar.
const VERB: Record<string, string> = {
  delete: 'remove',
  drop: 'remove',
  erase: 'remove',
  put: 'add',
  insert: 'add',
  create: 'add',
  colour: 'make',
  color: 'make',
  turn: 'make',
  paint: 'make',
  set: 'change',
  update: 'change',
  rename: 'change',
  edit: 'change',
  drag: 'move',
  shift: 'move'
};

function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => VERB[w] ?? w.replace(/(?:ies)$/, 'y').replace(/(?<=\w{3})s$/, ''));
}

/**
 * The phrasings of the grammar nearest to a request: every rule's examples, ranked by the words
 * they share with it, the verb counting double; three, the nearest first.
 */
export function nearestPhrasings(text: string): string[] {
  const said = stems(text);
  const words = new Set(said);
  const verb = said[0];
  const scored = OFFLINE_RULES.flatMap((rule, r) =>
    rule.examples.map((example, e) => {
      const own = stems(example);
      const shared = new Set(own.filter((w) => words.has(w))).size;
      return { example, score: shared + (own[0] === verb ? 1 : 0), order: r * 100 + e };
    })
  );
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // One per rule first, so three suggestions show three kinds of request.
  const out: string[] = [];
  const rules = new Set<string>();
  for (const s of scored) {
    const rule = OFFLINE_RULES.find((r) => r.examples.includes(s.example))!.id;
    if (s.score > 0 && !rules.has(rule)) {
      out.push(s.example);
      rules.add(rule);
    }
    if (out.length === 3) return out;
  }
  for (const fallback of ['make the button red', 'add a dark mode toggle', 'add a counter'])
    if (out.length < 3 && !out.includes(fallback)) out.push(fallback);
  return out;
}

/** The refusal of a request outside the grammar, with the three phrasings nearest to it. */
export function refusal(text: string): OfflineTurn {
  const suggestions = nearestPhrasings(text);
  const examples = suggestions.map((e) => `“${e}”`).join(', ');
  return {
    kind: 'refusal',
    suggestions,
    text:
      'Without an AI model connected I understand only a set of common requests: adding an element, ' +
      'an input with its state, a counter or a dark mode toggle; adding a field to list items; ' +
      'clearing, sorting, searching, filtering, counting or totalling a list; a character counter; a default value; ' +
      'removing, moving, retexting, restyling or aligning an element, or putting elements side by side; ' +
      'renaming the app, a component or a state field. ' +
      `Name an element by its type, its text in quotes, its id, or "this" for the selection. The nearest I understand: ${examples}.`
  };
}
