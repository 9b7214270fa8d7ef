/**
 * The apps API as a script uses it: create from a template and from a file, list, export,
 * edit through the one edit path, refusals with codes, delete and restore.
 */
import { expect, test } from '@playwright/test';

test('a script creates, edits, exports, deletes and restores an app over HTTP', async ({
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'counter' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const list = (await (await request.get('/api/apps')).json()) as { apps: { id: string }[] };
  expect(list.apps.map((a) => a.id)).toContain(id);

  const file = await request.get(`/api/apps/${id}/file`);
  expect(file.headers()['content-disposition']).toContain('attachment');
  const appFile = (await file.json()) as { format: string; title: string };
  expect(appFile.format).toBe('malleable-app');

  const copy = await request.post('/api/apps', { data: { file: appFile, title: 'Copy' } });
  expect(copy.status()).toBe(201);

  const edit = await request.post(`/api/apps/${id}/ops`, {
    data: { ops: [{ op: 'setMeta', name: 'title', value: 'Scripted' }] }
  });
  expect(edit.status()).toBe(200);
  expect(((await edit.json()) as { summary: string }).summary).toContain('Scripted');

  const bad = await request.post(`/api/apps/${id}/ops`, {
    data: { ops: [{ op: 'removeNode', id: 'nothere' }] }
  });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_NODE_NOT_FOUND'
  );

  const garbage = await request.post(`/api/apps/${id}/ops`, {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from('{"ops": [')
  });
  expect(garbage.status()).toBe(400);

  expect((await request.post('/api/apps', { data: { template: 'nope' } })).status()).toBe(422);
  expect((await request.get('/api/apps/zzzzzzzzzz/file')).status()).toBe(404);

  expect((await request.delete(`/api/apps/${id}`)).status()).toBe(200);
  expect((await request.get(`/api/apps/${id}/file`)).status()).toBe(404);
  expect((await request.post(`/api/apps/${id}/restore`)).status()).toBe(200);
  const restored = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    title: string;
  };
  expect(restored.title).toBe('Scripted');
});
