import './listeners.css';
import {
  authzRules,
  callsTo,
  mtlsMode,
  sidecarViews,
  type MeshSource,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { useUi } from '../../store/uiStore';

const hours = (us: number): string => `${(us / 3_600_000_000).toFixed(1)} h`;

/** Every workload's identity and certificate (serial, time left, the root that signed it). */
export function IdentityTable() {
  const { ui } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const rows = useSimSelect(
    (sim: MeshSource) =>
      sidecarViews(sim).map((s) => ({
        pod: s.pod,
        identity: s.identity,
        injected: s.injected,
        serial: s.cert?.serial ?? null,
        left: s.cert ? s.cert.expiresAt - sim.now : null,
        root: s.cert?.rootId ?? null,
      })),
    jsonKey,
  );
  return (
    <section aria-label="Workload identities and certificates">
      <h3>Identities and certificates (SDS “default”)</h3>
      <table data-testid="identity-table">
        <thead>
          <tr>
            <th scope="col">pod</th>
            <th scope="col">SPIFFE identity and certificate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pod} className={r.pod === selected ? 'selected' : undefined}>
              <th scope="row">{r.pod}</th>
              <td>
                <code className="spiffe">{r.identity}</code>
                <br />
                {!r.injected
                  ? 'no sidecar: no identity'
                  : r.serial === null
                    ? 'none yet (CSR pending)'
                    : `#${r.serial}, ${hours(r.left ?? 0)} left, root ${r.root}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** payments' mTLS mode and policies, and what web-1's calls to payments got. */
export function SecurityStatus() {
  const v = useSimSelect(
    (sim: MeshSource) => ({
      mode: mtlsMode(sim, 'payments-v1-a'),
      rules: authzRules(sim, 'payments-v1-a'),
      web: callsTo(sim, 'web-1', 'payments'),
    }),
    jsonKey,
  );
  return (
    <section className="security-status" aria-label="payments’ security and web-1’s calls">
      <p data-testid="security-status">
        payments-v1-a enforces <strong>{v.mode ?? 'nothing yet'}</strong> mTLS · RBAC:{' '}
        {v.rules.deny} DENY rule{v.rules.deny === 1 ? '' : 's'},{' '}
        {v.rules.allowPolicies === 0
          ? 'no ALLOW policy (everyone allowed)'
          : `${v.rules.allow} ALLOW rule${v.rules.allow === 1 ? '' : 's'}`}
      </p>
      <p data-testid="web-calls">
        web-1 → payments, recent calls: {v.web.total} ({v.web.ok} × 200, {v.web.denied} × 403 RBAC:
        access denied, {v.web.reset} reset{v.web.other ? `, ${v.web.other} other` : ''})
      </p>
    </section>
  );
}
