/**
 * CodeMirror 6 with YAML, loaded only by the scenes that edit config (its own chunk, "editor").
 * A thin handle: set the text, show diagnostics at their lines, hear changes.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';

/** A problem at a 1-based line (and column), as the validator reports it. */
export interface LineDiagnostic {
  line: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Colours from the page's theme variables, so light and dark both read well. */
const THEMED = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--warn)' },
  { tag: [tags.comment, tags.meta], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.keyword, tags.operator, tags.punctuation], color: 'var(--fg)' },
]);

export interface YamlEditorHandle {
  setText(text: string): void;
  setDiagnostics(list: readonly LineDiagnostic[]): void;
  destroy(): void;
}

export function createYamlEditor(
  parent: HTMLElement,
  opts: { text: string; label: string; onChange(text: string): void },
): YamlEditorHandle {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        basicSetup,
        yaml(),
        syntaxHighlighting(THEMED),
        // The editor grows with its text and wraps long lines: it never scrolls on its own, so
        // the page's scrolling is the only one (and keyboard users have no trap to tab into).
        EditorView.lineWrapping,
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  const toCm = (d: LineDiagnostic): Diagnostic => {
    const doc = view.state.doc;
    const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
    const from = Math.min(line.to, line.from + Math.max(0, (d.column ?? 1) - 1));
    return { from, to: Math.max(from, line.to), severity: d.severity, message: d.message };
  };
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setDiagnostics(list) {
      view.dispatch(setDiagnostics(view.state, list.map(toCm)));
    },
    destroy() {
      view.destroy();
    },
  };
}
