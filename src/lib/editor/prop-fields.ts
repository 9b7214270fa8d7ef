/**
 * The inspector's fields: what a selected node shows, one descriptor per prop, derived from its
 * element schema (or from a user component's declared props), never restated; and the text a
 * field's box shows for a value. Pure: Inspector.svelte draws these.
 */
import { elementSchema, type PropSchema, type ValueKind } from '../schema/elements';
import { valueKind } from '../schema/props';
import { formatStateType } from '../schema/statetype-text';
import {
  childrenOf,
  componentByName,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type PropValue,
  type StateType
} from '../model/types';

/** How a field's literal value is edited. `list` is one string per line; `json` any JSON. */
export type LiteralEditor =
  'text' | 'textarea' | 'number' | 'color' | 'enum' | 'toggle' | 'icon' | 'list' | 'json';

/** Everything the inspector shows about one prop of the selected node. */
export interface FieldDescriptor {
  /** The prop name (`onClick`). */
  readonly name: string;
  /** The prop name in words (`On click`); also the aria-label of its control. */
  readonly label: string;
  /** The schema's `x-editor` hint (`text`, `enum`, `expression`, `handler`, ...). */
  readonly editor: string;
  /** The control for a literal value (null when the prop takes no literal). */
  readonly literalEditor: LiteralEditor | null;
  /** The value kinds the prop accepts, in schema order. */
  readonly kinds: readonly ValueKind[];
  /** The value set on the node, or undefined when the prop is at its default. */
  readonly value: PropValue | undefined;
  /** Kind of the set value; null when unset. */
  readonly valueKind: ValueKind | null;
  /** The kind the field shows first: the set value's, else the most direct one it accepts. */
  readonly mode: ValueKind;
  readonly default: JsonValue | undefined;
  /** Allowed literal values of an enum prop, in schema order. */
  readonly options: readonly JsonValue[] | undefined;
  readonly description: string;
  /** The JSON type of a literal (`string`, `number`, `integer`, `boolean`, `array`), if any. */
  readonly literalType: string | undefined;
  /** For an event prop: the fields of `event` its handler receives. */
  readonly event: Readonly<Record<string, string>> | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
}

/**
 * The example an expression field shows as its placeholder: the first `e.g. ...` of the prop's
 * schema description (up to a closing parenthesis, a comma, " or " or the end of the sentence),
 * so the hint fits the prop (`item.id` for an Each's key) rather than one example for all.
 */
export function expressionExample(description: string): string {
  const match = /e\.g\.\s+([^,;]+?)(?:\)|,|;| or |\.\s|\.$|$)/.exec(description);
  return match ? match[1].trim() : 'state.items.length > 0';
}

/** `minColumnWidth` → `Min column width`. */
export function propLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function literalEditorOf(schema: PropSchema): LiteralEditor | null {
  if (!schema['x-kinds'].includes('literal')) return null;
  const hint = schema['x-editor'];
  if (schema.enum) return 'enum';
  // An `expression` hint on a prop that also takes a literal (If.when, Select.options): the
  // literal still needs a control of its own type.
  if (hint === 'expression' || hint === 'handler') {
    if (schema.type === 'boolean') return 'toggle';
    if (schema.type === 'number' || schema.type === 'integer') return 'number';
    if (schema.type === 'string') return 'text';
    const items = schema.items as { type?: string } | undefined;
    if (schema.type === 'array' && items?.type === 'string') return 'list';
    return 'json';
  }
  if (['text', 'textarea', 'number', 'color', 'enum', 'toggle', 'icon'].includes(hint))
    return hint as LiteralEditor;
  return 'json';
}

function initialMode(kinds: readonly ValueKind[], value: PropValue | undefined): ValueKind {
  if (value !== undefined) return valueKind(value);
  for (const kind of ['literal', 'handler', 'expr', 'bind'] as const)
    if (kinds.includes(kind)) return kind;
  return kinds[0];
}

/** The literal editor of a user component's declared prop, from its state type. */
function declEditor(type: StateType): LiteralEditor {
  if (type === 'number') return 'number';
  if (type === 'string') return 'text';
  if (type === 'boolean') return 'toggle';
  if (typeof type === 'object' && 'enum' in type) return 'enum';
  if (typeof type === 'object' && 'array' in type && type.array === 'string') return 'list';
  return 'json';
}

/**
 * The fields of a node, one per prop of its element schema in schema order (or per declared
 * prop when the node is an instance of a user component), with the node's current values.
 */
export function fieldDescriptors(model: AppModel, node: NodeRecord): FieldDescriptor[] {
  const schema = elementSchema(node.type);
  if (schema) {
    // The style group has a section of its own (StyleSection.svelte), not a field here.
    const props = Object.entries(schema.properties).filter(([, p]) => p['x-editor'] !== 'style');
    return props.map(([name, prop]) => {
      const value = Object.hasOwn(node.props, name) ? node.props[name] : undefined;
      const literalType = typeof prop.type === 'string' ? prop.type : undefined;
      return {
        name,
        label: propLabel(name),
        editor: prop['x-editor'],
        literalEditor: literalEditorOf(prop),
        kinds: prop['x-kinds'],
        value,
        valueKind: value === undefined ? null : valueKind(value),
        mode: initialMode(prop['x-kinds'], value),
        default: prop.default,
        options: prop.enum,
        description: prop.description ?? '',
        literalType: prop.enum ? 'enum' : literalType,
        event: prop['x-event'],
        minimum: typeof prop.minimum === 'number' ? prop.minimum : undefined,
        maximum: typeof prop.maximum === 'number' ? prop.maximum : undefined
      };
    });
  }
  const component = componentByName(model, node.type);
  return Object.entries(component?.props ?? {}).map(([name, decl]) => {
    const value = Object.hasOwn(node.props, name) ? node.props[name] : undefined;
    const kinds: ValueKind[] = ['literal', 'expr'];
    const type = decl.type;
    return {
      name,
      label: propLabel(name),
      editor: declEditor(type),
      literalEditor: declEditor(type),
      kinds,
      value,
      valueKind: value === undefined ? null : valueKind(value),
      mode: initialMode(kinds, value),
      default: decl.default,
      options: typeof type === 'object' && 'enum' in type ? type.enum : undefined,
      description: `A prop of ${node.type} (${formatStateType(type)}).`,
      literalType: typeof type === 'string' ? type : undefined,
      event: undefined,
      minimum: undefined,
      maximum: undefined
    };
  });
}

/** The component a node belongs to. */
export function componentOf(model: AppModel, node: NodeRecord): ComponentRecord | undefined {
  return model.components.get(node.component);
}

/**
 * The loop variables in scope at a node: the `as` names of the Each elements around it,
 * innermost last. A handler used inside an Each takes these as params (E_HANDLER_PARAM).
 */
export function loopVariables(model: AppModel, nodeId: string): string[] {
  const out: string[] = [];
  let current = model.nodes.get(nodeId);
  // The node itself is not its own loop: an Each's `items` is read outside the loop.
  current = current?.parent ? model.nodes.get(current.parent) : undefined;
  while (current) {
    if (current.type === 'Each') {
      const as = current.props.as;
      out.unshift(typeof as === 'string' ? as : 'item');
    }
    current = current.parent ? model.nodes.get(current.parent) : undefined;
  }
  return out;
}

/** Whether `id` is its component's root node (which cannot be deleted). */
export function isComponentRoot(model: AppModel, node: NodeRecord): boolean {
  return model.components.get(node.component)?.root === node.id;
}

/** How many nodes a delete removes (the node and everything under it). */
export function subtreeSize(model: AppModel, id: string): number {
  let count = 1;
  for (const child of childrenOf(model, id)) count += subtreeSize(model, child);
  return count;
}

/** What a field's text box shows for a value: literals as text, others by their source. */
export function valueText(field: FieldDescriptor, value: PropValue | undefined): string {
  const shown = value === undefined ? field.default : value;
  if (shown === undefined || shown === null) return '';
  switch (valueKind(shown)) {
    case 'expr':
      return (shown as { $expr: string }).$expr;
    case 'handler':
      return (shown as { $handler: string }).$handler;
    case 'bind':
      return (shown as { $bind: string }).$bind;
  }
  if (field.literalEditor === 'list' && Array.isArray(shown)) return shown.join('\n');
  if (typeof shown === 'string') return shown;
  if (typeof shown === 'number' || typeof shown === 'boolean') return String(shown);
  return JSON.stringify(shown);
}

/**
 * The text an expression box starts with when a person switches a literal to an expression:
 * the literal as JavaScript, so `Add` becomes `'Add'` and can be edited into `'Add ' + x`.
 */
export function literalAsExpression(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value);
}
