import { useState } from 'react';
import type { TryThis } from '../../scenes/types';
import { usePlayerSelect, useRuntime } from '../runtime/context';
import { useUi } from '../store/uiStore';

/** "Try this": each control sends a real command to the engine (recorded in its input log). */
export function TryThisPanel() {
  const { def, idPrefix } = useRuntime();
  return (
    <section className="try-this" aria-labelledby={`${idPrefix}-try`}>
      <h3 id={`${idPrefix}-try`}>Try this</h3>
      <ul>
        {def.tryThis.map((t) => (
          <li key={t.id}>
            {t.kind === 'toggle' ? <TryToggle t={t} /> : t.kind === 'button' ? <TryButton t={t} /> : <TrySlider t={t} />}
            <p className="help" id={`${idPrefix}-try-${t.id}`}>
              {t.help}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TryToggle({ t }: { t: Extract<TryThis, { kind: 'toggle' }> }) {
  const { idPrefix, player, ui } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const on = usePlayerSelect((p) => t.isOn(p.view()));
  const perSidecar = typeof t.on === 'function';
  const press = () => player.command(on ? t.off : typeof t.on === 'function' ? t.on(selected) : t.on);
  return (
    <button type="button" className={on ? 'btn danger' : 'btn'} aria-describedby={`${idPrefix}-try-${t.id}`} aria-keyshortcuts={t.key} onClick={press} data-testid={`try-${t.id}`}>
      {on ? t.onLabel : t.offLabel}
      {perSidecar && !on && <span className="muted">({selected})</span>}
      {t.key && <kbd aria-hidden="true">{t.key}</kbd>}
    </button>
  );
}

function TryButton({ t }: { t: Extract<TryThis, { kind: 'button' }> }) {
  const { idPrefix, player, ui } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  return (
    <button type="button" className="btn" aria-describedby={`${idPrefix}-try-${t.id}`} onClick={() => player.command(t.command(selected))} data-testid={`try-${t.id}`}>
      {t.label}
      {t.perSidecar && <span className="muted">({selected})</span>}
    </button>
  );
}

function TrySlider({ t }: { t: Extract<TryThis, { kind: 'slider' }> }) {
  const { idPrefix, player } = useRuntime();
  // The value the engine's input log says is in force now (so scrubbing back moves the slider).
  const current = usePlayerSelect((p) => {
    const now = p.sim.now;
    const log = p.sim.inputLog;
    for (let i = log.length - 1; i >= 0; i--) {
      const e = log[i];
      const v = e && e.at <= now ? t.fromCommand(e.command) : null;
      if (v !== null) return v;
    }
    return t.initial;
  });
  const [draft, setDraft] = useState<number | null>(null);
  const value = draft ?? current;
  const commit = () => {
    if (draft !== null && draft !== current) player.command(t.command(draft));
    setDraft(null);
  };
  return (
    <label htmlFor={`${idPrefix}-${t.id}`} className="slider">
      {t.label}: <strong>{t.format(value)}</strong>
      <input id={`${idPrefix}-${t.id}`} type="range" min={t.min} max={t.max} step={t.step} value={value} aria-describedby={`${idPrefix}-try-${t.id}`} aria-valuetext={t.format(value)} data-testid={`try-${t.id}`} onChange={(e) => setDraft(Number(e.target.value))} onPointerUp={commit} onKeyUp={commit} onBlur={commit} />
    </label>
  );
}
