/**
 * How the precompiled validators (validators.generated.js, written by scripts/gen-validators.ts)
 * are named, and the schema of a prop's literal values: shared by the generator and
 * validators.ts, so the two cannot disagree.
 */
import type { PropSchema } from './elements';

export const validatorName = {
  /** The whole app file. */
  app: (): string => 'appFile',
  /** A definition of ops.schema.json, or else of app.schema.json (`AddNodeOp`, `Handler`). */
  definition: (name: string): string => `def_${name}`,
  /**
   * The literal values of one prop of a built-in element. The `style` prop is one schema on
   * every element (elements.ts), so it is one validator: compiled per element it grew the
   * generated module by half.
   */
  literal: (type: string, prop: string): string =>
    prop === 'style' ? 'literal_style' : `literal_${type}_${prop}`
};

/** A prop's schema without its editor hints and default: what a literal value must satisfy. */
export function literalSchema(schema: PropSchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema).filter(([k]) => !k.startsWith('x-') && k !== 'default')
  );
}
