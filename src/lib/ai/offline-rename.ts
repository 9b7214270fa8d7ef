/**
 * The offline rules that rename: the app's title, a component, a state field (with its data,
 * bindings and the code that reads it). Pure: each returns a proposal, a question, or null.
 */
import { ELEMENTS } from '../schema/elements';
import { componentByName, type Op } from '../model/types';
import { describeNode, findElement, type Scene } from './offline-refs';
import { renameStateBatch } from '../code/rename';
import { camelName, labelFor, literal, pascalName } from './offline-text';
import { ask, type RuleResult } from './offline-turn';

const RENAME_APP = [
  /^(?:rename|retitle|call|name|title)\s+(?:the\s+|this\s+|my\s+|our\s+)?(?:app|application|project)\s+(?:to\s+|as\s+)?(.+)$/i,
  /^(?:change|set|update|make)\s+(?:the\s+|this\s+)?(?:app(?:lication)?(?:'s)?\s+(?:title|name)|(?:title|name)\s+of\s+(?:the\s+|this\s+)?(?:app|application))\s+(?:to|as|into)\s+(.+)$/i
];

/** "rename the app to Groceries": the app's title. */
export function renameApp(scene: Scene): RuleResult {
  const rule = 'rename-app';
  const m = RENAME_APP.map((r) => r.exec(scene.u.text)).find(Boolean);
  if (!m) return null;
  const title = literal(scene.u, m[1]);
  if (!title) return ask(rule, 'What should the app be called?');
  if (title.length > 200) return ask(rule, 'An app title holds at most 200 characters. Shorter?');
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setMeta', name: 'title', value: title }],
    summary: `Rename the app from "${scene.model.meta.title}" to "${title}"`
  };
}

const RENAME_COMPONENT = [
  /^rename\s+(?:the\s+)?component\s+(\S+)\s+(?:to|as|into)\s+(.+)$/i,
  /^rename\s+(?:the\s+)?(\S+)\s+component\s+(?:to|as|into)\s+(.+)$/i,
  /^rename\s+(\S+)\s+(?:to|as|into)\s+(.+)$/i
];

/** "rename component Row to TodoRow". */
export function renameComponent(scene: Scene): RuleResult {
  const rule = 'rename-component';
  const { model, u } = scene;
  for (const [i, pattern] of RENAME_COMPONENT.entries()) {
    const m = pattern.exec(u.text);
    if (!m) continue;
    const said = literal(u, m[1]);
    // The bare form must name the component exactly: "rename app to X" means the app's title.
    const component = [...model.components.values()].find((c) =>
      i === 2 ? c.name === said : c.name.toLowerCase() === said.toLowerCase()
    );
    // The bare form ("rename App to Main") is this rule only when it names a component.
    if (!component) {
      if (i === 2) return null;
      const names = [...model.components.values()].map((c) => c.name).join(', ');
      return ask(rule, `There is no component "${said}". The components are: ${names}.`);
    }
    const typed = literal(u, m[2]);
    const name = /^[A-Z][A-Za-z0-9]*$/.test(typed) ? typed : pascalName(typed);
    if (!/^[A-Z][A-Za-z0-9]{0,63}$/.test(name))
      return ask(
        rule,
        `"${typed}" cannot name a component: use letters and digits, starting with a capital (like "TodoRow").`
      );
    if (ELEMENTS.has(name)) return ask(rule, `"${name}" is a built-in element; pick another name.`);
    if (name !== component.name && componentByName(model, name))
      return ask(rule, `A component is already called ${name}; pick another name.`);
    return {
      kind: 'batch',
      rule,
      ops: [{ op: 'renameComponent', name: component.name, newName: name }],
      summary: `Rename component ${component.name} to ${name}`
    };
  }
  return null;
}

const RENAME_FIELD = /^(?:rename|change|call)\s+(.+?)\s+(?:to|as|into)\s+(.+)$/i;
// Words that say a state field is meant, not an element.
const FIELD_WORDS =
  /\b(?:state(?:\s+(?:field|variable|value|key))?|variable|property|data(?:\s+field)?|field name)\b/i;
const IN_STATE =
  /\s+(?:in|of|from|on)\s+(?:the\s+)?(?:[\w-]+(?:'s)?\s+)?(?:state|data|app's data|model|items?|records?|entries)$/i;

// A remark in brackets at the end: "(the data, not just the label)".
const REMARK = /\s*\(([^()]*)\)\s*$/;
// Where the rename reaches, said after the new name.
const EVERYWHERE =
  /\s+(?:everywhere|throughout(?:\s+the\s+(?:app|code))?|all over(?:\s+the\s+app)?|across the (?:app|board|whole app)|in (?:every|each) place|in all places)$/i;
const LABEL_TOO =
  /\b(?:not just|not only|and|also|too|as well|both)\b.*\blabels?\b|\blabels?\b.*\b(?:too|as well|also)\b/i;

/**
 * "rename count to clicks in the state", "rename the step field to increment": a state field,
 * renamed with `renameState` so its data and bindings follow, and the code that reads it
 * rewritten. A name that is both a field and an element's text is a question.
 */
export function renameField(scene: Scene): RuleResult {
  const rule = 'rename-field';
  const m = RENAME_FIELD.exec(scene.u.text);
  if (!m) return null;
  let ref = literal(scene.u, m[1]);
  let to = m[2];
  // A remark in brackets is about the rename, never part of the name: "(the data, not just
  // the label)". Words after the name that say where ("everywhere") are read, not named.
  const remark = REMARK.exec(to);
  to = to.slice(0, remark ? remark.index : to.length);
  if (remark && !FIELD_WORDS.test(remark[1]) && !/\blabels?\b/i.test(remark[1])) return null;
  const everywhere = EVERYWHERE.exec(to);
  to = to.slice(0, everywhere ? everywhere.index : to.length);
  // "everywhere" or "not just the label": the labels that spell the old name follow too.
  const relabel = Boolean(everywhere) || Boolean(remark && LABEL_TOO.test(remark[1]));
  let sure =
    IN_STATE.test(to) ||
    FIELD_WORDS.test(ref) ||
    relabel ||
    Boolean(remark && FIELD_WORDS.test(remark[1]));
  to = literal(scene.u, to.replace(IN_STATE, ''));
  const field = /^(?:the\s+)?(?:state\s+)?(?:field|variable|property|value|key)\s+(.+)$/i.exec(ref);
  const named = /^(?:the\s+)?(.+?)\s+(?:state\s+)?(?:field|variable|property|value|key)$/i.exec(
    ref
  );
  const explicit = Boolean(field || named);
  ref = (field?.[1] ?? named?.[1] ?? ref).replace(/^(?:the|my|our)\s+/i, '').trim();
  const owners = [...scene.model.components.values()].filter(
    (c) => Object.hasOwn(c.state, ref) || Object.hasOwn(c.state, camelName(ref))
  );
  if (owners.length === 0) {
    if (!sure) return null;
    // "rename title to text in the todo data": a field the words say is data is never a text
    // change. A field of each list item is not one renameState moves, so it is the question.
    const inItems = [...scene.model.components.values()].some((c) =>
      Object.values(c.state).some((f) => JSON.stringify(f.type).includes(`"${ref}"`))
    );
    return ask(
      rule,
      inItems
        ? `"${ref}" is a field of each item in a list; renaming it in every item and in the code that reads it needs an AI model connected, so I have changed nothing. A field of the app's own state I can rename ("rename the state field … to …").`
        : `There is no state field "${ref}". ${stateNames(scene)}`
    );
  }
  if (owners.length > 1)
    return ask(
      rule,
      `Several components have a state field "${ref}": ${owners.map((c) => c.name).join(', ')}. Which one?`
    );
  const component = owners[0];
  const from = Object.hasOwn(component.state, ref) ? ref : camelName(ref);
  // Without a word that says "state", an element the words also name makes it a question.
  if (!sure) {
    const element = findElement(scene, m[1]);
    if (element.ok && !explicit) return null;
    if (element.ok)
      return ask(
        rule,
        `Do you mean the state field ${from} (renamed, its data follows) or the text of ${describeNode(element.value)}? Say "rename the state field ${from} to …" or "change the text of the ${element.value.type.toLowerCase()} to …".`
      );
    sure = true;
  }
  const name = /^[A-Za-z_$][\w$]*$/.test(to) ? to : camelName(to);
  if (!name || !/^[A-Za-z_$][\w$]{0,63}$/.test(name))
    return ask(rule, `"${to}" cannot name a state field: use letters and digits, like "clicks".`);
  if (name === from) return ask(rule, `The field is already called ${from}.`);
  if (Object.hasOwn(component.state, name) || Object.hasOwn(component.handlers, name))
    return ask(rule, `${component.name} already has something called ${name}; pick another name.`);
  const batch = renameStateBatch(scene.model, component.name, from, name);
  if (!batch.ok)
    return ask(
      rule,
      `I could not rename ${from}: ${batch.errors.map((e) => e.message).join('; ')}.`
    );
  const labels = relabel ? relabelOps(scene, component.id, from, name) : [];
  return {
    kind: 'batch',
    rule,
    ops: [...batch.ops, ...labels.map((l) => l.op)],
    summary:
      `Rename the state field ${from} of ${component.name} to ${name} (its data, bindings and the code that reads it follow)` +
      (labels.length ? `, and ${labels.map((l) => l.said).join(', ')}` : '')
  };
}

/**
 * The labels of the elements bound to a renamed field that spell its old name ("Step" on the
 * Slider bound to `step`), set to the new name's label: what "everywhere" adds to a rename.
 */
function relabelOps(
  scene: Scene,
  componentId: string,
  from: string,
  to: string
): { op: Op; said: string }[] {
  const out: { op: Op; said: string }[] = [];
  for (const node of scene.model.nodes.values()) {
    if (node.component !== componentId) continue;
    const bound = Object.values(node.props).some(
      (v) =>
        v && typeof v === 'object' && !Array.isArray(v) && (v as { $bind?: unknown }).$bind === from
    );
    const label = node.props.label;
    if (!bound || typeof label !== 'string') continue;
    if (label.trim().toLowerCase() !== labelFor(from).toLowerCase()) continue;
    out.push({
      op: { op: 'setProp', id: node.id, name: 'label', value: labelFor(to) },
      said: `the label of ${describeNode(node)} becomes "${labelFor(to)}"`
    });
  }
  return out;
}

/** The state fields there are, for a question. */
function stateNames(scene: Scene): string {
  const names = [...scene.model.components.values()].flatMap((c) =>
    Object.keys(c.state).map((f) => (scene.model.components.size > 1 ? `${c.name}.${f}` : f))
  );
  return names.length ? `The state fields are: ${names.join(', ')}.` : 'The app has no state yet.';
}
