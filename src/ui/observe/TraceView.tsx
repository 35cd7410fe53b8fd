import { useState } from 'react';
import type { MeshSim } from '../../engine/mesh/types';
import { traceView, type TraceSummary } from '../../engine/mesh/views/observeTrace';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useCoarseSim } from '../useCoarse';

const f1 = (x: number): string => (x < 10 ? x.toFixed(1) : String(Math.round(x)));

function Waterfall({ t }: { t: TraceSummary }) {
  const total = Math.max(t.totalMs, 0.001);
  return (
    <div className="obs-trace" data-testid="trace" data-hops={t.hops}>
      <p className="obs-trace-head">
        trace <code>{t.hexId.slice(0, 16)}…</code> · {t.hops} {t.hops === 1 ? 'call' : 'calls'} ·{' '}
        {f1(t.totalMs)} ms · x-request-id <code>{t.requestId}</code>
      </p>
      <ol className="obs-spans">
        {t.spans.map((s) => (
          <li key={s.spanId} className={s.code === 0 || s.code >= 400 ? 'obs-span-bad' : ''}>
            <span className="obs-span-label" style={{ paddingLeft: `${s.depth * 0.8}rem` }}>
              {s.kind === 'client' ? '→' : '⇢'} {s.pod} <span className="muted">{s.kind}</span>{' '}
              {s.service} {s.code || 'reset'}
            </span>
            <span className="obs-span-track" aria-hidden="true">
              <span
                className={`obs-span-bar obs-${s.kind}`}
                style={{
                  left: `${(100 * s.startMs) / total}%`,
                  width: `${Math.max(0.8, (100 * s.durMs) / total)}%`,
                }}
              />
            </span>
            <span className="obs-span-ms">{f1(s.durMs)} ms</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The newest complete trace as a waterfall; without forwarded headers, the newest one-hop traces. */
export function TraceView() {
  const { idPrefix } = useRuntime();
  const [errors, setErrors] = useState(false);
  const v = useCoarseSim((sim: MeshSim) => traceView(sim, errors), jsonKey);
  const id = `${idPrefix}-trace`;
  const first = v.traces[0];
  return (
    <section className="obs-card" aria-labelledby={id} data-testid="trace-view">
      <h3 id={id}>Distributed trace</h3>
      <p className="hint">
        Apps {v.forwardHeaders ? 'forward' : 'do not forward'} the trace headers · sampling{' '}
        {v.samplingPercent}% · {v.hopsPerTrace.toFixed(1)} calls per trace in the window.
        {first && (
          <>
            {' '}
            <code>traceparent: {first.traceparent}</code>
          </>
        )}
      </p>
      <label className="obs-check">
        <input type="checkbox" checked={errors} onChange={(e) => setErrors(e.target.checked)} />{' '}
        newest trace with an error
      </label>
      {v.traces.length === 0 ? (
        <p className="hint">No complete trace in the window yet.</p>
      ) : (
        v.traces.map((t) => <Waterfall key={t.traceId} t={t} />)
      )}
    </section>
  );
}
