/**
 * The built-in element types, read from schemas/elements. Every consumer (validator, inspector,
 * palette, AI tool schema, code generation) asks this registry instead of restating a schema.
 */
import Badge from '../../../schemas/elements/Badge.schema.json';
import Button from '../../../schemas/elements/Button.schema.json';
import Card from '../../../schemas/elements/Card.schema.json';
import Checkbox from '../../../schemas/elements/Checkbox.schema.json';
import Divider from '../../../schemas/elements/Divider.schema.json';
import Each from '../../../schemas/elements/Each.schema.json';
import Grid from '../../../schemas/elements/Grid.schema.json';
import Heading from '../../../schemas/elements/Heading.schema.json';
import Icon from '../../../schemas/elements/Icon.schema.json';
import If from '../../../schemas/elements/If.schema.json';
import Image from '../../../schemas/elements/Image.schema.json';
import Link from '../../../schemas/elements/Link.schema.json';
import NumberInput from '../../../schemas/elements/NumberInput.schema.json';
import Select from '../../../schemas/elements/Select.schema.json';
import Slider from '../../../schemas/elements/Slider.schema.json';
import Spacer from '../../../schemas/elements/Spacer.schema.json';
import Stack from '../../../schemas/elements/Stack.schema.json';
import Text from '../../../schemas/elements/Text.schema.json';
import TextArea from '../../../schemas/elements/TextArea.schema.json';
import TextInput from '../../../schemas/elements/TextInput.schema.json';
import Toggle from '../../../schemas/elements/Toggle.schema.json';
import Style from '../../../schemas/style.schema.json';
import type { JsonValue } from './types.generated';

/** A value kind a prop accepts: a JSON literal, an expression, a handler name, or a two-way binding. */
export type ValueKind = 'literal' | 'expr' | 'handler' | 'bind';

/** One prop of an element schema, with the `x-` hints the editor and the validator read. */
export interface PropSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly JsonValue[];
  readonly default?: JsonValue;
  readonly description?: string;
  readonly 'x-kinds': readonly ValueKind[];
  readonly 'x-editor': string;
  readonly 'x-event'?: Readonly<Record<string, string>>;
  readonly [keyword: string]: unknown;
}

/** An element schema as stored in schemas/elements. */
export interface ElementSchema {
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  readonly 'x-category': 'layout' | 'content' | 'input' | 'logic';
  readonly 'x-icon': string;
  readonly 'x-children': { readonly accepts: 'none' | 'any'; readonly min?: number };
  readonly 'x-container'?: boolean;
  readonly properties: Readonly<Record<string, PropSchema>>;
}

const declared = [
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Each,
  Grid,
  Heading,
  Icon,
  If,
  Image,
  Link,
  NumberInput,
  Select,
  Slider,
  Spacer,
  Stack,
  Text,
  TextArea,
  TextInput,
  Toggle
] as unknown as ElementSchema[];

// The file's `$id`, `$schema` and `title` name the file; as a prop, the schema is the rest (one
// Ajv id per prop validator, so the file's id may not travel into each element's copy).
const { $id: _id, $schema: _schema, title: _title, ...styleProp } = Style;

/** The `style` prop every drawn element takes (schemas/style.schema.json): design tokens only. */
export const STYLE_PROP = styleProp as unknown as PropSchema & {
  readonly properties: Readonly<
    Record<string, { readonly enum: readonly string[]; readonly description: string }>
  >;
};

/** The name of the style prop group on every element that draws a box. */
export const STYLE = 'style';

/**
 * An element schema with the shared `style` prop added last. Fragments (the `logic` elements:
 * Each, If) draw no box of their own, so they take none; an element that declares `style` itself
 * would be a schema mistake the registry test catches.
 */
function withStyle(schema: ElementSchema): ElementSchema {
  if (schema['x-category'] === 'logic') return schema;
  return { ...schema, properties: { ...schema.properties, [STYLE]: STYLE_PROP } };
}

const all = declared.map(withStyle);

/** Every built-in element schema by type name. */
export const ELEMENTS: ReadonlyMap<string, ElementSchema> = new Map(all.map((s) => [s.title, s]));

/** The schema of a built-in element type, or undefined for anything else. */
export function elementSchema(type: string): ElementSchema | undefined {
  return ELEMENTS.get(type);
}

/** True when nodes of this built-in type may have children. */
export function acceptsChildren(type: string): boolean {
  return ELEMENTS.get(type)?.['x-children'].accepts === 'any';
}
