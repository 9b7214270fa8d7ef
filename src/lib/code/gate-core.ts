/**
 * The compile gate's machinery, with the type checker handed in rather than imported: every batch
 * passes it before it is committed. For each component the batch touched: parse every code unit,
 * check the policy, type-check (when a checker was given), and (on demand, for the sandbox)
 * instrument with the loop guard and emit the module form. All errors come back in one list.
 *
 * Incremental at two levels: parse + policy results are cached per unit (keyed by the unit's
 * source and context), and the type checker keeps its own per-unit cache over a warm language
 * service, so a 20-op batch on a 10,000-node app re-checks only the units it changed. Module
 * forms are cached per component by content and built only when asked for.
 *
 * This file never imports `typescript` (about 9 MB): the studio's browser gate (a Web Worker,
 * ../editor/gate-worker.ts) runs it without the TypeScript stage. `./gate.ts` is the server's
 * gate, the same class with a `TypeChecker` plugged in.
 */
import type { AppModel } from '../model/types';
import { editError, type EditError } from '../ops/errors';
import type { Verifier } from '../ops/plan';
import { parseUnit, unitPath } from './parse';
import { checkPolicy, policyContext } from './policy';
import { moduleForm } from './module';
import { componentUnits, type CodeUnit } from './units';
import { networkErrors } from './network';
import { childrenOf } from '../model/types';
import { propShape } from './literals';

/** A gate's result: every error, and the sandbox module of each checked component when asked. */
export interface GateResult {
  readonly ok: boolean;
  readonly errors: readonly EditError[];
  /** Component id → module form; filled only with `{ modules: true }` and no errors. */
  readonly modules: ReadonlyMap<string, string>;
}

/**
 * The TypeScript stage as the gate sees it (`TypeChecker` of ./typecheck.ts fits): the type
 * errors of a component's units, which all passed parse and policy.
 */
export interface GateTypeChecker {
  check(model: AppModel, componentId: string, units: readonly CodeUnit[]): EditError[];
  /** Frees what the checker holds; the gate calls it from its own `dispose`. */
  dispose(): void;
}

export interface GateCoreOptions {
  /** The TypeScript stage; none (the default) skips it. */
  readonly typechecker?: GateTypeChecker | null;
  /**
   * Run the policy stage (default true). Only tests turn it off, to prove that the sandbox alone
   * contains what the policy would have refused (defence in depth: tests/unit/escape.test.ts).
   */
  readonly policy?: boolean;
  /** Most unit results kept by the parse + policy cache. */
  readonly cacheSize?: number;
}

/** Everything a unit's type errors depend on besides its component's declarations. */
function unitKey(declaredProps: ReadonlyMap<string, unknown>, unit: CodeUnit): string {
  if (unit.kind === 'handler')
    return `h\u0000${unit.handler}\u0000${unit.source}\u0000${JSON.stringify([unit.params, unit.uses])}`;
  // An instance's props are typed by the declarations of the component it instantiates.
  const declared = declaredProps.get(unit.type);
  return `e\u0000${unit.node}\u0000${unit.prop}\u0000${unit.type}\u0000${unit.source}\u0000${JSON.stringify(unit.loops)}${declared ? JSON.stringify(declared) : ''}`;
}

/**
 * The content of a component that its module form and its parse and policy errors depend on, as
 * one string: equal keys, equal results (without the type checker, which also reads the props
 * other components declare). Literal values are left out (their names stay): the module reads them
 * through slots (./literals.ts), so a literal edit keeps the module and only its table changes.
 */
export function componentKey(model: AppModel, componentId: string): string {
  const c = model.components.get(componentId)!;
  const parts: unknown[] = [c.name, c.state, c.handlers, c.props];
  const stack = [c.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = model.nodes.get(id)!;
    parts.push(id, node.type, propShape(node.type, node.props));
    const kids = childrenOf(model, id);
    parts.push(kids.length);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return JSON.stringify(parts);
}

/**
 * A long-lived compile gate without a compiler of its own: make one per studio, server, CLI run or
 * browser worker and reuse it. `CompileGate` (./gate.ts) is this with TypeScript plugged in.
 */
export class CompileGateCore {
  private readonly typechecker: GateTypeChecker | null;
  private readonly unitCache = new Map<string, readonly EditError[]>();
  private readonly moduleCache = new Map<string, { key: string; module: string }>();
  /** Per component: its declarations and the type errors of each unit at the last check. */
  private readonly typeResults = new Map<
    string,
    { declarations: string; byUnit: Map<string, readonly EditError[]> }
  >();
  private readonly cacheSize: number;
  private readonly policy: boolean;

  constructor(options: GateCoreOptions = {}) {
    this.typechecker = options.typechecker ?? null;
    this.cacheSize = options.cacheSize ?? 50_000;
    this.policy = options.policy ?? true;
  }

  /** Parse and policy errors of one unit, cached by everything they depend on. */
  private staticErrors(
    unit: CodeUnit,
    componentName: string
  ): { errors: readonly EditError[]; parsed: boolean } {
    const context = unit.kind === 'expr' ? unit.loops : [unit.params, unit.uses];
    const key = `${componentName}\u0000${unit.kind === 'expr' ? `${unit.node}.${unit.prop}` : unit.handler}\u0000${JSON.stringify(context)}\u0000${unit.source}`;
    const hit = this.unitCache.get(key);
    if (hit) {
      // Refresh its place so the least recently used goes first when the cache is full.
      this.unitCache.delete(key);
      this.unitCache.set(key, hit);
      return { errors: hit, parsed: !hit.some((e) => e.code === 'E_SYNTAX') };
    }
    const parsed = parseUnit(unit, componentName);
    const errors = !parsed.ok
      ? [parsed.error]
      : this.policy
        ? checkPolicy(unit, parsed.ast, policyContext(unit, componentName))
        : [];
    this.unitCache.set(key, errors);
    if (this.unitCache.size > this.cacheSize)
      this.unitCache.delete(this.unitCache.keys().next().value!);
    return { errors, parsed: parsed.ok };
  }

  /**
   * Checks the components in `changed` (all components when omitted). With `{ modules: true }`
   * and no errors, also returns each checked component's module form.
   */
  compile(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options: { modules?: boolean } = {}
  ): GateResult {
    const ids = [...(changed ?? model.components.keys())].filter((id) => model.components.has(id));
    const errors: EditError[] = [];
    for (const id of ids) {
      const name = model.components.get(id)!.name;
      const units = componentUnits(model, id);
      const clean: CodeUnit[] = [];
      let componentErrors = 0;
      for (const unit of units) {
        const { errors: found } = this.staticErrors(unit, name);
        if (found.length > 0) {
          errors.push(...found);
          componentErrors += found.length;
        } else clean.push(unit);
      }
      // Types are checked only over code that passed the policy: a refused name would only
      // repeat itself as a type error.
      if (this.typechecker && componentErrors === 0)
        errors.push(...this.typechecker.check(model, id, clean));
      // Literal addresses reach only the origins the component was granted (./network.ts).
      errors.push(...networkErrors(model, id));
    }
    const modules = new Map<string, string>();
    if (options.modules && errors.length === 0) {
      for (const id of ids) {
        try {
          modules.set(id, this.module(model, id));
        } catch (e) {
          // The module form refuses to emit text SES would reject. With the policy stage on this
          // cannot happen; it is the last line should code reach here some other way.
          const name = model.components.get(id)!.name;
          errors.push(
            editError('E_POLICY_SES_TOKEN', `${name}: ${(e as Error).message}`, {
              path: `/components/${name}`
            })
          );
        }
      }
    }
    return { ok: errors.length === 0, errors, modules };
  }

  /**
   * Type errors of a component's units. Units whose text and context did not change since the
   * last check of this component keep their result, so the checker only sees what a batch
   * changed (building its input for 10,000 unchanged units would cost more than checking).
   */
  private typeErrors(
    model: AppModel,
    componentId: string,
    units: readonly CodeUnit[]
  ): EditError[] {
    const c = model.components.get(componentId)!;
    const declarations = JSON.stringify([c.state, c.props, c.capabilities]);
    let last = this.typeResults.get(componentId);
    if (!last || last.declarations !== declarations) {
      last = { declarations, byUnit: new Map() };
      this.typeResults.set(componentId, last);
    }
    const declaredProps = new Map([...model.components.values()].map((x) => [x.name, x.props]));
    const keys = units.map((unit) => unitKey(declaredProps, unit));
    const stale = units.filter((_, i) => !last.byUnit.has(keys[i]));
    const fresh = stale.length > 0 ? this.typechecker!.check(model, componentId, stale) : [];
    const byPath = new Map<string, EditError[]>();
    for (const error of fresh) {
      const list = byPath.get(error.path ?? '') ?? [];
      list.push(error);
      byPath.set(error.path ?? '', list);
    }
    const next = new Map<string, readonly EditError[]>();
    const out: EditError[] = [];
    units.forEach((unit, i) => {
      const found = last.byUnit.get(keys[i]) ?? byPath.get(unitPath(unit, c.name)) ?? [];
      next.set(keys[i], found);
      out.push(...found);
    });
    // Errors that name no unit (a checker fault) are reported, never cached.
    const paths = new Set(units.map((u) => unitPath(u, c.name)));
    for (const error of fresh) if (!paths.has(error.path ?? '')) out.push(error);
    last.byUnit = next;
    return out;
  }

  /** The module form of one component (which must have passed `compile`), cached by content. */
  module(model: AppModel, componentId: string): string {
    const key = componentKey(model, componentId);
    const hit = this.moduleCache.get(componentId);
    if (hit?.key === key) return hit.module;
    const module = moduleForm(model, componentId);
    this.moduleCache.set(componentId, { key, module });
    return module;
  }

  /** The gate as the `verify` stage of planOps: checks the components a batch touched. */
  verifier(): Verifier {
    return (model, touched) => [...this.compile(model, touched).errors];
  }

  /** Frees the type checker's language service, if it has one. */
  dispose(): void {
    this.typechecker?.dispose();
  }
}
