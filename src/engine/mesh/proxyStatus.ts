/**
 * `istioctl proxy-status` exactly as the Istio 1.24 release prints it
 * (`istio/istio istioctl/pkg/writer/pilot/status.go` at tag 1.24.0): columns NAME, CLUSTER, CDS,
 * LDS, EDS, RDS, ECDS, ISTIOD, VERSION; one row per proxy connected to Istiod, sorted by proxy ID
 * (`pod.namespace`). A type cell is `IGNORED` when the proxy does not watch that type (ECDS for
 * these sidecars), `NOT SENT`, or the state followed by the age of Istiod's last send for that
 * type in kubectl's short form (`SYNCED (2m5s)`, `formatStatus` with
 * `k8s.io/apimachinery/pkg/util/duration.HumanDuration`). The states are Istiod's bookkeeping
 * (`pilot/pkg/xds/statusgen.go` `debugSyncStatus`: ERROR when LastError is set, NOT SENT when
 * nothing was sent, SYNCED when the last nonce sent was ACKed, else STALE).
 *
 * With no running Istiod pod, istioctl prints only an error
 * (`istioctl/pkg/multixds/gather.go` `ControlPlaneNotFoundError`, prefixed "Error: " by cobra;
 * `istioctl/pkg/proxystatus/proxystatus_test.go`).
 */
import type { SimTime } from '../core/time';
import type {
  ProxyStatusSnapshot,
  ProxyStatusState,
  ProxyStatusTableRow,
  TypeSync,
} from './istiod/types';
import { ISTIOD_POD } from './status';
import type { MeshState } from './types';

/** The istioctl release whose `proxy-status` layout the table follows. */
export const PROXY_STATUS_RELEASE = '1.24';
/** The columns of `istioctl proxy-status` in that release. */
export const PROXY_STATUS_COLUMNS: readonly string[] = [
  'NAME',
  'CLUSTER',
  'CDS',
  'LDS',
  'EDS',
  'RDS',
  'ECDS',
  'ISTIOD',
  'VERSION',
];
/** The sidecars' Istio version (the proxy's `ISTIO_VERSION` metadata) in the VERSION column. */
export const PROXY_STATUS_VERSION = '1.24.6';
/** Istiod's cluster ID (the default, `Kubernetes`) in the CLUSTER column. */
export const PROXY_STATUS_CLUSTER = 'Kubernetes';
/** What `istioctl proxy-status` prints when no Istiod pod is running in istio-system. */
export const NO_ISTIOD_ERROR = 'Error: no running Istio pods in "istio-system"';

/** Type columns in istioctl's order. */
const TYPE_COLUMNS = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'] as const;

/** kubectl's pod-name suffix alphabet (`k8s.io/apimachinery/pkg/util/rand`). */
const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The Istiod pod's name: the first pod is `ISTIOD_POD`; each restored Istiod is a new pod of the
 * same ReplicaSet (same template hash, new random suffix), derived here from the restart count.
 */
export function istiodPodName(restarts: number): string {
  if (restarts === 0) return ISTIOD_POD;
  const prefix = ISTIOD_POD.slice(0, ISTIOD_POD.lastIndexOf('-') + 1);
  let x = Math.imul(restarts, 0x9e3779b1) >>> 0;
  let suffix = '';
  for (let k = 0; k < 5; k++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    suffix += SUFFIX_CHARS[(x >>> 16) % SUFFIX_CHARS.length] ?? 'x';
  }
  return prefix + suffix;
}

/** `k8s.io/apimachinery/pkg/util/duration.HumanDuration` of a simulated duration (µs). */
export function humanDuration(us: SimTime): string {
  const seconds = Math.floor(us / 1_000_000);
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** statusgen.go `debugSyncStatus` (LastError first), IGNORED when the type is not watched. */
function stateOf(s: TypeSync | undefined): ProxyStatusState {
  if (!s || !s.watched) return 'IGNORED';
  if (s.nackError !== null) return 'ERROR';
  if (s.sentNonce === null) return 'NOT SENT';
  return s.sentNonce === s.ackedNonce ? 'SYNCED' : 'STALE';
}

/** status.go `formatStatus`: the state and the age of the last send (LastSendTime). */
function cellOf(state: ProxyStatusState, s: TypeSync | undefined, now: SimTime): string {
  if (state === 'IGNORED' || state === 'NOT SENT' || !s || s.sentAt === null) return state;
  return `${state} (${humanDuration(now - s.sentAt)})`;
}

/** The table Istiod's connections give at `now` (call only while Istiod is up). */
export function proxyStatusTable(state: MeshState, now: SimTime): ProxyStatusSnapshot {
  const i = state.istiod;
  const istiod = istiodPodName(i.restarts);
  const rows: (ProxyStatusTableRow & { name: string })[] = [];
  for (const pod of state.order) {
    const c = i.conns[pod];
    const p = state.pods[pod];
    if (!c || !p) continue;
    const status = {} as ProxyStatusTableRow['status'];
    const typeCells: string[] = [];
    for (const col of TYPE_COLUMNS) {
      const sync = col === 'ECDS' ? undefined : c.types[col];
      status[col] = stateOf(sync);
      typeCells.push(cellOf(status[col], sync, now));
    }
    const name = `${pod}.${p.namespace}`;
    const cells = [name, PROXY_STATUS_CLUSTER, ...typeCells, istiod, PROXY_STATUS_VERSION];
    rows.push({ name, pod, cells, status });
  }
  // sort.Slice by proxy ID: Go compares strings bytewise (these names are ASCII).
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    at: now,
    columns: [...PROXY_STATUS_COLUMNS],
    rows: rows.map(({ pod, cells, status }) => ({ pod, cells, status })),
  };
}
