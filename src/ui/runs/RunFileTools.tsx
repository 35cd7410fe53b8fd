import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunFileActions } from './types';

type Message =
  | { kind: 'ok' | 'warn' | 'busy'; text: string }
  | {
      kind: 'error';
      text: string;
      otherScene?: { number: number; title: string };
      fileText?: string;
    };

/**
 * Save the run on screen as a small file, and open one (the file picker, or a file dropped
 * anywhere on the page). Every outcome is said in words next to the buttons; a bad file changes
 * nothing.
 */
export function RunFileTools({ files }: { files: RunFileActions }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);

  const busy = useRef(false);
  const openText = useCallback(
    async (text: string) => {
      // One file at a time: a second one dropped meanwhile is not opened.
      if (busy.current) return;
      busy.current = true;
      setMessage({ kind: 'busy', text: 'Opening the run file…' });
      const r = await files.open(text).finally(() => {
        busy.current = false;
      });
      if (r.ok) setMessage({ kind: r.exact ? 'ok' : 'warn', text: r.message });
      else
        setMessage({
          kind: 'error',
          text: r.message,
          ...(r.otherScene ? { otherScene: r.otherScene, fileText: text } : {}),
        });
    },
    [files],
  );
  const openFile = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      if (file.size > files.maxBytes) {
        setMessage({
          kind: 'error',
          text: `Not opened: ${file.name.slice(0, 60)} is larger than ${files.maxBytes / 1024} kB, too big to be a saved run. Your run is unchanged.`,
        });
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        setMessage({
          kind: 'error',
          text: 'Not opened: the file could not be read. Your run is unchanged.',
        });
        return;
      }
      await openText(text);
    },
    [files, openText],
  );

  // A file handed over by another scene's page (its run belonged here): opened once.
  useEffect(() => {
    const text = files.takeHandOver();
    if (text !== null) void openText(text);
  }, [files, openText]);

  // Dropping a file anywhere on the page opens it.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      // A part of the page that takes dropped files itself (an editor) has said so already.
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      setDragging(false);
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      void openFile(e.dataTransfer?.files[0]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [openFile]);

  const download = () => {
    const { name, text, message: said } = files.save();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ kind: 'ok', text: said });
  };

  return (
    <div className="runfile-tools">
      <div className="runfile-buttons">
        <button type="button" className="btn" onClick={download} data-testid="run-download">
          <span aria-hidden="true">⬇</span> Download run
        </button>
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          <span aria-hidden="true">⬆</span> Open a run file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="runfile-input"
          data-testid="run-file-input"
          aria-label="Run file to open"
          tabIndex={-1}
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="hint">or drop a run file anywhere on this page.</span>
      </div>
      <div role="status" className="runfile-message" data-testid="runfile-message">
        {message && (
          <p className={`runfile-${message.kind}`}>
            {message.kind === 'error'
              ? '⚠ '
              : message.kind === 'warn'
                ? '⚠ '
                : message.kind === 'ok'
                  ? '✓ '
                  : ''}
            {message.text}
          </p>
        )}
      </div>
      {message?.kind === 'error' && message.otherScene && message.fileText !== undefined && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            const other = message.otherScene as { number: number };
            if (!files.handOver(other.number, message.fileText as string))
              setMessage({
                kind: 'error',
                text: `This browser would not pass the file to another page: open scene ${other.number} and open the file there.`,
              });
          }}
        >
          Open scene {message.otherScene.number} and reopen the run there
        </button>
      )}
      {dragging && (
        <div className="runfile-drop" aria-hidden="true">
          Drop the run file to open it
        </div>
      )}
    </div>
  );
}
