/**
 * Istiod's config generation for one proxy: the config module's `buildProxyResources` (Istio's
 * names and defaults), wrapped as xDS resources with a content hash (the Delta version), the
 * encoded size, the compact form the data path reads and the real JSON. Memoised by content:
 * clusters, listeners and routes per (config, namespace, service account, labels) — pods alike
 * get identical config (resources.test.ts checks it against full builds) — and endpoints per
 * (config, namespace, service, ready pods). Like Istiod's endpoint index, a readiness change
 * recomputes one service's EDS, not every proxy's whole config. Memoising pure functions keeps
 * runs exact.
 */
import { hashHex, hashString, hashValue, newHash } from '../core/hash';
import {
  buildProxyResources,
  labelsMatch,
  type Cluster,
  type ClusterLoadAssignment,
  type Listener,
  type MeshPod,
  type RouteConfiguration,
} from '../config';
import type { XdsType } from './contract';
import type { ProxyResources, ResourceBodies, XdsResource } from './envoy';
import { compactCla, compactCluster } from './adapt/clusters';
import { compactListener } from './adapt/listeners';
import { compactRouteConfig } from './adapt/routes';
import type { MeshState } from './types';
import { getResource, onBlobSweep, putResource } from './blobs';

const memo = new Map<string, unknown>();
const MEMO_MAX = 50_000;

/** A one-entry cache keyed by the config key (cheap when the key is unchanged). */
function perConfig<T>(name: string, s: MeshState, fn: () => T): T {
  const key = configKey(s);
  const last = lastByName.get(name);
  if (last && last.key === key) return last.value as T;
  const value = memoize(`${name}|${key}`, fn);
  lastByName.set(name, { key, value });
  return value;
}
const lastByName = new Map<string, { key: string; value: unknown }>();

/** Memoises a pure function's result under `key`. */
export function memoize<T>(key: string, fn: () => T): T {
  const hit = memo.get(key);
  if (hit !== undefined) return hit as T;
  const v = fn();
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, v);
  return v;
}

function wrap<T extends XdsType>(
  _type: T,
  name: string,
  json: unknown,
  conv: (j: never) => ResourceBodies[T],
): XdsResource<T> {
  const s = JSON.stringify(json);
  const h = newHash();
  hashString(h, s);
  const hash = hashHex(h);
  const hit = getResource<T>(hash);
  if (hit) return hit;
  const r: XdsResource<T> = { name, hash, bytes: s.length, body: conv(json as never), envoy: json };
  putResource(r as XdsResource);
  return r;
}

/**
 * The content key of everything but pod readiness (services, Istio objects, pod identities and
 * labels): what clusters, listeners and routes depend on. Readiness only changes EDS.
 */
export function configKey(s: MeshState): string {
  if (s.configKey === null) {
    const c = s.config;
    // Objects without their YAML `source` (line numbers do not change what Envoy gets).
    const objs = [
      c.virtualServices,
      c.destinationRules,
      c.peerAuthentications,
      c.authorizationPolicies,
    ].map((l) => l.map((o) => [o.kind, o.metadata, o.spec]));
    s.configKey = hashValue([
      c.services,
      objs,
      c.pods.map((p) => [p.name, p.namespace, p.ip, p.serviceAccount, p.labels]),
      // meshConfig (only when set, so the default keeps its key).
      ...(c.outboundTrafficPolicy ? [c.outboundTrafficPolicy] : []),
    ]);
  }
  return s.configKey;
}

/** Content key of what endpoints depend on: services, DestinationRules (subsets), pods. */
function edsKey(s: MeshState): string {
  return perConfig('ek', s, () => {
    const c = s.config;
    return hashValue([
      c.services,
      c.destinationRules,
      c.pods.map((p) => [p.name, p.namespace, p.ip, p.labels]),
    ]);
  });
}

/** Marks the config (not just readiness) as changed. */
export function configChanged(s: MeshState): void {
  s.configKey = null;
  s.readyKey = null;
}

interface StaticPart {
  CDS: ProxyResources['CDS'];
  LDS: ProxyResources['LDS'];
  RDS: ProxyResources['RDS'];
  /** EDS cluster names per service host. */
  edsByHost: Record<string, string[]>;
}

/** The proxy labels outbound config depends on: those named by some VirtualService `sourceLabels`. */
function sourceLabelKey(s: MeshState, mp: MeshPod): string {
  const keys = perConfig('slk', s, () => {
    const out = new Set<string>();
    for (const vs of s.config.virtualServices)
      for (const h of vs.spec.http ?? [])
        for (const m of h.match ?? [])
          for (const k of Object.keys(m.sourceLabels ?? {})) out.add(k);
    return [...out].sort();
  });
  return keys.map((k) => `${k}=${mp.labels[k] ?? ''}`).join(',');
}

const isInbound = (name: string): boolean =>
  name.startsWith('inbound|') || name === 'virtualInbound';

/** Outbound clusters, listeners and routes: the same for every proxy of a namespace with the same sourceLabels-relevant labels. */
function outboundPart(
  s: MeshState,
  mp: MeshPod,
): Omit<StaticPart, 'edsByHost'> & { edsByHost: Record<string, string[]> } {
  return memoize(`out|${configKey(s)}|${mp.namespace}|${sourceLabelKey(s, mp)}`, () => {
    const pr = buildProxyResources({ ...s.config, pods: [mp] }, { pod: mp.name });
    const out: StaticPart = { CDS: {}, LDS: {}, RDS: {}, edsByHost: {} };
    for (const c of pr.clusters) {
      if (isInbound(c.name)) continue;
      const r = wrap('CDS', c.name, c, (j: Cluster) => compactCluster(j));
      out.CDS[c.name] = r;
      if (r.body.type === 'EDS') (out.edsByHost[r.body.service] ??= []).push(c.name);
    }
    for (const l of pr.listeners)
      if (!isInbound(l.name))
        out.LDS[l.name] = wrap('LDS', l.name, l, (j: Listener) => compactListener(j));
    for (const r of pr.routes)
      out.RDS[r.name] = wrap('RDS', r.name, r, (j: RouteConfiguration) => compactRouteConfig(j));
    return out;
  });
}

/** Inbound cluster and `virtualInbound`: built from the proxy's own services only. */
function inboundPart(s: MeshState, mp: MeshPod): Pick<StaticPart, 'CDS' | 'LDS'> {
  return memoize(
    `in|${configKey(s)}|${mp.namespace}|${mp.serviceAccount}|${JSON.stringify(mp.labels)}`,
    () => {
      const own = s.config.services.filter(
        (svc) => svc.namespace === mp.namespace && labelsMatch(svc.selector, mp.labels),
      );
      const pr = buildProxyResources({ ...s.config, services: own, pods: [mp] }, { pod: mp.name });
      const out: Pick<StaticPart, 'CDS' | 'LDS'> = { CDS: {}, LDS: {} };
      for (const c of pr.clusters)
        if (isInbound(c.name))
          out.CDS[c.name] = wrap('CDS', c.name, c, (j: Cluster) => compactCluster(j));
      for (const l of pr.listeners)
        if (isInbound(l.name))
          out.LDS[l.name] = wrap('LDS', l.name, l, (j: Listener) => compactListener(j));
      return out;
    },
  );
}

function staticPart(s: MeshState, mp: MeshPod): StaticPart {
  return memoize(
    `st|${configKey(s)}|${mp.namespace}|${mp.serviceAccount}|${JSON.stringify(mp.labels)}`,
    () => {
      const o = outboundPart(s, mp);
      const i = inboundPart(s, mp);
      return {
        CDS: sortByName({ ...o.CDS, ...i.CDS }),
        LDS: sortByName({ ...o.LDS, ...i.LDS }),
        RDS: o.RDS,
        edsByHost: o.edsByHost,
      };
    },
  );
}

function sortByName<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as T;
  return out;
}

function podsByHost(s: MeshState): Map<string, MeshPod[]> {
  return perConfig('pbh', s, () => {
    const m = new Map<string, MeshPod[]>();
    for (const svc of s.config.services)
      m.set(
        svc.hostname,
        s.config.pods.filter(
          (p) => p.namespace === svc.namespace && labelsMatch(svc.selector, p.labels),
        ),
      );
    return m;
  });
}

let round = { key: '', hosts: new Map<string, XdsResource<'EDS'>[]>() };
// The caches hold resources the blob store may drop: empty them when it does (blobs.ts).
onBlobSweep(() => {
  memo.clear();
  lastByName.clear();
  round = { key: '', hosts: new Map() };
});

function endpointsFor(
  s: MeshState,
  mp: MeshPod,
  host: string,
  names: readonly string[],
): XdsResource<'EDS'>[] {
  // One push round reads the same readiness for every proxy: a cheap per-round cache first.
  const roundKey = `${edsKey(s)}|${readyKey(s)}|${mp.namespace}`;
  if (round.key !== roundKey) round = { key: roundKey, hosts: new Map() };
  const hit = round.hosts.get(host);
  if (hit) return hit;
  const pods = podsByHost(s).get(host) ?? [];
  let sig = '';
  for (const p of pods) if (s.pods[p.name]?.ready) sig += p.name + ',';
  const res = memoize(`eds|${edsKey(s)}|${mp.namespace}|${host}|${sig}`, () => {
    // Only this service, its pods (with today's readiness) and the proxy: the same EDS JSON as a
    // full build, at a fraction of the cost.
    const live = pods.map((p) => ({ ...p, ready: s.pods[p.name]?.ready ?? false }));
    const proxy = live.some((p) => p.name === mp.name) ? [] : [{ ...mp, ready: false }];
    const services = s.config.services.filter((svc) => svc.hostname === host);
    const pr = buildProxyResources(
      { ...s.config, services, pods: [...proxy, ...live] },
      { pod: mp.name },
    );
    const want = new Set(names);
    return pr.endpoints
      .filter((e) => want.has(e.cluster_name))
      .map((e) => wrap('EDS', e.cluster_name, e, (j: ClusterLoadAssignment) => compactCla(j)));
  });
  round.hosts.set(host, res);
  return res;
}

/** Content key of pod readiness (which pods are endpoints). */
export function readyKey(s: MeshState): string {
  if (s.readyKey === null) {
    const h = newHash();
    for (const p of s.config.pods) if (p.ready) hashString(h, p.name + ',');
    s.readyKey = hashHex(h);
  }
  return s.readyKey;
}

/** Everything Istiod sends to `podName`'s sidecar now. */
export function generateFor(s: MeshState, podName: string): ProxyResources {
  const mp = podIndex(s).get(podName);
  if (!mp) return { CDS: {}, EDS: {}, LDS: {}, RDS: {} };
  const st = staticPart(s, mp);
  // Endpoints depend on the namespace (DR lookup) and the outbound cluster set, not the workload.
  const EDS = memoize(
    `edsall|${configKey(s)}|${readyKey(s)}|${mp.namespace}|${sourceLabelKey(s, mp)}`,
    () => {
      const out: ProxyResources['EDS'] = {};
      for (const host of Object.keys(st.edsByHost))
        for (const r of endpointsFor(s, mp, host, st.edsByHost[host] ?? [])) out[r.name] = r;
      return out;
    },
  );
  return { CDS: st.CDS, EDS, LDS: st.LDS, RDS: st.RDS };
}

/** Only the ClusterLoadAssignments of some services (an incremental EDS push). */
export function endpointsOfHosts(
  s: MeshState,
  podName: string,
  hosts: readonly string[],
): ProxyResources['EDS'] {
  const mp = podIndex(s).get(podName);
  const out: ProxyResources['EDS'] = {};
  if (!mp) return out;
  const st = staticPart(s, mp);
  for (const host of hosts)
    for (const r of endpointsFor(s, mp, host, st.edsByHost[host] ?? [])) out[r.name] = r;
  return out;
}

function podIndex(s: MeshState): Map<string, MeshPod> {
  return perConfig('pidx', s, () => new Map(s.config.pods.map((p) => [p.name, p])));
}
