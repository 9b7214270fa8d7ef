/**
 * The compile gate as the edit path uses it: every template passes; a batch whose code breaks a
 * rule is refused with the stage's code and a frame, and commitBatch writes nothing; the gate
 * checks only what changed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CompileGate, compileApp } from '../../src/lib/code/gate';
import { commitBatch } from '../../src/lib/ops/commit';
import { planOps } from '../../src/lib/ops/plan';
import { currentModel } from '../../src/lib/model/store';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import { componentByName } from '../../src/lib/model/types';
import { nodeWith, nodesOfType, template, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

describe('compile gate', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`passes the ${name} template and gives its module form`, () => {
      const model = template(name);
      const result = compileApp(model, undefined, { modules: true });
      expect(result.errors).toEqual([]);
      const module = result.modules.get(componentByName(model, 'App')!.id)!;
      expect(module).toContain('render(state, props, caps)');
      expect(module).not.toMatch(/import\s*\(|<!--|-->/);
    });
  }

  const counter = template('counter');
  const heading = nodesOfType(counter, 'Heading')[0];
  const refusals: [string, unknown[], string][] = [
    [
      'a syntax error',
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(state.count' } }],
      'E_SYNTAX'
    ],
    [
      'a typo',
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(stat.count)' } }],
      'E_POLICY_GLOBAL'
    ],
    [
      'an escape',
      [
        {
          op: 'setHandler',
          component: 'App',
          name: 'x',
          body: "({}).constructor.constructor('return this')()"
        }
      ],
      'E_POLICY_MEMBER'
    ],
    [
      'a type error',
      [
        {
          op: 'setProp',
          id: heading.id,
          name: 'text',
          value: { $expr: 'state.count.toUpperCase()' }
        }
      ],
      'E_TYPE'
    ],
    [
      'a wrong assignment',
      [{ op: 'setHandler', component: 'App', name: 'reset', body: "state.count = 'zero';" }],
      'E_TYPE'
    ]
  ];
  for (const [what, ops, code] of refusals) {
    it(`refuses ${what} (${code}) before anything is written`, () => {
      const { doc, origin } = templateDoc('counter');
      const before = Y.encodeStateAsUpdate(doc);
      const model = currentModel(doc).model;
      const remapped = JSON.parse(
        JSON.stringify(ops).replaceAll(heading.id, nodesOfType(model, 'Heading')[0].id)
      ) as unknown[];
      const result = commitBatch(doc, remapped, origin, { verify: gateVerifier() });
      expect(result.ok).toBe(false);
      const error = result.ok ? undefined : result.errors[0];
      expect(error?.code).toBe(code);
      expect(error?.path).toMatch(/^\/(nodes|components)\//);
      expect(error?.frame ?? '').toContain('^');
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
    });
  }

  it('checks only the components a batch touched', () => {
    const gate = new CompileGate();
    const model = template('todo');
    const bad = planOps(
      model,
      [
        { op: 'addComponent', name: 'Broken', id: 'r' },
        { op: 'addNode', parent: 'r', type: 'Text', props: { text: { $expr: 'nope' } } }
      ],
      undefined,
      { verify: () => [] }
    );
    expect(bad.ok).toBe(true);
    const broken = bad.ok ? bad.model : model;
    const app = componentByName(broken, 'App')!.id;
    expect(gate.compile(broken, new Set([app])).ok).toBe(true);
    expect(gate.compile(broken).errors.map((e) => e.code)).toEqual(['E_POLICY_GLOBAL']);
  });

  it('is the verify stage of planOps', () => {
    const gate = new CompileGate();
    const model = template('todo');
    const add = nodeWith(model, 'Button', 'Add');
    const result = planOps(
      model,
      [{ op: 'setProp', id: add.id, name: 'disabled', value: { $expr: 'state.items.length' } }],
      undefined,
      { verify: gate.verifier() }
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['E_TYPE']);
    const fixed = planOps(
      model,
      [{ op: 'setProp', id: add.id, name: 'disabled', value: { $expr: 'state.items.length > 9' } }],
      undefined,
      { verify: gate.verifier() }
    );
    expect(fixed.ok).toBe(true);
  });
});
