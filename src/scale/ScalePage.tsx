import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Chart, VersionTable } from './Chart';
import { ScaleClient } from './client';
import { Explain, Simplified } from './Explain';
import { Grid } from './Grid';
import { CORES, SPEEDS, TARGET_POD, throttleFor, type ScaleAction } from './constants';
import { EngineCost, episodeText, IstiodPanel, StateTable } from './Panels';
import {
  formatSpeed,
  readScaleParams,
  scaleHash,
  type ScaleParams,
  type ThemeChoice,
} from './params';
import './scale.css';

const query = '(prefers-color-scheme: dark)';
const subscribeDark = (cb: () => void) => {
  if (typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia(query);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const isDark = () => typeof matchMedia === 'function' && matchMedia(query).matches;

/** `#/scale`: the whole mesh at 1,000 sidecars. */
export default function ScalePage({ query: q }: { query: URLSearchParams }) {
  const { params: initial, notices } = useMemo(() => readScaleParams(q), [q]);
  const [params, setParams] = useState<ScaleParams>(initial);
  const client = useMemo(
    () => new ScaleClient(initial.seed, initial.cores, initial.speed),
    [initial.seed, initial.cores, initial.speed],
  );
  useEffect(() => () => client.destroy(), [client]);
  const st = useSyncExternalStore(client.subscribe, client.getState, client.getState);
  const sysDark = useSyncExternalStore(subscribeDark, isDark, () => false);
  const theme = params.theme === 'system' ? (sysDark ? 'dark' : 'light') : params.theme;
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  /** Speed and theme change in place; the URL follows without reloading the run. */
  const update = (p: Partial<ScaleParams>) => {
    const next = { ...params, ...p };
    setParams(next);
    history.replaceState(null, '', scaleHash(next));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA|BUTTON|A|SUMMARY)$/.test(t.tagName)) return;
      if (e.key === ' ' || e.key === 'k') {
        e.preventDefault();
        if (client.getState().playing) client.pause();
        else client.play();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [client]);

  const snap = st.snap;
  const ready = st.phase === 'ready';
  const up = snap?.istiod.up ?? true;
  const failing = snap?.probeFailing ?? false;
  const act = (a: ScaleAction) => client.act(a);
  const last = st.points[st.points.length - 1];
  return (
    <div className={`scale-page${params.embed ? ' embed' : ''}`} data-theme={theme}>
      <header className="scale-header">
        <h2>The whole mesh at 1,000 sidecars</h2>
        <p className="caption">
          1,000 Envoy sidecars — 100 services in 10 namespaces, no Sidecar resource, so every proxy
          imports every namespace — on one Istiod. Change the config and watch it fan out: Istiod
          waits for the changes to go quiet (debounce), builds one new PushContext, then pushes at
          most {throttleFor(snap?.istiod.cores ?? params.cores)} proxies at a time; each Envoy ACKs
          on its own.
        </p>
        {!params.embed && (
          <p className="scale-links">
            <a href="#/scene/11">← Scene 11: control plane and data plane</a> ·{' '}
            <a href="#/scene/13">Scene 13: observability and the whole mesh</a> ·{' '}
            <a href="#/">All scenes</a>
          </p>
        )}
      </header>
      {notices.length > 0 && (
        <div className="notice" role="status">
          <ul>
            {notices.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="scale-bar" role="group" aria-label="Player">
        <button
          type="button"
          onClick={() => (st.playing ? client.pause() : client.play())}
          disabled={!ready}
          data-testid="scale-play"
        >
          {st.playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label>
          Speed{' '}
          <select
            value={params.speed}
            onChange={(e) => {
              client.setSpeed(Number(e.target.value));
              update({ speed: Number(e.target.value) });
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {formatSpeed(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Istiod CPUs{' '}
          <select
            value={params.cores}
            onChange={(e) => {
              location.hash = scaleHash({ ...params, cores: Number(e.target.value) });
            }}
          >
            {CORES.map((c) => (
              <option key={c} value={c}>
                {c} (throttle {throttleFor(c)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Theme{' '}
          <select
            value={params.theme}
            onChange={(e) => update({ theme: e.target.value as ThemeChoice })}
          >
            <option value="system">system</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <span className="scale-time" data-testid="scale-time">
          t = {snap ? (snap.now / 1e6).toFixed(3) : '0.000'} s
          {st.lagging && ' · the engine is behind the chosen speed'}
        </span>
      </div>
      <div className="scale-actions" role="group" aria-label="Change the mesh">
        <button type="button" disabled={!ready} onClick={() => act({ kind: 'vs' })}>
          Edit one VirtualService
        </button>
        <button type="button" disabled={!ready} onClick={() => act({ kind: 'burst' })}>
          5 edits in 160 ms
        </button>
        <button type="button" disabled={!ready} onClick={() => act({ kind: 'mesh' })}>
          {`meshConfig: outbound ${snap?.outbound === 'REGISTRY_ONLY' ? 'ALLOW_ANY' : 'REGISTRY_ONLY'} (pushes everything)`}
        </button>
        <button type="button" disabled={!ready} onClick={() => act({ kind: 'readiness' })}>
          {failing ? `Let ${TARGET_POD} pass its probe` : `Fail ${TARGET_POD}’s readiness probe`}
        </button>
        <button
          type="button"
          disabled={!ready}
          onClick={() => act({ kind: up ? 'kill' : 'restore' })}
          data-testid="scale-istiod-toggle"
        >
          {up ? 'Kill Istiod' : 'Restore Istiod'}
        </button>
      </div>
      {st.phase === 'error' && (
        <p className="notice" role="alert">
          The simulation stopped: {st.error}
        </p>
      )}
      <p className="scale-episode" aria-live="polite" data-testid="scale-episode">
        {st.phase === 'starting'
          ? `Starting up, as fast as this computer can: ${snap?.istiod.connected ?? 0} of 1,000 sidecars connected (Istiod admits ${throttleFor(params.cores)} new streams a second).`
          : snap && episodeText(snap.episode, snap)}
      </p>
      <div className="scale-main">
        <section className="scale-col" aria-label="Every sidecar">
          <h3>Every sidecar, as Istiod sees it</h3>
          <Grid states={snap?.states ?? null} counts={snap?.counts ?? null} theme={theme} />
          <StateTable counts={snap?.counts ?? null} />
        </section>
        <section className="scale-col" aria-label="Convergence">
          <h3>Convergence: proxies per version</h3>
          <Chart
            points={st.points}
            versions={snap?.versions ?? []}
            current={snap?.istiod.version ?? null}
            pushAt={snap && snap.episode.id > 1 ? (snap.episode.push?.at ?? null) : null}
          />
          <VersionTable
            versions={snap?.versions ?? []}
            last={last}
            current={snap?.istiod.version ?? null}
          />
          <IstiodPanel s={snap?.istiod ?? null} />
          {snap && <EngineCost ep={snap.episode} />}
        </section>
      </div>
      <Explain cores={params.cores} embed={params.embed} />
      {!params.embed && <Simplified />}
    </div>
  );
}
