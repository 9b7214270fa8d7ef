/**
 * `readPeer` reads what other browsers publish through awareness: untrusted input. Each test is
 * one thing a hostile or broken client could send; the studio must either drop the entry or keep
 * only well-formed, bounded fields (the canvas and the avatars draw them, and colours go into
 * CSS).
 */
import { describe, expect, it } from 'vitest';
import { colorFor, PEER_COLORS, readPeer } from '../../src/lib/collab/presence';

const user = { id: 'person-1', name: 'Grace', color: '#e5484d', role: 'editor' };
const good = { user, selection: 'n1', pointer: { x: 10.4, y: 20.6 }, field: 'n1/text' };

describe('readPeer', () => {
  it('reads a well-formed presence, and nothing beyond its known fields', () => {
    const peer = readPeer(7, { ...good, extra: '<script>', user: { ...user, admin: true } });
    expect(peer).toEqual({
      clientId: 7,
      id: 'person-1',
      name: 'Grace',
      color: '#e5484d',
      role: 'editor',
      selection: 'n1',
      pointer: { x: 10, y: 21 },
      field: 'n1/text',
      assistant: null
    });
  });

  it.each([null, undefined, 0, 42, 'user', true, [], () => good, Symbol('x')])(
    'drops a state that is not an object: %s',
    (state) => {
      expect(readPeer(1, state)).toBeNull();
    }
  );

  it.each([
    ['no user', { selection: 'n1' }],
    ['a user that is a string', { user: 'Grace' }],
    ['a user that is null', { user: null }],
    ['no id', { user: { ...user, id: undefined } }],
    ['an empty id', { user: { ...user, id: '' } }],
    ['an id that is a number', { user: { ...user, id: 12 } }],
    ['no name', { user: { ...user, name: undefined } }],
    ['an empty name', { user: { ...user, name: '' } }],
    ['a name that is an object', { user: { ...user, name: { toString: (): string => 'Grace' } } }]
  ])('drops an entry with %s', (_why, state) => {
    expect(readPeer(1, state)).toBeNull();
  });

  it('drops huge names and ids instead of cutting them (no one shows up as a wall of text)', () => {
    expect(readPeer(1, { user: { ...user, name: 'A'.repeat(81) } })).toBeNull();
    expect(readPeer(1, { user: { ...user, name: 'A'.repeat(1_000_000) } })).toBeNull();
    expect(readPeer(1, { user: { ...user, id: 'x'.repeat(201) } })).toBeNull();
    expect(readPeer(1, { user: { ...user, name: 'A'.repeat(80) } })?.name).toHaveLength(80);
  });

  it('clears a huge or malformed selection and field but keeps the person', () => {
    const peer = readPeer(1, {
      user,
      selection: 'n'.repeat(65),
      field: 'f'.repeat(201),
      pointer: null
    });
    expect(peer).toMatchObject({ id: 'person-1', selection: null, field: null, pointer: null });
    expect(readPeer(1, { user, selection: 5, field: ['n1/text'] })).toMatchObject({
      selection: null,
      field: null
    });
    expect(readPeer(1, { user, selection: '', field: '' })).toMatchObject({
      selection: null,
      field: null
    });
  });

  it.each([
    ['NaN', { x: Number.NaN, y: 1 }],
    ['Infinity', { x: 1, y: Number.POSITIVE_INFINITY }],
    ['-Infinity', { x: Number.NEGATIVE_INFINITY, y: 1 }],
    ['strings', { x: '10', y: '20' }],
    ['a missing y', { x: 1 }],
    ['an array', [1, 2]],
    ['a number', 5],
    ['a string', '10,20'],
    ['nulls', { x: null, y: null }]
  ])('drops a pointer of %s', (_why, pointer) => {
    const peer = readPeer(1, { user, pointer });
    expect(peer).not.toBeNull();
    expect(peer!.pointer).toBeNull();
  });

  it('keeps a pointer as whole finite numbers, off the page too (the canvas clips it)', () => {
    expect(readPeer(1, { user, pointer: { x: -5.5, y: 1e9 } })!.pointer).toEqual({
      x: -5,
      y: 1e9
    });
  });

  it.each(['admin', 'OWNER', 'Owner', '', 'toString', '__proto__', 'constructor', null, 3])(
    'drops an entry with the role %j',
    (role) => {
      expect(readPeer(1, { user: { ...user, role } })).toBeNull();
    }
  );

  it.each([
    'red',
    '#fff',
    '#12345g',
    '#1234567',
    '#e5484d; background: url(https://evil.example/x)',
    'url(javascript:alert(1))',
    'var(--color-bg)',
    '#e5484d\n',
    12,
    null
  ])('replaces the colour %j with the one its id is given', (color) => {
    const peer = readPeer(1, { user: { ...user, color } });
    expect(peer!.color).toBe(colorFor(user.id));
    expect(PEER_COLORS).toContain(peer!.color);
  });

  it('accepts a colour in capitals', () => {
    expect(readPeer(1, { user: { ...user, color: '#ABCDEF' } })!.color).toBe('#ABCDEF');
  });

  it('does not read a user through a __proto__ key (JSON makes it an own property)', () => {
    const state = JSON.parse(`{"__proto__": {"user": ${JSON.stringify(user)}}}`) as unknown;
    expect(readPeer(1, state)).toBeNull();
  });

  it('reads names with markup as plain text: drawing them is the escaping place', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(readPeer(1, { user: { ...user, name } })!.name).toBe(name);
  });
});
