/**
 * What the studio shows of the people in an app: avatars (one per person, me first, "+N"),
 * initials, share-link expiry words, the reading of the share-link API, the field and selection
 * keys that decide when panels redraw, and the once-a-frame pointer sender.
 */
import { describe, expect, it } from 'vitest';
import type { Peer } from '../../src/lib/collab/presence';
import {
  absoluteLink,
  answerErrors,
  avatarsOf,
  connectionText,
  expiryWords,
  fieldEditors,
  fieldsKey,
  initials,
  moreLabel,
  peerSelections,
  perFrame,
  readLinks,
  roleBadge,
  selectionsKey,
  type Me
} from '../../src/lib/editor/presence-view';

const me: Me = { id: 'me-1234', name: 'Ada Lovelace', color: '#0090ff', role: 'owner' };

let nextClient = 1;
function peer(id: string, extra: Partial<Peer> = {}): Peer {
  return {
    clientId: nextClient++,
    id,
    name: `Person ${id}`,
    color: '#30a46c',
    role: 'editor',
    selection: null,
    pointer: null,
    field: null,
    ...extra
  };
}

describe('avatarsOf', () => {
  it('draws me first with a ring, then each other person once, in the order they came', () => {
    const grace = peer('grace');
    const { shown, more } = avatarsOf(me, [grace, peer('linus'), peer('grace')]);
    expect(shown.map((a) => [a.id, a.self, a.tabs])).toEqual([
      ['me-1234', true, 1],
      ['grace', false, 2],
      ['linus', false, 1]
    ]);
    expect(more).toBe(0);
    expect(shown[1]).toMatchObject({ name: grace.name, color: grace.color, role: 'editor' });
  });

  it('counts my other tabs as me, not as someone else', () => {
    const { shown } = avatarsOf(me, [peer(me.id), peer(me.id), peer('grace')]);
    expect(shown.map((a) => a.id)).toEqual(['me-1234', 'grace']);
    expect(shown[0].tabs).toBe(1);
  });

  it('stops at max circles (me included) and counts the rest', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => peer(id));
    const { shown, more, hidden } = avatarsOf(me, people, 5);
    expect(shown.map((a) => a.id)).toEqual(['me-1234', 'a', 'b', 'c', 'd']);
    expect(more).toBe(2);
    expect(hidden.map((a) => a.id)).toEqual(['e', 'f']);
    expect(moreLabel(more)).toBe('+2');
  });

  it('always shows me, even with a max below one', () => {
    expect(avatarsOf(me, [peer('a')], 0).shown.map((a) => a.id)).toEqual(['me-1234']);
  });

  it('is alone when nobody else is here', () => {
    const { shown, more } = avatarsOf(me, []);
    expect(shown).toHaveLength(1);
    expect(moreLabel(more)).toBe('');
  });
});

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['grace', 'G'],
    ['Jean Paul Sartre', 'JS'],
    ['  padded   name  ', 'PN'],
    ['émile zola', 'ÉZ'],
    ['😀 Smile', '😀S'],
    ['𝒜lice', '𝒜'],
    ['(Ada) «Lovelace»', 'AL'],
    ['<b>Linus</b>', 'B'],
    ['-- ...', '?'],
    ['', '?'],
    ['   ', '?']
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('expiryWords', () => {
  const now = Date.UTC(2025, 0, 1);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;

  it.each([
    [7 * day - 1000, 'in 6 days'],
    [7 * day, 'in 1 week'],
    [30 * day, 'in 1 month'],
    [29 * day, 'in 4 weeks'],
    [day, 'in 1 day'],
    [2 * day + hour, 'in 2 days'],
    [hour, 'in 1 hour'],
    [59 * minute, 'in 59 minutes'],
    [30_000, 'in less than a minute'],
    [400 * day, 'in 1 year']
  ])('%d ms left reads %j', (left, words) => {
    expect(expiryWords(now + left, now)).toBe(words);
  });

  it('says expired at and after the moment, and for no time at all', () => {
    expect(expiryWords(now, now)).toBe('expired');
    expect(expiryWords(now - day, now)).toBe('expired');
    expect(expiryWords(Number.NaN, now)).toBe('expired');
  });
});

describe('the share-link API', () => {
  it('reads the list as tokens.ts writes it (jti, expires) and as id, exp, revoked', () => {
    const rows = readLinks({
      links: [
        { jti: 'abc', role: 'editor', created: 1, expires: 5000 },
        { id: 'def', role: 'viewer', exp: 6000, revoked: true },
        { id: 'ghi', role: 'user', exp: 7000, revokedAt: 10 }
      ]
    });
    expect(rows).toEqual([
      { id: 'abc', role: 'editor', exp: 5000, revoked: false },
      { id: 'def', role: 'viewer', exp: 6000, revoked: true },
      { id: 'ghi', role: 'user', exp: 7000, revoked: true }
    ]);
  });

  it('skips malformed rows and answers', () => {
    expect(readLinks(null)).toEqual([]);
    expect(readLinks({ links: 'no' })).toEqual([]);
    expect(
      readLinks({
        links: [
          null,
          7,
          { id: '', role: 'editor', exp: 1 },
          { id: 'x', role: 'admin', exp: 1 },
          { id: 'x', role: 'editor', exp: '1' },
          { role: 'editor', exp: 1 },
          { id: 'ok', role: 'owner', exp: 1 }
        ]
      }).map((r) => r.id)
    ).toEqual(['ok']);
  });

  it('shows the coded errors of a refusal, or names the status when there are none', () => {
    expect(
      answerErrors({ ok: false, errors: [{ code: 'E_FORBIDDEN', message: 'owners only' }] }, 403)
    ).toEqual([{ code: 'E_FORBIDDEN', message: 'owners only' }]);
    expect(answerErrors({ errors: [null, { message: 'x' }] }, 422)).toEqual([
      { code: 'E_IO', message: 'x' }
    ]);
    const [fallback] = answerErrors('<html>Bad gateway</html>', 502);
    expect(fallback.code).toBe('E_IO');
    expect(fallback.message).toContain('502');
  });

  it('makes the link absolute on this origin, and leaves an absolute one alone', () => {
    expect(absoluteLink('/apps/abc?token=t.s', 'https://studio.example')).toBe(
      'https://studio.example/apps/abc?token=t.s'
    );
    expect(absoluteLink('http://other:5173/apps/abc?token=x', 'https://studio.example')).toBe(
      'http://other:5173/apps/abc?token=x'
    );
  });
});

describe('what the panels redraw on', () => {
  it('gathers the people on each field, each once', () => {
    const a = peer('a', { field: 'n1/text' });
    const a2 = peer('a', { field: 'n1/text' });
    const b = peer('b', { field: 'n1/text' });
    const c = peer('c', { field: 'state:c1/items' });
    const editors = fieldEditors([a, a2, b, c, peer('d')]);
    expect(editors.get('n1/text')?.map((p) => p.id)).toEqual(['a', 'b']);
    expect(editors.get('state:c1/items')?.map((p) => p.id)).toEqual(['c']);
    expect(editors.size).toBe(2);
  });

  it('keeps the field key when only pointers move, and changes it when someone changes field', () => {
    const before = [peer('a', { field: 'n1/text', pointer: { x: 1, y: 2 } })];
    const moved = [{ ...before[0], pointer: { x: 300, y: 400 } }];
    const elsewhere = [{ ...before[0], field: 'n1/size' }];
    expect(fieldsKey(moved)).toBe(fieldsKey(before));
    expect(fieldsKey(elsewhere)).not.toBe(fieldsKey(before));
    expect(fieldsKey([peer('z')])).toBe('');
  });

  it('frames each person’s selection once, and keys it the same way', () => {
    const a = peer('a', { selection: 'n1', pointer: { x: 1, y: 1 } });
    const tabs = [a, peer('a', { selection: 'n1' }), peer('a', { selection: 'n2' })];
    expect(peerSelections(tabs).map((p) => p.selection)).toEqual(['n1', 'n2']);
    expect(peerSelections([peer('b')])).toEqual([]);
    const moved = [{ ...a, pointer: { x: 50, y: 50 } }];
    expect(selectionsKey(moved)).toBe(selectionsKey([a]));
    expect(selectionsKey([{ ...a, selection: 'n3' }])).not.toBe(selectionsKey([a]));
  });
});

describe('perFrame', () => {
  function frames() {
    const queue: (() => void)[] = [];
    return {
      schedule: (callback: () => void) => queue.push(callback),
      run: () => queue.splice(0).forEach((callback) => callback()),
      get pending() {
        return queue.length;
      }
    };
  }

  it('sends the latest value once per frame', () => {
    const clock = frames();
    const sent: number[] = [];
    const out = perFrame<number>((v) => sent.push(v), clock.schedule);
    out.push(1);
    out.push(2);
    out.push(3);
    expect(clock.pending).toBe(1);
    expect(sent).toEqual([]);
    clock.run();
    expect(sent).toEqual([3]);
    out.push(4);
    clock.run();
    clock.run();
    expect(sent).toEqual([3, 4]);
  });

  it('drops a value waiting for its frame when cancelled, and works again after', () => {
    const clock = frames();
    const sent: number[] = [];
    const out = perFrame<number>((v) => sent.push(v), clock.schedule);
    out.push(1);
    out.cancel();
    clock.run();
    expect(sent).toEqual([]);
    out.push(2);
    clock.run();
    expect(sent).toEqual([2]);
  });

  it('sends once when pushed again after a cancel within the same frame', () => {
    const clock = frames();
    const sent: number[] = [];
    const out = perFrame<number>((v) => sent.push(v), clock.schedule);
    out.push(1);
    out.cancel();
    out.push(2);
    clock.run();
    expect(sent).toEqual([2]);
  });
});

describe('badges', () => {
  it('names the roles that cannot change the app, and only those', () => {
    expect(roleBadge('viewer')).toBe('View only');
    expect(roleBadge('user')).toBe('User: data only');
    expect(roleBadge('editor')).toBeNull();
    expect(roleBadge('owner')).toBeNull();
  });

  it('words every connection state', () => {
    expect(connectionText('online').label).toBe('Online');
    expect(connectionText('syncing').label).toBe('Syncing…');
    expect(connectionText('connecting').label).toBe('Connecting…');
    expect(connectionText('offline').label).toBe('Offline — changes are kept in this browser');
  });
});
