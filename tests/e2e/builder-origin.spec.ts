/**
 * The action builder's two HTTP routes, `POST /api/apps/ID/check` (the gate's judgement of a
 * batch) and `POST /api/apps/ID/steps` (a handler read back as steps), attacked with raw HTTP
 * against the built server: a forged `Origin` with the owner's cookie (a page on another origin
 * or another port), a forged `Host` (a DNS-rebound page, which could read the answer), and no
 * `Origin` with the cookie (a browser that says another site sent it, or a body that is not
 * declared JSON). Each is refused by the boundary with its code before the route runs: nothing
 * is judged or read back, nothing is stored, and the server keeps answering. The same request
 * with the studio's own headers is answered (the checks above are what refused).
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';
import { OWNER_TOKEN } from './owner';

/** A raw answer: status and body as text. */
interface Raw {
  status: number;
  body: string;
}

/** A POST with exactly `headers` (Node's client lets a test set `Host`, a browser never does). */
function rawPost(base: string, path: string, headers: Record<string, string>, body: string) {
  const url = new URL(path, base);
  return new Promise<Raw>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
        setHost: !('host' in headers)
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

const COOKIE = `malleable_owner=${OWNER_TOKEN}`;

test('check and steps refuse a forged Origin, a forged Host and a cross-site request without Origin', async ({
  request,
  baseURL
}) => {
  const created = await request.post('/api/apps', { data: { template: 'counter' } });
  const { id } = (await created.json()) as { id: string };
  const stored = async () =>
    JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json());
  const before = await stored();
  const host = new URL(baseURL!).host;
  const own = { host, origin: baseURL!, cookie: COOKIE, 'content-type': 'application/json' };
  const bodies = {
    check: JSON.stringify({
      ops: [{ op: 'addState', component: 'App', name: 'spent', type: 'number', initial: 0 }]
    }),
    steps: JSON.stringify({ component: 'App', params: [], body: 'state.count += 1;' })
  };

  // Each attack: its headers (on top of the studio's own) and the code and status it must get.
  const attacks: {
    what: string;
    headers: Record<string, string | null>;
    code: string;
    status: number;
  }[] = [
    {
      what: 'another site',
      headers: { origin: 'http://evil.example' },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'another port of this host (same site: the cookie is sent)',
      headers: { origin: 'http://127.0.0.1:1' },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'an opaque origin (a sandboxed frame)',
      headers: { origin: 'null' },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'the studio’s origin with a path',
      headers: { origin: `${baseURL}/x` },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'a DNS-rebound page',
      headers: { host: 'evil.example', origin: 'http://evil.example' },
      code: 'E_HOST_FORBIDDEN',
      status: 403
    },
    {
      what: 'a DNS-rebound page with the port',
      headers: { host: `evil.example:${new URL(baseURL!).port}`, origin: null },
      code: 'E_HOST_FORBIDDEN',
      status: 403
    },
    {
      what: 'a lookalike loopback name',
      headers: { host: 'localhost.evil.example', origin: null },
      code: 'E_HOST_FORBIDDEN',
      status: 403
    },
    {
      what: 'no Origin, the browser says cross-site',
      headers: { origin: null, 'sec-fetch-site': 'cross-site' },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'no Origin, the browser says same-site',
      headers: { origin: null, 'sec-fetch-site': 'same-site' },
      code: 'E_ORIGIN_FORBIDDEN',
      status: 403
    },
    {
      what: 'no Origin, a body not declared JSON (a form, a beacon)',
      headers: { origin: null, 'content-type': 'text/plain' },
      code: 'E_CONTENT_TYPE',
      status: 415
    },
    {
      what: 'no Origin, no content type',
      headers: { origin: null, 'content-type': null },
      code: 'E_CONTENT_TYPE',
      status: 415
    }
  ];

  for (const path of ['check', 'steps'] as const) {
    for (const attack of attacks) {
      const headers: Record<string, string> = { ...own };
      for (const [name, value] of Object.entries(attack.headers))
        if (value === null) delete headers[name];
        else headers[name] = value;
      const answer = await rawPost(baseURL!, `/api/apps/${id}/${path}`, headers, bodies[path]);
      const what = `${path}: ${attack.what}`;
      expect(answer.status, what).toBe(attack.status);
      const parsed = JSON.parse(answer.body) as { ok: boolean; errors: { code: string }[] };
      expect(parsed.ok, what).toBe(false);
      expect(
        parsed.errors.map((e) => e.code),
        what
      ).toEqual([attack.code]);
      // The route never ran: no judgement, no steps read back.
      expect(answer.body, what).not.toContain('"summary"');
      expect(answer.body, what).not.toContain('"steps"');
    }
  }

  // Nothing was stored, and the server still answers: the owner's own requests, with the
  // studio's origin, and a script with the owner's secret and no Origin (curl, the CLI).
  expect(await stored()).toBe(before);
  const check = await rawPost(baseURL!, `/api/apps/${id}/check`, own, bodies.check);
  expect(check.status, check.body).toBe(200);
  expect(JSON.parse(check.body)).toMatchObject({ ok: true });
  const steps = await rawPost(baseURL!, `/api/apps/${id}/steps`, own, bodies.steps);
  expect(JSON.parse(steps.body)).toEqual({
    ok: true,
    steps: [{ do: 'increase', field: 'count', by: 1 }]
  });
  const script = { host, cookie: COOKIE, 'content-type': 'application/json' };
  expect((await rawPost(baseURL!, `/api/apps/${id}/check`, script, bodies.check)).status).toBe(200);
  expect(await stored()).toBe(before);
});
