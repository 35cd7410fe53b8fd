/**
 * VirtualService rules of Istio's `ValidateVirtualService` (pkg/config/validation), HTTP part.
 * Weights: each ≥ 0 and, with more than one destination, a total > 0. There is NO sum-to-100
 * rule: it was removed in Istio 1.15 (commit ac641d0), see fidelity.md §4.3.
 */
import {
  Reporter,
  checkLabels,
  isDNS1123Label,
  validateFractionalPercentage,
  validateHTTPStatus,
  validatePort,
  validateWildcardDomain,
} from './checks';
import type { HTTPRoute, StringMatch, VirtualService } from './istio';
import { goRegexpError } from './regex';
import { GO_STATUS_TEXT } from './statusText';

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

function checkStringMatch(r: Reporter, path: string, m: StringMatch): void {
  const set = (['exact', 'prefix', 'regex'] as const).filter((k) => m[k] !== undefined);
  if (set.length > 1) r.add(path, `only one of exact, prefix or regex may be set (StringMatch is a oneof), got ${set.join(' and ')}`);
  if (m.regex !== undefined) {
    if (m.regex === '') r.add(`${path}.regex`, 'regex may not be empty');
    const err = goRegexpError(m.regex);
    if (err) r.add(`${path}.regex`, `${JSON.stringify(m.regex)}: ${err}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`);
  }
}

function checkRoute(r: Reporter, p: string, http: HTTPRoute): void {
  (http.match ?? []).forEach((m, j) => {
    checkLabels(r, `${p}.match[${j}].sourceLabels`, m.sourceLabels);
    if (m.uri) checkStringMatch(r, `${p}.match[${j}].uri`, m.uri);
    for (const [name, hm] of Object.entries(m.headers ?? {})) {
      if (name === '') r.add(`${p}.match[${j}].headers`, 'header name can not be empty');
      checkStringMatch(r, `${p}.match[${j}].headers.${name}`, hm);
    }
  });
  const dests = http.route ?? [];
  if (dests.length === 0) r.add(p, 'HTTP route, redirect or direct response is required');
  let total = 0;
  dests.forEach((d, k) => {
    const dp = `${p}.route[${k}]`;
    const host = d.destination?.host;
    if (!d.destination) r.add(`${dp}.destination`, 'destination is required');
    else if (host === undefined || host === '') r.add(`${dp}.destination.host`, 'destination host is required (empty domain name not allowed)');
    else if (host === '*') r.add(`${dp}.destination.host`, `invalid destination host ${host}`);
    else {
      const e = validateWildcardDomain(host);
      if (e) r.add(`${dp}.destination.host`, e);
    }
    const subset = d.destination?.subset;
    if (subset !== undefined) {
      if (subset === '') r.add(`${dp}.destination.subset`, 'subset name cannot be empty');
      else if (!isDNS1123Label(subset)) r.add(`${dp}.destination.subset`, `subset name is invalid: ${subset} (must be a DNS-1123 label)`);
    }
    const port = d.destination?.port?.number;
    if (port !== undefined) {
      const e = validatePort(port);
      if (e) r.add(`${dp}.destination.port.number`, e);
    }
    const w = d.weight ?? 0;
    if (w < 0) r.add(`${dp}.weight`, `weight ${w} < 0`);
    total = (total + w) | 0; // Istio sums into an int32, which wraps (see envoyRejects)
  });
  if (dests.length > 1 && total === 0) r.add(`${p}.route`, 'total destination weight = 0');
  r.duration(`${p}.timeout`, http.timeout);
  if (http.retries) {
    const rp = `${p}.retries`;
    const { attempts, perTryTimeout, retryOn } = http.retries;
    if (attempts < 0) r.add(`${rp}.attempts`, 'attempts cannot be negative');
    if (attempts === 0 && (perTryTimeout !== undefined || (retryOn ?? '') !== ''))
      r.add(rp, 'http retry policy configured when attempts are set to 0 (disabled)');
    r.duration(`${rp}.perTryTimeout`, perTryTimeout);
    for (const policy of retryOn === undefined || retryOn === '' ? [] : retryOn.split(',')) {
      // Istio: `i, _ := strconv.Atoi(policy); if http.StatusText(i) == "" && !supported[policy]`.
      const code = /^[+-]?\d+$/.test(policy) ? Number(policy) : 0;
      if (!GO_STATUS_TEXT.has(code) && !RETRY_ON.has(policy)) r.add(`${rp}.retryOn`, `"${policy}" is not a valid retryOn policy`);
    }
    r.duration(`${rp}.backoff`, http.retries.backoff);
  }
  if (http.fault) {
    const fp = `${p}.fault`;
    const { delay, abort } = http.fault;
    if (!delay && !abort) r.add(fp, 'HTTP fault injection must have an abort and/or a delay');
    if (delay) {
      r.duration(`${fp}.delay.fixedDelay`, delay.fixedDelay);
      const e = delay.percentage ? validateFractionalPercentage(delay.percentage.value) : null;
      if (e) r.add(`${fp}.delay.percentage.value`, e);
    }
    if (abort) {
      const e = abort.percentage ? validateFractionalPercentage(abort.percentage.value) : null;
      if (e) r.add(`${fp}.abort.percentage.value`, e);
      const s = abort.httpStatus === undefined ? null : validateHTTPStatus(abort.httpStatus);
      if (s) r.add(`${fp}.abort.httpStatus`, s);
    }
  }
}

/** All rule violations of one VirtualService. */
export function validateVirtualService(vs: VirtualService): Reporter['errors'] {
  const r = new Reporter(vs);
  const { spec } = vs;
  const appliesToMesh = spec.gateways === undefined || spec.gateways.length === 0 || spec.gateways.includes('mesh');
  if (spec.hosts.length === 0) r.add('spec.hosts', 'virtual service must have at least one host');
  spec.hosts.forEach((h, i) => {
    if (appliesToMesh && h === '*') r.add(`spec.hosts[${i}]`, 'wildcard host * is not allowed for virtual services bound to the mesh gateway');
    else {
      const e = validateWildcardDomain(h);
      if (e) r.add(`spec.hosts[${i}]`, e);
    }
  });
  const http = spec.http ?? [];
  if (http.length === 0) r.add('spec', 'http, tcp or tls must be provided in virtual service');
  http.forEach((route, i) => checkRoute(r, `spec.http[${i}]`, route));
  return r.errors;
}
