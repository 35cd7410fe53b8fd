/**
 * The destination side of an attempt: the mTLS handshake between the two sidecars (auto-mTLS:
 * ISTIO_MUTUAL towards injected pods) and the inbound listener's checks (PeerAuthentication mode,
 * AuthorizationPolicy by source principal → 403 `rbac_access_denied_matched_policy`).
 * Certificates are checked only when a new connection is made: a connection made before the
 * client's or server's cert expired keeps working (Envoy does not close it, envoy#17999).
 */
import { active } from '../mesh/blobs';
import { certProblem } from '../mesh/ca/state';
import type { AuthzRule, EnvoyCluster, PrincipalMatcher } from '../mesh/envoy';
import type { MeshSim, SidecarState } from '../mesh/types';
import { logLine } from '../mesh/log';
import type { Request } from './types';

const IDLE_TIMEOUT_US = 3_600_000_000;

/** Reuses an idle pooled connection or makes a new one; returns a TLS error text or null. */
export function handshake(
  sim: MeshSim,
  sc: SidecarState,
  tsc: SidecarState,
  host: string,
  tls: EnvoyCluster['tls'],
  rq: Request,
): string | null {
  const t = sim.state.traffic;
  let pool = sc.traffic.conns[host];
  if (!pool) {
    pool = [];
    sc.traffic.conns[host] = pool;
  }
  for (let i = 0; i < pool.length; i++) {
    const c = pool[i];
    if (!c || c.busy) continue;
    if (sim.now - c.lastUsed > IDLE_TIMEOUT_US) {
      pool.splice(i--, 1);
      continue;
    }
    c.busy = true;
    rq.connId = c.id;
    return null;
  }
  const err = connectCheck(sim, sc, tsc, host, tls, rq.from);
  if (err !== null) return err;
  const id = t.nextConnId++;
  pool.push({ id, busy: true, establishedAt: sim.now, lastUsed: sim.now });
  rq.connId = id;
  return null;
}

/**
 * A new connection from `sc` (the sidecar of `from`) to `host`: the mTLS handshake (certificates
 * of both ends against each other's trust bundle) or, towards a STRICT inbound, a refused
 * plaintext connection. Counts the handshake; returns the error text, or null when it succeeded.
 */
export function connectCheck(
  sim: MeshSim,
  sc: SidecarState,
  tsc: SidecarState,
  host: string,
  tls: EnvoyCluster['tls'],
  from: string,
): string | null {
  const t = sim.state.traffic;
  const target = sim.state.pods[host];
  if (tls === 'ISTIO_MUTUAL' && target?.injected) {
    const err =
      certProblem(sc.cert, tsc.cert.trust, sim.now, sim.state.ca.roots) ??
      certProblem(tsc.cert, sc.cert.trust, sim.now, sim.state.ca.roots);
    if (err) {
      t.handshakes.failed++;
      if (t.handshakes.failed === 1 || t.handshakes.failed % 1000 === 0)
        logLine(sim, 'cert', `mTLS handshake ${from} → ${host} failed: ${err}`);
      sim.emit({ t: sim.now, type: 'tls.handshakeFailed', from, to: host, reason: err });
      return `TLS error: ${err}`;
    }
  } else if (active(tsc, 'LDS', 'virtualInbound')?.mtls_mode === 'STRICT') {
    t.handshakes.failed++;
    return 'connection reset (STRICT mTLS: plaintext refused)';
  }
  t.handshakes.ok++;
  if (sim.state.options.traceSecurity && tls === 'ISTIO_MUTUAL' && target?.injected)
    traceHandshake(sim, from, host);
  return null;
}

const spiffe = (sim: MeshSim, pod: string | null): string => {
  const p = pod === null ? undefined : sim.state.pods[pod];
  return p
    ? `spiffe://${sim.state.config.trustDomain}/ns/${p.namespace}/sa/${p.serviceAccount}`
    : '';
};

/** Scene 9: the successful handshake's facts (identities, and the secure-naming list). */
function traceHandshake(sim: MeshSim, from: string, host: string): void {
  const s = sim.state;
  const service = s.pods[host]?.service;
  // Istio's cluster accepts the identities of the service's workloads (subjectAltNames).
  const expected = [
    ...new Set(s.order.filter((n) => s.pods[n]?.service === service).map((n) => spiffe(sim, n))),
  ].sort();
  sim.emit({
    t: sim.now,
    type: 'tls.handshake',
    from,
    to: host,
    client: spiffe(sim, from),
    server: spiffe(sim, host),
    expected,
  });
}

const regexCache = new Map<string, RegExp>();

function principalMatches(m: PrincipalMatcher, principal: string): boolean {
  if (m.exact !== undefined) return principal === m.exact;
  if (m.prefix !== undefined) return principal.startsWith(m.prefix);
  if (m.suffix !== undefined) return principal.endsWith(m.suffix);
  if (m.regex !== undefined) {
    let re = regexCache.get(m.regex);
    if (!re) {
      re = new RegExp(`^(?:${m.regex})$`);
      regexCache.set(m.regex, re);
    }
    return re.test(principal);
  }
  return false;
}

/** Requests are `GET /` (simplified request model). */
function ruleMatches(r: AuthzRule, principal: string): boolean {
  if (
    r.principals &&
    (principal === '' || !r.principals.some((m) => principalMatches(m, principal)))
  )
    return false;
  if (r.paths && !r.paths.includes('/')) return false;
  if (r.methods && !r.methods.includes('GET')) return false;
  return true;
}

/** The inbound listener's authorization; returns 403 when denied, else null. */
export function inboundCheck(sim: MeshSim, from: string | null, tsc: SidecarState): number | null {
  const authz = active(tsc, 'LDS', 'virtualInbound')?.authz;
  if (!authz || (authz.deny.length === 0 && authz.allowPolicies === 0)) return null;
  const p = from === null ? undefined : sim.state.pods[from];
  // Plaintext (no client certificate): no principal; rules that need one do not match.
  const principal = p ? `spiffe://cluster.local/ns/${p.namespace}/sa/${p.serviceAccount}` : '';
  const denied = authz.deny.find((r) => ruleMatches(r, principal));
  const allowed = denied ? undefined : authz.allow.find((r) => ruleMatches(r, principal));
  const ok = !denied && (authz.allowPolicies === 0 || allowed !== undefined);
  if (sim.state.options.traceSecurity)
    sim.emit({
      t: sim.now,
      type: 'rbac.decision',
      pod: tsc.pod,
      from,
      principal,
      action: denied || authz.allowPolicies === 0 ? 'DENY' : 'ALLOW',
      policy: (denied ?? allowed)?.policy ?? null,
      allowed: ok,
    });
  return ok ? null : 403;
}
