/**
 * `POST {appId, message, selection?, conversationId?}`: one AI turn, streamed as server-sent
 * events (`event: status|engine|proposal|question|refusal|failed`, `data:` JSON; a last
 * `event: done`). `suggest: true` (a user in the app page): the proposal is checked as an editor
 * would apply it, to be kept as a suggestion (`/api/apps/ID/suggestions`), never applied by the
 * asker. The assistant acts with the asker's rights (a share link's token, as for every
 * call); nothing is applied here: see `/api/assist/apply`.
 */
import { catalogError, editError } from '$lib/errors';
import { assistTurn } from '$lib/server/assist';
import { actorOf, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

const MAX_MESSAGE = 4000;

export const POST: RequestHandler = async ({ request, locals }) => {
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as Record<string, unknown>;
  if (typeof body.appId !== 'string')
    return errorAnswer([
      catalogError('E_FIELD_MISSING', { owner: 'the request', field: 'appId' }, { path: '/appId' })
    ]);
  if (typeof body.message !== 'string' || body.message.trim() === '')
    return errorAnswer([
      editError('E_FIELD_MISSING', 'say what to change in `message`', { path: '/message' })
    ]);
  if (body.message.length > MAX_MESSAGE)
    return errorAnswer([
      catalogError('E_BATCH_TOO_LARGE', {
        what: 'the message',
        limit: `${MAX_MESSAGE} characters`
      })
    ]);
  const session = await sessionFor(locals.studio, body.appId);
  if (session instanceof Response) return session;
  const actor = await actorOf(locals.studio, request, body.appId);
  if (actor instanceof Response) return actor;
  const message = body.message;
  const selection = typeof body.selection === 'string' ? body.selection : null;
  const conversation = typeof body.conversationId === 'string' ? body.conversationId : null;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) =>
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      try {
        for await (const message_ of assistTurn(session, actor, {
          message,
          selection,
          conversation,
          suggest: body.suggest === true
        }))
          send(message_.type, message_);
      } catch (e) {
        send('failed', {
          type: 'failed',
          text: `The assistant stopped: ${String(e instanceof Error ? e.message : e)}`,
          errors: []
        });
      }
      send('done', { type: 'done' });
      controller.close();
    }
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive'
    }
  });
};
