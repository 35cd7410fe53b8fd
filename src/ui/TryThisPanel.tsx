import { useState } from 'react';
import type { TryThis } from '../../scenes/types';
import { useMeshView, useRuntime, usePlayer } from '../runtime/context';
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
            <TryControl t={t} />
            <p className="help" id={`${idPrefix}-try-${t.id}`}>
              {t.help}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TryControl({ t }: { t: TryThis }) {
  const { idPrefix, ui } = useRuntime();
  const player = usePlayer();
  const view = useMeshView();
  const selected = useUi(ui, (s) => s.selected);
  const described = `${idPrefix}-try-${t.id}`;
  if (t.kind === 'toggle') {
    const on = t.isOn(view);
    return (
      <button type="button" className={on ? 'btn danger' : 'btn'} aria-describedby={described} aria-keyshortcuts={t.key} onClick={() => player.command(on ? t.off : t.on)} data-testid={`try-${t.id}`}>
        {on ? t.onLabel : t.offLabel}
        {t.key && <kbd aria-hidden="true">{t.key}</kbd>}
      </button>
    );
  }
  if (t.kind === 'button')
    return (
      <button type="button" className="btn" aria-describedby={described} onClick={() => player.command(t.command(selected))} data-testid={`try-${t.id}`}>
        {t.label} <span className="muted">({selected})</span>
      </button>
    );
  return <TrySlider t={t} described={described} />;
}

function TrySlider({ t, described }: { t: Extract<TryThis, { kind: 'slider' }>; described: string }) {
  const { idPrefix } = useRuntime();
  const player = usePlayer();
  const now = player.sim.now;
  const recorded = [...player.sim.inputLog].reverse().find((e) => e.at <= now && t.fromCommand(e.command) !== null);
  const current = recorded ? (t.fromCommand(recorded.command) ?? t.initial) : t.initial;
  const [draft, setDraft] = useState<number | null>(null);
  const value = draft ?? current;
  const commit = () => {
    if (draft !== null && draft !== current) player.command(t.command(draft));
    setDraft(null);
  };
  return (
    <label htmlFor={`${idPrefix}-${t.id}`} className="slider">
      {t.label}: <strong>{t.format(value)}</strong>
      <input id={`${idPrefix}-${t.id}`} type="range" min={t.min} max={t.max} step={t.step} value={value} aria-describedby={described} aria-valuetext={t.format(value)} data-testid={`try-${t.id}`} onChange={(e) => setDraft(Number(e.target.value))} onPointerUp={commit} onKeyUp={commit} onBlur={commit} />
    </label>
  );
}
