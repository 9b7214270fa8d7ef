/** `GET` the app as an app file (schemas/app.schema.json), as a download. */
import { sessionFor } from '$lib/server/http';
import { toAppFile } from '$lib/model/appfile';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const model = session.model;
  const name = model.meta.title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
  return new Response(JSON.stringify(toAppFile(model), null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.malleable.json"`
    }
  });
};
