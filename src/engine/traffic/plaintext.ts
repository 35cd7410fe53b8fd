/**
 * A call from a pod without a sidecar: no Envoy on the client side, so no routing rules, retries,
 * timeouts, LB policy or mTLS. kube-proxy sends the connection to a random ready endpoint of the
 * ClusterIP in plain text. The destination sidecar accepts it in PERMISSIVE mode and resets it in
 * STRICT mode; its RBAC sees no principal. Such a request has no source-reporter metric.
 * Simplified: a reset or refused connection is recorded with code 0 (no HTTP response).
 */
import { ms } from '../core/time';
import { active } from '../mesh/blobs';
import type { MeshSim } from '../mesh/types';
import { finishRequest, updateView } from './finish';
import { inboundCheck } from './inbound';
import { failShare } from './failShare';
import type { Request } from './types';

/** Sends `rq` straight to an endpoint of its service. */
export function startPlaintext(sim: MeshSim, rq: Request): void {
  const s = sim.state;
  const eps = s.order.filter((n) => {
    const p = s.pods[n];
    return p && p.service === rq.to && p.ready;
  });
  if (eps.length === 0) {
    finishRequest(sim, rq, 0, '-');
    return;
  }
  const host = sim.rng.pick(eps);
  const target = s.pods[host];
  const tsc = s.sidecars[host];
  rq.triedHosts.push(host);
  rq.attemptSentAt = sim.now;
  let end = sim.now + ms(1);
  if (!target || !target.up || !tsc) rq.outcome = { code: 0, flags: '-', retriable: null };
  else if (target.injected && active(tsc, 'LDS', 'virtualInbound')?.mtls_mode === 'STRICT') {
    s.traffic.handshakes.failed++;
    rq.outcome = { code: 0, flags: '-', retriable: null };
  } else {
    rq.reached = target.injected;
    const denied = target.injected ? inboundCheck(sim, null, tsc) : null;
    if (denied !== null) rq.outcome = { code: denied, flags: '-', retriable: null };
    else {
      const share = failShare(s.traffic, target);
      const fail = share > 0 && sim.rng.float() < share;
      rq.outcome = { code: fail ? 503 : 200, flags: '-', retriable: null };
      end = sim.now + ms(0.8) + sim.rng.exp(target.serviceTimeUs) + ms(target.extraMs);
    }
  }
  updateView(sim, rq, host, end);
  rq.host = null;
  rq.attemptTimer = sim.scheduleAt(end, { type: 'rq.attemptEnd', id: rq.id, attempt: rq.attempt });
}
