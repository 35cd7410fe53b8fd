/**
 * Scene 3's read-outs: a service's EndpointSlice as Kubernetes has it (every pod behind the
 * Service, ready or not), the ClusterLoadAssignments a sidecar's Envoy serves for that service
 * (its ACTIVE EDS: not-ready pods are simply not there, Istio's default), and per sidecar how long
 * after the registry's last endpoint event its EDS ACK reached Istiod.
 */
import type { SimTime } from '../../core/time';
import { mustResource } from '../blobs';
import { fqdn } from '../cast';
import type { MeshTraceOf, PodName } from '../contract';
import { DEBOUNCE_AFTER, DEBOUNCE_MAX } from '../istiod/debounce';
import { memoBySimWith, type MeshSource } from './memo';

/** One endpoint of an EndpointSlice (`endpoints[]`: addresses, conditions, targetRef). */
export interface SliceEndpoint {
  pod: PodName;
  ip: string;
  /** The pod's `version` label (its DestinationRule subset), or null. */
  subset: string | null;
  /** `conditions.ready` (= `serving`: the model has no terminating pods). */
  ready: boolean;
  /** Why the pod is not ready (null when ready). */
  why: string | null;
}

/** A Service's EndpointSlice (`kubernetes.io/service-name: <service>`). */
export interface EndpointSliceView {
  service: string;
  namespace: string;
  /** `ports[0]`: the Service port's name and target port (the port each endpoint listens on). */
  port: { name: string; port: number } | null;
  endpoints: SliceEndpoint[];
  readyCount: number;
}

function notReadyWhy(sim: MeshSource, pod: PodName): string {
  const p = sim.state.pods[pod];
  const sc = sim.state.sidecars[pod];
  if (!p || !p.up) return 'container not running';
  if (p.probeFailing) return 'readiness probe failing';
  if (p.injected && (!sc || sc.xds.CDS.version === null || sc.xds.LDS.version === null))
    return 'Envoy has no config yet (istio-agent’s check)';
  return 'not ready';
}

/** The EndpointSlice of `service` (pods in registry order). */
export const endpointSlice: (sim: MeshSource, service: string) => EndpointSliceView = memoBySimWith(
  (service: string) => service,
  (sim, service) => {
    const s = sim.state;
    const svc = s.config.services.find((x) => x.name === service);
    const endpoints: SliceEndpoint[] = [];
    for (const name of s.order) {
      const p = s.pods[name];
      if (!p || p.service !== service) continue;
      endpoints.push({
        pod: name,
        ip: p.ip,
        subset: p.subset,
        ready: p.ready,
        why: p.ready ? null : notReadyWhy(sim, name),
      });
    }
    const port = svc?.ports[0];
    return {
      service,
      namespace: svc?.namespace ?? 'shop',
      port: port ? { name: port.name, port: port.targetPort } : null,
      endpoints,
      readyCount: endpoints.filter((e) => e.ready).length,
    };
  },
);

/** One `lb_endpoints[]` entry of a ClusterLoadAssignment. */
export interface ClaEndpoint {
  address: string;
  port: number;
  /** `health_status` as Istio sends it (HEALTHY for a ready pod). */
  health: string;
  /** The pod at that address (null if none). */
  pod: PodName | null;
}

/** One ClusterLoadAssignment a sidecar's Envoy serves. */
export interface ClaView {
  /** `cluster_name`, e.g. `outbound|8080|v1|payments.shop.svc.cluster.local`. */
  cluster: string;
  subset: string | null;
  /** `version_info` of the EDS response that last changed it (null if unknown). */
  version: string | null;
  /** When that response arrived and was applied (the sidecar ACKed it at once). */
  appliedAt: SimTime | null;
  endpoints: ClaEndpoint[];
}

interface RawCla {
  endpoints?: {
    lb_endpoints?: {
      endpoint?: { address?: { socket_address?: { address?: string; port_value?: number } } };
      health_status?: string;
    }[];
  }[];
}

/** The service-wide cluster first, then the subsets by name. */
const byCluster = (a: ClaView, b: ClaView): number =>
  (a.subset ?? '') < (b.subset ?? '') ? -1 : (a.subset ?? '') > (b.subset ?? '') ? 1 : 0;

/**
 * The ClusterLoadAssignments `pod`'s Envoy serves for `service`'s outbound clusters (active EDS),
 * service-wide cluster first. Empty when the sidecar has none yet.
 */
export const sidecarEds: (sim: MeshSource, pod: PodName, service: string) => ClaView[] =
  memoBySimWith(
    (pod: PodName, service: string) => `${pod}|${service}`,
    (sim, pod, service) => {
      const s = sim.state;
      const sc = s.sidecars[pod];
      if (!sc) return [];
      const ns = s.config.services.find((x) => x.name === service)?.namespace ?? 'shop';
      const suffix = `|${fqdn(service, ns)}`;
      const byIp = new Map<string, PodName>();
      for (const n of s.order) {
        const p = s.pods[n];
        if (p) byIp.set(p.ip, n);
      }
      const out: ClaView[] = [];
      for (const name of Object.keys(sc.active.EDS)) {
        if (!name.startsWith('outbound|') || !name.endsWith(suffix)) continue;
        const cla = mustResource(sc.active.EDS[name] as string).envoy as RawCla;
        const endpoints: ClaEndpoint[] = [];
        for (const loc of cla.endpoints ?? [])
          for (const e of loc.lb_endpoints ?? []) {
            const a = e.endpoint?.address?.socket_address;
            const address = a?.address ?? '';
            endpoints.push({
              address,
              port: a?.port_value ?? 0,
              health: e.health_status ?? 'UNKNOWN',
              pod: byIp.get(address) ?? null,
            });
          }
        const stamp = sc.stamps.EDS[name];
        const at = stamp === undefined ? -1 : stamp.lastIndexOf('@');
        out.push({
          cluster: name,
          subset: name.split('|')[2] || null,
          version: stamp === undefined ? null : stamp.slice(0, at),
          appliedAt: stamp === undefined ? null : Number(stamp.slice(at + 1)),
          endpoints,
        });
      }
      return out.sort(byCluster);
    },
  );

/**
 * Where one sidecar is, since the last endpoint event: `acked` (Istiod received its EDS ACK),
 * `sent` (EDS sent, no ACK yet), `waiting` (nothing sent yet: Istiod debounces or queues the push),
 * `disconnected` (no stream to Istiod), `podDown`.
 */
export type EdsSyncState = 'acked' | 'sent' | 'waiting' | 'disconnected' | 'podDown';

export interface EdsSyncRow {
  pod: PodName;
  state: EdsSyncState;
  /** acked: from the event to Istiod receiving the ACK (µs); sent: to the response leaving. */
  delay: SimTime | null;
}

/** The registry's last endpoint event for a service and each sidecar's EDS since. */
export interface EdsSyncView {
  /** The last event that makes Istiod push (a change of readiness, a deleted pod). */
  last: MeshTraceOf<'endpoints.changed'> | null;
  /** A later `added` event (a new pod, not ready: nothing is pushed for it). */
  added: MeshTraceOf<'endpoints.changed'> | null;
  /** Istiod is debouncing: the earliest and the latest time the push can start. */
  debounce: { earliest: SimTime; latest: SimTime; events: number } | null;
  rows: EdsSyncRow[];
}

/**
 * Per sidecar (`pods`, default every pod), where it stands since the registry's last endpoint
 * event of `service` that makes Istiod push. `acked` uses Istiod's view of the ACK (what
 * proxy-status shows as SYNCED): the time it received the last EDS ACK.
 */
export const edsSync: (sim: MeshSource, service: string, pods?: readonly PodName[]) => EdsSyncView =
  memoBySimWith(
    (service: string, pods?: readonly PodName[]) => `${service}|${pods?.join(',') ?? '*'}`,
    (sim, service, pods) => {
      const s = sim.state;
      const events = (s.endpointEvents ?? []).filter((e) => e.service === service);
      let last: MeshTraceOf<'endpoints.changed'> | null = null;
      let added: MeshTraceOf<'endpoints.changed'> | null = null;
      for (const e of events) {
        if (e.change === 'added') added = e;
        else {
          last = e;
          added = null;
        }
      }
      const d = s.istiod.debounce;
      const debounce =
        s.istiod.up && d.req
          ? {
              earliest: d.lastAt + DEBOUNCE_AFTER,
              latest: d.firstAt + DEBOUNCE_MAX,
              events: d.events,
            }
          : null;
      const rows: EdsSyncRow[] = [];
      for (const pod of pods ?? s.order) {
        const p = s.pods[pod];
        if (!p) continue;
        const conn = s.istiod.up ? s.istiod.conns[pod] : undefined;
        const eds = conn?.types.EDS;
        const t0 = last?.t ?? 0;
        let state: EdsSyncState;
        let delay: SimTime | null = null;
        if (!p.up) state = 'podDown';
        else if (!eds) state = 'disconnected';
        else if (eds.ackedAt !== null && eds.ackedAt > t0 && eds.ackedNonce === eds.sentNonce) {
          state = 'acked';
          delay = eds.ackedAt - t0;
        } else if (eds.sentAt !== null && eds.sentAt > t0) {
          state = 'sent';
          delay = eds.sentAt - t0;
        } else state = 'waiting';
        rows.push({ pod, state, delay });
      }
      return { last, added, debounce, rows };
    },
  );

/** True while `pod`'s readiness probe fails (`pod.readiness` with ready: false). */
export function probeFailing(sim: MeshSource, pod: PodName): boolean {
  return sim.state.pods[pod]?.probeFailing === true;
}

/** The number of pods behind `service` (its Deployment's replicas, as `service.scale` sets them). */
export function replicasOf(sim: MeshSource, service: string): number {
  let n = 0;
  for (const name of sim.state.order) if (sim.state.pods[name]?.service === service) n++;
  return n;
}
