/**
 * Share-link tokens (groundwork for collaboration): a valid link verifies; a forged, tampered,
 * expired, revoked, unknown or other app's link is refused with its code; the secret is made
 * once and kept.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '../../src/lib/server/storage-sqlite';
import { loadSecret, ShareLinks } from '../../src/lib/server/tokens';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let clock = 1_000_000;
const secret = Buffer.alloc(32, 7);
const links = new ShareLinks(sqliteStorage(':memory:').links, secret, () => clock);
const HOUR = 3_600_000;

async function made(app = 'app1', role: unknown = 'editor', ms: unknown = HOUR) {
  const link = await links.create(app, role, ms);
  if (!link.ok) throw new Error(link.error.message);
  return link;
}

describe('share links', () => {
  it('verifies a link it made, with its app, role and expiry', async () => {
    const link = await made();
    const verified = await links.verify(link.token, 'app1');
    expect(verified).toEqual({ ok: true, claims: link.claims });
    expect(link.claims).toMatchObject({ app: 'app1', role: 'editor', exp: clock + HOUR });
  });

  it('refuses a forged signature, a tampered body and garbage', async () => {
    const link = await made();
    const [body, signature] = link.token.split('.');
    const forger = new ShareLinks(
      sqliteStorage(':memory:').links,
      Buffer.alloc(32, 9),
      () => clock
    );
    const forged = await forger.create('app1', 'owner', HOUR);
    if (!forged.ok) throw new Error('setup');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'owner' })).toString(
      'base64url'
    );
    for (const token of [
      forged.token,
      `${promoted}.${signature}`,
      `${body}.${signature.slice(0, -2)}`,
      `${body}`,
      `${body}.${signature}.x`,
      '',
      42,
      null,
      'a'.repeat(5000)
    ]) {
      const result = await links.verify(token, 'app1');
      expect(result.ok, String(token).slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('E_TOKEN_INVALID');
    }
  });

  it('refuses a link for another app', async () => {
    const result = await links.verify((await made('app2')).token, 'app1');
    expect(!result.ok && result.error.code).toBe('E_TOKEN_INVALID');
  });

  it('expires links, and revokes them', async () => {
    const link = await made('app1', 'viewer', HOUR);
    clock += HOUR;
    const expired = await links.verify(link.token, 'app1');
    expect(!expired.ok && expired.error.code).toBe('E_TOKEN_EXPIRED');
    const fresh = await made('app1', 'user', HOUR);
    expect((await links.list('app1')).map((l) => l.jti)).toContain(fresh.claims.jti);
    expect(await links.revoke('app2', fresh.claims.jti)).toBe(false);
    expect(await links.revoke('app1', fresh.claims.jti)).toBe(true);
    const revoked = await links.verify(fresh.token, 'app1');
    expect(!revoked.ok && revoked.error.code).toBe('E_TOKEN_REVOKED');
    expect((await links.list('app1')).map((l) => l.jti)).not.toContain(fresh.claims.jti);
  });

  it('refuses a signed link this database does not know', async () => {
    const elsewhere = new ShareLinks(sqliteStorage(':memory:').links, secret, () => clock);
    const link = await elsewhere.create('app1', 'editor', HOUR);
    if (!link.ok) throw new Error('setup');
    const result = await links.verify(link.token, 'app1');
    expect(!result.ok && result.error.code).toBe('E_TOKEN_INVALID');
  });

  it('refuses bad roles and lifetimes', async () => {
    for (const [role, ms] of [
      ['admin', HOUR],
      ['editor', 0],
      ['editor', -1],
      ['editor', Infinity],
      ['editor', '3600'],
      ['editor', 400 * 24 * HOUR]
    ] as const) {
      const result = await links.create('app1', role, ms);
      expect(!result.ok && result.error.code, `${role} ${ms}`).toBe('E_FIELD_VALUE');
    }
  });
});

describe('the signing secret', () => {
  it('is made once into DATA_DIR with mode 0600, and read back after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'malleable-secret-'));
    dirs.push(dir);
    const first = loadSecret(dir, {});
    expect(first.length).toBe(32);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadSecret(dir, {})).toEqual(first);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('comes from MALLEABLE_SECRET when set, which must be long enough', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'malleable-secret-'));
    dirs.push(dir);
    const value = 'x'.repeat(40);
    expect(loadSecret(dir, { MALLEABLE_SECRET: value }).toString()).toBe(value);
    expect(() => loadSecret(dir, { MALLEABLE_SECRET: 'short' })).toThrow(/32/);
  });
});
