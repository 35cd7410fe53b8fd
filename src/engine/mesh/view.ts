/**
 * `meshView`: everything a frame needs, derived from the state without copying it (bounded
 * arrays only: at most 200 requests, 200 log lines, the xDS messages in flight). Cached per
 * simulation revision, so calling it every animation frame is cheap.
 */
import { TYPE_URL, type MeshView, type SidecarView, type SyncStatus, type XdsMessageView, type XdsType } from './contract';
import { NACK_CODE } from './sidecar/ads';
import { spiffeId } from './cast';
import { typeStatus } from './istiod/state';
import type { MeshSim, XdsMessage } from './types';
import { REC_FIELDS, RECENT_REQUESTS } from '../traffic/state';

const TYPES: readonly XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];
const MAX_MESSAGES = 200;

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

/** The view plus extensions (Delta flag, certificate counters, recently delivered messages). */
export interface MeshViewExt extends MeshView {
  sidecars: SidecarViewExt[];
  delta: boolean;
  recentXds: XdsMessageView[];
  handshakes: { ok: number; failed: number };
  rejects: number;
  /** Istiod's push metrics: pushes per type, `pilot_xds_expired_nonce`, convergence p50/p90 (ms). */
  pilot: { pushes: Record<string, number>; expiredNonces: number; convergenceP50Ms: number | null; convergenceP90Ms: number | null };
}

function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? null;
}

const cache = new WeakMap<object, { rev: number; view: MeshViewExt }>();

function msgView(m: XdsMessage): XdsMessageView {
  const v: XdsMessageView = {
    id: m.id,
    pod: m.pod,
    direction: m.direction,
    kind: m.kind,
    xds: m.xds,
    versionInfo: m.versionInfo,
    nonce: m.nonce,
    sentAt: m.sentAt,
    arriveAt: m.arriveAt,
    typeUrl: TYPE_URL[m.xds],
    delta: m.delta,
    bytes: m.bytes,
  };
  if (m.errorDetail !== undefined) {
    v.errorDetail = m.errorDetail;
    v.errorCode = NACK_CODE;
  }
  if (m.direction === 'down') {
    v.resourceCount = m.resources?.length ?? 0;
    v.removedCount = m.removed?.length ?? 0;
  }
  return v;
}

function sidecarView(sim: MeshSim, pod: string): SidecarViewExt | null {
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
    status[t] = conn ? typeStatus(conn.types[t]) : sc.xds[t].version !== null ? 'STALE' : 'NOT SENT';
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
    cert: c ? { serial: c.serial, expiresAt: c.expiresAt, rotateAt: sc.cert.rotateAt, rootId: c.rootId } : null,
    trust: sc.cert.trust,
    warming: { clusters: Object.keys(sc.warmingClusters).length, listeners: Object.keys(sc.warmingListeners).length },
    xdsStats: {
      CDS: { updateSuccess: sc.xds.CDS.updateSuccess, updateRejected: sc.xds.CDS.updateRejected },
      EDS: { updateSuccess: sc.xds.EDS.updateSuccess, updateRejected: sc.xds.EDS.updateRejected },
      LDS: { updateSuccess: sc.xds.LDS.updateSuccess, updateRejected: sc.xds.LDS.updateRejected },
      RDS: { updateSuccess: sc.xds.RDS.updateSuccess, updateRejected: sc.xds.RDS.updateRejected },
    },
  };
}

/** Everything a frame needs. */
export function meshView(sim: MeshSim): MeshViewExt {
  const hit = cache.get(sim);
  if (hit && hit.rev === sim.revision) return hit.view;
  const s = sim.state;
  const i = s.istiod;
  const sidecars: SidecarViewExt[] = [];
  for (const pod of s.order) {
    const v = sidecarView(sim, pod);
    if (v) sidecars.push(v);
  }
  const xdsMessages: XdsMessageView[] = [];
  for (const key in s.net.inflight) {
    const m = s.net.inflight[Number(key)];
    if (m) xdsMessages.push(msgView(m));
    if (xdsMessages.length >= MAX_MESSAGES) break;
  }
  const t = s.traffic;
  const requests: MeshView['requests'] = [];
  const n = t.recentCount;
  const first = n < RECENT_REQUESTS ? 0 : t.recentNext;
  const r = t.recent;
  const name = (i: number | undefined): string => t.names[i ?? 0] ?? '';
  for (let k = 0; k < n; k++) {
    const o = ((first + k) % RECENT_REQUESTS) * REC_FIELDS;
    const rv: MeshView['requests'][number] = { id: r[o] ?? 0, from: name(r[o + 1]), to: name(r[o + 2]), sentAt: r[o + 3] ?? 0, arriveAt: r[o + 4] ?? 0 };
    if (r[o + 6] !== 0) {
      rv.code = r[o + 5] ?? 0;
      rv.flags = name(r[o + 6]);
    }
    requests.push(rv);
  }
  const view: MeshViewExt = {
    now: sim.now,
    istiod: { up: i.up, connectedProxies: Object.keys(i.conns).length, lastVersion: i.pushVersion, pendingPushes: i.queue.length + i.inProgress },
    sidecars,
    xdsMessages,
    requests,
    counters: { completed: t.counters.completed, ok: t.counters.ok, failed: t.counters.failed, byFlag: { ...t.counters.byFlag } },
    log: s.log.slice(),
    delta: s.options.delta,
    recentXds: s.net.recent.map(msgView),
    handshakes: { ...t.handshakes },
    rejects: i.metrics.pilot_total_xds_rejects,
    pilot: {
      pushes: { ...i.metrics.pilot_xds_pushes },
      expiredNonces: i.metrics.pilot_xds_expired_nonce,
      convergenceP50Ms: quantile(i.metrics.convergence_ms, 0.5),
      convergenceP90Ms: quantile(i.metrics.convergence_ms, 0.9),
    },
  };
  cache.set(sim, { rev: sim.revision, view });
  return view;
}
