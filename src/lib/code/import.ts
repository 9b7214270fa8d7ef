/**
 * The JSX form back to ops: parse an edited component module (@babel/parser, `jsx` and
 * `typescript`), read it into plain data (state, handlers, capabilities, the element tree with
 * typed prop values), then diff it by id against the model's component of the same name and
 * return the smallest batch that makes the model say what the text says. Pure: text and model in,
 * ops or coded errors out; the batch still goes through planOps and the gate like any other.
 *
 * Reading rules (the inverse of jsx.ts): `name="x"` and `{json literal}` are literals, `{handler}`
 * on a prop that takes handlers is a handler, `bind:name={state.field}` a binding, anything else
 * an expression holding its source text. Code is taken from the source as written, so what a
 * person typed is what the model stores.
 *
 * Decisions: an element whose id is unknown, or whose type changed, is new (it gets a fresh id;
 * the old node, if any, is removed). A top-level element of a new component that is not a Stack
 * goes inside the new root Stack. Declared props of an existing component cannot change (no op
 * does that yet). A state field gone and another added is a remove and an add (renameState is not
 * guessed).
 */
import { parse } from '@babel/parser';
import * as t from '@babel/types';
import { componentByName, type AppModel, type ComponentRecord, type Op } from '../model/types';
import { editError, type EditError } from '../ops/errors';
import { describeSyntaxError } from './frame';
import { Reader, type ReadComponent, type ReadElement } from './import-read';
import { readModule } from './import-module';
import { Differ } from './import-diff';

/** The ops that make the model match the text, or why the text cannot be read. */
export type ImportResult =
  { ok: true; ops: Op[]; component: string } | { ok: false; errors: EditError[] };

/** Reads an edited JSX-form module and diffs it against the model's component of that name. */
export function importComponent(source: string, model: AppModel): ImportResult {
  let file: t.File;
  try {
    file = parse(source, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  } catch (e) {
    const { message, frame } = describeSyntaxError(e, source);
    return {
      ok: false,
      errors: [
        editError('E_SYNTAX', `the component does not parse: ${message}`, {
          frame
        })
      ]
    };
  }
  const reader = new Reader(source);
  const read = readModule(reader, file);
  if (!read || reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const existing = componentByName(model, read.name);
  checkIds(reader, model, read, existing);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const ops = new Differ(model, read, existing, reader).diff();
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, ops, component: read.name };
}

// ---------------------------------------------------------------------------------------------

/** Duplicate ids, and ids of nodes of other components, are errors. */
function checkIds(
  reader: Reader,
  model: AppModel,
  read: ReadComponent,
  existing: ComponentRecord | undefined
): void {
  const seen = new Set<string>();
  const visit = (el: ReadElement) => {
    if (el.id !== undefined) {
      if (seen.has(el.id))
        reader.fail(
          el.node,
          `id "${el.id}" is used twice; a copy of an element needs no id (remove it from the copy)`
        );
      seen.add(el.id);
      const node = model.nodes.get(el.id);
      if (node && node.component !== existing?.id) {
        const owner = model.components.get(node.component)?.name ?? node.component;
        reader.fail(
          el.node,
          `id "${el.id}" belongs to component ${owner}, not ${read.name}` +
            (existing
              ? '; remove the id to add a copy'
              : `; to rename ${owner}, use renameComponent, or remove the ids to add a new component`)
        );
      }
    }
    el.children.forEach(visit);
  };
  visit(read.view);
  if (existing) {
    const root = model.nodes.get(existing.root);
    if (read.view.id !== existing.root || (root && root.type !== read.view.type))
      reader.fail(
        read.view.node,
        `the outermost element of ${read.name} is its root <${root?.type ?? 'Stack'} id="${existing.root}">; keep it and put elements inside it`
      );
  }
}
