/**
 * The type check stage of the compile gate: every code unit of a component is checked by
 * TypeScript against the component's state, props and capabilities and the type of the prop it
 * feeds, so `state.count.toUpperCase()`, `state.done = "yes"` or `item.titel` are refused before a
 * batch is committed, with a code frame into the unit's own source.
 *
 * How: per component, a generated check file (a module) declares `State`, `Props`, `state`,
 * `props` and `caps`, then holds one self-contained block per unit: an expression inside the
 * for-of loops of its Each elements, as the argument of `__expect<PropType>(...)`; a handler once
 * per distinct use (the event payload typed from the prop schema's `x-event`, the params typed
 * from the loop variables at that use). One long-lived LanguageService over an in-memory host
 * checks it. Results are cached per unit, keyed by the unit's block text and its component's
 * declarations, so a check emits only the units that changed and an unchanged app costs no
 * TypeScript work at all.
 */
import ts from 'typescript';
import { componentByName, type AppModel, type ComponentRecord } from '../model/types';
import { elementSchema, type PropSchema } from '../schema/elements';
import { formatStateType } from '../schema/statetype-text';
import type { StateType } from '../schema/types.generated';
import { editError, type EditError } from '../ops/errors';
import { codeFrame } from './frame';
import { unitPath } from './parse';
import {
  componentUnits,
  unitLabel,
  type CodeUnit,
  type ExprUnit,
  type HandlerUnit,
  type HandlerUse,
  type LoopScope
} from './units';

/** Options of a TypeChecker. */
export interface TypeCheckerOptions {
  /**
   * Throw when a TypeScript diagnostic falls outside every unit's source (a bug in the generated
   * declarations). Tests set it; in the product such a diagnostic is reported as E_TYPE instead.
   */
  readonly strict?: boolean;
  /** Most unit results kept (least recently used dropped first). */
  readonly cacheSize?: number;
  /** Reads a file of TypeScript's lib folder (default: `ts.sys`, for Node). */
  readonly readLib?: (path: string) => string | undefined;
  /** The folder holding TypeScript's lib files (default: next to the typescript package). */
  readonly libDirectory?: string;
}

/** Counters for tests and benchmarks: how much work the checker really did. */
export interface TypeCheckStats {
  /** Units sent to TypeScript (cache misses). */
  unitsChecked: number;
  /** Units answered from the cache. */
  cacheHits: number;
  /** Times TypeScript was asked for diagnostics. */
  programs: number;
}

/** Compiler options: strict, because catching mistakes is the point. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  // A caught error is `any`, as in JavaScript, so `catch (e) { state.error = e.message }` works.
  useUnknownInCatchVariables: false,
  noEmit: true,
  skipLibCheck: true,
  // Each check file is its own module, so the State of one component never merges with another's.
  moduleDetection: ts.ModuleDetectionKind.Force
};

/**
 * App code is JavaScript: it cannot annotate a callback parameter or a dynamic index, so the
 * "implicitly has an 'any' type" family (7xxx) is dropped. noImplicitAny stays on because it is
 * what makes `const list = []` and `let x;` take their type from later assignments (off, with
 * strict null checks, `[]` would be `never[]` and `list.push(item)` an error).
 */
function reported(d: ts.Diagnostic): boolean {
  return d.category === ts.DiagnosticCategory.Error && (d.code < 7000 || d.code >= 8000);
}

/** Shared by every checker of the process, so TypeScript's lib files are parsed once. */
const documentRegistry = ts.createDocumentRegistry();
let checkerCount = 0;
const libSnapshots = new Map<string, ts.IScriptSnapshot | undefined>();

const EMPTY: readonly EditError[] = Object.freeze([]);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Line breaks as @babel/code-frame counts them, so a column we compute is the one it shows. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

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
function declarations(component: ComponentRecord): string {
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
interface Placement {
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
interface Block {
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

function exprBlock(model: AppModel, unit: ExprUnit): Block {
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

function handlerBlock(unit: HandlerUnit, componentName: string): Block {
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

/** A unit's cached result: its errors, most recently used last. */
class UnitCache {
  private readonly entries = new Map<string, readonly EditError[]>();
  constructor(private readonly limit: number) {}

  get(key: string): readonly EditError[] | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, errors: readonly EditError[]): void {
    this.entries.delete(key);
    this.entries.set(key, errors);
    while (this.entries.size > this.limit) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** One in-memory check file per component, versioned so the language service reuses the rest. */
class MemoryHost implements ts.LanguageServiceHost {
  readonly files = new Map<string, { version: number; snapshot: ts.IScriptSnapshot }>();

  constructor(
    private readonly libDirectory: string,
    private readonly readLib: (path: string) => string | undefined
  ) {}

  write(fileName: string, text: string): void {
    const version = (this.files.get(fileName)?.version ?? 0) + 1;
    this.files.set(fileName, { version, snapshot: ts.ScriptSnapshot.fromString(text) });
  }

  getCompilationSettings(): ts.CompilerOptions {
    return COMPILER_OPTIONS;
  }
  getScriptFileNames(): string[] {
    return [...this.files.keys()];
  }
  getScriptVersion(fileName: string): string {
    return String(this.files.get(fileName)?.version ?? 0);
  }
  getScriptSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
    const own = this.files.get(fileName);
    if (own) return own.snapshot;
    if (!libSnapshots.has(fileName)) {
      const text = fileName.startsWith(this.libDirectory) ? this.readLib(fileName) : undefined;
      libSnapshots.set(
        fileName,
        text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      );
    }
    return libSnapshots.get(fileName);
  }
  getCurrentDirectory(): string {
    return '/';
  }
  getDefaultLibFileName(): string {
    return `${this.libDirectory}/lib.es2022.d.ts`;
  }
  fileExists(fileName: string): boolean {
    return this.getScriptSnapshot(fileName) !== undefined;
  }
  readFile(fileName: string): string | undefined {
    const snapshot = this.getScriptSnapshot(fileName);
    return snapshot?.getText(0, snapshot.getLength());
  }
}

/** Where a unit's block landed in a check file. */
interface Emitted {
  readonly unit: CodeUnit;
  readonly key: string;
  readonly block: Block;
  readonly start: number;
}

/**
 * Type-checks code units with a warm TypeScript language service and a per-unit cache. Long-lived:
 * make one per studio (or worker) and call `check` for every batch; `dispose` when done.
 */
export class TypeChecker {
  /** How much work was done, for tests and benchmarks. */
  readonly stats: TypeCheckStats = { unitsChecked: 0, cacheHits: 0, programs: 0 };
  private readonly strict: boolean;
  private readonly cache: UnitCache;
  private readonly host: MemoryHost;
  private readonly service: ts.LanguageService;
  /** Declarations text → a number, so cache keys hold a short id instead of the whole text. */
  private readonly declarationIds = new Map<string, number>();
  private nextDeclarationId = 0;
  private readonly instance = ++checkerCount;

  constructor(options: TypeCheckerOptions = {}) {
    this.strict = options.strict ?? false;
    this.cache = new UnitCache(options.cacheSize ?? 20_000);
    const libDirectory =
      options.libDirectory ??
      ts.getDefaultLibFilePath(COMPILER_OPTIONS).replace(/[\\/][^\\/]*$/, '');
    const readLib = options.readLib ?? ((path: string) => ts.sys.readFile(path));
    this.host = new MemoryHost(libDirectory.replace(/\\/g, '/'), readLib);
    this.service = ts.createLanguageService(this.host, documentRegistry);
  }

  /**
   * Type errors of a component's units (all of them by default), as E_TYPE errors with a code
   * frame into each unit's source, and E_HANDLER_PARAM for handler params not in scope at a use.
   * Expects units that parsed (the parse stage runs first).
   */
  check(model: AppModel, componentId: string, units?: readonly CodeUnit[]): EditError[] {
    const component = model.components.get(componentId);
    if (!component) return [];
    const list = units ?? componentUnits(model, componentId);
    const decls = declarations(component);
    const declId = this.declarationId(decls);
    const results = new Map<CodeUnit, readonly EditError[]>();
    const pending: { unit: CodeUnit; key: string; block: Block }[] = [];
    for (const unit of list) {
      const block =
        unit.kind === 'expr' ? exprBlock(model, unit) : handlerBlock(unit, component.name);
      // The unit's identity is in the key too: its errors name its node or handler and its uses.
      const identity = `${unitPath(unit, component.name)} ${block.contexts.join(' ')}`;
      const key = `${declId}\u0000${identity}\u0000${block.text}`;
      const hit = this.cache.get(key);
      if (hit) {
        this.stats.cacheHits++;
        results.set(unit, hit.length ? [...block.errors, ...hit] : block.errors);
      } else pending.push({ unit, key, block });
    }
    const stray: EditError[] = [];
    if (pending.length > 0) {
      const run = this.run(component, decls, pending);
      for (const [unit, errors] of run.byUnit) results.set(unit, errors);
      stray.push(...run.stray);
    }
    const out: EditError[] = [];
    for (const unit of list) out.push(...(results.get(unit) ?? []));
    return [...out, ...stray];
  }

  /** Frees the language service; the checker cannot be used afterwards. */
  dispose(): void {
    this.service.dispose();
    this.host.files.clear();
    this.cache.clear();
  }

  private declarationId(text: string): number {
    let id = this.declarationIds.get(text);
    if (id === undefined) {
      // Ids only grow, so dropping the table can cost cache misses but never a wrong hit.
      if (this.declarationIds.size >= 1000) this.declarationIds.clear();
      id = this.nextDeclarationId++;
      this.declarationIds.set(text, id);
    }
    return id;
  }

  /** Checks the pending units in one file and caches what each one got. */
  private run(
    component: ComponentRecord,
    decls: string,
    pending: readonly { unit: CodeUnit; key: string; block: Block }[]
  ): { byUnit: Map<CodeUnit, readonly EditError[]>; stray: EditError[] } {
    let text = decls;
    const emitted: Emitted[] = [];
    for (const p of pending) {
      emitted.push({ ...p, start: text.length });
      text += p.block.text;
    }
    // The document registry is shared by every checker (the lib files are parsed once), and it
    // caches by file name and version: each checker needs names of its own.
    const fileName = `/checker${this.instance}/components/${component.id}.ts`;
    this.host.write(fileName, text);
    this.stats.programs++;
    this.stats.unitsChecked += pending.length;
    const diagnostics = [
      ...this.service.getSyntacticDiagnostics(fileName),
      ...this.service.getSemanticDiagnostics(fileName)
    ].filter(reported);

    const found = new Map<Emitted, { placement: Placement; offset: number; message: string }[]>();
    const stray: EditError[] = [];
    for (const d of diagnostics) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ');
      const at = d.start ?? -1;
      const where = locate(emitted, at);
      if (where === 'ignore') continue;
      if (!where) {
        if (this.strict) {
          throw new Error(
            `type check: diagnostic outside every unit at ${at}: ${message}\n${text}`
          );
        }
        stray.push(
          editError('E_TYPE', `${component.name}: ${message}`, {
            path: `/components/${component.name}`
          })
        );
        continue;
      }
      let list = found.get(where.emitted);
      if (!list) found.set(where.emitted, (list = []));
      list.push({ placement: where.placement, offset: where.offset, message });
    }

    const byUnit = new Map<CodeUnit, readonly EditError[]>();
    for (const e of emitted) {
      const errors = unitErrors(e, found.get(e) ?? [], component.name);
      // Stray diagnostics are not cached: the units are checked again next time.
      if (stray.length === 0) this.cache.set(e.key, errors);
      byUnit.set(e.unit, errors.length ? [...e.block.errors, ...errors] : e.block.errors);
    }
    return { byUnit, stray };
  }
}

/** The unit, context and source offset a diagnostic belongs to; 'ignore' for a loop header. */
function locate(
  emitted: readonly Emitted[],
  at: number
): { emitted: Emitted; placement: Placement; offset: number } | 'ignore' | undefined {
  let lo = 0;
  let hi = emitted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (emitted[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  const e = emitted[lo];
  if (!e || at < e.start || at >= e.start + e.block.text.length) return undefined;
  const rel = at - e.start;
  for (const placement of e.block.placements) {
    if (rel >= placement.own.start && rel <= placement.own.end) {
      const offset = Math.min(Math.max(rel - placement.source, 0), e.unit.source.length);
      return { emitted: e, placement, offset };
    }
    // An Each's items expression is a unit of its own and reports its errors there.
    if (placement.headers.some((r) => rel >= r.start && rel <= r.end)) return 'ignore';
  }
  return undefined;
}

/** The errors of one unit, one per place and message, naming the uses where not all share it. */
function unitErrors(
  e: Emitted,
  found: readonly { placement: Placement; offset: number; message: string }[],
  componentName: string
): readonly EditError[] {
  if (found.length === 0) return EMPTY;
  const groups = new Map<string, { offset: number; message: string; contexts: Set<number> }>();
  for (const f of found) {
    const id = `${f.offset}\u0000${f.message}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { offset: f.offset, message: f.message, contexts: new Set() }));
    g.contexts.add(f.placement.context);
  }
  const all = e.block.contexts.length;
  const errors: EditError[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.offset - b.offset)) {
    const uses =
      g.contexts.size < all
        ? ` (where ${[...g.contexts].map((c) => e.block.contexts[c]).join(', ')} uses it)`
        : '';
    const message = g.message + hint(g.message);
    const { line, column } = position(e.unit.source, g.offset);
    errors.push(
      editError('E_TYPE', `${unitLabel(e.unit, componentName)}${uses}: ${message}`, {
        path: unitPath(e.unit, componentName),
        frame: codeFrame(e.unit.source, line, column, message)
      })
    );
  }
  return Object.freeze(errors);
}

/** What to do about the common mistakes TypeScript's message does not spell out for app code. */
function hint(message: string): string {
  if (/'number' is not assignable to (parameter of )?type 'string'/.test(message)) {
    return ' Wrap a number in String(...) to show it as text.';
  }
  return '';
}

/** Line (1-based) and column (0-based) of an offset in a source. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(source); m && m.index < offset; m = LINE_BREAK.exec(source)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: Math.max(offset - lineStart, 0) };
}
