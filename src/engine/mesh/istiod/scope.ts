/**
 * Which proxies a push request concerns, and which xDS types it re-pushes (docs/fidelity.md §2):
 * a sidecar is pushed only if its scope depends on the changed config (VirtualService,
 * DestinationRule: the config's namespace is imported; PeerAuthentication, AuthorizationPolicy:
 * the proxy's own or the root namespace); a VirtualService change re-pushes CDS, LDS, RDS (no
 * EDS); a DestinationRule change all four; an endpoint change EDS only, unless the service is new.
 * Simplified: exportTo is always `*` and the scope is a list of imported namespaces.
 */
import type { XdsType } from '../contract';
import type { PodState } from '../types';
import type { PushRequest } from './types';

const ROOT_NS = 'istio-system';

function imports(pod: PodState, ns: string): boolean {
  return pod.egress.includes('*') || pod.egress.includes(ns);
}

function nsOfService(host: string): string {
  return host.split('.')[1] ?? '';
}

/** `DependsOnConfig`: does this proxy need the push? */
export function proxyNeedsPush(pod: PodState, req: PushRequest): boolean {
  if (req.forced) return true;
  if (req.full && req.configs.length === 0 && req.services.length === 0) return true;
  for (const key of req.configs) {
    const [kind = '', ns = ''] = key.split('/');
    if (kind === 'PeerAuthentication' || kind === 'AuthorizationPolicy') {
      if (ns === pod.namespace || ns === ROOT_NS) return true;
    } else if (kind === 'Service' || imports(pod, ns)) return true;
  }
  for (const host of req.services) if (imports(pod, nsOfService(host))) return true;
  return false;
}

/** The types a request re-pushes (before filtering by what the proxy watches). */
export function typesFor(req: PushRequest): Set<XdsType> {
  const t = new Set<XdsType>();
  if (!req.full) {
    t.add('EDS');
    return t;
  }
  if (req.configs.length === 0) return new Set<XdsType>(['CDS', 'EDS', 'LDS', 'RDS']);
  for (const key of req.configs) {
    const kind = key.split('/')[0];
    if (kind === 'VirtualService') ['CDS', 'LDS', 'RDS'].forEach((x) => t.add(x as XdsType));
    else if (kind === 'AuthorizationPolicy') t.add('LDS');
    else if (kind === 'PeerAuthentication') ['CDS', 'LDS'].forEach((x) => t.add(x as XdsType));
    else ['CDS', 'EDS', 'LDS', 'RDS'].forEach((x) => t.add(x as XdsType));
  }
  if (req.services.length) t.add('EDS');
  return t;
}

/** Merges two requests (pilot's PushRequest.Merge). */
export function mergeRequests(a: PushRequest | null, b: PushRequest): PushRequest {
  if (!a)
    return { ...b, configs: [...b.configs], services: [...b.services], reason: [...b.reason] };
  const uniq = (x: string[], y: string[]): string[] => [...new Set([...x, ...y])];
  return {
    full: a.full || b.full,
    configs: uniq(a.configs, b.configs),
    services: uniq(a.services, b.services),
    forced: a.forced || b.forced,
    start: Math.min(a.start, b.start),
    reason: uniq(a.reason, b.reason),
  };
}
