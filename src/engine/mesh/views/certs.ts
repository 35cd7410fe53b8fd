/**
 * Certificate timelines (scene 12): each workload's current certificate (issued, renew-at,
 * expiry, the root and key that signed it), its trust bundle, and the CA's roots.
 */
import { keyOf } from '../ca/state';
import { memoBySim, type MeshSource } from './memo';

/** One pod's certificate on the timeline. */
export interface CertRow {
  pod: string;
  serial: number | null;
  issuedAt: number | null;
  rotateAt: number | null;
  expiresAt: number | null;
  rootId: string | null;
  /** The key that signed it (the root's key). */
  key: string | null;
  /** Roots in its Envoy's ROOTCA. */
  trust: string[];
  /** The agent is retrying a CSR that failed (Istiod or its CA unavailable). */
  retrying: boolean;
  /** Its current certificate has expired. */
  expired: boolean;
}

/** The CA's roots and the workloads' certificates at `sim.now`. */
export interface CertTimelineView {
  now: number;
  ttl: number;
  istiodUp: boolean;
  signingRootId: string;
  bundle: string[];
  roots: { id: string; key: string; createdAt: number }[];
  rows: CertRow[];
}

/** Every injected, running workload's certificate, in cast order. */
export const certTimeline = memoBySim((sim: MeshSource): CertTimelineView => {
  const s = sim.state;
  const roots = s.ca.roots;
  const rows: CertRow[] = [];
  for (const pod of s.order) {
    const p = s.pods[pod];
    const sc = s.sidecars[pod];
    if (!p || !sc || !p.injected) continue;
    const c = sc.cert.cert;
    rows.push({
      pod,
      serial: c?.serial ?? null,
      issuedAt: c?.issuedAt ?? null,
      rotateAt: c ? sc.cert.rotateAt : null,
      expiresAt: c?.expiresAt ?? null,
      rootId: c?.rootId ?? null,
      key: c ? keyOf(roots, c.rootId) : null,
      trust: [...sc.cert.trust],
      retrying: sc.cert.csrPending && sc.cert.csrAttempts > 0,
      expired: c !== null && sim.now >= c.expiresAt,
    });
  }
  return {
    now: sim.now,
    ttl: s.ca.ttl,
    istiodUp: s.istiod.up,
    signingRootId: s.ca.signingRootId,
    bundle: [...s.ca.bundle],
    roots: roots.map((r) => ({ id: r.id, key: r.key ?? r.id, createdAt: r.createdAt })),
    rows,
  };
});
