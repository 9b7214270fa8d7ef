/**
 * The offline planner's grammar, for the sidebar's help, the nearest-phrasing suggestions and the
 * README: one entry per rule, with the examples the tests plan on the templates.
 */
/** The grammar, for the sidebar's help and the README: one entry per rule. */
export const OFFLINE_RULES: readonly {
  readonly id: string;
  readonly pattern: string;
  readonly examples: readonly string[];
}[] = [
  {
    id: 'add-element',
    pattern: 'add a <type> [labelled|called|saying <text>] [<where>]',
    examples: [
      'add a button labelled Save',
      "add a heading 'Welcome' at the top",
      'add a text saying hello below the heading',
      'add a divider'
    ]
  },
  {
    id: 'add-input',
    pattern:
      'add a <text field|text area|checkbox|toggle|slider|dropdown> called|for <name> [from <min> to <max>] [with options <a, b, c>] [<where>]',
    examples: [
      'add a text field called nickname',
      'add a checkbox for subscribed',
      'add a slider for volume from 0 to 10',
      'add a dropdown for size with options small, medium and large'
    ]
  },
  {
    id: 'add-counter',
    pattern: 'add a counter [called <name>] [starting at <number>] [<where>]',
    examples: ['add a counter', 'add a counter called score at the top']
  },
  {
    id: 'add-dark-mode',
    pattern: 'add a dark mode toggle',
    examples: ['add a dark mode toggle', 'let me switch to dark mode']
  },
  {
    id: 'add-item-field',
    pattern:
      'let me mark <items> as <word> | add a <name> field to the <items> [with options <a, b, c>]',
    examples: [
      'let me mark todos as important',
      'add a priority field to the todo items',
      'add a notes field to each todo'
    ]
  },
  {
    id: 'remove-element',
    pattern: 'remove|delete <element>',
    examples: ['remove the clear done button', 'delete this']
  },
  {
    id: 'move-element',
    pattern:
      'move <element> to the top|to the bottom|above <element>|below <element>|into <element>|up|down',
    examples: [
      'move the heading to the bottom',
      'move this above the list',
      'move the "Add" button up'
    ]
  },
  {
    id: 'change-text',
    pattern:
      'change|set <element> [text|label|title] to <text> | rename <element> to <text> | make <element> say <text>',
    examples: [
      "change the heading to 'Shopping'",
      'set the button text to Go',
      'make the "Add" button say Plus'
    ]
  },
  {
    id: 'change-style',
    pattern: 'make <element> <colour|smaller|bigger|style>',
    examples: ['make the button red', 'make the heading smaller', 'make the add button secondary']
  },
  {
    id: 'clear-list',
    pattern:
      'add a button that clears|removes|deletes all the <items> | the <done> ones · add a clear all|clear completed button · let me clear the <done> <items>',
    examples: [
      'add a button that removes all the todos',
      'add a clear completed button',
      'let me clear the done items'
    ]
  },
  {
    id: 'mark-all',
    pattern:
      'add a button that marks all the <items> as <done> · add a mark all done|check all|uncheck all button',
    examples: ['add a button that marks all the todos as done', 'add an uncheck all button']
  },
  {
    id: 'sort-list',
    pattern:
      'sort <items> alphabetically|A-Z|Z-A|newest first|by <field> [descending] · show the newest <items> first · put the <done> <items> at the bottom · reverse the list · add a sort A-Z button',
    examples: [
      'sort the list alphabetically',
      'show the newest todos first',
      'add a button that sorts the todos by title'
    ]
  },
  {
    id: 'search-list',
    pattern: 'add a search box [for the <items>] [by <field>] · let me search the <items>',
    examples: ['add a search box', 'let me search the todos by title']
  },
  {
    id: 'filter-list',
    pattern:
      'only show|hide the <done|not done> <items> · add a toggle to hide the <done> <items> · add a filter [by <field>] · add filter buttons|tabs',
    examples: [
      'only show the unfinished todos',
      'add a toggle to hide the done items',
      'add a filter for the todos'
    ]
  },
  {
    id: 'count-list',
    pattern:
      'show how many <items> [are <done|left>] · add a <item> count · show the total of the <number field> [of the <items>]',
    examples: ['show how many todos there are', 'show how many items are done', 'add an item count']
  },
  {
    id: 'character-counter',
    pattern:
      'add a character|word counter [for <input>] [with a limit of <n>] · show how many characters are in <input>',
    examples: [
      'add a character counter for the message',
      'add a word count to the message with a limit of 200'
    ]
  },
  {
    id: 'set-default',
    pattern:
      'make <field or input> default to|start at <value> · set the default <field> to <value> · make <input> checked by default',
    examples: [
      'make the name default to Sam',
      'the count should start at 10',
      'make the newsletter checkbox checked by default'
    ]
  },
  {
    id: 'button-action',
    pattern:
      'add a [<label>] button that sets <field> to <value> | doubles|halves <field> | adds <n> to <field> | increases|decreases <field> by <n> | toggles|clears <field>',
    examples: [
      'add a button that sets the count to 100',
      'add a button that doubles the count',
      'add a button that clears the message'
    ]
  },
  {
    id: 'set-range',
    pattern: 'make <slider> go up to <n> | go from <a> to <b> · set the max|min of <slider> to <n>',
    examples: ['make the slider go up to 20', 'set the minimum of the step slider to 2']
  },
  {
    id: 'limit-number',
    pattern:
      "set a max|min of <n> [on <field>] · don't let <field> go over|below <n> · <field> can't go over <n>",
    examples: ['set a max of 50 on the count', "don't let the count go below zero"]
  },
  {
    id: 'gated-checkbox',
    pattern: 'add a checkbox <caption> that must be ticked to <action>',
    examples: [
      "add a checkbox 'I agree' that must be ticked to send",
      'add a checkbox called terms that has to be checked before you can send'
    ]
  },
  {
    id: 'swap-elements',
    pattern: 'swap <element> and <element> · swap the <a> and <b> <type>s',
    examples: ['swap the minus and plus buttons', 'swap the name and email fields']
  },
  {
    id: 'side-by-side',
    pattern:
      'put <elements> side by side|next to each other|in a row · put <element> next to|to the left of|to the right of <element>',
    examples: [
      'put the name and email fields side by side',
      'put the send button next to the checkbox'
    ]
  },
  {
    id: 'stack-vertically',
    pattern:
      'put <elements> underneath each other|one under the other|vertically [instead of side by side]',
    examples: [
      'put the buttons underneath each other instead of side by side',
      'stack the minus, reset and plus buttons vertically'
    ]
  },
  {
    id: 'align',
    pattern:
      'centre|center <element> · align <element> to the left|right|center · right-align <element> · center everything',
    examples: ['centre the heading', 'align the send button to the right', 'center everything']
  },
  {
    id: 'rename-field',
    pattern:
      'rename [the state field] <field> to <name> [in the state | everywhere | (the data, not just the label)]',
    examples: [
      'rename count to clicks in the state',
      'rename the state field step to stepSize',
      'rename step to amount everywhere'
    ]
  },
  {
    id: 'rename-app',
    pattern: 'rename the app to <title>',
    examples: ['rename the app to Groceries', "change the app's title to 'My list'"]
  },
  {
    id: 'rename-component',
    pattern: 'rename component <Name> to <NewName>',
    examples: ['rename component App to Main', 'rename the App component to Groceries']
  },
  {
    id: 'add-several',
    pattern:
      'add <n> <type>s [in a row | in a <n> column grid] titled|labelled|saying <a>, <b> and <c>',
    examples: ['add two cards titled One and Two', 'add three texts saying Red, Green and Blue']
  },
  {
    id: 'add-link',
    pattern: 'add a link to <address> [saying <text>] [, opens in a new tab] [<where>]',
    examples: [
      'add a link to the docs at /docs, opens in a new tab',
      'add a link to our docs at /docs'
    ]
  },
  {
    id: 'number-history',
    pattern: 'keep a history|log of <number field> [, the last <n>] [<where>]',
    examples: ['keep a history of the count', 'keep a log of the count under the buttons']
  },
  {
    id: 'conditional-text',
    pattern: 'show whether <number field> is even or odd | positive or negative',
    examples: ['show whether the count is even or odd', 'show if the count is positive or negative']
  },
  {
    id: 'button-sets-value',
    pattern:
      'make <button> go back to <value> [instead of <old value>] · <button> should set <field> to <value>',
    examples: [
      'make the reset button go back to 10 instead of 0',
      'reset should set the count to 5'
    ]
  },
  {
    id: 'button-also',
    pattern:
      'make <button> also set <field> to <value> · <button> should also <untick|set> <field>',
    examples: [
      'make reset also set the step to 1',
      'when you press reset it should also set the step to 1'
    ]
  },
  {
    id: 'new-items-first',
    pattern: 'new <items> go at the top of the list · put new <items> first',
    examples: ['new tasks should go at the top of the list', 'put new todos first']
  },
  {
    id: 'set-number-prop',
    pattern: 'give <element> <n> <number prop of its schema>',
    examples: ['give the message box 6 rows', 'the message box should have 8 rows']
  }
];
