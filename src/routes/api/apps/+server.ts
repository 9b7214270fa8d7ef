/** The app list for scripts: `GET` lists the apps, `POST {template}` or `{file}` creates one. */
import { json } from '@sveltejs/kit';
import { errorAnswer, readBody } from '$lib/server/http';
import { editError } from '$lib/ops/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
  json({ apps: await locals.studio.store.list() });

export const POST: RequestHandler = async ({ request, locals }) => {
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = read.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return errorAnswer([
      editError(
        'E_FIELD_TYPE',
        'send {"template": NAME} or {"file": APP_FILE}, with an optional "title"'
      )
    ]);
  const created = await locals.studio.create(body as Record<string, unknown>);
  if (!created.ok) return errorAnswer(created.errors);
  return json({ id: created.app.id, app: created.app }, { status: 201 });
};
