/**
 * The AI sidebar's calls: one turn (`POST /api/assist`, read as server-sent events while they
 * arrive) and applying a proposal (`POST /api/assist/apply`, through the studio so the replica,
 * the undo counts and the canvas follow like for any change).
 */
import type { AssistMessage } from '../ai/protocol';

/** Reads one turn's events as they arrive; ends after the server's `done`. */
export async function* streamAssist(
  body: {
    appId: string;
    message: string;
    selection: string | null;
    conversationId: string;
    /** A user's request in the app page, to be kept as a suggestion (issue 16). */
    suggest?: boolean;
  },
  headers: Record<string, string>,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal
): AsyncGenerator<AssistMessage> {
  let response: Response;
  try {
    response = await fetcher('/api/assist', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal
    });
  } catch (e) {
    yield {
      type: 'failed',
      text: `The assistant cannot be reached: ${String(e instanceof Error ? e.message : e)}`,
      errors: [{ code: 'E_IO', message: 'the studio server cannot be reached' }]
    };
    return;
  }
  if (!response.ok || !response.body) {
    let errors: { code: string; message: string }[] = [];
    try {
      errors = ((await response.json()) as { errors?: typeof errors }).errors ?? [];
    } catch {
      // Not JSON: the status says enough.
    }
    yield {
      type: 'failed',
      text: errors[0]?.message ?? `The assistant answered ${response.status}.`,
      errors: errors as never
    };
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      const message = JSON.parse(data) as AssistMessage | { type: 'done' };
      if (message.type === 'done') return;
      yield message;
    }
  }
}
