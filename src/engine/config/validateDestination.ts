/**
 * Destinations of VirtualService rules (Istio's `validateDestination`,
 * `validateHTTPRouteDestinations`, `validateRouteDestinations`). Weights: each ≥ 0 and, with more
 * than one destination, a total > 0. There is NO sum-to-100 rule: removed in Istio 1.15
 * (commit ac641d0), docs/fidelity.md §4.3.
 */
import { Reporter, isDNS1123Label, validatePort, validateWildcardDomain } from './checks';
import { checkHeaderOperations } from './checksHttp';
import type { Destination, HTTPRouteDestination, RouteDestination } from './istio';

/** `validateDestination`: host (not `*`), subset name, port. */
export function checkDestination(r: Reporter, p: string, d: Destination): void {
  const host = d.host ?? '';
  if (host === '*') r.add(`${p}.host`, `invalid destination host ${host}`);
  else {
    const e = validateWildcardDomain(host);
    if (e) r.add(`${p}.host`, e);
  }
  const subset = d.subset;
  if (subset !== undefined && subset !== '' && !isDNS1123Label(subset))
    r.add(`${p}.subset`, `subset name is invalid: ${subset}`);
  if (d.port) {
    const pe = validatePort(d.port.number ?? 0);
    if (pe) r.add(`${p}.port.number`, pe);
  }
}

/** The destinations of an HTTP (`http` = true, with header operations), TCP or TLS rule. */
export function checkRouteDestinations(
  r: Reporter,
  p: string,
  dests: readonly (HTTPRouteDestination | RouteDestination)[],
  http: boolean,
): void {
  let total = 0;
  dests.forEach((d, k) => {
    const dp = `${p}.route[${k}]`;
    if (!d.destination) r.add(`${dp}.destination`, 'destination is required');
    if (http) checkHeaderOperations(r, `${dp}.headers`, (d as HTTPRouteDestination).headers);
    if (d.destination) checkDestination(r, `${dp}.destination`, d.destination);
    const w = d.weight ?? 0;
    if (w < 0) r.add(`${dp}.weight`, `weight ${w} < 0`);
    total = (total + w) | 0; // Istio sums into an int32, which wraps (see envoyRejects)
  });
  if (dests.length > 1 && total === 0) r.add(`${p}.route`, 'total destination weight = 0');
}
