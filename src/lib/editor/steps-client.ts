/**
 * The action builder's calls to the server: reading a handler body into steps
 * (`/api/apps/ID/steps`, Babel stays on the server) and judging a batch without writing it
 * (`/api/apps/ID/check`: plan, the gate with the type checker, dry run), so each step is checked
 * as it is made and a refusal is shown at the step, with the gate's message.
 */
import type { ActionStep } from '../code/action-steps';
import type { EditError } from '../ops/errors';
import type { Studio } from './studio.svelte';

async function post(studio: Studio, path: string, body: unknown): Promise<Response> {
  return await fetch(`/api/apps/${studio.appId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...studio.headers() },
    body: JSON.stringify(body)
  });
}

/** A handler body as steps; null when it is code outside the builder's subset (or unreadable). */
export async function readSteps(
  studio: Studio,
  component: string,
  params: readonly string[],
  body: string
): Promise<ActionStep[] | null> {
  try {
    const answer = (await (await post(studio, 'steps', { component, params, body })).json()) as {
      ok?: boolean;
      steps?: ActionStep[] | null;
    };
    return answer.ok && Array.isArray(answer.steps) ? answer.steps : null;
  } catch {
    // Offline or refused: the handler opens as code, which always works.
    return null;
  }
}

/** The errors the server's edit path would refuse `ops` with; none when it would take them. */
export async function checkOps(studio: Studio, ops: readonly unknown[]): Promise<EditError[]> {
  try {
    const answer = (await (await post(studio, 'check', { ops })).json()) as {
      ok?: boolean;
      errors?: EditError[];
    };
    return answer.ok ? [] : (answer.errors ?? []);
  } catch (e) {
    return [{ code: 'E_IO', message: `the studio server cannot be reached: ${String(e)}` }];
  }
}
