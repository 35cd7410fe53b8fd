/** Per-sidecar read-outs: the contract's `SidecarView` plus readiness, certificate, warming. */
import type { SidecarView, SyncStatus, XdsType } from '../contract';
import { spiffeId } from '../cast';
import { typeStatus } from '../istiod/state';
import { memoBySim, memoBySimWith, type MeshSource } from './memo';

const TYPES: readonly XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];

/** Extra per-sidecar fields beyond the contract (readiness, certificate, warming). */
export interface SidecarViewExt extends SidecarView {
  ready: boolean;
  /** Has an Envoy sidecar (false after `pod.inject` with injected: false). */
  injected: boolean;
  cut: boolean;
  cert: { serial: number; expiresAt: number; rotateAt: number | null; rootId: string } | null;
  trust: string[];
  warming: { clusters: number; listeners: number };
  /** Envoy's xDS subscription stats per type (`cluster_manager.cds.update_success` etc.). */
  xdsStats: Record<XdsType, { updateSuccess: number; updateRejected: number }>;
}

function build(sim: MeshSource, pod: string): SidecarViewExt | null {
  const s = sim.state;
  const p = s.pods[pod];
  const sc = s.sidecars[pod];
  if (!p || !sc) return null;
  const conn = s.istiod.up ? s.istiod.conns[pod] : undefined;
  const versions = {} as Record<XdsType, string | null>;
  const status = {} as Record<XdsType, SyncStatus>;
  let lastError: string | null = null;
  for (const t of TYPES) {
    versions[t] = sc.xds[t].version;
    // While the stream is down istioctl would not list the proxy; the view shows STALE.
    status[t] = conn
      ? typeStatus(conn.types[t])
      : sc.xds[t].version !== null
        ? 'STALE'
        : 'NOT SENT';
    if (lastError === null && sc.xds[t].lastError) lastError = sc.xds[t].lastError;
  }
  const c = sc.cert.cert;
  return {
    pod,
    service: p.service,
    subset: p.subset,
    identity: spiffeId(p),
    podUp: p.up,
    connected: sc.connected,
    staleSince: sc.staleSince,
    nextRetryAt: sc.nextRetryAt,
    versions,
    status,
    lastError,
    ready: p.ready,
    injected: p.injected,
    cut: sc.cut,
    cert: c
      ? { serial: c.serial, expiresAt: c.expiresAt, rotateAt: sc.cert.rotateAt, rootId: c.rootId }
      : null,
    trust: [...sc.cert.trust],
    warming: {
      clusters: Object.keys(sc.warmingClusters).length,
      listeners: Object.keys(sc.warmingListeners).length,
    },
    xdsStats: {
      CDS: { updateSuccess: sc.xds.CDS.updateSuccess, updateRejected: sc.xds.CDS.updateRejected },
      EDS: { updateSuccess: sc.xds.EDS.updateSuccess, updateRejected: sc.xds.EDS.updateRejected },
      LDS: { updateSuccess: sc.xds.LDS.updateSuccess, updateRejected: sc.xds.LDS.updateRejected },
      RDS: { updateSuccess: sc.xds.RDS.updateSuccess, updateRejected: sc.xds.RDS.updateRejected },
    },
  };
}

/** Every sidecar, in display order (`state.order`). */
export const sidecarViews: (sim: MeshSource) => SidecarViewExt[] = memoBySim((sim) => {
  const out: SidecarViewExt[] = [];
  for (const pod of sim.state.order) {
    const v = sidecarView(sim, pod);
    if (v) out.push(v);
  }
  return out;
});

/** One sidecar (null when the pod is unknown). */
export const sidecarView: (sim: MeshSource, pod: string) => SidecarViewExt | null = memoBySimWith(
  (pod: string) => pod,
  build,
);
