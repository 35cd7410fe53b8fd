/**
 * Scene 9's views: the mTLS mode a sidecar's inbound listener enforces (PERMISSIVE: mTLS and
 * plaintext chains; STRICT: mTLS only), and a caller's recent requests to a service by status.
 */
import { active } from '../blobs';
import { memoBySimWith, type MeshSource } from './memo';
import { requestViews } from './traffic';

/** The PeerAuthentication mode `pod`'s Envoy enforces now (null: no inbound listener yet). */
export const mtlsMode = memoBySimWith(
  (pod: string) => pod,
  (sim: MeshSource, pod: string): 'PERMISSIVE' | 'STRICT' | 'DISABLE' | null => {
    const sc = sim.state.sidecars[pod];
    return (sc && active(sc, 'LDS', 'virtualInbound')?.mtls_mode) ?? null;
  },
);

/** `caller`'s recent finished requests to `service`, counted by outcome. */
export const callsTo = memoBySimWith(
  (caller: string, service: string) => `${caller}|${service}`,
  (
    sim: MeshSource,
    caller: string,
    service: string,
  ): { total: number; ok: number; denied: number; reset: number; other: number } => {
    const out = { total: 0, ok: 0, denied: 0, reset: 0, other: 0 };
    for (const r of requestViews(sim)) {
      if (r.from !== caller || r.code === undefined) continue;
      const svc = sim.state.pods[r.to]?.service ?? r.to;
      if (svc !== service) continue;
      out.total++;
      if (r.code === 200) out.ok++;
      else if (r.code === 403) out.denied++;
      else if (r.code === 0) out.reset++;
      else out.other++;
    }
    return out;
  },
);

/** How many DENY and ALLOW rules `pod`'s inbound RBAC filters hold now. */
export const authzRules = memoBySimWith(
  (pod: string) => pod,
  (sim: MeshSource, pod: string): { deny: number; allow: number; allowPolicies: number } => {
    const sc = sim.state.sidecars[pod];
    const a = sc ? active(sc, 'LDS', 'virtualInbound')?.authz : undefined;
    return {
      deny: a?.deny.length ?? 0,
      allow: a?.allow.length ?? 0,
      allowPolicies: a?.allowPolicies ?? 0,
    };
  },
);
