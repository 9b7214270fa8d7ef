/**
 * The change requests of the assistant benchmark (tests/bench/assist.ts), read from the fixture
 * folder tests/fixtures/assist-corpus/ (its README says how a case is written): what people ask
 * the sidebar for, over the four templates and over a CRM app whose JSX form is over 750 lines.
 * A request the offline planner understands is only its words (`offlinePlan` plans it); one
 * outside its grammar carries its batch, written by hand the way Claude would answer it, with
 * references (`{"$node": ["Button", "Reset"]}`, `{"$built": "stats"}`...) where it names a node of
 * the app, resolved here against the base app. The benchmark checks every batch with planOps and
 * the compile gate before it counts anything, so both sides of each comparison are real, valid
 * changes.
 *
 * The CRM app is built, not stored: the batch in app/crm/ (its files in name order) planned by the
 * real planner with seeded ids, so its text is the same on every run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renameStateBatch } from '../../src/lib/code/rename';
import { seededIds } from '../../src/lib/model/ids';
import { emptyModel, type AppModel, type Op, type PropValue } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { TEMPLATE_NAMES, templateModel } from '../../src/lib/templates';

/** The fixture folder. */
export const CORPUS_DIR = path.join(import.meta.dirname, '../fixtures/assist-corpus');

/** One request: the app it is made on, the words, and the batch when the planner has no rule. */
export interface ChangeRequest {
  readonly group: 'templates' | 'app';
  /** A template name, or `crm` for the 750-line app. */
  readonly base: string;
  readonly message: string;
  /** The batch as the model would send it, its references resolved against the base app. */
  readonly byHand?: (app: BaseApp) => { summary: string; ops: Op[] };
}

/** A base app and a way to name its nodes. */
export interface BaseApp {
  readonly model: AppModel;
  /** The one node of `type` (whose text, label or title is `text`, if given); throws otherwise. */
  node(type: string, text?: string): string;
  /** The parent of a node. */
  parent(id: string): string;
  /** The node a temporary id of the app's building batch became (the CRM app only). */
  built(temp: string): string;
}

/** The text a node shows: its literal `text`, `label` or `title`. */
function shown(props: Readonly<Record<string, PropValue>>): PropValue | undefined {
  return props.text ?? props.label ?? props.title;
}

/** The one node of `type` that `matches`; throws when there are none or several. */
function onlyNode(
  model: AppModel,
  type: string,
  what: string,
  matches: (props: Readonly<Record<string, PropValue>>) => boolean
): string {
  const found = [...model.nodes.values()].filter((n) => n.type === type && matches(n.props));
  if (found.length !== 1) throw new Error(`${found.length} nodes of type ${type} showing ${what}`);
  return found[0].id;
}

function baseApp(model: AppModel, idMap: Readonly<Record<string, string>> = {}): BaseApp {
  return {
    model,
    node: (type, text) =>
      onlyNode(
        model,
        type,
        text ?? '(any)',
        (props) => text === undefined || shown(props) === text
      ),
    parent(id) {
      const parent = model.nodes.get(id)?.parent;
      if (!parent) throw new Error(`node ${id} has no parent`);
      return parent;
    },
    built(temp) {
      const id = idMap[temp];
      if (!id) throw new Error(`the CRM app has no node ${temp}`);
      return id;
    }
  };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The references a fixture may write where the code used to compute a value. Each is an object
 * with one key; its argument is resolved first, so references nest (`$parent` of a `$node`).
 * Objects with any other `$` key (`$expr`, `$handler`, `$bind`) are op values and stay as they are.
 */
const REFERENCES: Record<string, (app: BaseApp | undefined, arg: unknown) => unknown> = {
  /** `["line", ...]`: the lines joined into one string (handler bodies). */
  $lines: (_, lines) => (lines as string[]).join('\n'),
  /** `[type]` or `[type, shown]`: the one node of that type (showing that text). */
  $node: (app, args) => need(app).node(...(args as [string, string?])),
  /** `[type, fragment]`: the one node of that type whose text (or its expression) holds it. */
  $nodeContaining: (app, args) => {
    const [type, fragment] = args as [string, string];
    return onlyNode(need(app).model, type, `…${fragment}…`, (props) =>
      JSON.stringify(shown(props) ?? null).includes(fragment)
    );
  },
  /** A node: its parent. */
  $parent: (app, id) => need(app).parent(id as string),
  /** `[node, n]`: the node's n-th child. */
  $child: (app, args) => {
    const [id, n] = args as [string, number];
    const child = need(app).model.children.get(id)?.[n];
    if (!child) throw new Error(`node ${id} has no child ${n}`);
    return child;
  },
  /** A node: the index just after it among its parent's children. */
  $indexAfter: (app, id) => {
    const a = need(app);
    return a.model.children.get(a.parent(id as string))!.indexOf(id as string) + 1;
  },
  /** A component's name: the root node of that component. */
  $root: (app, name) => {
    const component = [...need(app).model.components.values()].find((c) => c.name === name);
    if (!component) throw new Error(`no component ${name}`);
    return component.root;
  },
  /** A temporary id of the app's building batch: the node it became. */
  $built: (app, temp) => need(app).built(temp as string),
  /** `[component, from, to]`, in place of a batch: the studio's rename of a state field. */
  $renameState: (app, args) => {
    const [component, from, to] = args as [string, string, string];
    const batch = renameStateBatch(need(app).model, component, from, to);
    if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
    return batch.ops;
  }
};

function need(app: BaseApp | undefined): BaseApp {
  if (!app) throw new Error('a node reference outside a request (only $lines is allowed here)');
  return app;
}

/** The value with every reference in it resolved against `app`. */
export function resolveReferences(value: unknown, app?: BaseApp): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, app));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [key, arg] = entries[0] ?? [];
  if (entries.length === 1 && key in REFERENCES)
    return REFERENCES[key](app, resolveReferences(arg, app));
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveReferences(v, app)]));
}

/** A fixture file of requests: the planner's words, or a batch written by hand. */
interface RequestFile {
  readonly requests: readonly (string | { message: string; summary: string; ops: unknown })[];
}

function readRequests(group: ChangeRequest['group'], base: string, file: string): ChangeRequest[] {
  return (readJson(file) as RequestFile).requests.map((request) => {
    if (typeof request === 'string') return { group, base, message: request };
    const { message, summary, ops } = request;
    return {
      group,
      base,
      message,
      byHand: (app) => ({ summary, ops: resolveReferences(ops, app) as Op[] })
    };
  });
}

/** The `.json` files of a folder, in name order. */
const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/** The batch that builds a base app of the `app` group: its folder's files, in name order. */
export function buildBatch(name: string): Op[] {
  const dir = path.join(CORPUS_DIR, 'app', name);
  return jsonFiles(dir).flatMap(
    (f) => resolveReferences((readJson(path.join(dir, f)) as { ops: unknown[] }).ops) as Op[]
  );
}

/** The CRM app, planned from an empty app with seeded ids (the same on every run). */
export function crmApp(): BaseApp {
  const built = planOps(emptyModel(), buildBatch('crm'), undefined, { ids: seededIds(91) });
  if (!built.ok)
    throw new Error(`the CRM app does not plan: ${JSON.stringify(built.errors.slice(0, 3))}`);
  return baseApp(built.model, built.idMap);
}

/** A template's app, with seeded ids (a seed of its own per template). */
export function templateApp(name: string): BaseApp {
  return baseApp(templateModel(name, seededIds(100 + TEMPLATE_NAMES.indexOf(name))));
}

/** Requests over the templates, in the order of TEMPLATE_NAMES: templates/<template>.json. */
export const TEMPLATE_REQUESTS: readonly ChangeRequest[] = jsonFiles(
  path.join(CORPUS_DIR, 'templates')
)
  .map((f) => path.basename(f, '.json'))
  .sort((a, b) => TEMPLATE_NAMES.indexOf(a) - TEMPLATE_NAMES.indexOf(b))
  .flatMap((name) =>
    readRequests('templates', name, path.join(CORPUS_DIR, 'templates', `${name}.json`))
  );

/** Requests over the CRM app (its JSX form over 750 lines): app/crm.json. */
export const APP_REQUESTS: readonly ChangeRequest[] = readRequests(
  'app',
  'crm',
  path.join(CORPUS_DIR, 'app', 'crm.json')
);
