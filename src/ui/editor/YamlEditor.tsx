import { useEffect, useRef, useState } from 'react';
import type { LineDiagnostic, YamlEditorHandle } from './codemirror';
import './editor.css';

/**
 * A YAML editor: CodeMirror 6 once its chunk has loaded, a plain textarea until then (and where
 * it cannot load). Controlled: `text` replaces the content when it changes from outside
 * (a preset, a step), `onChange` reports the learner's edits.
 */
export function YamlEditor({
  text,
  onChange,
  diagnostics,
  label,
}: {
  text: string;
  onChange(text: string): void;
  diagnostics: readonly LineDiagnostic[];
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<YamlEditorHandle | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const [ready, setReady] = useState(false);
  const initial = useRef(text);

  useEffect(() => {
    let dead = false;
    void import('./codemirror')
      .then(({ createYamlEditor }) => {
        if (dead || !host.current) return;
        handle.current = createYamlEditor(host.current, {
          text: initial.current,
          label,
          onChange: (t) => change.current(t),
        });
        setReady(true);
      })
      .catch(() => {
        // The textarea stays: editing still works without the editor's chunk.
      });
    return () => {
      dead = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [label]);

  useEffect(() => {
    initial.current = text;
    handle.current?.setText(text);
  }, [text, ready]);
  useEffect(() => {
    handle.current?.setDiagnostics(diagnostics);
  }, [diagnostics, ready]);

  return (
    <div className="yaml-editor" data-testid="yaml-editor" data-ready={ready ? '1' : '0'}>
      <div ref={host} className="yaml-editor-host" hidden={!ready} />
      {!ready && (
        <textarea
          aria-label={label}
          value={text}
          spellCheck={false}
          rows={Math.min(30, text.split('\n').length + 1)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
