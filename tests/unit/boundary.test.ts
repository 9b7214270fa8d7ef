/**
 * The browser-to-localhost boundary's pure checks (server/boundary.ts) and the owner's secret
 * (server/owner.ts), each case written as the request an attacking page would make. The same
 * checks against the running studio in a real browser: tests/e2e/boundary.spec.ts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkContentType,
  checkHost,
  judgeRequest,
  judgeUpgrade
} from '../../src/lib/server/boundary';
import {
  cookieOf,
  isOwnerToken,
  loadOwnerToken,
  OWNER_COOKIE,
  ownerCookie,
  ownerLink,
  provesOwner
} from '../../src/lib/server/owner';

const headers = (values: Record<string, string>) => new Headers(values);
const NO_ENV = {};
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Host (DNS rebinding)', () => {
  it('answers the loopback names on any port, and refuses every other name', () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:4179', '[::1]:3000', 'LOCALHOST'])
      expect(checkHost(host, NO_ENV), host).toBeNull();
    for (const host of [
      'evil.example',
      'evil.example:3000',
      'localhost.evil.example',
      '127.0.0.1.evil.example',
      '127.0.0.2',
      '',
      'localhost:3000 evil',
      'user@localhost'
    ])
      expect(checkHost(host, NO_ENV)?.error.code, host).toBe('E_HOST_FORBIDDEN');
    expect(checkHost(null, NO_ENV)?.error.code).toBe('E_HOST_FORBIDDEN');
  });

  it('answers ORIGIN’s host and the names in MALLEABLE_HOSTS', () => {
    const env = { ORIGIN: 'https://studio.example.com', MALLEABLE_HOSTS: 'box.lan, 10.0.0.5:80' };
    for (const host of ['studio.example.com', 'box.lan:3000', '10.0.0.5'])
      expect(checkHost(host, env), host).toBeNull();
    expect(checkHost('studio.example.com', NO_ENV)?.error.code).toBe('E_HOST_FORBIDDEN');
  });
});

describe('Origin and Sec-Fetch-Site on changes and upgrades', () => {
  const own = { host: '127.0.0.1:4179' };

  it('refuses a change from another origin, another port, or an opaque origin', () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:8080',
      'http://localhost:4179',
      'null',
      'https://127.0.0.1:4179.evil.example'
    ])
      expect(
        judgeRequest('POST', headers({ ...own, origin, 'content-type': 'application/json' }))?.error
          .code,
        origin
      ).toBe('E_ORIGIN_FORBIDDEN');
  });

  it('refuses a change the browser says came from another site, even without Origin', () => {
    for (const site of ['cross-site', 'same-site'])
      expect(
        judgeRequest(
          'DELETE',
          headers({ ...own, 'sec-fetch-site': site, 'content-type': 'application/json' })
        )?.error.code
      ).toBe('E_ORIGIN_FORBIDDEN');
  });

  it('lets the studio’s own page, ORIGIN, and clients without Origin (scripts) through', () => {
    const json = { 'content-type': 'application/json' };
    expect(
      judgeRequest('POST', headers({ ...own, ...json, origin: 'http://127.0.0.1:4179' }))
    ).toBeNull();
    expect(
      judgeRequest(
        'POST',
        headers({ host: 'studio.example.com', ...json, origin: 'https://studio.example.com' }),
        { ORIGIN: 'https://studio.example.com' }
      )
    ).toBeNull();
    expect(judgeRequest('POST', headers({ ...own, ...json }))).toBeNull();
    // Reading is never refused for its Origin: a page cannot read the answer without CORS.
    expect(judgeRequest('GET', headers({ ...own, origin: 'http://evil.example' }))).toBeNull();
  });

  it('refuses a WebSocket upgrade from another origin or Host', () => {
    expect(judgeUpgrade(headers({ ...own, origin: 'http://evil.example' }))?.error.code).toBe(
      'E_ORIGIN_FORBIDDEN'
    );
    expect(judgeUpgrade(headers({ host: 'rebind.test:4179' }))?.error.code).toBe(
      'E_HOST_FORBIDDEN'
    );
    expect(judgeUpgrade(headers({ ...own, origin: 'http://127.0.0.1:4179' }))).toBeNull();
  });
});

describe('content type (no-cors Blob bodies, sendBeacon)', () => {
  it('refuses a change whose body is not declared JSON', () => {
    for (const type of [
      null,
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx'
    ])
      expect(
        checkContentType('POST', headers(type === null ? {} : { 'content-type': type }))?.status,
        String(type)
      ).toBe(415);
    expect(checkContentType('PATCH', headers({}))?.error.code).toBe('E_CONTENT_TYPE');
  });

  it('takes JSON with parameters, and a DELETE with no body', () => {
    expect(
      checkContentType('POST', headers({ 'content-type': 'Application/JSON; charset=utf-8' }))
    ).toBeNull();
    expect(checkContentType('DELETE', headers({}))).toBeNull();
    expect(checkContentType('DELETE', headers({ 'content-type': 'text/plain' }))?.status).toBe(415);
  });
});

describe('the owner token', () => {
  it('is made once per data directory, mode 600, and read back after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'malleable-owner-'));
    dirs.push(dir);
    const first = loadOwnerToken(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'owner-token')).mode & 0o777).toBe(0o600);
    expect(loadOwnerToken(dir, {})).toBe(first);
    const other = mkdtempSync(join(tmpdir(), 'malleable-owner-'));
    dirs.push(other);
    expect(loadOwnerToken(other, {})).not.toBe(first);
  });

  it('takes MALLEABLE_OWNER_TOKEN, and refuses a short or unsafe one', () => {
    const token = 'a'.repeat(40);
    expect(loadOwnerToken(':memory:', { MALLEABLE_OWNER_TOKEN: token })).toBe(token);
    expect(() => loadOwnerToken(':memory:', { MALLEABLE_OWNER_TOKEN: 'short' })).toThrow(/32/);
    expect(() =>
      loadOwnerToken(':memory:', { MALLEABLE_OWNER_TOKEN: `${token}; Domain=evil` })
    ).toThrow(/letters/);
  });

  it('is proven by the cookie or the bearer token, nothing else', () => {
    const token = loadOwnerToken(':memory:', {});
    const cookie = `theme=dark; ${OWNER_COOKIE}=${token}`;
    expect(cookieOf(cookie, OWNER_COOKIE)).toBe(token);
    expect(provesOwner(headers({ cookie }), token)).toBe(true);
    expect(provesOwner(headers({ authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(provesOwner(headers({ cookie: `${OWNER_COOKIE}=${token}x` }), token)).toBe(false);
    expect(provesOwner(headers({ [`x-${OWNER_COOKIE}`]: token }), token)).toBe(false);
    expect(provesOwner(headers({ cookie: `${OWNER_COOKIE}=` }), token)).toBe(false);
    expect(provesOwner(headers({}), token)).toBe(false);
    expect(isOwnerToken(token, '')).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie, and prints a link that carries it', () => {
    const cookie = ownerCookie('t'.repeat(32), false);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(ownerCookie('t'.repeat(32), true)).toMatch(/Secure/);
    expect(ownerLink('http://localhost:3000', 'abc_-')).toBe('http://localhost:3000/?owner=abc_-');
  });
});
