import {
  loadView,
  logLines,
  poolView,
  type LoadView,
  type MeshSource,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useCoarseSim } from '../useCoarse';
import './breaker.css';

/** fortio's own line for one status code (`fhttp/httprunner.go`: "Code %3d : %d (%.1f %%)"). */
export function codeLine(code: string, n: number, total: number): string {
  const pct = total > 0 ? ((100 * n) / total).toFixed(1) : '0.0';
  return `Code ${code.padStart(3, ' ')} : ${n} (${pct} %)`;
}

/** The command line of a run, as fortio is invoked. */
const commandOf = (v: LoadView): string =>
  `fortio load -c ${v.connections} -qps ${v.qps} -n ${v.requests} http://${v.service}:8080/`;

/** Earlier runs as the model's log tells them: the start line and fortio's summary line [1]. */
function runsFromLog(sim: MeshSource): { start: string; summary: string | null }[] {
  const runs: { start: string; summary: string | null }[] = [];
  for (const l of logLines(sim)) {
    if (l.text.startsWith('fortio load ')) runs.push({ start: l.text, summary: null });
    else if (l.text.startsWith('fortio from ') && runs.length > 0) {
      const last = runs[runs.length - 1];
      if (last && last.summary === null)
        last.summary = l.text.replace(/^fortio from \S+ to \S+: /, '');
    }
  }
  return runs;
}

/**
 * The load generator's last run as fortio prints it (the command, the calls, "Code 200 : N (x %)"
 * per status, the latency percentiles), and the runs before it, so -c 1, 2 and 3 can be compared.
 */
export function FortioResult({ cluster }: { cluster: string }) {
  const { idPrefix } = useRuntime();
  const v = useCoarseSim((sim: MeshSource) => loadView(sim), jsonKey);
  const o = useCoarseSim(
    (sim: MeshSource) => (v ? poolView(sim, v.from, cluster).overflow : null),
    jsonKey,
  );
  const runs = useCoarseSim((sim: MeshSource) => runsFromLog(sim).slice(-5, -1), jsonKey);
  const id = `${idPrefix}-fortio`;
  if (!v)
    return (
      <section className="fortio" aria-labelledby={id}>
        <h3 id={id}>fortio</h3>
        <p className="hint">No load run yet: the steps run fortio in cart-1, or use Try this.</p>
      </section>
    );
  const codes = Object.keys(v.byCode).sort();
  return (
    <section className="fortio" aria-labelledby={id} data-testid="fortio">
      <h3 id={id}>
        fortio in <code>{v.from}</code> → <code>{v.service}:8080</code>{' '}
        <span className="muted">
          {v.running ? `running: ${v.done} of ${v.requests} calls done` : 'done'}
        </span>
      </h3>
      <pre className="fortio-out" data-testid="fortio-out">
        {[
          `$ ${commandOf(v)}`,
          `${v.done} calls, ${v.actualQps} qps; p50 ${v.p50} ms, p90 ${v.p90} ms, p99 ${v.p99} ms`,
          ...codes.map((c) => codeLine(c, v.byCode[c] ?? 0, v.done)),
        ].join('\n')}
      </pre>
      {o && (
        <p className="fortio-uo" data-testid="fortio-uo">
          Flag UO in <code>{v.from}</code>’s Envoy since it started, per limit:{' '}
          <code>max_pending_requests</code> <strong>{o.max_pending_requests}</strong> ·{' '}
          <code>max_requests</code> <strong>{o.max_requests}</strong> · <code>max_retries</code>{' '}
          <strong>{o.max_retries}</strong> (calls that found <code>max_connections</code> reached
          waited instead: {o.max_connections})
        </p>
      )}
      {runs.length > 0 && (
        <>
          <h4 className="fortio-runs-title">Earlier runs (from the log)</h4>
          <ol className="fortio-runs">
            {runs.map((r, i) => (
              <li key={`${i}:${r.start}`}>
                <code>{r.start.replace(/^fortio load /, '').replace(/ http:\S+/, '')}</code>:{' '}
                {r.summary ?? 'replaced by the next run'}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

// [1] The model logs each run's start and fortio's summary (loadStats.ts); its log keeps the last
//     200 lines, which in this scene span many runs. The last run is the table above.
