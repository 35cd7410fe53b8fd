/**
 * `istioctl proxy-status` as Istio ≥ 1.27 prints it: NAME, CLUSTER, ISTIOD, VERSION, SUBSCRIBED
 * TYPES, and with `-v` one column per type with its state and age ("SYNCED (2m)"). States are
 * Istiod's view (statusgen.go): SYNCED = last nonce sent was ACKed, NOT SENT, STALE = sent but
 * not ACKed, ERROR = the last request was a NACK. Only proxies connected to Istiod are listed.
 */
import type { SimTime } from '../core/time';
import type { SyncStatus, XdsType } from './contract';
import { typeStatus } from './istiod/state';
import type { MeshSim } from './types';

/** One row of `istioctl proxy-status -v`. */
export interface ProxyStatusRow {
  name: string;
  cluster: string;
  istiod: string;
  version: string;
  subscribedTypes: number;
  types: Record<XdsType, { status: SyncStatus; since: SimTime | null; text: string }>;
}

const TYPES: readonly XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];
/** The Istiod pod name shown in the ISTIOD column. */
export const ISTIOD_POD = 'istiod-7c9d8b6f5-x2k4q';
/** The proxy version shown in the VERSION column. */
export const PROXY_VERSION = '1.27.3';

function age(us: number): string {
  const s = Math.floor(us / 1_000_000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** The rows, in cast order. */
export function proxyStatusRows(sim: MeshSim): ProxyStatusRow[] {
  const s = sim.state;
  if (!s.istiod.up) return [];
  const rows: ProxyStatusRow[] = [];
  for (const pod of s.order) {
    const c = s.istiod.conns[pod];
    const p = s.pods[pod];
    if (!c || !p) continue;
    const types = {} as ProxyStatusRow['types'];
    let subscribed = 0;
    for (const t of TYPES) {
      const ts = c.types[t];
      if (ts.watched) subscribed++;
      const status = typeStatus(ts);
      const since = status === 'SYNCED' ? ts.ackedAt : ts.sentAt;
      types[t] = {
        status,
        since,
        text: since === null ? status : `${status} (${age(sim.now - since)})`,
      };
    }
    rows.push({
      name: `${pod}.${p.namespace}`,
      cluster: 'Kubernetes',
      istiod: ISTIOD_POD,
      version: PROXY_VERSION,
      subscribedTypes: subscribed,
      types,
    });
  }
  return rows;
}

/** The rows as `istioctl proxy-status -v` text. */
export function formatProxyStatus(rows: readonly ProxyStatusRow[]): string {
  const header = [
    'NAME',
    'CLUSTER',
    'ISTIOD',
    'VERSION',
    'SUBSCRIBED TYPES',
    'CDS',
    'EDS',
    'LDS',
    'RDS',
  ];
  const table = [
    header,
    ...rows.map((r) => [
      r.name,
      r.cluster,
      r.istiod,
      r.version,
      String(r.subscribedTypes),
      ...TYPES.map((t) => r.types[t].text),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  return table
    .map((row) =>
      row
        .map((c, i) => c.padEnd((widths[i] ?? 0) + 3))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
