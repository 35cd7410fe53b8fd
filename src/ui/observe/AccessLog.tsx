import { useState } from 'react';
import { accessRecords } from '../../engine/mesh/observability';
import type { MeshSim } from '../../engine/mesh/types';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useCoarseSim } from '../useCoarse';

/** The selected sidecar's access log in Istio's default text format: its newest lines. */
export function AccessLog() {
  const { idPrefix, ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const [failed, setFailed] = useState(false);
  const lines = useCoarseSim(
    (sim: MeshSim) =>
      accessRecords(sim, pod)
        .filter((r) => !failed || r.code === 0 || r.code >= 400 || r.flags !== '-')
        .slice(-8)
        .map((r) => ({ side: r.side, line: r.line })),
    jsonKey,
  );
  const id = `${idPrefix}-accesslog`;
  return (
    <section className="obs-card" aria-labelledby={id} data-testid="access-log">
      <h3 id={id}>
        Access log of <code>{pod}</code>’s sidecar
      </h3>
      <p className="hint">
        <code>
          [START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS DETAILS TERMINATION "TRANSPORT_FAILURE" …
          "X-REQUEST-ID" "AUTHORITY" "UPSTREAM_HOST" CLUSTER …
        </code>{' '}
        — outbound lines are its own calls, inbound lines calls it served.
      </p>
      <label className="obs-check">
        <input type="checkbox" checked={failed} onChange={(e) => setFailed(e.target.checked)} />{' '}
        failed or flagged lines only
      </label>
      <pre className="obs-log" tabIndex={0} aria-label={`Access-log lines of ${pod}`}>
        {lines.length === 0
          ? '(no lines in the trace window)'
          : lines.map((l) => `${l.side === 'inbound' ? '← ' : '→ '}${l.line}`).join('\n')}
      </pre>
    </section>
  );
}
