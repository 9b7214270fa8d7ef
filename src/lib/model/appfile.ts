/**
 * The portable app file (schemas/app.schema.json): a whole app as one JSON value, for export,
 * import, the CLI and tests. Nested node trees instead of the document's flat map, component
 * names instead of ids in node types, no order keys (the tree's order is the order).
 * Model → file → model keeps every id, prop, state field and datum.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { editError, type EditError } from '../errors';
import { appFileValidator, describeAjvError } from '../schema/validators';
import { validateModel } from './validate';
import { migrateAppFile } from './format';
import { tooDeepAt } from '../schema/depth';
import {
  childrenOf,
  DOC_VERSION,
  rootComponent,
  scopeOf,
  storedData,
  type AppFile,
  type AppModel,
  type ComponentFile,
  type ComponentRecord,
  type JsonValue,
  type NodeFile,
  type NodeRecord
} from './types';

/** The app file format this code writes; older files are migrated up on load. */
export const APP_FILE_VERSION = 1;

/** How deep an app file's JSON may nest (views 60 levels deep, with room for props). */
const MAX_FILE_DEPTH = 200;

function nodeFile(model: AppModel, id: string): NodeFile {
  const node = model.nodes.get(id)!;
  return {
    id,
    type: node.type,
    props: { ...node.props },
    children: childrenOf(model, id).map((child) => nodeFile(model, child))
  };
}

function componentFile(model: AppModel, c: ComponentRecord): ComponentFile {
  return {
    id: c.id,
    name: c.name,
    props: { ...c.props },
    state: { ...c.state },
    handlers: { ...c.handlers },
    capabilities: c.capabilities,
    view: nodeFile(model, c.root)
  };
}

/** The app file of a model: root component first, then the others by name. */
export function toAppFile(model: AppModel): AppFile {
  const root = rootComponent(model);
  if (!root) throw new Error('an app with no component has no app file');
  const others = [...model.components.values()]
    .filter((c) => c !== root)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    format: 'malleable-app',
    version: APP_FILE_VERSION,
    title: model.meta.title,
    theme: model.meta.theme,
    root: root.name,
    components: [root, ...others].map((c) => componentFile(model, c)) as AppFile['components'],
    // A `local` or `person` field's value is each tab's or person's own: never exported.
    data: { ...storedData(model) } as Record<string, JsonValue>
  };
}

/** Reads an app file (already parsed JSON); returns the model or every coded error, with paths into the file. */
export function fromAppFile(
  input: unknown
): { ok: true; model: AppModel } | { ok: false; errors: EditError[] } {
  const f = input as Record<string, unknown> | null;
  if (!f || typeof f !== 'object' || Array.isArray(f) || f.format !== 'malleable-app') {
    return {
      ok: false,
      errors: [
        editError(
          'E_APP_FORMAT',
          'this is not a Malleable app file (it needs "format": "malleable-app")',
          { path: '/format' }
        )
      ]
    };
  }
  if (typeof f.version === 'number' && f.version > APP_FILE_VERSION) {
    return {
      ok: false,
      errors: [
        editError(
          'E_APP_VERSION',
          `the file is format version ${f.version}; this Malleable reads up to ${APP_FILE_VERSION}, so update Malleable`,
          { path: '/version' }
        )
      ]
    };
  }
  // Before the schema check, which recurses: a view nested thousands deep must not overflow the stack.
  const deep = tooDeepAt(f, MAX_FILE_DEPTH);
  if (deep)
    return {
      ok: false,
      errors: [
        editError('E_TOO_DEEP', `the file nests deeper than ${MAX_FILE_DEPTH} levels`, {
          path: deep
        })
      ]
    };
  // An older file is migrated up (after the depth check: a step may walk the views), so the
  // schema and everything after read the current format.
  const file: unknown =
    typeof f.version === 'number' && Number.isInteger(f.version) && f.version >= 1
      ? migrateAppFile(f, f.version)
      : f;
  const validate = appFileValidator();
  if (!validate(file)) {
    return {
      ok: false,
      errors: validate.errors!.slice(0, 20).map((e) =>
        editError('E_APP_INVALID', `${e.instancePath || 'the file'} ${describeAjvError(e)}`, {
          path: e.instancePath || '/'
        })
      )
    };
  }
  const app = file as AppFile;
  const components = new Map<string, ComponentRecord>();
  const nodes = new Map<string, NodeRecord>();
  const children = new Map<string, readonly string[]>();
  const errors: EditError[] = [];
  app.components.forEach((c, ci) => {
    if (components.has(c.id))
      errors.push(
        editError('E_APP_INVALID', `two components have the id "${c.id}"`, {
          path: `/components/${ci}/id`
        })
      );
    components.set(c.id, {
      id: c.id,
      name: c.name,
      root: c.view.id,
      props: c.props,
      state: c.state,
      handlers: c.handlers,
      capabilities: c.capabilities
    });
    const stack: { spec: NodeFile; parent: string | null; order: string; path: string }[] = [
      { spec: c.view, parent: null, order: 'a0', path: `/components/${ci}/view` }
    ];
    while (stack.length > 0) {
      const { spec, parent, order, path } = stack.pop()!;
      if (nodes.has(spec.id)) {
        errors.push(
          editError('E_APP_INVALID', `node id "${spec.id}" is used twice`, { path: `${path}/id` })
        );
        continue;
      }
      nodes.set(spec.id, {
        id: spec.id,
        type: spec.type,
        component: c.id,
        parent,
        order,
        props: spec.props
      });
      if (spec.children.length > 0) {
        const keys = generateNKeysBetween(null, null, spec.children.length);
        children.set(
          spec.id,
          spec.children.map((child) => child.id)
        );
        spec.children.forEach((child, i) =>
          stack.push({
            spec: child,
            parent: spec.id,
            order: keys[i],
            path: `${path}/children/${i}`
          })
        );
      }
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const root = [...components.values()].find((c) => c.name === app.root);
  if (!root)
    return {
      ok: false,
      errors: [
        editError('E_APP_INVALID', `no component is named "${app.root}", the root`, {
          path: '/root'
        })
      ]
    };
  // Data fields the file leaves out start at their initial value, as they would on a new field.
  const data: Record<string, JsonValue> = {};
  for (const [field, decl] of Object.entries(root.state))
    data[field] =
      scopeOf(decl) === 'shared' && Object.hasOwn(app.data, field) ? app.data[field] : decl.initial;
  for (const [field, value] of Object.entries(app.data))
    if (!Object.hasOwn(data, field)) data[field] = value;
  const model: AppModel = {
    meta: { title: app.title, theme: app.theme, version: DOC_VERSION, root: root.id },
    components,
    nodes,
    children,
    data
  };
  const invalid = validateModel(model);
  return invalid.length > 0 ? { ok: false, errors: invalid } : { ok: true, model };
}
