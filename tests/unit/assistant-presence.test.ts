/**
 * The AI in presence, read and drawn (issue 15): the awareness field `assistant` of a person's
 * state becomes "Assistant (for NAME)" in everyone else's presence list and frames on their
 * canvas; malformed or oversized ones are refused by the server's judge (presenceProblem) and
 * ignored by the reader (readPeer).
 */
import { describe, expect, it } from 'vitest';
import { MAX_ASSISTANT_NODES, presenceProblem, readPeer } from '../../src/lib/collab/presence';
import { assistantsOf, framedPeers, peerSelections } from '../../src/lib/editor/presence-view';

const user = { id: 'link:e~ann-0001', name: 'Ann', color: '#e5484d', role: 'editor' };
const state = (assistant: unknown) => ({
  user,
  selection: null,
  pointer: null,
  field: null,
  assistant
});

describe('presenceProblem and readPeer with an assistant', () => {
  it('a well-formed assistant passes and is read', () => {
    const ok = state({ status: 'proposing', nodes: ['h1', 'b2'] });
    expect(presenceProblem(ok)).toBeNull();
    expect(readPeer(7, ok)?.assistant).toEqual({ status: 'proposing', nodes: ['h1', 'b2'] });
    expect(presenceProblem(state(null))).toBeNull();
    expect(readPeer(7, state(null))?.assistant).toBeNull();
    // A studio from before this field: no assistant.
    expect(readPeer(7, { user, selection: null })?.assistant).toBeNull();
  });

  it('refuses the attacks: long lists, long ids, unknown statuses, extra fields, wrong types', () => {
    for (const bad of [
      { status: 'proposing', nodes: Array.from({ length: MAX_ASSISTANT_NODES + 1 }, () => 'n') },
      { status: 'proposing', nodes: Array.from({ length: 100_000 }, (_, i) => `n${i}`) },
      { status: 'proposing', nodes: ['x'.repeat(65)] },
      { status: 'proposing', nodes: [''] },
      { status: 'proposing', nodes: [42] },
      { status: 'proposing', nodes: 'h1' },
      { status: 'owning', nodes: [] },
      { status: 'proposing' },
      { status: 'proposing', nodes: [], html: '<img onerror=alert(1)>' },
      ['proposing', []],
      'proposing'
    ]) {
      expect(presenceProblem(state(bad)), JSON.stringify(bad).slice(0, 80)).not.toBeNull();
      expect(readPeer(7, state(bad))?.assistant).toBeNull();
    }
  });
});

describe('assistantsOf and framedPeers', () => {
  const ann = readPeer(1, state({ status: 'thinking', nodes: ['h1'] }))!;
  const annTab = readPeer(2, state({ status: 'proposing', nodes: ['b2'] }))!;
  const bob = readPeer(3, {
    user: { id: 'link:e~bob-0001', name: 'Bob', color: '#0090ff', role: 'editor' },
    selection: 'x9'
  })!;

  it('one entry per person who asked, named for them, in their colour', () => {
    expect(assistantsOf([ann, annTab, bob])).toEqual([
      {
        id: 'assistant:link:e~ann-0001',
        name: 'Assistant (for Ann)',
        color: '#e5484d',
        status: 'thinking',
        nodes: ['h1']
      }
    ]);
    expect(assistantsOf([bob])).toEqual([]);
  });

  it('each touched node is framed as the assistant’s selection, beside the people’s', () => {
    const framed = peerSelections(framedPeers([annTab, bob]));
    expect(framed.map((p) => [p.name, p.selection])).toEqual([
      ['Bob', 'x9'],
      ['Assistant (for Ann)', 'b2']
    ]);
  });

  it('a name that passes for a role keeps its link role in the assistant’s name', () => {
    const owner = readPeer(4, {
      ...state({ status: 'thinking', nodes: [] }),
      user: { ...user, name: 'Owner' }
    })!;
    expect(assistantsOf([owner])[0].name).toBe('Assistant (for Owner (editor link))');
  });
});
