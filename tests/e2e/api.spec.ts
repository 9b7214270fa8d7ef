/**
 * The apps API as a script uses it: create from a template and from a file, list, export,
 * edit through the one edit path, refusals with codes, delete and undelete.
 */
import { expect, test } from './fixtures';

test('a script creates, edits, exports, deletes and undeletes an app over HTTP', async ({
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
  // A change without a JSON body is refused (a foreign page's Blob or beacon looks like that).
  const bodiless = await request.post(`/api/apps/${id}/undelete`);
  expect(bodiless.status()).toBe(415);
  expect(((await bodiless.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_CONTENT_TYPE'
  );
  expect((await request.post(`/api/apps/${id}/undelete`, { data: {} })).status()).toBe(200);
  const restored = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    title: string;
  };
  expect(restored.title).toBe('Scripted');
});

test('share links authorize scripts with their role, and stop when revoked or forged', async ({
  request,
  baseURL
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const { id } = (await created.json()) as { id: string };
  const link = async (role: string, expiresIn?: number) => {
    const made = await request.post(`/api/apps/${id}/links`, { data: { role, expiresIn } });
    expect(made.status()).toBe(201);
    return (await made.json()) as { url: string; token: string; id: string };
  };
  const edit = (token: string, title: string) =>
    request.post(`/api/apps/${id}/ops`, {
      headers: { authorization: `Bearer ${token}` },
      data: { ops: [{ op: 'setMeta', name: 'title', value: title }] }
    });
  const codes = async (response: { json(): Promise<unknown> }) =>
    ((await response.json()) as { errors: { code: string }[] }).errors.map((e) => e.code);

  const editor = await link('editor');
  // The link is the address the studio was reached at, plain http here: it opens as it is.
  expect(editor.url).toBe(`${baseURL}/apps/${id}?token=${encodeURIComponent(editor.token)}`);
  expect((await edit(editor.token, 'By the editor')).status()).toBe(200);

  // A user may use the app but not change it; a viewer neither; nor may they make links.
  for (const role of ['user', 'viewer']) {
    const { token } = await link(role);
    const refused = await edit(token, `By a ${role}`);
    expect(refused.status()).toBe(403);
    expect(await codes(refused)).toContain('E_FORBIDDEN');
    const links = await request.post(`/api/apps/${id}/links`, {
      headers: { authorization: `Bearer ${token}` },
      data: { role: 'owner' }
    });
    expect(links.status()).toBe(403);
    const deleted = await request.delete(`/api/apps/${id}`, {
      headers: { authorization: `Bearer ${token}` }
    });
    expect(deleted.status()).toBe(403);
  }

  // A forged token, another app's token, a bad role: refused with their codes.
  const forged = await edit(`${editor.token.split('.')[0]}.AAAA`, 'Forged');
  expect(forged.status()).toBe(401);
  expect(await codes(forged)).toEqual(['E_TOKEN_INVALID']);
  const other = (await (
    await request.post('/api/apps', { data: { template: 'blank' } })
  ).json()) as {
    id: string;
  };
  const elsewhere = await request.post(`/api/apps/${other.id}/ops`, {
    headers: { authorization: `Bearer ${editor.token}` },
    data: { ops: [{ op: 'setMeta', name: 'title', value: 'x' }] }
  });
  expect(elsewhere.status()).toBe(401);
  expect((await request.post(`/api/apps/${id}/links`, { data: { role: 'admin' } })).status()).toBe(
    422
  );

  // Revoked: the next call is refused, and nothing it sent is stored.
  expect((await request.delete(`/api/apps/${id}/links/${editor.id}`)).status()).toBe(200);
  const revoked = await edit(editor.token, 'After revocation');
  expect(revoked.status()).toBe(401);
  expect(await codes(revoked)).toEqual(['E_TOKEN_REVOKED']);
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as { title: string };
  expect(file.title).toBe('By the editor');
  const listed = (await (await request.get(`/api/apps/${id}/links`)).json()) as {
    links: { jti: string }[];
  };
  expect(listed.links.map((l) => l.jti)).not.toContain(editor.id);
});
