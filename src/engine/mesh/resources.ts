/**
 * Istiod's config generation for one proxy: the config module's `buildProxyResources` (Istio's
 * names and defaults), wrapped as xDS resources with a content hash (the Delta version), the
 * encoded size, the compact form the data path reads and the real JSON. Memoised by content:
 * pods with the same namespace, service account and labels get identical config (checked in
 * resources.test.ts), so a push to 1,000 sidecars of 100 services builds 100 configs, and
 * identical resources are shared objects (cheap checkpoints). Memoising a pure function keeps
 * runs exact.
 */
import { hashHex, hashString, newHash, hashValue } from '../core/hash';
import { buildProxyResources, type Cluster, type ClusterLoadAssignment, type Listener, type RouteConfiguration } from '../config';
import type { XdsType } from './contract';
import type { ProxyResources, ResourceBodies, XdsResource } from './envoy';
import { compactCla, compactCluster } from './adapt/clusters';
import { compactListener } from './adapt/listeners';
import { compactRouteConfig } from './adapt/routes';
import type { MeshState } from './types';
import { getResource, putResource } from './blobs';

const memo = new Map<string, unknown>();
const MEMO_MAX = 50_000;

/** Memoises a pure function's result under `key`. */
export function memoize<T>(key: string, fn: () => T): T {
  const hit = memo.get(key);
  if (hit !== undefined) return hit as T;
  const v = fn();
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, v);
  return v;
}

function wrap<T extends XdsType>(_type: T, name: string, json: unknown, conv: (j: never) => ResourceBodies[T]): XdsResource<T> {
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

/** The config's content hash (computed lazily after a change). */
export function configHash(s: MeshState): string {
  if (s.configHash === null) s.configHash = hashValue(s.config);
  return s.configHash;
}

/** Marks the config as changed. */
export function configChanged(s: MeshState): void {
  s.configHash = null;
}

/** Everything Istiod sends to `podName`'s sidecar now. */
export function generateFor(s: MeshState, podName: string): ProxyResources {
  const mp = s.config.pods.find((p) => p.name === podName);
  if (!mp) return { CDS: {}, EDS: {}, LDS: {}, RDS: {} };
  const key = `g|${configHash(s)}|${mp.namespace}|${mp.serviceAccount}|${JSON.stringify(mp.labels)}`;
  return memoize(key, () => {
    const pr = buildProxyResources(s.config, { pod: podName });
    const out: ProxyResources = { CDS: {}, EDS: {}, LDS: {}, RDS: {} };
    for (const c of pr.clusters) out.CDS[c.name] = wrap('CDS', c.name, c, (j: Cluster) => compactCluster(j));
    for (const e of pr.endpoints) out.EDS[e.cluster_name] = wrap('EDS', e.cluster_name, e, (j: ClusterLoadAssignment) => compactCla(j));
    for (const l of pr.listeners) out.LDS[l.name] = wrap('LDS', l.name, l, (j: Listener) => compactListener(j));
    for (const r of pr.routes) out.RDS[r.name] = wrap('RDS', r.name, r, (j: RouteConfiguration) => compactRouteConfig(j));
    return out;
  });
}
