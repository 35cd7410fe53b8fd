/**
 * VirtualService rules of Istio's `ValidateVirtualService` (pkg/config/validation/validation.go):
 * delegate restrictions, gateways, hosts (wildcards, IPs, duplicates), HTTP rules
 * (validateHTTPRoute.ts), TLS and TCP rules, exportTo, and the unreachable-rule warnings.
 */
import { Reporter, checkLabels, clip, validatePort, validateWildcardDomain } from './checks';
import { isJwtClaimRoute } from './checksHttp';
import { checkExportTo, checkGatewayNames, isIPAddress, validateIPSubnet } from './checksNet';
import type { TCPRoute, TLSMatchAttributes, TLSRoute, VirtualService } from './istio';
import { checkRouteDestinations } from './validateDestination';
import { checkHTTPRoute } from './validateHTTPRoute';
import { analyzeUnreachableRules, analyzeUnreachableL4Rules } from './unreachable';

/** `host.Name.SubsetOf`: `a.b.com` ⊆ `*.b.com`; `*.a.b.com` ⊆ `*.b.com`. */
function subsetOf(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw) return ow && n.length >= o.length && n.slice(1).endsWith(o.slice(1));
  return ow ? n.endsWith(o.slice(1)) : n === o;
}

/**
 * `ValidateWildcardDomainForVirtualServiceBoundToGateway`: as `ValidateWildcardDomain`, except
 * that with SNI matches an auto-generated `outbound_.<port>_._.<host>` name is allowed.
 */
function gatewayHostError(sni: boolean, host: string): string | null {
  if (host.length > 255) return `domain name ${JSON.stringify(host)} too long (max 255)`;
  if (host === '') return 'empty domain name not allowed';
  if (sni && host.startsWith('outbound_')) {
    const parts = host.split('_');
    if (parts.length < 4)
      return `domain name ${host} invalid, should follow 'outbound_.<port>_._.<hostname>' format`;
    const port = (parts[1] ?? '').replace(/^\.+|\.+$/g, '');
    const hostname = (parts[3] ?? '').replace(/^\.+|\.+$/g, '');
    if (parts[0] !== 'outbound')
      return `domain name ${JSON.stringify(host)} invalid (label ${JSON.stringify(parts[0])} invalid)`;
    if (!/[0-9]/.test(port))
      return `domain name ${JSON.stringify(host)} invalid (label ${JSON.stringify(port)} invalid). should follow outbound_.<port>_._.<hostname> format`;
    if (!/[a-zA-Z]/.test(hostname))
      return `domain name ${JSON.stringify(host)} invalid (label ${JSON.stringify(hostname)} invalid). should follow outbound_.<port>_._.<hostname> format`;
    return null;
  }
  return validateWildcardDomain(host);
}

/** `validateTLSMatch`, with `validateSniHost` against the VirtualService's hosts. */
function checkTLSMatch(
  r: Reporter,
  p: string,
  m: TLSMatchAttributes,
  vs: VirtualService,
  gateway: boolean,
): void {
  const sniHosts = m.sniHosts ?? [];
  if (sniHosts.length === 0) r.add(p, 'TLS match must have at least one SNI host');
  sniHosts.forEach((sni, i) => {
    const sp = `${p}.sniHosts[${i}]`;
    const e = gateway ? gatewayHostError(true, sni) : validateWildcardDomain(sni);
    if (e) {
      if (isIPAddress(sni))
        r.warn(
          sp,
          `using an IP address (${JSON.stringify(sni)}) goes against SNI spec and most clients do not support this`,
        );
      else r.add(sp, e);
      return;
    }
    if (!vs.spec.hosts.some((h) => subsetOf(sni, h)))
      r.add(
        sp,
        `SNI host ${JSON.stringify(sni)} is not a compatible subset of any of the virtual service hosts: [${vs.spec.hosts.join(', ')}]`,
      );
  });
  checkL4Match(r, p, m);
}

/** The match fields TCP and TLS matches share (`validateTCPMatch`). */
function checkL4Match(r: Reporter, p: string, m: TLSMatchAttributes): void {
  (m.destinationSubnets ?? []).forEach((s, i) => {
    const e = validateIPSubnet(s);
    if (e) r.add(`${p}.destinationSubnets[${i}]`, e);
  });
  const pe = m.port ? validatePort(m.port) : null;
  if (pe) r.add(`${p}.port`, pe);
  checkLabels(r, `${p}.sourceLabels`, m.sourceLabels);
  checkGatewayNames(r, `${p}.gateways`, m.gateways ?? []);
}

function checkTLSRoute(r: Reporter, p: string, t: TLSRoute, vs: VirtualService, gw: boolean): void {
  if ((t.match ?? []).length === 0) r.add(p, 'TLS route must have at least one match condition');
  (t.match ?? []).forEach((m, j) => checkTLSMatch(r, `${p}.match[${j}]`, m, vs, gw));
  if ((t.route ?? []).length === 0) r.add(p, 'TLS route is required');
  checkRouteDestinations(r, p, t.route ?? [], false);
}

function checkTCPRoute(r: Reporter, p: string, t: TCPRoute): void {
  (t.match ?? []).forEach((m, j) => checkL4Match(r, `${p}.match[${j}]`, m));
  if ((t.route ?? []).length === 0) r.add(p, 'TCP route is required');
  checkRouteDestinations(r, p, t.route ?? [], false);
}

/** All rule violations (and Istio's warnings) of one VirtualService. */
export function validateVirtualService(vs: VirtualService): Reporter {
  const r = new Reporter(vs);
  const { spec } = vs;
  const gateways = spec.gateways ?? [];
  const http = spec.http ?? [];
  const tls = spec.tls ?? [];
  const tcp = spec.tcp ?? [];
  const delegate = spec.hosts.length === 0;
  if (delegate) {
    // No hosts: a delegate VirtualService, only reachable through another one's `delegate`.
    if (gateways.length > 0)
      r.add('spec.gateways', 'delegate virtual service must have no gateways specified');
    if (tls.length > 0)
      r.add('spec.tls', 'delegate virtual service must have no tls route specified');
    if (tcp.length > 0)
      r.add('spec.tcp', 'delegate virtual service must have no tcp route specified');
  }
  // Bound to gateways only (gateways listed, `mesh` not among them), or to sidecars too.
  const appliesToGateway = gateways.length > 0 && !gateways.includes('mesh');
  const appliesToMesh = !appliesToGateway;
  if (gateways.length > 0) checkGatewayNames(r, 'spec.gateways', gateways);
  if (!appliesToGateway)
    http.forEach((route, i) =>
      (route.match ?? []).forEach((m, j) => {
        for (const k of ['headers', 'withoutHeaders'] as const)
          for (const key of Object.keys(m[k] ?? {}))
            if (isJwtClaimRoute(key))
              r.add(
                `spec.http[${i}].match[${j}].${k}.${key}`,
                `JWT claim based routing (key: ${key}) is only supported for gateway, found no gateways: [${gateways.join(' ')}]`,
              );
      }),
    );
  const sni = tls.some((t) => (t.match ?? []).some((m) => (m.sniHosts ?? []).length > 0));
  let allHostsValid = true;
  spec.hosts.forEach((h, i) => {
    const e = appliesToGateway ? gatewayHostError(sni, h) : validateWildcardDomain(h);
    if (e) {
      if (!isIPAddress(h)) {
        r.add(`spec.hosts[${i}]`, e);
        allHostsValid = false;
      }
    } else if (appliesToMesh && h === '*') {
      r.add(
        `spec.hosts[${i}]`,
        'wildcard host * is not allowed for virtual services bound to the mesh gateway',
      );
      allHostsValid = false;
    }
  });
  if (allHostsValid) duplicateHosts(r, spec.hosts);
  if (http.length === 0 && tcp.length === 0 && tls.length === 0)
    r.add('spec', 'http, tcp or tls must be provided in virtual service');
  http.forEach((route, i) => checkHTTPRoute(r, `spec.http[${i}]`, route, delegate));
  // Istio's `isGateway` for SNI hosts: true unless `mesh` is listed (even with no gateways).
  const sniGateway = !gateways.includes('mesh');
  tls.forEach((route, i) => checkTLSRoute(r, `spec.tls[${i}]`, route, vs, sniGateway));
  tcp.forEach((route, i) => checkTCPRoute(r, `spec.tcp[${i}]`, route));
  checkExportTo(r, vs.metadata.namespace, spec.exportTo);
  analyzeUnreachableRules(r, http);
  analyzeUnreachableL4Rules(r, 'tcp', tcp);
  analyzeUnreachableL4Rules(r, 'tls', tls);
  return r;
}

/**
 * Istio's duplicate-host check, at most one error per duplicated host (not one per matching
 * pair): exact duplicates, then each host covered by another host's wildcard (`*.shop…` covers
 * `a.shop…` and `*.a.shop…`), found through the host's own dot suffixes rather than by comparing
 * every pair, so thousands of hosts stay fast.
 */
function duplicateHosts(r: Reporter, hosts: readonly string[]): void {
  const first = new Map<string, number>();
  const reported = new Set<string>();
  const report = (x: string, y: string): void => {
    const [a, b] = (first.get(x) ?? 0) <= (first.get(y) ?? 0) ? [x, y] : [y, x];
    r.add('spec.hosts', `duplicate hosts in virtual service: ${clip(a)} & ${clip(b)}`);
  };
  hosts.forEach((h, i) => {
    if (!first.has(h)) first.set(h, i);
    else if (!reported.has(h)) {
      reported.add(h);
      report(h, h);
    }
  });
  for (const x of first.keys()) {
    if (reported.has(x)) continue;
    let cover = x !== '*' && first.has('*') ? '*' : undefined;
    for (let dot = x.indexOf('.'); cover === undefined && dot >= 0; dot = x.indexOf('.', dot + 1)) {
      const w = `*${x.slice(dot)}`;
      if (w !== x && first.has(w)) cover = w;
    }
    if (cover === undefined) continue;
    reported.add(x);
    report(cover, x);
  }
}
