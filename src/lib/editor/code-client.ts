/**
 * The code tab's side of the wire: reading a component's JSX form from the server, asking it to
 * translate edited text into ops, and proposing those ops through the studio, so a code edit takes
 * the same one edit path as a drag (DESIGN section 1). The JSX is generated and parsed on the
 * server (src/routes/api/apps/[id]/code): Babel and TypeScript never enter the page's bundle.
 */
import { locateError, type CodeError, type OpLike } from '../code/locate';
import type { Studio } from './studio.svelte';

/** One component's text as the server prints it. */
export type SourceAnswer =
  | { readonly ok: true; readonly component: string; readonly source: string }
  | { readonly ok: false; readonly errors: readonly CodeError[] };

/** Edited text read back into ops (nothing applied yet), or why it cannot be read. */
export type TranslateAnswer =
  | { readonly ok: true; readonly component: string; readonly ops: readonly OpLike[] }
  | { readonly ok: false; readonly errors: readonly CodeError[] };

/** What saving the text did. `changed` is false when the text said what the app already says. */
export type SaveOutcome =
  | {
      readonly ok: true;
      readonly changed: boolean;
      readonly component: string;
      readonly summary: string | null;
    }
  | { readonly ok: false; readonly errors: readonly CodeError[] };

function ioError(message: string): CodeError {
  return { code: 'E_IO', message };
}

async function answerOf<T>(response: Response): Promise<T | { ok: false; errors: CodeError[] }> {
  try {
    return (await response.json()) as T;
  } catch {
    return { ok: false, errors: [ioError(`the server answered ${response.status}`)] };
  }
}

/** The JSX form of the component called `component` (the root component when null). */
export async function fetchSource(
  appId: string,
  component: string | null,
  fetcher: typeof fetch = fetch,
  headers: Record<string, string> = {}
): Promise<SourceAnswer> {
  const query = component === null ? '' : `?component=${encodeURIComponent(component)}`;
  try {
    return await answerOf<SourceAnswer>(
      await fetcher(`/api/apps/${appId}/code${query}`, { headers })
    );
  } catch (e) {
    return { ok: false, errors: [ioError(`the studio server cannot be reached: ${String(e)}`)] };
  }
}

/** Asks the server to read `source` into ops against the app as it is now; nothing is applied. */
export async function translateSource(
  appId: string,
  component: string,
  source: string,
  fetcher: typeof fetch = fetch,
  headers: Record<string, string> = {}
): Promise<TranslateAnswer> {
  try {
    const response = await fetcher(`/api/apps/${appId}/code?dryRun=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ component, source })
    });
    return await answerOf<TranslateAnswer>(response);
  } catch (e) {
    return { ok: false, errors: [ioError(`the studio server cannot be reached: ${String(e)}`)] };
  }
}

/**
 * Saves edited text: the server translates it into ops, then the studio proposes them with
 * source `code`, so the planner, the compile gate and the sandbox dry run check them and the
 * replica gets the update like for any other edit. Nothing is applied when there are errors;
 * each error carries the line it is about when it can be found.
 */
export async function saveSource(
  studio: Studio,
  component: string,
  source: string
): Promise<SaveOutcome> {
  const translated = await translateSource(
    studio.appId,
    component,
    source,
    fetch,
    studio.headers()
  );
  if (!translated.ok) return translated;
  if (translated.ops.length === 0)
    return { ok: true, changed: false, component: translated.component, summary: null };
  const outcome = await studio.propose(translated.ops, 'code');
  if (!outcome.ok)
    return {
      ok: false,
      errors: outcome.errors.map((e) => locateError(e, source, translated.ops))
    };
  return { ok: true, changed: true, component: translated.component, summary: outcome.summary };
}

// ---------------------------------------------------------------------------------------------
// Finding an error's line in the text

export { locateError, type CodeError, type OpLike };
