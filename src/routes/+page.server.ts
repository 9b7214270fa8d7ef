/**
 * The studio's home: for now, the demo todo app, shown read-only and run live. Later this loads a
 * stored app. The model holds Maps, so the load hands the page a plain-JSON view of it plus its
 * code outline, and what the browser's sandbox worker loads: each component compiled here (the
 * gate's parse, policy and loop guard stages; no compiler reaches the browser), the root and the
 * app data.
 */
import { CompileGate } from '$lib/code/gate';
import { jsxOutline } from '$lib/model/outline';
import { plainApp } from '$lib/editor/plain';
import { rootComponent } from '$lib/model/types';
import { compiledComponents, type LiveSource } from '$lib/runtime/compiled';
import { templateModel } from '$lib/templates';
import type { PageServerLoad } from './$types';

/** One gate for the server, without the type check (the sandbox contains a type error). */
let gate: CompileGate | undefined;

export const load: PageServerLoad = () => {
  const model = templateModel('todo');
  gate ??= new CompileGate({ typecheck: false });
  const result = gate.compile(model, undefined, { modules: true });
  const root = rootComponent(model);
  const live: LiveSource =
    result.ok && root
      ? {
          ok: true,
          components: [...compiledComponents(model, result.modules).values()],
          root: root.id,
          data: { ...model.data }
        }
      : {
          ok: false,
          message: result.errors[0]?.message ?? 'the app has no root component'
        };
  return { app: plainApp(model), outline: jsxOutline(model), live };
};
