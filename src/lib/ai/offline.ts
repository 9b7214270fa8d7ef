/**
 * The offline planner: what the AI sidebar uses when no Anthropic API key is set. A documented
 * grammar of common requests (OFFLINE_RULES), each mapped to a batch of ops that goes through the
 * same plan, compile gate and preview as the model's. Pure and deterministic: no network, no
 * randomness; the only ids it makes are temporary ids (`new1`, ...) that the planner maps.
 *
 * A request it understands becomes a batch; one it understands but cannot resolve (a reference
 * matching two elements, a colour the element does not have) becomes a question; anything else a
 * refusal that says what is understood. Every batch is planned here once before it is returned,
 * so a batch the planner would refuse comes back as a question with the planner's reason instead.
 */
import { seededIds } from '../model/ids';
import type { AppModel, JsonValue, NodeRecord, Op } from '../model/types';
import { planOps, type Actor } from '../ops/plan';
import { changeStyle, changeText, moveElement, removeElement } from './offline-edit';
import { addElement, addTarget } from './offline-add';
import { renameApp, renameComponent, renameField } from './offline-rename';
import { addItemField } from './offline-items';
import { clearList, markAll, sortList } from './offline-lists';
import { addCharCounter, setDefault } from './offline-fields';
import { addSetterButton } from './offline-setter';
import { setRange } from './offline-range';
import { swapElements } from './offline-swap';
import { restyle } from './offline-look';
import { setStep } from './offline-step';
import { build } from './offline-build';
import { gatedCheckbox } from './offline-gate';
import { limitField } from './offline-limit';
import { alignElement, sideBySide, wholeSideBySide } from './offline-layout';
import { instructions, KEEP, looseInstructions, STAYS, STILL, topic } from './offline-split';
import { countList, filterList, searchList } from './offline-list-views';
import { addCounter, addDarkMode, addInput, bindingOf } from './offline-recipes';
import { describeNode, findElements, type Scene } from './offline-refs';
import { normalise } from './offline-normal';
import { unsafeRequest } from './offline-safety';
import { literal, prepare, type Utterance } from './offline-text';
import { ask, TempIds, type OfflineTurn, type RuleResult } from './offline-turn';
import { guardTexts, holdsMore } from './offline-guard';
import { guardNames } from './offline-guard-names';
import { refusal } from './offline-nearest';
import { partlyRead, PRONOUN } from './offline-partial';
import { rowBadge } from './offline-row-badge';
import { elementTheme } from './offline-theme';
import { addSeveral, severalWhole } from './offline-several';
import { addLink, linkWhole } from './offline-link';
import { grantOrigins } from './offline-origins';
import { numberHistory } from './offline-history';
import { textWithValue } from './offline-echo';
import { conditionalText } from './offline-whether';
import { percentDone } from './offline-list-percent';
import { buttonSetsValue } from './offline-sets-value';
import { newItemsFirst, prependWhole } from './offline-list-prepend';
import { setNumberProp } from './offline-prop-number';
import { alsoWhole, buttonAlso } from './offline-also';
import { stackVertically } from './offline-stack';
import { valueFirst } from './offline-value-first';
import { expressionText } from './offline-expr-text';
import { makeOptional } from './offline-optional';
import { appositions, placeNameClash } from './offline-apposition';

export type { OfflineTurn } from './offline-turn';

/** What the sidebar knows besides the words. */
export interface OfflineOptions {
  /** Id of the node selected on the canvas: "this", "it" and "the selected one" name it. */
  readonly selection?: string | null;
}

export { OFFLINE_RULES } from './offline-grammar';
export { nearestPhrasings } from './offline-nearest';

/** The planner's own check runs as an owner: the sidebar plans again as the person who asked. */
const SELF_CHECK: Actor = { id: 'offline-planner', role: 'owner' };

/** Plans one request against the app. Pure: the same model, words and selection give the same turn. */
export function offlinePlan(
  model: AppModel,
  message: string,
  options: OfflineOptions = {}
): OfflineTurn {
  // A Link or Image at an outside address comes with its origin granted (./offline-origins.ts).
  return grantOrigins(model, planMessage(model, message, options));
}

/** The request read and planned, before any origin it needs is granted. */
function planMessage(model: AppModel, message: string, options: OfflineOptions): OfflineTurn {
  const said = prepare(message);
  const selection = options.selection ? (model.nodes.get(options.selection) ?? null) : null;
  if (!said.text) return refusal(said.text);
  // Before any rule: an unsafe request is refused with its reason, however it is phrased.
  const unsafe = unsafeRequest(said, message);
  if (unsafe) return { kind: 'refusal', code: unsafe.code, text: unsafe.text, suggestions: [] };
  if (!model.components.size)
    return ask(null, 'This app has no component yet; start it from a template first.');
  const turn = planSaid(model, said, selection);
  // "… should say Got it, thanks!": the "thanks" at the end may be the text's own. Read with it
  // kept too; when that is another change, which one was meant is a question, never a guess.
  const whole = prepare(message, true);
  if (whole.text === said.text) return turn;
  // "change the heading to Thanks", "a text saying thank you": without its last words the request
  // says nothing after "to" or "saying", so those words are the text.
  const open = /\b(?:to|saying|says|say|called|named|labell?ed|titled|reading|as)$/i.test(
    said.text
  );
  if (turn.kind !== 'batch' && !open) return turn;
  const other = planSaid(model, whole, selection);
  if (open || (turn.kind !== 'batch' && other.kind === 'batch')) return other;
  if (turn.kind !== 'batch') return turn;
  if (other.kind !== 'batch' || JSON.stringify(other.ops) === JSON.stringify(turn.ops)) return turn;
  const tail = literal(whole, whole.text.slice(said.text.length));
  return ask(
    turn.rule,
    `Is "${tail}" at the end part of the new text, or said to me? I can read it either way, so I have changed nothing. Put the text in quotes ("…") and I will set it exactly as written.`
  );
}

/** One reading of a request: normalised, split into instructions, each planned. */
function planSaid(model: AppModel, said: Utterance, selected: NodeRecord | null): OfflineTurn {
  // "the first box, Email": a place and a name that disagree are a question, never a guess.
  const clash = placeNameClash(model, said);
  if (clash) return clash;
  let u = normalise(model, appositions(model, said));
  let selection = selected;
  // "Reset button: make it say Zero": what follows the colon is said of that element.
  const about = topic(model, u);
  if (about) {
    selection = about.node;
    u = { ...u, text: about.text };
  }
  const temps = new TempIds(model);
  // "and" inside a side-by-side request joins the elements, it does not start an instruction.
  // "swap the name and email fields": the "and" joins the two, it starts no instruction.
  // "three buttons in a row: Red, Green, Blue": the commas and "and" join a list of texts.
  // "swap the minus and plus; move plus to the left": only the swap's own "and" is kept whole.
  const swap = /^(?:swap|exchange)\s/i.test(u.text);
  if (swap && /;\s/.test(u.text))
    return planPieces(model, said, u, u.text.split(/\s*;\s+/), selection, temps);
  const whole =
    wholeSideBySide(u.text) ||
    swap ||
    severalWhole({ model, selection, u }) ||
    linkWhole({ model, selection, u }) ||
    prependWhole(u.text) ||
    alsoWhole(u.text);
  const pieces = whole ? [u.text] : instructions(model, u.text, u);
  const turn = planPieces(model, said, u, pieces, selection, temps);
  // The last look's question already quotes the words that hold more: it is the better answer.
  if (turn.kind === 'batch' || whole || holdsMore(turn)) return turn;
  // A clause that starts with a verb the grammar does not know was read with the one before it:
  // cut there too. What can be read is said back and the rest quoted in a question; a batch only
  // where nothing at all was read before (every clause then reads on its own).
  const loose = looseInstructions(model, u.text, u);
  if (loose.length <= pieces.length) return turn;
  const again = planAll(model, u, loose, selection, new TempIds(model), said.quotes);
  if (again.kind === 'batch') return turn.kind === 'refusal' ? again : turn;
  return again.kind === 'question' && 'suggestions' in again ? again : turn;
}

/** The instructions of one reading, planned: one alone, or several in order. */
function planPieces(
  model: AppModel,
  said: Utterance,
  u: Utterance,
  pieces: string[],
  selection: NodeRecord | null,
  temps: TempIds
): OfflineTurn {
  // "the minus button should subtract 5, the plus button should add 5": buttons that share one
  // step are read together, or the first alone would ask about the other.
  if (pieces.length > 1) {
    const stepped = setStep({ model, selection, u });
    if (stepped?.kind === 'batch')
      return checked(
        model,
        said.quotes,
        stepped.ops,
        stepped.summary,
        stepped.rule,
        stepped.migrations
      );
  }
  if (pieces.length === 1 && !STAYS.test(pieces[0])) {
    // One instruction, perhaps said another way ("move the box and the button …" is their row).
    const result = runRules({ model, selection, u: { ...u, text: pieces[0] } }, temps);
    if (!result) return refusal(u.text);
    if (result.kind === 'question') return result;
    return checked(model, said.quotes, result.ops, result.summary, result.rule, result.migrations);
  }
  return planAll(model, u, pieces, selection, temps, said.quotes);
}

/** The rules in order; the first that recognises the request answers it. */
function runRules(scene: Scene, temps: TempIds): RuleResult {
  const rules: (() => RuleResult)[] = [
    () => elementTheme(scene, temps),
    () => addDarkMode(scene, temps),
    () => restyle(scene, temps),
    () => setStep(scene),
    () => addSeveral(scene, temps),
    () => addLink(scene, temps),
    () => numberHistory(scene, temps),
    () => textWithValue(scene, temps),
    () => conditionalText(scene, temps),
    () => percentDone(scene, temps),
    () => buttonSetsValue(scene),
    () => expressionText(scene),
    () => newItemsFirst(scene),
    () => buttonAlso(scene),
    () => build(scene, temps),
    () => addCharCounter(scene, temps),
    () => clearList(scene, temps),
    () => markAll(scene, temps),
    () => sortList(scene, temps),
    () => valueFirst(scene),
    () => searchList(scene, temps),
    () => filterList(scene, temps),
    () => countList(scene, temps),
    () => rowBadge(scene, temps),
    () => setDefault(scene),
    () => makeOptional(scene),
    () => stackVertically(scene),
    () => sideBySide(scene, temps),
    () => swapElements(scene),
    () => alignElement(scene, temps),
    () => addSetterButton(scene, temps),
    () => gatedCheckbox(scene, temps),
    () => setRange(scene),
    () => limitField(scene),
    () => setNumberProp(scene),
    () => addCounter(scene, temps),
    () => addItemField(scene, temps),
    () => renameComponent(scene),
    () => renameApp(scene),
    () => renameField(scene),
    () => removeElement(scene),
    () => moveElement(scene),
    () => changeStyle(scene),
    () => changeText(scene),
    () => {
      const target = addTarget(scene);
      if (!target) return null;
      return bindingOf(target.type)
        ? addInput(scene, target, temps)
        : addElement(scene, target, temps);
    }
  ];
  for (const rule of rules) {
    const result = rule();
    if (result) return result;
  }
  return null;
}

/**
 * Several instructions: each is planned on the app as the ones before it left it, so "it" is the
 * element the previous one touched and later ones can name what earlier ones added. All of them,
 * or none: a question is the answer to the whole request, and parts not understood make one that
 * says what would be done for the others (offline-partial.ts).
 */
function planAll(
  model: AppModel,
  u: Utterance,
  pieces: string[],
  selection: NodeRecord | null,
  temps: TempIds,
  quotes: readonly string[]
): OfflineTurn {
  let current = model;
  let selected = selection;
  const ops: Op[] = [];
  const summaries: string[] = [];
  const rules: string[] = [];
  const migrations = new Map<string, (value: JsonValue) => JsonValue>();
  // Real ids the steps' own plans gave to new nodes, back to the batch's temporary ids.
  const back = new Map<string, string>();
  const unread: string[] = [];
  const dependent: string[] = [];
  let lastUnread = false;
  for (const [i, piece] of pieces.entries()) {
    const said = `"${literal(u, piece)}"`;
    // "+ and - should always go by 1" when they already do: true once nothing can change it.
    const stays = STAYS.exec(piece);
    if (stays) {
      const binders = [...current.nodes.values()].filter((n) =>
        Object.values(n.props).some(
          (v) =>
            v !== null && typeof v === 'object' && (v as { $bind?: unknown }).$bind === stays[1]
        )
      );
      if (binders.length > 0)
        return ask(
          null,
          `${stays[1]} already starts at ${stays[2]}, but ${binders.map(describeNode).join(', ')} can change it. Should I remove ${binders.length > 1 ? 'them' : 'it'}? (Nothing is changed until every part of the request is clear.)`
        );
      summaries.push(`${stays[1]} stays ${stays[2]}`);
      continue;
    }
    // "It should still get rid of the ticked ones": what an element does, said to stay so.
    if (i > 0 && STILL.test(piece)) {
      summaries.push(`${said} stays so`);
      continue;
    }
    // "…, keep minus and plus": what must stay is checked on the app as the others leave it.
    const keep = i > 0 ? KEEP.exec(piece) : null;
    if (keep) {
      const kept = findElements({ model: current, selection: selected, u }, keep[1]);
      if (!kept.ok)
        return ask(
          null,
          `About ${said}: ${kept.text} (Nothing is changed until every part of the request is clear.)`
        );
      summaries.push(`keep ${kept.value.map(describeNode).join(', ')}`);
      continue;
    }
    // Right after a part not read, "it" may be what that part was about: not read either.
    if (lastUnread && PRONOUN.test(piece)) {
      dependent.push(literal(u, piece));
      continue;
    }
    const result = runRules(
      // Only the last instruction ends where the request did, with its "!".
      {
        model: current,
        selection: selected,
        u: { ...u, text: piece, end: i === pieces.length - 1 ? u.end : undefined }
      },
      temps
    );
    // A part not read is set aside; the others are still read, so the question can say what
    // would be done for them.
    lastUnread = !result;
    if (!result) {
      unread.push(literal(u, piece));
      continue;
    }
    if (result.kind === 'question')
      return ask(
        result.rule,
        `About ${said}: ${result.text}${unread.length ? ` I do not understand "${unread.join('" or "')}" either.` : ''} (Nothing is changed until every part of the request is clear.)`
      );
    // A name made of request run together is not said back as read, even in a partial answer.
    const unnamed = guardNames(current, quotes, result.ops, result.rule);
    if (unnamed) return unnamed;
    for (const [source, run] of result.migrations ?? []) migrations.set(source, run);
    const plan = planOps(current, result.ops, SELF_CHECK, {
      ids: seededIds(1000 + i),
      migrate: (source, value) => {
        const run = migrations.get(source);
        return run ? { ok: true, value: run(value) } : { ok: false, message: 'unknown migration' };
      }
    });
    if (!plan.ok)
      return ask(
        result.rule,
        `I could not make ${said}: ${plan.errors.map((e) => e.message).join('; ')}.`
      );
    ops.push(...(result.ops.map((op) => withIds(op, back)) as Op[]));
    for (const [temp, real] of Object.entries(plan.idMap)) back.set(real, temp);
    summaries.push(result.summary);
    rules.push(result.rule);
    selected =
      (result.about ? plan.model.nodes.get(result.about) : undefined) ??
      touchedNode(plan.model, result.ops, plan.idMap) ??
      selected;
    current = plan.model;
  }
  if (unread.length)
    return summaries.length ? partlyRead(summaries, unread, dependent) : refusal(u.text);
  if (ops.length === 0)
    return ask(
      null,
      `That is already so (${summaries.join('; ')}), so there is nothing to change.`
    );
  return checked(
    model,
    quotes,
    ops,
    summaries.join('; then '),
    [...new Set(rules)].join('+'),
    migrations
  );
}

/** The node an instruction acted on, for "it" in the next one. */
function touchedNode(
  model: AppModel,
  ops: readonly Op[],
  idMap: Readonly<Record<string, string>>
): NodeRecord | null {
  for (const op of ops) {
    const id = (op as { id?: unknown }).id;
    if (typeof id !== 'string') continue;
    const node = model.nodes.get(idMap[id] ?? id);
    if (node) return node;
  }
  return null;
}

/** An op with every id string that a previous step made replaced by its temporary id. */
function withIds(value: unknown, back: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return back.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withIds(v, back));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIds(v, back)]));
  return value;
}

/** A proposal the planner accepts, or the planner's reason as a question. */
function checked(
  model: AppModel,
  quotes: readonly string[],
  ops: Op[],
  summary: string,
  rule: string,
  migrations?: ReadonlyMap<string, (value: JsonValue) => JsonValue>
): OfflineTurn {
  const plan = planOps(model, ops, SELF_CHECK, {
    ids: seededIds(1),
    // The planner's migrations normally run in the sandbox; these are the planner's own, so
    // their pure twins give the same values without one.
    migrate: (source, value) => {
      const run = migrations?.get(source);
      return run
        ? { ok: true, value: run(value) }
        : { ok: false, message: 'this migration is not one the offline planner wrote' };
    }
  });
  if (!plan.ok)
    return ask(
      rule,
      `I could not make that change: ${plan.errors.map((e) => e.message).join('; ')}.`
    );
  // Whatever rule wrote a text, one that still holds more of the request is asked about.
  // And a field name or option made of request run together is unread request, not a name.
  return (
    guardTexts(model, quotes, ops, rule) ??
    guardNames(model, quotes, ops, rule) ?? { kind: 'batch', ops, summary, rule }
  );
}
