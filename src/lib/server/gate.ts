/**
 * The server's compile gate. Parse, policy and module form run here, on the main thread: they
 * are linear in the code, which the input limits bound. The TypeScript stage is not: a few
 * hundred bytes of type-level code can keep the checker busy for minutes and make it allocate
 * gigabytes, so it runs in a child process with a time limit and a memory limit
 * (./typecheck-pool.ts), and a check past either ends in `E_GATE_TIMEOUT`. The event loop keeps
 * serving everyone else meanwhile.
 *
 * Same verdicts as `CompileGate` (../code/gate.ts), the same errors in the same order, plus:
 * - `E_CODE_TOO_LARGE` when a check would hand the checker more new code than `maxCodeChars`;
 * - `E_GATE_TIMEOUT` when the check ran out of time or memory;
 * - every message and frame capped (../code/cap.ts).
 *
 * Type results are cached here per unit (by everything they depend on), so an unchanged unit
 * never crosses to the process, and the process keeps its own warm language service.
 */
import { componentByName, type AppModel } from '../model/types';
import { catalogError, editError, type EditError } from '../errors';
import type { Verifier } from '../ops/plan';
import { capError, capText } from '../code/cap';
import { CompileGateCore, type GateResult } from '../code/gate-core';
import { checkerModel, type TypeCheckJob } from '../code/gate-protocol';
import { unitPath } from '../code/parse';
import { componentUnits, unitLabel, type CodeUnit } from '../code/units';
import { TypecheckPool, type TypecheckOutcome, type TypecheckPoolOptions } from './typecheck-pool';

export type { GateResult } from '../code/gate-core';

/** Limits of a ServerGate. */
export interface ServerGateOptions extends TypecheckPoolOptions {
  /**
   * Most characters of code (expression and handler sources) one check may hand the type checker
   * (default 200,000). Units whose result is cached do not count.
   */
  readonly maxCodeChars?: number;
  /**
   * Most characters of code in one request to the type-check process (default 50,000): a big
   * honest check (a whole app after a restart) goes as several requests, each with the whole time
   * limit, and other apps' checks can run between them.
   */
  readonly chunkChars?: number;
}

/** The `verify` stage of an asynchronous judge: the errors of the components a change touched. */
export type AsyncVerifier = (
  model: AppModel,
  touchedComponents: ReadonlySet<string>
) => Promise<EditError[]>;

/** How much work a ServerGate did, for tests and benchmarks. */
export interface ServerGateStats {
  /** Checks sent to the type-check process. */
  typeChecks: number;
  /** Units sent to it (cache misses). */
  unitsSent: number;
  /** Units answered from this gate's type-result cache. */
  cacheHits: number;
  /** Checks that ended in E_GATE_TIMEOUT. */
  timeouts: number;
}

/** Per component: the declarations its units were checked against, and each unit's type errors. */
interface TypeResults {
  readonly declarations: string;
  readonly byUnit: ReadonlyMap<string, readonly EditError[]>;
}

/** A unit on its way through a check: its cache key, and its type errors when they are cached. */
interface Entry {
  readonly unit: CodeUnit;
  readonly key: string;
  readonly cached: readonly EditError[] | undefined;
}

/** Components whose type results are kept (least recently checked dropped first). */
const KEPT_COMPONENTS = 10_000;

/** Everything a unit's type errors depend on besides its component's declarations. */
function unitKey(model: AppModel, unit: CodeUnit): string {
  // An instance's props are typed by the props the component it instantiates declares.
  const declared = unit.kind === 'expr' ? componentByName(model, unit.type)?.props : undefined;
  return JSON.stringify([unit, declared ?? null]);
}

/**
 * The gate a server runs every change through. Long-lived: one per process (it holds a warm
 * TypeScript service in its child process); `dispose` when the server stops.
 */
export class ServerGate {
  /** How much work was done. */
  readonly stats: ServerGateStats = { typeChecks: 0, unitsSent: 0, cacheHits: 0, timeouts: 0 };
  private readonly core = new CompileGateCore();
  private readonly pool: TypecheckPool;
  private readonly maxCodeChars: number;
  private readonly chunkChars: number;
  private readonly typeResults = new Map<string, TypeResults>();

  constructor(options: ServerGateOptions = {}) {
    this.pool = new TypecheckPool(options);
    this.maxCodeChars = options.maxCodeChars ?? 200_000;
    this.chunkChars = options.chunkChars ?? 50_000;
  }

  /** Type-check processes started so far (one more after every timeout or crash). */
  get processStarts(): number {
    return this.pool.starts;
  }

  /** Starts the type-check process now, so the first check does not wait for it to warm up. */
  warm(): void {
    this.pool.warm();
  }

  /**
   * The whole gate over the components in `changed` (every component when omitted): parse,
   * policy, types (in the child process), and with `{ modules: true }` and no errors the module
   * form of each. Never rejects for bad code: every verdict is a coded error in the result.
   */
  async compile(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options: { modules?: boolean } = {}
  ): Promise<GateResult> {
    const ids = this.ids(model, changed);
    const entries = this.lookup(model, new Map(ids.map((id) => [id, componentUnits(model, id)])));
    const size = [...entries.values()]
      .flat()
      .reduce((n, e) => n + (e.cached ? 0 : e.unit.source.length), 0);
    // A check's time grows with the code it reads: refuse a batch too big to check in time
    // before any stage runs, rather than spend the time limit finding out.
    if (size > this.maxCodeChars) {
      return refused(catalogError('E_CODE_TOO_LARGE', { size, limit: this.maxCodeChars }));
    }
    const staticErrors = new Map(ids.map((id) => [id, this.core.compile(model, new Set([id]))]));
    const jobs: TypeCheckJob[] = [];
    for (const id of ids) {
      const missing = entries.get(id)!.filter((e) => !e.cached);
      if (staticErrors.get(id)!.ok && missing.length > 0)
        jobs.push({ component: id, units: missing.map((e) => e.unit) });
    }
    const fresh = new Map<string, EditError[]>();
    if (jobs.length > 0) {
      this.stats.typeChecks++;
      this.stats.unitsSent += jobs.reduce((n, j) => n + j.units.length, 0);
      const slim = checkerModel(model);
      for (const request of chunks(jobs, this.chunkChars)) {
        const outcome = await this.pool.check(slim, request);
        if (!outcome.ok) {
          this.stats.timeouts++;
          const job = request.find((j) => j.component === outcome.component) ?? request[0];
          return refused(
            ...ids.flatMap((id) => staticErrors.get(id)!.errors),
            this.timeoutError(model, job, outcome)
          );
        }
        request.forEach((job, i) => {
          const list = fresh.get(job.component) ?? [];
          list.push(...(outcome.errors[i] ?? []));
          fresh.set(job.component, list);
        });
      }
    }
    const errors: EditError[] = [];
    for (const id of ids) {
      const found = staticErrors.get(id)!;
      if (!found.ok) errors.push(...found.errors);
      else errors.push(...this.merge(model, id, entries.get(id)!, fresh.get(id) ?? []));
    }
    if (errors.length > 0 || !options.modules) return done(errors, new Map());
    // Everything passed: the module forms (and the last check of SES tokens) over cached units.
    const built = this.core.compile(model, new Set(ids), { modules: true });
    return done([...built.errors], built.modules);
  }

  /**
   * Parse, policy and (with `{ modules: true }`) module form, without TypeScript, synchronously.
   * For code that was judged when it was written and is only being run now (the compiled app a
   * browser opens): a slow handler stored before a restart must not stall the first open.
   */
  compileStatic(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options: { modules?: boolean } = {}
  ): GateResult {
    const result = this.core.compile(model, changed, options);
    return result.ok ? result : { ...result, errors: result.errors.map(capError) };
  }

  /** The whole gate as the `verify` stage of an asynchronous judge. */
  verifier(): AsyncVerifier {
    return async (model, touched) => [...(await this.compile(model, touched)).errors];
  }

  /** Parse and policy only, synchronously, as planOps' `verify` option (types follow with `compile`). */
  staticVerifier(): Verifier {
    return (model, touched) => [...this.compileStatic(model, touched).errors];
  }

  /** Stops the type-check process. */
  async dispose(): Promise<void> {
    await this.pool.dispose();
  }

  private ids(model: AppModel, changed?: ReadonlySet<string>): string[] {
    return [...(changed ?? model.components.keys())].filter((id) => model.components.has(id));
  }

  private declarations(model: AppModel, id: string): string {
    const c = model.components.get(id)!;
    return JSON.stringify([c.name, c.state, c.props, c.capabilities]);
  }

  /**
   * Per component, each unit with its cache key and its cached type errors, when there are any.
   * Read once, before the check: a concurrent check may replace the cache while this one waits.
   */
  private lookup(
    model: AppModel,
    units: ReadonlyMap<string, readonly CodeUnit[]>
  ): Map<string, Entry[]> {
    const out = new Map<string, Entry[]>();
    for (const [id, list] of units) {
      const last = this.typeResults.get(id);
      const valid = last?.declarations === this.declarations(model, id) ? last : undefined;
      out.set(
        id,
        list.map((unit) => {
          const key = unitKey(model, unit);
          const cached = valid?.byUnit.get(key);
          if (cached) this.stats.cacheHits++;
          return { unit, key, cached };
        })
      );
    }
    return out;
  }

  /**
   * A component's type errors in unit order: cached ones, and the fresh ones from the process
   * matched to their unit by path; the results become the component's cache. Errors that name no
   * unit (a checker fault) come last and are never cached.
   */
  private merge(
    model: AppModel,
    id: string,
    entries: readonly Entry[],
    fresh: readonly EditError[]
  ): EditError[] {
    const name = model.components.get(id)!.name;
    const byPath = new Map<string, EditError[]>();
    for (const error of fresh) {
      const list = byPath.get(error.path ?? '') ?? [];
      list.push(error);
      byPath.set(error.path ?? '', list);
    }
    const paths = new Set<string>();
    const byUnit = new Map<string, readonly EditError[]>();
    const out: EditError[] = [];
    for (const { unit, key, cached } of entries) {
      const path = unitPath(unit, name);
      paths.add(path);
      const found = cached ?? byPath.get(path) ?? [];
      byUnit.set(key, found);
      out.push(...found);
    }
    for (const error of fresh) if (!paths.has(error.path ?? '')) out.push(error);
    // Re-inserted so the map's order is least recently checked first.
    this.typeResults.delete(id);
    this.typeResults.set(id, { declarations: this.declarations(model, id), byUnit });
    if (this.typeResults.size > KEPT_COMPONENTS)
      this.typeResults.delete(this.typeResults.keys().next().value!);
    return out;
  }

  /** E_GATE_TIMEOUT naming the component, and the unit when the check held only one. */
  private timeoutError(
    model: AppModel,
    job: TypeCheckJob | undefined,
    outcome: Extract<TypecheckOutcome, { ok: false }>
  ): EditError {
    const name = (job && model.components.get(job.component)?.name) ?? 'a component';
    const units = job?.units ?? [];
    const what =
      units.length === 1
        ? unitLabel(units[0], name)
        : units.length > 1
          ? `${name} (${units
              .slice(0, 3)
              .map((u) => unitLabel(u))
              .join(', ')}${units.length > 3 ? ', …' : ''})`
          : name;
    const why =
      outcome.reason === 'timeout'
        ? `took longer than ${this.pool.limitMs} ms`
        : outcome.reason === 'memory'
          ? outcome.detail.replace(/^used/, 'needed')
          : `stopped the checker (${outcome.detail})`;
    return editError(
      'E_GATE_TIMEOUT',
      capText(
        `Type-checking ${what} ${why}; nothing was changed. Simplify the code (deeply nested ` +
          'conditional values or long chains of Object.assign make the checker spin).'
      ),
      {
        path: units.length === 1 && job ? unitPath(units[0], name) : `/components/${name}`
      }
    );
  }
}

/**
 * Jobs cut into requests of at most `limit` characters of code (at least one unit each). A
 * component's units stay in order, so a request holds at most one job per component.
 */
function chunks(jobs: readonly TypeCheckJob[], limit: number): TypeCheckJob[][] {
  const out: TypeCheckJob[][] = [];
  let request: TypeCheckJob[] = [];
  let size = 0;
  for (const job of jobs) {
    let units: CodeUnit[] = [];
    for (const unit of job.units) {
      if (size > 0 && size + unit.source.length > limit) {
        if (units.length > 0) request.push({ component: job.component, units });
        out.push(request);
        request = [];
        units = [];
        size = 0;
      }
      units.push(unit);
      size += unit.source.length;
    }
    if (units.length > 0) request.push({ component: job.component, units });
  }
  if (request.length > 0) out.push(request);
  return out;
}

function refused(...errors: EditError[]): GateResult {
  return { ok: false, errors: errors.map(capError), modules: new Map() };
}

function done(errors: EditError[], modules: ReadonlyMap<string, string>): GateResult {
  return { ok: errors.length === 0, errors: errors.map(capError), modules };
}
