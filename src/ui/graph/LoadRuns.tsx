import type { MeshCommand } from '../../engine/mesh/contract';
import type { MeshSim } from '../../engine/mesh/types';
import { jsonKey, simOf, useRuntime } from '../../runtime/context';
import { useCoarseSelect } from '../useCoarse';
import { NewRunButton } from './NewRunButton';
import { PlotBars, type PlotRow, type PlotSeries } from './PlotBars';
import type { Knob, KnobSpan } from './plotRuns';
import { MIN_RUN_S, runRows, type RunWords } from './runRows';

/** What the formula expects for a run (null: it does not apply to the run's settings). */
export type Expectation = { amp: number; success: number } | null;

interface Slice {
  id: string;
  label: string;
  note: string[];
  current: boolean;
  users: number;
  success: number | null;
  usersPerS: number;
  attemptsPerS: number;
  amp: number | null;
  expected: Expectation;
}

const SUCCESS: PlotSeries[] = [
  { key: 'ok', name: 'user requests that succeeded at web-1 (%)', tone: 'plot-tone-d' },
];
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, d = 2): string => (v === null ? '—' : v.toFixed(d));

/**
 * Per run: the success rate users see at web-1, and the load arriving at `service` (tries per
 * second, against user requests per second) — the amplification factor as a number beside the
 * one `expect` computes [1]. A table says all of it in words.
 */
export function LoadRuns({
  service,
  knobs,
  words,
  expect,
  formula,
}: {
  service: string;
  knobs: readonly Knob<MeshCommand>[];
  words: (spans: Record<string, KnobSpan>) => RunWords;
  expect: (spans: Record<string, KnobSpan>) => Expectation;
  /** The formula in words, shown under the table. */
  formula: string;
}) {
  const { idPrefix } = useRuntime();
  const runs = useCoarseSelect(
    (p) =>
      runRows(simOf<MeshSim>(p), service, knobs, words).map((r): Slice => ({
        id: r.id,
        label: r.words.label,
        note: r.words.note,
        current: r.current,
        users: r.w.users.done,
        success: r.w.users.successRate,
        usersPerS: r.w.userRequestsPerSecond,
        attemptsPerS: r.w.attemptsPerSecond,
        amp: r.w.amplification,
        expected: expect(r.spans),
      })),
    jsonKey,
  );
  const load: PlotSeries[] = [
    { key: 'users', name: 'user requests/s at web-1', tone: 'plot-tone-a' },
    { key: 'tries', name: `tries/s arriving at ${service}`, tone: 'plot-tone-c' },
  ];
  const rows = (values: (r: Slice) => PlotRow['values']): PlotRow[] =>
    runs.map((r) => ({
      id: r.id,
      label: r.current ? `${r.label} (now)` : r.label,
      note: r.note,
      current: r.current,
      values: values(r),
    }));
  const now = runs[runs.length - 1];
  return (
    <section className="load-runs" aria-label={`Success rate and load on ${service}, per run`}>
      {now && (
        <p className="plot-headline" data-testid="amplification">
          Now: {service} gets <strong>{num(now.amp)}</strong> tries per user request
          {now.expected ? ` (expected ${num(now.expected.amp)})` : ''}; users see{' '}
          <strong>{pct(now.success)}</strong> success
          {now.expected ? ` (expected ${pct(now.expected.success)})` : ''}.
        </p>
      )}
      <PlotBars
        id={`${idPrefix}-ok`}
        title="Success rate seen at web-1, per run"
        rows={rows((r) => ({ ok: r.success === null ? null : r.success * 100 }))}
        series={SUCCESS}
        max={100}
        format={(v) => `${v.toFixed(1)}%`}
      />
      <PlotBars
        id={`${idPrefix}-load`}
        title={`Load on ${service} against user requests, per run (per second)`}
        rows={rows((r) => ({ users: r.usersPerS, tries: r.attemptsPerS }))}
        series={load}
        format={(v) => `${v.toFixed(1)}/s`}
      >
        <NewRunButton />
        <div className="plot-scroll" tabIndex={0} role="region" aria-label="Runs in a table">
          <table className="plot-table" data-testid="load-runs">
            <caption className="hint">
              Per run. Runs shorter than {MIN_RUN_S} s (a config on its way) are left out.
            </caption>
            <thead>
              <tr>
                <th scope="col">run</th>
                <th scope="col">user requests</th>
                <th scope="col">success at web-1</th>
                <th scope="col">expected</th>
                <th scope="col">users/s</th>
                <th scope="col">tries/s at {service}</th>
                <th scope="col">tries per user request</th>
                <th scope="col">expected</th>
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
                  <td className="num">{r.users.toLocaleString('en-US')}</td>
                  <td className="num">{pct(r.success)}</td>
                  <td className="num">{r.expected ? pct(r.expected.success) : '—'}</td>
                  <td className="num">{r.usersPerS.toFixed(1)}</td>
                  <td className="num">{r.attemptsPerS.toFixed(1)}</td>
                  <td className="num">{num(r.amp)}</td>
                  <td className="num">{r.expected ? num(r.expected.amp) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{formula}</p>
      </PlotBars>
    </section>
  );
}

// [1] Never only arc thickness: the factor is a number, the load a pair of bars with their values,
//     and the table repeats everything in words.
