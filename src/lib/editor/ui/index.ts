/**
 * The studio's UI kit: import the pieces from here (`import { Button, Field } from './ui'`).
 * README.md says what each is for; kit.css holds the global classes (ui-control,
 * visually-hidden) the root layout loads.
 */
export { default as Button, type ButtonSize, type ButtonVariant } from './Button.svelte';
export { default as IconButton } from './IconButton.svelte';
export { default as Field, type ControlAttributes } from './Field.svelte';
export { default as FieldError, type CodedError } from './FieldError.svelte';
export { default as TextField } from './TextField.svelte';
export { default as Tabs } from './Tabs.svelte';
export { tabId, tabPanel, tabPanelId } from './tabs';
export { default as Dialog } from './Dialog.svelte';
export { default as Toast } from './Toast.svelte';
export { default as Wordmark } from './Wordmark.svelte';
