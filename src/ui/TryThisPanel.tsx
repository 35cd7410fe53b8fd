import { useState } from 'react';
import { markTried, pressTry, sliderValue, toggleOn } from '../runtime/actions';
import { usePlayerSelect, useRuntime } from '../runtime/context';
import type { AnyPlayer } from '../runtime/player';
import type { TryThis } from '../scene/types';
import { useUi } from '../store/uiStore';

type AnyTry = TryThis<unknown, AnyPlayer['sim']>;

/** "Try this": each control sends a real command to the engine (recorded in its input log). */
export function TryThisPanel() {
  const { def, idPrefix } = useRuntime();
  if (def.tryThis.length === 0) return null;
  return (
    <section className="try-this" aria-labelledby={`${idPrefix}-try`}>
      <h3 id={`${idPrefix}-try`}>Try this</h3>
      <ul>
        {def.tryThis.map((t) => (
          <li key={t.id}>
            {t.kind === 'toggle' ? (
              <TryToggle t={t} />
            ) : t.kind === 'button' ? (
              <TryButton t={t} />
            ) : (
              <TrySlider t={t} />
            )}
            <p className="help" id={`${idPrefix}-try-${t.id}`}>
              {t.help}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TryToggle({ t }: { t: Extract<AnyTry, { kind: 'toggle' }> }) {
  const rt = useRuntime();
  const selected = useUi(rt.ui, (s) => s.selected);
  const on = usePlayerSelect(() => toggleOn(rt, t));
  return (
    <button
      type="button"
      className={on ? 'btn danger' : 'btn'}
      aria-describedby={`${rt.idPrefix}-try-${t.id}`}
      aria-keyshortcuts={t.key}
      onClick={() => pressTry(rt, t.id)}
      data-testid={`try-${t.id}`}
    >
      {on ? t.onLabel : t.offLabel}
      {t.perActor && !on && <span className="muted">({selected})</span>}
      {t.key && <kbd aria-hidden="true">{t.key}</kbd>}
    </button>
  );
}

function TryButton({ t }: { t: Extract<AnyTry, { kind: 'button' }> }) {
  const rt = useRuntime();
  const selected = useUi(rt.ui, (s) => s.selected);
  return (
    <button
      type="button"
      className="btn"
      aria-describedby={`${rt.idPrefix}-try-${t.id}`}
      aria-keyshortcuts={t.key}
      onClick={() => pressTry(rt, t.id)}
      data-testid={`try-${t.id}`}
    >
      {t.label}
      {t.perActor && <span className="muted">({selected})</span>}
      {t.key && <kbd aria-hidden="true">{t.key}</kbd>}
    </button>
  );
}

function TrySlider({ t }: { t: Extract<AnyTry, { kind: 'slider' }> }) {
  const rt = useRuntime();
  const { idPrefix, player } = rt;
  // The value the engine's input log says is in force now (so scrubbing back moves the slider).
  const current = usePlayerSelect((p) => sliderValue(p, t));
  const [draft, setDraft] = useState<number | null>(null);
  const value = draft ?? current;
  const commit = () => {
    if (draft !== null && draft !== current) {
      player.command(t.command(draft));
      markTried(rt, t.id);
    }
    setDraft(null);
  };
  return (
    <label htmlFor={`${idPrefix}-${t.id}`} className="slider">
      {t.label}: <strong>{t.format(value)}</strong>
      <input
        id={`${idPrefix}-${t.id}`}
        type="range"
        min={t.min}
        max={t.max}
        step={t.step}
        value={value}
        aria-describedby={`${idPrefix}-try-${t.id}`}
        aria-valuetext={t.format(value)}
        data-testid={`try-${t.id}`}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
    </label>
  );
}
