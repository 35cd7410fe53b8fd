/**
 * The mesh run summarised for comparing two runs side by side (the scene model's `summary`):
 * request counters by caller and service, outcomes by response code and flag, Istiod's push
 * metrics, each sidecar's config version per xDS type, and `istioctl proxy-status`. Every value
 * is read from the state by the selectors here, never from what a page draws.
 */
import type { RunSummary, SummaryRow, SummarySection } from '../../core/sceneModel';
import type { XdsType } from '../contract';
import { istiodView, pilotMetrics } from './istiod';
import { memoBySim, type MeshSource } from './memo';
import { proxyStatus } from './proxyStatus';
import { sidecarViews } from './sidecars';
import { trafficCounters } from './traffic';

const TYPES: readonly XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS'];
const ok = (code: number): boolean => code >= 200 && code < 400;
const row = (key: string, label: string, value: string | number): SummaryRow => ({
  key,
  label,
  value: String(value),
});

/**
 * Finished requests per caller → service, from `istio_requests_total` as the caller's sidecar
 * reports it (reporter="source"); a caller without a sidecar reports nothing, so its pairs count
 * what the destination's sidecar reported (reporter="destination").
 */
export const requestsByPair: (
  sim: MeshSource,
) => { from: string; to: string; ok: number; failed: number }[] = memoBySim((sim) => {
  const by = new Map<string, { source: [number, number]; destination: [number, number] }>();
  for (const [key, n] of Object.entries(sim.state.traffic.requestsTotal)) {
    const [reporter, from = '', to = '', , code = '0'] = key.split('|');
    if (reporter !== 'source' && reporter !== 'destination') continue;
    const pair = `${from}|${to}`;
    const e = by.get(pair) ?? { source: [0, 0], destination: [0, 0] };
    e[reporter][ok(Number(code)) ? 0 : 1] += n;
    by.set(pair, e);
  }
  return [...by.keys()].sort().map((pair) => {
    const [from = '', to = ''] = pair.split('|');
    const e = by.get(pair) ?? { source: [0, 0], destination: [0, 0] };
    const [okN, failed] = e.source[0] + e.source[1] > 0 ? e.source : e.destination;
    return { from, to, ok: okN, failed };
  });
});

function requests(sim: MeshSource): SummarySection {
  const c = trafficCounters(sim);
  return {
    id: 'requests',
    title: 'Requests',
    note: 'Finished requests; by caller → service as istio_requests_total counts them (the caller’s sidecar reports, or the destination’s when the caller has none).',
    rows: [
      row('completed', 'Completed', c.completed),
      row('ok', 'OK (2xx, 3xx)', c.ok),
      row('failed', 'Failed', c.failed),
      ...requestsByPair(sim).map((p) =>
        row(`pair:${p.from}|${p.to}`, `${p.from} → ${p.to}`, `${p.ok} ok · ${p.failed} failed`),
      ),
    ],
  };
}

function outcomes(sim: MeshSource): SummarySection {
  const c = sim.state.traffic.counters;
  const codes = Object.keys(c.byCode).sort((a, b) => Number(a) - Number(b));
  const flags = Object.keys(c.byFlag).sort();
  return {
    id: 'outcomes',
    title: 'Request outcomes',
    note: 'Finished requests by response code and by Envoy response flag (- is none).',
    rows: [
      ...codes.map((k) =>
        row(`code:${k}`, k === '0' ? 'No response (0)' : `HTTP ${k}`, c.byCode[k] ?? 0),
      ),
      ...flags.map((k) => row(`flag:${k}`, `Flag ${k}`, c.byFlag[k] ?? 0)),
    ],
  };
}

function controlPlane(sim: MeshSource): SummarySection {
  const i = istiodView(sim);
  const m = pilotMetrics(sim);
  return {
    id: 'istiod',
    title: 'Control plane (Istiod)',
    note: 'Istiod’s state and its metrics (pilot_xds_pushes by type, pilot_total_xds_rejects: the NACKs it received).',
    rows: [
      row('up', 'Istiod', i.up ? 'running' : 'down'),
      row('connected', 'Connected proxies', i.connectedProxies),
      row('version', 'Last push version', i.lastVersion ?? 'none'),
      ...Object.keys(m.pushes)
        .sort()
        .map((t) => row(`push:${t}`, `Pushes (${t})`, m.pushes[t] ?? 0)),
      row('rejects', 'NACKs received', i.rejects),
      row('expired', 'Expired nonces', m.expiredNonces),
    ],
  };
}

function sidecars(sim: MeshSource): SummarySection[] {
  const views = sidecarViews(sim).filter((s) => s.injected);
  const state = (s: (typeof views)[number]): string =>
    !s.podUp ? 'pod down' : s.connected ? 'connected' : 'disconnected, retrying';
  return [
    {
      id: 'sidecars',
      title: 'Sidecars',
      note: 'Each sidecar’s ADS stream to Istiod.',
      rows: views.map((s) => row(s.pod, s.pod, state(s))),
    },
    {
      id: 'versions',
      title: 'Config versions each sidecar holds',
      note: 'The version_info of the last config each Envoy accepted, per xDS type.',
      rows: views.flatMap((s) =>
        TYPES.map((t) => row(`${s.pod}:${t}`, `${s.pod} ${t}`, s.versions[t] ?? 'none')),
      ),
    },
  ];
}

function status(sim: MeshSource): SummarySection {
  const ps = proxyStatus(sim);
  const note =
    'As istioctl proxy-status shows each proxy’s state per type (the ages left out; ECDS is IGNORED for these sidecars).';
  if (!ps.ok)
    return {
      id: 'proxy-status',
      title: 'istioctl proxy-status',
      note,
      rows: [row('error', 'istioctl proxy-status', ps.error)],
    };
  return {
    id: 'proxy-status',
    title: 'istioctl proxy-status',
    note,
    rows: ps.rows.map((r) => {
      const states = TYPES.map((t) => r.status[t]);
      const same = states.every((x) => x === states[0]);
      const value = same
        ? `all ${states[0] ?? ''}`
        : TYPES.map((t, k) => `${t} ${states[k] ?? ''}`).join(' · ');
      return row(r.pod, r.cells[0] ?? r.pod, value);
    }),
  };
}

/** The mesh run now, for comparing two runs. */
export const meshSummary: (sim: MeshSource) => RunSummary = memoBySim((sim) => ({
  sections: [requests(sim), outcomes(sim), controlPlane(sim), ...sidecars(sim), status(sim)],
}));
