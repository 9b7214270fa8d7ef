/**
 * Which Svelte component draws which node type. Every built-in element schema has one (a test
 * fails when a schema is added without a component); `Item` (one Each row) and `Error` (a part
 * that failed) are view-tree types without a schema. A Map, so a node typed `constructor` or
 * `__proto__` finds nothing instead of an Object.prototype member.
 */
import type { Component } from 'svelte';
import Badge from './Badge.svelte';
import Button from './Button.svelte';
import Card from './Card.svelte';
import Checkbox from './Checkbox.svelte';
import Divider from './Divider.svelte';
import Each from './Each.svelte';
import ErrorCard from './ErrorCard.svelte';
import Grid from './Grid.svelte';
import Heading from './Heading.svelte';
import Icon from './Icon.svelte';
import If from './If.svelte';
import Image from './Image.svelte';
import Item from './Item.svelte';
import Link from './Link.svelte';
import Select from './Select.svelte';
import NumberInput from './NumberInput.svelte';
import Slider from './Slider.svelte';
import Spacer from './Spacer.svelte';
import Stack from './Stack.svelte';
import Text from './Text.svelte';
import TextArea from './TextArea.svelte';
import TextInput from './TextInput.svelte';
import Toggle from './Toggle.svelte';
import type { ElementProps } from './types';

/** The component that draws each node type. */
export const ELEMENT_COMPONENTS: ReadonlyMap<string, Component<ElementProps>> = new Map<
  string,
  Component<ElementProps>
>([
  ['Stack', Stack],
  ['Grid', Grid],
  ['Card', Card],
  ['Divider', Divider],
  ['Spacer', Spacer],
  ['Heading', Heading],
  ['Text', Text],
  ['Image', Image],
  ['Icon', Icon],
  ['Badge', Badge],
  ['Link', Link],
  ['Button', Button],
  ['TextInput', TextInput],
  ['TextArea', TextArea],
  ['Checkbox', Checkbox],
  ['Toggle', Toggle],
  ['Select', Select],
  ['Slider', Slider],
  ['NumberInput', NumberInput],
  ['Each', Each],
  ['If', If],
  ['Item', Item],
  ['Error', ErrorCard]
]);

/** The node types that draw no box of their own: their children sit in the parent's layout. */
export const FRAGMENT_TYPES: ReadonlySet<string> = new Set(['Each', 'If', 'Item']);
