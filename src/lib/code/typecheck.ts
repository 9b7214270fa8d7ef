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
import type { AppModel, ComponentRecord } from '../model/types';
import { editError, type EditError } from '../ops/errors';
import { unitPath } from './parse';
import { componentUnits, type CodeUnit } from './units';
import { locate, reported, unitErrors, type Emitted } from './typecheck-diagnostics';
import { COMPILER_OPTIONS, documentRegistry, MemoryHost, UnitCache } from './typecheck-host';
import {
  declarations,
  exprBlock,
  handlerBlock,
  type Block,
  type Placement
} from './typecheck-source';

/** Numbers the checkers of the process (their check files are named apart). */
let checkerCount = 0;

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
