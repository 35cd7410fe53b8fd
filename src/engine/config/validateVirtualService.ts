/**
 * VirtualService rules of Istio's `ValidateVirtualService` / `validateHTTPRoute`
 * (pkg/config/validation), HTTP part. Weights: each ≥ 0 and, with more than one destination, a
 * total > 0. There is NO sum-to-100 rule: removed in Istio 1.15 (commit ac641d0), docs/fidelity.md §4.3.
 */
import {
  Reporter,
  checkLabels,
  clip,
  isDNS1123Label,
  validateFractionalPercentage,
  validateHTTPStatus,
  validatePort,
  validateWildcardDomain,
} from './checks';
import type { HTTPRoute, StringMatch, VirtualService } from './istio';
import { goRegexpError } from './goRegexp';
import { GO_STATUS_TEXT } from './statusText';
import { analyzeUnreachableRules } from './unreachable';

/** Istio's `supportedRetryOnPolicies`. */
const RETRY_ON = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
]);

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** `validateStringMatch(sm, where)` / `validateStringRegexp`: `where` is `uri` or `headers`. */
function checkStringMatch(
  r: Reporter,
  path: string,
  m: StringMatch,
  where: 'uri' | 'headers',
): void {
  const set = (['exact', 'prefix', 'regex'] as const).filter((k) => m[k] !== undefined);
  if (set.length > 1)
    r.add(
      path,
      `only one of exact, prefix or regex may be set (StringMatch is a oneof), got ${set.join(' and ')}`,
    );
  if (where === 'headers' && m.prefix === '')
    r.add(`${path}.prefix`, `"${where}": prefix string match should not be empty`);
  const re = m.regex;
  if (re === undefined) return;
  if (re === '') r.add(`${path}.regex`, `"${where}": regex string match should not be empty`);
  else if (re.length > 1024)
    r.add(`${path}.regex`, `"${where}": regex is too large, max length allowed is 1024`);
  else {
    const err = goRegexpError(re);
    if (err)
      r.add(
        `${path}.regex`,
        `"${where}": ${err}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`,
      );
  }
}

function checkDestinations(r: Reporter, p: string, http: HTTPRoute): void {
  const dests = http.route ?? [];
  let total = 0;
  dests.forEach((d, k) => {
    const dp = `${p}.route[${k}]`;
    if (!d.destination) {
      r.add(`${dp}.destination`, 'destination is required');
      return;
    }
    const host = d.destination.host ?? '';
    if (host === '*') r.add(`${dp}.destination.host`, `invalid destination host ${host}`);
    else {
      const e = validateWildcardDomain(host);
      if (e) r.add(`${dp}.destination.host`, e);
    }
    const subset = d.destination.subset;
    if (subset !== undefined && subset !== '' && !isDNS1123Label(subset))
      r.add(`${dp}.destination.subset`, `subset name is invalid: ${subset}`);
    const port = d.destination.port?.number;
    const pe = port === undefined ? null : validatePort(port);
    if (pe) r.add(`${dp}.destination.port.number`, pe);
    const w = d.weight ?? 0;
    if (w < 0) r.add(`${dp}.weight`, `weight ${w} < 0`);
    total = (total + w) | 0; // Istio sums into an int32, which wraps (see envoyRejects)
  });
  if (dests.length > 1 && total === 0) r.add(`${p}.route`, 'total destination weight = 0');
}

function checkRetries(r: Reporter, rp: string, http: HTTPRoute): void {
  if (!http.retries) return;
  const { attempts, perTryTimeout, retryOn, backoff } = http.retries;
  if (attempts < 0) r.add(`${rp}.attempts`, 'attempts cannot be negative');
  if (attempts === 0 && (perTryTimeout !== undefined || (retryOn ?? '') !== ''))
    r.add(rp, 'http retry policy configured when attempts are set to 0 (disabled)');
  r.duration(`${rp}.perTryTimeout`, perTryTimeout);
  for (const policy of retryOn === undefined || retryOn === '' ? [] : retryOn.split(',')) {
    // Istio: `i, _ := strconv.Atoi(policy); if http.StatusText(i) == "" && !supported[policy]`.
    const code = /^[+-]?\d+$/.test(policy) ? Number(policy) : 0;
    if (!GO_STATUS_TEXT.has(code) && !RETRY_ON.has(policy))
      r.add(`${rp}.retryOn`, `"${policy}" is not a valid retryOn policy`);
  }
  r.duration(`${rp}.backoff`, backoff);
}

function checkFault(r: Reporter, fp: string, http: HTTPRoute): void {
  if (!http.fault) return;
  const { delay, abort } = http.fault;
  if (!delay && !abort) r.add(fp, 'HTTP fault injection must have an abort and/or a delay');
  if (abort) {
    const e = abort.percentage ? validateFractionalPercentage(abort.percentage.value) : null;
    if (e) r.add(`${fp}.abort.percentage.value`, e);
    if (abort.httpStatus === undefined)
      r.warn(`${fp}.abort`, 'abort configured, but error type not set');
    const s = abort.httpStatus === undefined ? null : validateHTTPStatus(abort.httpStatus);
    if (s) r.add(`${fp}.abort.httpStatus`, s);
  }
  if (delay) {
    const e = delay.percentage ? validateFractionalPercentage(delay.percentage.value) : null;
    if (e) r.add(`${fp}.delay.percentage.value`, e);
    r.duration(`${fp}.delay.fixedDelay`, delay.fixedDelay);
  }
}

function checkRoute(r: Reporter, p: string, http: HTTPRoute): void {
  if ((http.route ?? []).length === 0)
    r.add(p, 'HTTP route, redirect or direct_response is required');
  (http.match ?? []).forEach((m, j) => {
    const mp = `${p}.match[${j}]`;
    for (const [name, hm] of Object.entries(m.headers ?? {})) {
      if (name === '') r.add(`${mp}.headers`, 'header name cannot be empty');
      checkStringMatch(r, `${mp}.headers.${name}`, hm, 'headers');
    }
    if (m.uri) checkStringMatch(r, `${mp}.uri`, m.uri, 'uri');
    checkLabels(r, `${mp}.sourceLabels`, m.sourceLabels);
  });
  checkFault(r, `${p}.fault`, http);
  checkRetries(r, `${p}.retries`, http);
  checkDestinations(r, p, http);
  r.duration(`${p}.timeout`, http.timeout);
}

/** All rule violations (and Istio's warnings) of one VirtualService. */
export function validateVirtualService(vs: VirtualService): Reporter {
  const r = new Reporter(vs);
  const { spec } = vs;
  const gateways = spec.gateways ?? [];
  const appliesToMesh = gateways.length === 0 || gateways.includes('mesh');
  // No hosts: a delegate VirtualService (Istio accepts it; only a gateway VirtualService can use it).
  if (spec.hosts.length === 0 && gateways.length > 0)
    r.add('spec.gateways', 'delegate virtual service must have no gateways specified');
  if (spec.hosts.length === 0)
    r.warn(
      'spec.hosts',
      'no hosts: a delegate VirtualService, used only when another VirtualService delegates to it (delegation is not modelled)',
    );
  let allHostsValid = true;
  spec.hosts.forEach((h, i) => {
    const e = validateWildcardDomain(h);
    if (e && !IPV4.test(h)) {
      r.add(`spec.hosts[${i}]`, e);
      allHostsValid = false;
    } else if (!e && appliesToMesh && h === '*') {
      r.add(
        `spec.hosts[${i}]`,
        'wildcard host * is not allowed for virtual services bound to the mesh gateway',
      );
      allHostsValid = false;
    }
  });
  if (allHostsValid) duplicateHosts(r, spec.hosts);
  const http = spec.http ?? [];
  if (http.length === 0) r.add('spec', 'http, tcp or tls must be provided in virtual service');
  http.forEach((route, i) => checkRoute(r, `spec.http[${i}]`, route));
  analyzeUnreachableRules(r, http);
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
