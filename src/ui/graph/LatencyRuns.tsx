import type { MeshCommand } from '../../engine/mesh/contract';
import type { MeshSim } from '../../engine/mesh/types';
import { jsonKey, simOf, useRuntime } from '../../runtime/context';
import { useCoarseSelect } from '../useCoarse';
import { NewRunButton } from './NewRunButton';
import { PlotBars, type PlotRow, type PlotSeries } from './PlotBars';
import { PlotShares } from './PlotShares';
import type { Knob } from './plotRuns';
import { MIN_RUN_S, msText, pctText, runRows, type RunRow } from './runRows';

const PCTS: PlotSeries[] = [
  { key: 'p50', name: 'p50 (median)', tone: 'plot-tone-a' },
  { key: 'p90', name: 'p90', tone: 'plot-tone-b' },
  { key: 'p99', name: 'p99', tone: 'plot-tone-c' },
];

/** A compact, comparable slice of a run (what the plots and the table show). */
interface Slice {
  id: string;
  label: string;
  note: string[];
  current: boolean;
  calls: number;
  p50: number;
  p90: number;
  p99: number;
  hosts: Record<string, { share: number; p99: number; attempts: number }>;
}

function slice(r: RunRow): Slice {
  const c = r.w.service.calls;
  const hosts: Slice['hosts'] = {};
  for (const h of r.w.service.hosts)
    hosts[h.host] = { share: h.share, p99: h.p99, attempts: h.attempts };
  return {
    id: r.id,
    label: r.words.label,
    note: r.words.note,
    current: r.current,
    calls: c.done,
    p50: c.p50,
    p90: c.p90,
    p99: c.p99,
    hosts,
  };
}

/**
 * Latency of the calls to `service` per run (p50, p90, p99 as the calling app saw them) and each
 * pod's share of the attempts, side by side for every run, with a table that says it all in
 * words [1]. `hosts` lists the pods in order with their tones.
 */
export function LatencyRuns({
  service,
  knobs,
  hosts,
}: {
  service: string;
  knobs: readonly Knob<MeshCommand>[];
  hosts: readonly PlotSeries[];
}) {
  const { idPrefix } = useRuntime();
  const runs = useCoarseSelect(
    (p) => runRows(simOf<MeshSim>(p), service, knobs).map(slice),
    jsonKey,
  );
  const rows: PlotRow[] = runs.map((r) => ({
    id: r.id,
    label: r.current ? `${r.label} (now)` : r.label,
    note: r.note,
    current: r.current,
    values:
      r.calls > 0 ? { p50: r.p50, p90: r.p90, p99: r.p99 } : { p50: null, p90: null, p99: null },
  }));
  const shares: PlotRow[] = runs.map((r, i) => ({
    ...(rows[i] as PlotRow),
    values: Object.fromEntries(hosts.map((h) => [h.key, r.hosts[h.key]?.share ?? 0])),
  }));
  return (
    <section className="latency-runs" aria-label={`Latency of calls to ${service}, per run`}>
      <PlotBars
        id={`${idPrefix}-lat`}
        title={`Calls to ${service}: latency per run (ms, retries included)`}
        rows={rows}
        series={PCTS}
        format={(v) => msText(v)}
      />
      <PlotShares
        id={`${idPrefix}-share`}
        title={`Which pod got the calls: each pod’s share per run`}
        rows={shares}
        series={hosts}
      >
        <NewRunButton />
        <div className="plot-scroll" tabIndex={0} role="region" aria-label="Runs in a table">
          <table className="plot-table" data-testid="latency-runs">
            <caption className="hint">
              Per run: calls, percentiles, and per pod its share and p99. Runs shorter than{' '}
              {MIN_RUN_S} s (a config on its way) are left out.
            </caption>
            <thead>
              <tr>
                <th scope="col">run</th>
                <th scope="col">calls</th>
                <th scope="col">p50</th>
                <th scope="col">p90</th>
                <th scope="col">p99</th>
                {hosts.map((h) => (
                  <th key={h.key} scope="col">
                    {h.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className={r.current ? 'plot-now' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.current ? ' (now)' : ''}
                    <br />
                    <span className="muted">{r.note.join('; ')}</span>
                  </th>
                  <td className="num">{r.calls.toLocaleString('en-US')}</td>
                  <td className="num">{r.calls ? msText(r.p50) : '—'}</td>
                  <td className="num">{r.calls ? msText(r.p90) : '—'}</td>
                  <td className="num">{r.calls ? msText(r.p99) : '—'}</td>
                  {hosts.map((h) => {
                    const x = r.hosts[h.key];
                    return (
                      <td key={h.key} className="num">
                        {x && x.attempts > 0 ? `${pctText(x.share)} · p99 ${msText(x.p99)}` : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PlotShares>
    </section>
  );
}

// [1] Never only arc thickness: the numbers a learner compares are drawn as bars with their values
//     and repeated in the table (the text alternative; the SVG is hidden from screen readers).
