/**
 * The code tab's CodeMirror 6 set-up: JSX and TypeScript highlighting in the app's colour tokens,
 * line numbers, history, bracket matching, the lint gutter where diagnostics show, Ctrl/Cmd+S to
 * save, and a listener for every change of the text. Plus `replaceText`, which puts a newer text
 * in the editor without disturbing what did not change.
 */
import { EditorState, Prec, Transaction, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  HighlightStyle,
  bracketMatching,
  indentOnInput,
  syntaxHighlighting
} from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { tags } from '@lezer/highlight';

// Colours follow the app's tokens (light-dark() values), so one theme serves both schemes.
const highlight = HighlightStyle.define([
  {
    tag: [
      tags.keyword,
      tags.controlKeyword,
      tags.definitionKeyword,
      tags.moduleKeyword,
      tags.operatorKeyword
    ],
    color: 'var(--syntax-keyword)',
    fontWeight: '600'
  },
  { tag: [tags.tagName], color: 'var(--syntax-tag)', fontWeight: '600' },
  { tag: [tags.attributeName], color: 'var(--syntax-attr)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syntax-number)' },
  {
    tag: [
      tags.typeName,
      tags.function(tags.variableName),
      tags.definition(tags.variableName),
      tags.function(tags.definition(tags.variableName))
    ],
    color: 'var(--syntax-name)'
  },
  { tag: [tags.brace, tags.angleBracket], color: 'var(--syntax-brace)' },
  { tag: [tags.punctuation, tags.separator, tags.operator], color: 'var(--syntax-punct)' },
  { tag: tags.comment, color: 'var(--color-text-subtle)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--color-danger)' }
]);

const theme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '0.8125rem',
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-surface-sunken)'
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--color-text)', padding: 'var(--space-2) 0' },
  // Wrapped lines hang under their first line, so a continuation never reads as a new line.
  '.cm-line': { paddingLeft: 'calc(4px + 4ch)', textIndent: '-4ch' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'color-mix(in srgb, var(--color-accent) 28%, transparent)' },
  '.cm-activeLine': {
    backgroundColor: 'color-mix(in srgb, var(--color-accent) 7%, transparent)'
  },
  '.cm-gutters': {
    backgroundColor: 'var(--color-surface-sunken)',
    color: 'var(--color-text-subtle)',
    borderRight: 'var(--border-width) solid var(--color-border)'
  },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--color-accent) 10%, transparent)',
    color: 'var(--color-text)'
  },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--color-accent) 22%, transparent)'
  },
  '&.cm-focused .cm-nonmatchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--color-danger) 22%, transparent)'
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-surface-raised)',
    color: 'var(--color-text)',
    border: 'var(--border-width) solid var(--color-border)',
    borderRadius: 'var(--radius-md)',
    boxShadow: 'var(--shadow-md)'
  },
  '.cm-diagnostic': { padding: 'var(--space-1) var(--space-2)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--color-danger)' },
  '.cm-lintRange-error': {
    backgroundColor: 'color-mix(in srgb, var(--color-danger) 14%, transparent)'
  },
  '.cm-panels': { backgroundColor: 'var(--color-surface)', color: 'var(--color-text)' }
});

/** What the code editor tells the tab. */
export interface CodeEditorEvents {
  /** Ctrl/Cmd+S in the editor. */
  save(): void;
  /** The text changed: `text` is the whole of it; `typed` when a person made the change. */
  changed(text: string, typed: boolean): void;
}

/** A CodeMirror state for a component's code, empty until the tab loads it. */
export function codeEditorState(events: CodeEditorEvents): EditorState {
  return EditorState.create({ doc: '', extensions: codeEditorExtensions(events) });
}

function codeEditorExtensions(events: CodeEditorEvents): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    javascript({ jsx: true, typescript: true }),
    syntaxHighlighting(highlight),
    lintGutter(),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': 'Component code' }),
    Prec.highest(
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            events.save();
            return true;
          }
        }
      ])
    ),
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      // Reloads carry no user event: only a person's edit counts as typed.
      const typed = update.transactions.some(
        (tr) => tr.annotation(Transaction.userEvent) !== undefined
      );
      events.changed(update.state.doc.toString(), typed);
    })
  ];
}

/** Puts `next` in the editor, changing only the part that differs, outside the undo history. */
export function replaceText(view: EditorView, next: string): void {
  const current = view.state.doc.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  view.dispatch({
    changes: { from: start, to: endCurrent, insert: next.slice(start, endNext) },
    annotations: Transaction.addToHistory.of(false)
  });
}
