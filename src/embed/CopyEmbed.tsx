import { useId, useRef, useState } from 'react';
import { useRuntime } from '../runtime/context';
import { embedSnippets, type EmbedView } from './snippets';
import './copyEmbed.css';

type Status = { kind: 'copied' | 'manual'; which: string } | null;

/** The snippets for the scene as it is now (step, seed; speed and theme when not the default). */
function currentView(rt: ReturnType<typeof useRuntime>): EmbedView {
  const { def, player, ui } = rt;
  const s = ui.getState();
  return {
    appUrl: `${location.origin}${location.pathname}`,
    scene: def.meta.number,
    title: `Scene ${def.meta.number} · ${def.meta.title}`,
    step: player.stepIndex + 1,
    seed: player.seed,
    speed: s.speed === def.setup.speed ? null : s.speed,
    theme: s.theme === 'system' ? null : s.theme,
  };
}

/**
 * "Embed": a dialog with the web-component and iframe snippets for the current scene, step and
 * seed, each with a Copy button. Where the clipboard is refused, the snippet is selected in its
 * read-only box and the dialog says to press Ctrl+C.
 */
export function CopyEmbed() {
  const rt = useRuntime();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<EmbedView | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const snippets = view ? embedSnippets(view) : null;

  const open = () => {
    setView(currentView(rt));
    setStatus(null);
    const d = dialog.current;
    if (d && typeof d.showModal === 'function' && !d.open) d.showModal();
    else d?.setAttribute('open', '');
  };
  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function') d.close();
    else d?.removeAttribute('open');
  };
  const copy = (which: string, text: string) => {
    const box = document.getElementById(`${id}-${which}`);
    const manual = () => {
      if (box instanceof HTMLTextAreaElement) {
        box.focus();
        box.select();
      }
      setStatus({ kind: 'manual', which });
    };
    if (!navigator.clipboard?.writeText) return manual();
    navigator.clipboard.writeText(text).then(() => setStatus({ kind: 'copied', which }), manual);
  };

  const box = (which: 'component' | 'iframe', label: string, hint: string, text: string) => (
    <div className="embed-snippet">
      <label htmlFor={`${id}-${which}`}>{label}</label>
      <p className="embed-hint">{hint}</p>
      <textarea
        id={`${id}-${which}`}
        readOnly
        rows={which === 'iframe' ? 5 : 3}
        value={text}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="embed-copy-row">
        <button type="button" className="btn" onClick={() => copy(which, text)}>
          Copy {which === 'iframe' ? 'iframe' : 'web component'}
        </button>
        <span role="status" className={`embed-status ${status?.kind ?? ''}`}>
          {status?.which === which &&
            (status.kind === 'copied'
              ? 'Copied.'
              : 'The clipboard is not available here: the code is selected, press Ctrl+C (⌘C on a Mac).')}
        </span>
      </div>
    </div>
  );

  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={open}>
        <span aria-hidden="true">&lt;/&gt;</span> Copy embed code
      </button>
      <dialog
        ref={dialog}
        className="embed-dialog"
        // Its heading exists only once opened.
        aria-labelledby={view ? `${id}-title` : undefined}
        aria-label={view ? undefined : 'Embed this scene'}
        onKeyDown={(e) => e.stopPropagation()}
        onClose={() => setStatus(null)}
      >
        {view && snippets && (
          <>
            <h3 id={`${id}-title`}>Embed this scene</h3>
            <p>
              Scene {view.scene}, step {view.step}, seed {view.seed}
              {view.speed !== null ? `, speed ${view.speed}` : ''}
              {view.theme ? `, ${view.theme} theme` : ''}: the page shows it paused there.
            </p>
            {box(
              'component',
              'Web component',
              'Sizes itself to the scene; your page can drive it (step, play, pause, speed).',
              snippets.component,
            )}
            {box(
              'iframe',
              'iframe',
              'A plain frame. To drive it with postMessage, add &host=<your page’s origin> to its address.',
              snippets.iframe,
            )}
            <p className="embed-hint">
              <a href="embed/example.html" target="_blank" rel="noopener">
                A page that embeds scenes both ways
              </a>{' '}
              (attributes, messages and the Content-Security-Policy a page needs:
              docs/embedding.md).
            </p>
            <div className="embed-actions">
              <button type="button" className="btn primary" onClick={close}>
                Close
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
