/**
 * What TypeScript is given for one component: the declarations (`State`, `Props`, `state`,
 * `props`, `caps`, `__expect`) generated from the model, and one self-contained block per unit
 * (an expression inside the for-of loops of its Each elements; a handler once per distinct use),
 * with where the unit's own source sits in it, so a diagnostic maps back to the unit.
 */
import { componentByName, type AppModel, type ComponentRecord } from '../model/types';
import { elementSchema, type PropSchema } from '../schema/elements';
import type { StateType } from '../schema/types.generated';
import { formatStateType } from '../schema/statetype-text';
import { editError, type EditError } from '../ops/errors';
import { unitPath } from './parse';
import {
  unitLabel,
  type ExprUnit,
  type HandlerUnit,
  type HandlerUse,
  type LoopScope
} from './units';

import { EMPTY } from './typecheck-diagnostics';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/**
 * The type an expression given to a built-in element's prop must have, from the prop's schema.
 * Strict on purpose: a number for a string prop is refused (wrap it in `String(...)`), and
 * `If.when` and `disabled` want a boolean, not any truthy value (write `list.length > 0`).
 */
function schemaPropType(type: string, prop: string, schema: PropSchema | undefined): string {
  // Each.key is declared a string in the schema, but numeric ids are the common key (`item.id`);
  // the runtime only compares keys, so numbers are as good.
  if (type === 'Each' && prop === 'key') return 'string | number';
  if (!schema) return 'unknown';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const items = schema.items as { type?: unknown } | undefined;
      return items?.type === 'string' ? 'readonly string[]' : 'readonly unknown[]';
    }
    case 'object': {
      // The style group: an object of optional token keys, so an expression can only pick
      // tokens (`state.done ? 'success-soft' : 'surface'`), never CSS text or another key.
      const fields = schema.properties as Record<string, { enum?: unknown[] }> | undefined;
      if (!fields || schema.additionalProperties !== false) return 'unknown';
      const members = Object.entries(fields).map(([key, field]) =>
        field.enum
          ? `readonly ${JSON.stringify(key)}?: ${field.enum.map((v) => JSON.stringify(v)).join(' | ')}`
          : `readonly ${JSON.stringify(key)}?: unknown`
      );
      return `{ ${members.join('; ')} }`;
    }
    default:
      return 'unknown';
  }
}

/** The TypeScript type of the payload a handler prop's event carries (`x-event`). */
function eventTypeText(schema: PropSchema | undefined): string {
  const fields = Object.entries(schema?.['x-event'] ?? {}).map(
    ([name, t]) => `readonly ${propertyName(name)}: ${formatStateType(t as StateType)}`
  );
  return fields.length ? `{ ${fields.join('; ')} }` : '{}';
}

/** The type an expression for prop `prop` of a node of `type` must have. */
function propTypeText(model: AppModel, type: string, prop: string): string {
  const schema = elementSchema(type);
  if (schema) return schemaPropType(type, prop, schema.properties[prop]);
  const decl = componentByName(model, type)?.props[prop];
  return decl ? formatStateType(decl.type) : 'unknown';
}

/** The declarations every unit of a component is checked against. */
export function declarations(component: ComponentRecord): string {
  const fields = (record: Readonly<Record<string, { type: StateType }>>) =>
    Object.entries(record)
      .map(([name, f]) => `  ${propertyName(name)}: ${formatStateType(f.type)};\n`)
      .join('');
  // A component is handed only the capabilities it was granted, so an ungranted one is absent
  // from the type and using it is an error here, not `undefined` at run time.
  const granted = component.capabilities;
  const caps = [
    granted.clock ? 'clock: { now(): number }' : '',
    granted.random ? 'random: { next(): number }' : '',
    granted.log
      ? 'log: { info(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void }'
      : '',
    // No promises in app code: the response arrives later as a call of the handler named `then`.
    granted.network
      ? 'network: { getJson(url: string, then: string): void; getText(url: string, then: string): void }'
      : ''
  ].filter(Boolean);
  return (
    `interface State {\n${fields(component.state)}}\n` +
    `interface Props {\n${fields(component.props)}}\n` +
    'declare const state: State;\n' +
    'declare const props: Props;\n' +
    `declare const caps: ${caps.length ? `{ ${caps.join('; ')} }` : '{}'};\n` +
    'declare function __expect<T>(value: T): void;\n'
  );
}

/** Where one unit's source sits inside a block, relative to the block's start. */
export interface Placement {
  /** Index of the handler use context (always 0 for an expression). */
  readonly context: number;
  /** The unit's source starts here. */
  readonly source: number;
  /** Diagnostics from `own.start` to `own.end` belong to the unit (its source and the wrapping parens). */
  readonly own: { readonly start: number; readonly end: number };
  /** Loop headers (with the Each's items): their errors belong to the Each's items unit. */
  readonly headers: readonly { readonly start: number; readonly end: number }[];
}

/** A unit rendered as a self-contained block of the check file. */
export interface Block {
  readonly text: string;
  readonly placements: readonly Placement[];
  /** Use descriptions (`Checkbox c4.onChange`) per context, for handler messages. */
  readonly contexts: readonly string[];
  /** Errors found without TypeScript (handler params not in scope). */
  readonly errors: readonly EditError[];
}

/** Builds block text piece by piece, remembering where things land. */
class BlockWriter {
  text = '';
  /** Loop headers written so far: their errors belong to the Each's items unit. */
  headers: { start: number; end: number }[] = [];

  write(s: string): void {
    this.text += s;
  }

  /**
   * Opens one for-of per loop, outermost first. The items are read into a constant before the
   * loop, as the runtime evaluates them, so `items={item.tags} as="item"` inside a loop over
   * `item` reads the outer `item` (in a for-of head it would be the inner one, not yet defined).
   */
  loops(loops: readonly LoopScope[]): void {
    loops.forEach((loop, depth) => {
      const start = this.text.length;
      this.write(`const __items${depth} = (\n${loop.items}\n);\n`);
      this.write(`for (const ${loop.as} of __items${depth}) {\n`);
      this.headers.push({ start, end: this.text.length });
    });
  }

  closeLoops(loops: readonly LoopScope[]): void {
    this.write('}\n'.repeat(loops.length));
  }
}

export function exprBlock(model: AppModel, unit: ExprUnit): Block {
  const w = new BlockWriter();
  w.write('{\n');
  w.loops(unit.loops);
  // The source goes on lines of its own so a trailing `// comment` cannot swallow the closing parens.
  w.write(`__expect<${propTypeText(model, unit.type, unit.prop)}>((\n`);
  const source = w.text.length;
  w.write(unit.source);
  const end = w.text.length;
  w.write('\n));\n');
  w.closeLoops(unit.loops);
  w.write('}\n');
  return {
    text: w.text,
    placements: [
      { context: 0, source, own: { start: source - 3, end: end + 3 }, headers: w.headers }
    ],
    contexts: [''],
    errors: EMPTY
  };
}

export function handlerBlock(unit: HandlerUnit, componentName: string): Block {
  const w = new BlockWriter();
  const placements: Placement[] = [];
  const contexts: string[] = [];
  const seen = new Set<string>();
  const emit = (event: string, use: HandlerUse | undefined) => {
    const start = w.text.length;
    w.headers = [];
    w.write('{\n');
    let params = '';
    if (use && unit.params.length > 0) {
      // The body runs in a function of its own (the module form's handler), so it sees its params,
      // not every loop variable around the use: the params' types are captured by a function that
      // returns them from inside the loops, and the body is written outside them.
      w.write('const __scope = () => {\n');
      w.loops(use.loops);
      w.write(`return { ${unit.params.join(', ')} };\n`);
      w.closeLoops(use.loops);
      w.write('throw 0;\n};\n');
      params = unit.params
        .map((p) => `, ${p}: ReturnType<typeof __scope>[${JSON.stringify(p)}]`)
        .join('');
    } else {
      params = unit.params.map((p) => `, ${p}: any`).join('');
    }
    w.write(`((event: ${event}${params}) => {\n`);
    const source = w.text.length;
    w.write(unit.source);
    const end = w.text.length;
    w.write('\n});\n}\n');
    // Uses with the same event type and loops check the same thing: keep one.
    const text = w.text.slice(start);
    if (seen.has(text)) {
      w.text = w.text.slice(0, start);
      return;
    }
    seen.add(text);
    placements.push({
      context: contexts.length,
      source,
      own: { start: source, end },
      headers: w.headers
    });
    contexts.push(use ? `${use.type} ${use.node}.${use.prop}` : '');
  };
  const errors: EditError[] = [];
  for (const use of unit.uses) {
    const missing = unit.params.filter((p) => !use.loops.some((l) => l.as === p));
    if (missing.length > 0) errors.push(paramError(unit, use, missing, componentName));
    else emit(eventTypeText(elementSchema(use.type)?.properties[use.prop]), use);
  }
  // Unused (or every use refused): still check the body, with nothing known about its inputs.
  if (placements.length === 0) emit('any', undefined);
  return { text: w.text, placements, contexts, errors };
}

function paramError(
  unit: HandlerUnit,
  use: HandlerUse,
  missing: readonly string[],
  componentName: string
): EditError {
  const names = missing.map((p) => `"${p}"`).join(', ');
  const loops = use.loops.map((l) => `"${l.as}"`).join(', ');
  return editError(
    'E_HANDLER_PARAM',
    `${unitLabel(unit, componentName)} takes ${names}, but ${use.type} ${use.node}.${use.prop} ` +
      (loops ? `is only inside loops over ${loops}` : 'is not inside an Each') +
      `; a handler param must be the "as" name of an Each around every node that uses the handler`,
    { path: unitPath(unit, componentName) }
  );
}
