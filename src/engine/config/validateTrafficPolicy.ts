/**
 * DestinationRule traffic policies as Istio's `validateTrafficPolicy` checks them
 * (pkg/config/validation/validation.go; TLS and locality rules in agent/validation.go):
 * outlier detection, connection pool, load balancer (consistent hash, locality, warmup), client
 * TLS, port-level settings, tunnel and proxy protocol.
 */
import { Reporter, validatePercent, validatePort } from './checks';
import { isIPAddress, validateFQDN } from './checksNet';
import type {
  ConnectionPoolSettings,
  LoadBalancerSettings,
  OutlierDetection,
  PortTrafficPolicy,
  TrafficPolicy,
} from './istio';
import { durationMs } from './duration';
import { checkTLS } from './validateClientTLS';
import { checkLocality, checkZoneAware } from './validateLocality';

/** `validateOutlierDetection`. */
function checkOutlier(r: Reporter, p: string, od: OutlierDetection | undefined): void {
  if (!od) return;
  r.duration(`${p}.baseEjectionTime`, od.baseEjectionTime);
  if ((od.consecutiveErrors ?? 0) !== 0)
    r.warn(
      `${p}.consecutiveErrors`,
      'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead',
    );
  if (od.splitExternalLocalOriginErrors !== true && (od.consecutiveLocalOriginFailures ?? 0) > 0)
    r.add(
      `${p}.consecutiveLocalOriginFailures`,
      'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
    );
  r.duration(`${p}.interval`, od.interval);
  for (const k of ['maxEjectionPercent', 'minHealthPercent'] as const) {
    const e = validatePercent(od[k] ?? 0);
    if (e) r.add(`${p}.${k}`, e);
  }
}

/** `validateConnectionPool`. */
function checkPool(r: Reporter, p: string, cp: ConnectionPoolSettings | undefined): void {
  if (!cp) return;
  if (!cp.http && !cp.tcp) {
    r.add(p, 'connection pool must have at least one field');
    return;
  }
  const h = cp.http;
  if (h) {
    const hp = `${p}.http`;
    const nonNeg = (k: keyof typeof h, what: string): void => {
      const v = h[k];
      if (typeof v === 'number' && v < 0) r.add(`${hp}.${k}`, `${what} must be non-negative`);
    };
    nonNeg('http1MaxPendingRequests', 'http1 max pending requests');
    nonNeg('http2MaxRequests', 'http2 max requests');
    nonNeg('maxRequestsPerConnection', 'max requests per connection');
    nonNeg('maxRetries', 'max retries');
    r.duration(`${hp}.idleTimeout`, h.idleTimeout);
    if (h.h2UpgradePolicy === 'UPGRADE' && h.useClientProtocol === true)
      r.add(
        `${hp}.useClientProtocol`,
        'use client protocol must not be true when H2UpgradePolicy is UPGRADE',
      );
    nonNeg('maxConcurrentStreams', 'max concurrent streams');
    const ka = h.http2KeepAlive;
    if (ka) {
      if (ka.interval === undefined)
        r.add(`${hp}.http2KeepAlive`, 'http2 keepalive interval is required');
      else r.duration(`${hp}.http2KeepAlive.interval`, ka.interval);
      if (ka.timeout === undefined)
        r.add(`${hp}.http2KeepAlive`, 'http2 keepalive timeout is required');
      else r.duration(`${hp}.http2KeepAlive.timeout`, ka.timeout);
    }
  }
  const t = cp.tcp;
  if (t) {
    const tp = `${p}.tcp`;
    if ((t.maxConnections ?? 0) < 0)
      r.add(`${tp}.maxConnections`, 'max connections must be non-negative');
    r.duration(`${tp}.connectTimeout`, t.connectTimeout);
    r.duration(`${tp}.maxConnectionDuration`, t.maxConnectionDuration);
    // `0s` (under a millisecond) turns the idle timeout off and is not checked.
    if (t.idleTimeout !== undefined && Math.trunc(durationMs(t.idleTimeout)) !== 0)
      r.duration(`${tp}.idleTimeout`, t.idleTimeout);
    r.duration(`${tp}.tcpKeepalive.time`, t.tcpKeepalive?.time);
    r.duration(`${tp}.tcpKeepalive.interval`, t.tcpKeepalive?.interval);
  }
}

/** Envoy's `isPrime` (Maglev table sizes), as Istio copies it. */
function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let f = 3; f <= limit; f += 2) if (x % f === 0) return false;
  return true;
}

/** `validateLoadBalancer`. */
function checkLB(
  r: Reporter,
  p: string,
  lb: LoadBalancerSettings | undefined,
  od: OutlierDetection | undefined,
): void {
  if (!lb) return;
  const ch = lb.consistentHash;
  if (ch) {
    const cp = `${p}.consistentHash`;
    const cookie = ch.httpCookie;
    if (cookie && (cookie.name ?? '') === '')
      r.add(`${cp}.httpCookie.name`, 'name required for HttpCookie');
    const names = new Set<string>();
    (cookie?.attributes ?? []).forEach((a, i) => {
      const ap = `${cp}.httpCookie.attributes[${i}]`;
      const name = a.name ?? '';
      if (name === '') r.add(ap, 'cookie attribute name cannot be empty');
      else if (names.has(name)) r.add(ap, `duplicate cookie attribute name: ${name}`);
      else names.add(name);
    });
    if ((ch.minimumRingSize ?? 0) !== 0) {
      r.warn(
        `${cp}.minimumRingSize`,
        "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
      );
      if (ch.ringHash || ch.maglev)
        r.add(cp, 'only one of MinimumRingSize or Maglev/Ringhash can be specified');
    }
    const ml = ch.maglev;
    if (ml) {
      const size = ml.tableSize ?? 0;
      if (size === 0) r.add(`${cp}.maglev.tableSize`, 'tableSize must be set for maglev');
      if (size >= 5000011)
        r.add(`${cp}.maglev.tableSize`, 'tableSize must be less than 5000011 for maglev');
      if (!isPrime(size))
        r.add(`${cp}.maglev.tableSize`, 'tableSize must be a prime number for maglev');
    }
  }
  if (lb.localityLbSetting && lb.zoneAwareLbSetting)
    r.add(p, 'only one of localityLbSetting and zoneAwareLbSetting can be set');
  checkLocality(r, `${p}.localityLbSetting`, lb.localityLbSetting, od);
  checkZoneAware(r, `${p}.zoneAwareLbSetting`, lb.zoneAwareLbSetting, od);
  const w = lb.warmup;
  if (w) {
    if (w.duration === undefined) r.add(`${p}.warmup`, 'duration is required');
    else r.duration(`${p}.warmup.duration`, w.duration);
    if ((w.minimumPercent ?? 0) > 100)
      r.add(
        `${p}.warmup.minimumPercent`,
        'minimumPercent value should be less than or equal to 100',
      );
    if (w.aggression !== undefined && w.aggression <= 0)
      r.add(`${p}.warmup.aggression`, 'aggression should be greater than 0');
  }
}

/** `validatePortTrafficPolicies`. */
function checkPortLevel(
  r: Reporter,
  p: string,
  ns: string,
  pls: readonly PortTrafficPolicy[],
): void {
  pls.forEach((t, i) => {
    const pp = `${p}[${i}]`;
    if (!t.port) r.add(pp, 'portTrafficPolicy must have valid port');
    if (!t.outlierDetection && !t.connectionPool && !t.loadBalancer && !t.tls) {
      r.add(pp, 'port traffic policy must have at least one field');
      return;
    }
    checkOutlier(r, `${pp}.outlierDetection`, t.outlierDetection);
    checkPool(r, `${pp}.connectionPool`, t.connectionPool);
    checkLB(r, `${pp}.loadBalancer`, t.loadBalancer, t.outlierDetection);
    checkTLS(r, `${pp}.tls`, ns, t.tls);
  });
}

/** Every rule violation of one traffic policy (`ns`: the DestinationRule's namespace). */
export function checkTrafficPolicy(r: Reporter, p: string, ns: string, tp: TrafficPolicy): void {
  const { loadBalancer: lb, connectionPool: cp, outlierDetection: od, tls, tunnel } = tp;
  if (
    !lb &&
    !cp &&
    !od &&
    !tls &&
    !tp.portLevelSettings &&
    !tunnel &&
    !tp.proxyProtocol &&
    !tp.retryBudget
  ) {
    r.add(p, 'traffic policy must have at least one field');
    return;
  }
  if (tunnel && tp.proxyProtocol) {
    r.add(p, 'tunnel and proxyProtocol must not be set together');
    return;
  }
  checkOutlier(r, `${p}.outlierDetection`, od);
  checkPool(r, `${p}.connectionPool`, cp);
  checkLB(r, `${p}.loadBalancer`, lb, od);
  checkTLS(r, `${p}.tls`, ns, tls);
  checkPortLevel(r, `${p}.portLevelSettings`, ns, tp.portLevelSettings ?? []);
  if (tunnel) {
    const tp2 = `${p}.tunnel`;
    const protocol = tunnel.protocol ?? '';
    if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST')
      r.add(`${tp2}.protocol`, 'tunnel protocol must be "CONNECT" or "POST"');
    const host = tunnel.targetHost ?? '';
    const fqdnErr = validateFQDN(host);
    if (fqdnErr && !isIPAddress(host))
      r.add(
        `${tp2}.targetHost`,
        `tunnel target host must be valid FQDN or IP address: ${fqdnErr}; ${host} is not a valid IP`,
      );
    const pe = validatePort(tunnel.targetPort ?? 0);
    if (pe) r.add(`${tp2}.targetPort`, `tunnel target port is invalid: ${pe}`);
  }
}
