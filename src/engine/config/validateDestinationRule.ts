/**
 * DestinationRule rules of Istio's `ValidateDestinationRule` (pkg/config/validation):
 * host, subsets (DNS-label names, no duplicates, valid labels) and traffic policies.
 */
import {
  Reporter,
  checkLabels,
  isDNS1123Label,
  validatePercent,
  validateWildcardDomain,
} from './checks';
import type { DestinationRule, TrafficPolicy } from './istio';

function checkPolicy(r: Reporter, p: string, tp: TrafficPolicy): void {
  const { loadBalancer: lb, connectionPool: cp, outlierDetection: od, tls } = tp;
  if (!lb && !cp && !od && !tls) r.add(p, 'traffic policy must have at least one field');
  if (lb) {
    if (lb.simple !== undefined && lb.consistentHash !== undefined)
      r.add(
        `${p}.loadBalancer`,
        'only one of simple or consistentHash may be set (LoadBalancerSettings.lb_policy is a oneof)',
      );
    const ch = lb.consistentHash;
    if (ch) {
      const keys = [ch.httpHeaderName, ch.httpCookie, ch.useSourceIp].filter(
        (x) => x !== undefined,
      );
      if (keys.length > 1)
        r.add(
          `${p}.loadBalancer.consistentHash`,
          'only one of httpHeaderName, httpCookie or useSourceIp may be set (hash_key is a oneof)',
        );
      if (ch.httpCookie && (ch.httpCookie.name ?? '') === '')
        r.add(`${p}.loadBalancer.consistentHash.httpCookie.name`, 'name required for HttpCookie');
    }
  }
  if (cp) {
    const cpp = `${p}.connectionPool`;
    if (!cp.http && !cp.tcp) r.add(cpp, 'connection pool must have at least one field');
    const nonNeg = (path: string, v: number | undefined, what: string): void => {
      if (v !== undefined && v < 0) r.add(path, `${what} must be non-negative`);
    };
    nonNeg(
      `${cpp}.http.http1MaxPendingRequests`,
      cp.http?.http1MaxPendingRequests,
      'http1 max pending requests',
    );
    nonNeg(`${cpp}.http.http2MaxRequests`, cp.http?.http2MaxRequests, 'http2 max requests');
    nonNeg(
      `${cpp}.http.maxRequestsPerConnection`,
      cp.http?.maxRequestsPerConnection,
      'max requests per connection',
    );
    nonNeg(`${cpp}.http.maxRetries`, cp.http?.maxRetries, 'max retries');
    nonNeg(`${cpp}.tcp.maxConnections`, cp.tcp?.maxConnections, 'max connections');
    r.duration(`${cpp}.tcp.connectTimeout`, cp.tcp?.connectTimeout);
  }
  if (od) {
    const op = `${p}.outlierDetection`;
    r.duration(`${op}.baseEjectionTime`, od.baseEjectionTime);
    r.duration(`${op}.interval`, od.interval);
    for (const k of ['maxEjectionPercent', 'minHealthPercent'] as const) {
      const v = od[k];
      const e = v === undefined ? null : validatePercent(v);
      if (e) r.add(`${op}.${k}`, e);
    }
  }
}

/** All rule violations of one DestinationRule. */
export function validateDestinationRule(dr: DestinationRule): Reporter {
  const r = new Reporter(dr);
  const { spec } = dr;
  const hostErr = validateWildcardDomain(spec.host);
  if (hostErr) r.add('spec.host', hostErr);
  if (spec.trafficPolicy) checkPolicy(r, 'spec.trafficPolicy', spec.trafficPolicy);
  const seen = new Set<string>();
  (spec.subsets ?? []).forEach((s, i) => {
    const p = `spec.subsets[${i}]`;
    const name = s.name ?? '';
    if (seen.has(name)) r.add(`${p}.name`, `duplicate subset names: ${name}`);
    if (name === '') r.add(`${p}.name`, 'subset name cannot be empty');
    else if (!isDNS1123Label(name)) r.add(`${p}.name`, `subset name is invalid: ${name}`);
    seen.add(name);
    checkLabels(r, `${p}.labels`, s.labels);
    if (s.trafficPolicy) checkPolicy(r, `${p}.trafficPolicy`, s.trafficPolicy);
  });
  return r;
}
