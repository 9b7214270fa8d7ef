/**
 * List requests said in other words, rewritten into the words the list recipes read (issue 15):
 * a search box said by what it is for, and a place said by the list's own name ("above the
 * tasks" is above the list that holds them). Pure.
 */
import { pickList } from './offline-list-shape';
import type { Scene } from './offline-refs';

/**
 * A search said another way, in the grammar's words: "filter box above the tasks so i can type
 * and only see matching ones", "add a box to filter the todos as I type". What the box is for
 * ("so I can type", "to only see matching ones") is what a search box does, so it is dropped.
 */
export function searchWording(scene: Scene, text: string): string {
  const said = text
    .replace(/^(?:an?\s+)?(?=(?:search|filter|find)\s*(?:box|bar|field|input)\b)/i, 'add a ')
    .replace(
      /^((?:add|put|create|give me)\s+(?:an?\s+)?)(?:text\s+)?(?:box|field|input)\s+(?:to|that|which|so (?:i|we|you|people) can)\s+(?:filter|search)(?:es)?\s+/i,
      '$1search box for '
    )
    .replace(
      /\s+(?:so(?: that)?\s+(?:i|we|you|people|users)\s+can|to let (?:me|us|people)|where (?:i|we) can)\s+(?:type|search|find|filter|look)\b.*$/i,
      ''
    )
    .replace(/\s+(?:to|and)\s+only\s+(?:see|show)\s+(?:the\s+)?(?:matching|matches)\b.*$/i, '')
    .replace(/\s+(?:as|while|when)\s+(?:i|we|you|they|people)\s+type$/i, '')
    .trim();
  return listPlace(scene, said);
}

/**
 * "above the tasks", "under my todos": a place next to the list named by its items, said with the
 * list's id so the placement reads it. Anything else is left as it is.
 */
export function listPlace(scene: Scene, text: string): string {
  return text.replace(
    /\b(above|below|under|over|before|after|beneath|underneath)\s+(?:the\s+|my\s+|all\s+the\s+)?(\w+)$/i,
    (whole, where: string, words: string) => {
      if (/^(?:list|heading|button|title|form|page|app|card|top|bottom)$/i.test(words))
        return whole;
      const picked = pickList(scene, words);
      return picked && 'list' in picked ? `${where} ${picked.list.each.id}` : whole;
    }
  );
}
