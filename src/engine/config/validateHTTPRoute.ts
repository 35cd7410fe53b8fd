/**
 * One HTTP rule of a VirtualService, as Istio's `validateHTTPRoute` (virtualservice.go) checks it:
 * route / redirect / directResponse / delegate conflicts, matches, header operations, CORS, fault
 * injection, mirrors, redirect, direct response, retries, rewrite, destinations and timeout.
 */
import { Reporter, checkLabels, isDNS1123Label, validateHTTPStatus, validatePort } from './checks';
import {
  checkHeaderOperations,
  checkStringMatch,
  headerNameOrClaimError,
  isAuthorityHeader,
  regexError,
} from './checksHttp';
import { checkGatewayNames } from './checksNet';
import { checkRouteDestinations } from './validateDestination';
import { checkCors, checkFault, checkMirrors } from './validateHTTPFeatures';
import { checkHTTPRetry } from './validateRetry';
import type { HTTPRoute } from './istio';

/** `validateHTTPRouteConflict`: what a root (delegating), delegate or plain rule may combine. */
function checkConflicts(r: Reporter, p: string, http: HTTPRoute, delegate: boolean): void {
  if (!delegate && http.delegate) {
    if (http.redirect) r.add(p, `root HTTP route ${http.name ?? ''} must not specify redirect`);
    if (http.route) r.add(p, `root HTTP route ${http.name ?? ''} must not specify route`);
    return;
  }
  if (delegate && http.delegate)
    r.add(`${p}.delegate`, 'delegate HTTP route cannot contain delegate');
  const hasRoute = (http.route ?? []).length > 0;
  if (http.redirect) {
    if (hasRoute) r.add(p, 'HTTP route cannot contain both route and redirect');
    if (http.fault) r.add(p, 'HTTP route cannot contain both fault and redirect');
    if (http.rewrite) r.add(p, 'HTTP route rule cannot contain both rewrite and redirect');
    if (http.directResponse)
      r.add(p, 'HTTP route rule cannot contain both direct_response and redirect');
  } else if (http.directResponse) {
    if (hasRoute) r.add(p, 'HTTP route cannot contain both route and direct_response');
    if (http.fault) r.add(p, 'HTTP route cannot contain both fault and direct_response');
    if (http.rewrite) r.add(p, 'HTTP route rule cannot contain both rewrite and direct_response');
  } else if (!hasRoute) r.add(p, 'HTTP route, redirect or direct_response is required');
  if (http.mirror && (http.mirrors ?? []).length > 0)
    r.add(p, 'HTTP route cannot contain both mirror and mirrors');
}

/** `validateHTTPRouteMatchRequest`. */
function checkMatches(r: Reporter, p: string, http: HTTPRoute): void {
  (http.match ?? []).forEach((m, j) => {
    const mp = `${p}.match[${j}]`;
    for (const [name, hm] of Object.entries(m.headers ?? {})) {
      const e = headerNameOrClaimError(name);
      if (e) r.add(`${mp}.headers${name === '' ? '' : `.${name}`}`, e);
      checkStringMatch(r, `${mp}.headers.${name}`, hm, 'headers');
    }
    for (const [name, hm] of Object.entries(m.withoutHeaders ?? {})) {
      const e = headerNameOrClaimError(name);
      if (e) r.add(`${mp}.withoutHeaders${name === '' ? '' : `.${name}`}`, e);
      // `*` is not a regex here: it means "header present".
      if (hm.regex !== '*')
        checkStringMatch(r, `${mp}.withoutHeaders.${name}`, hm, 'withoutHeaders');
    }
    checkStringMatch(r, `${mp}.uri`, m.uri, 'uri', true);
    checkStringMatch(r, `${mp}.scheme`, m.scheme, 'scheme');
    checkStringMatch(r, `${mp}.method`, m.method, 'method');
    checkStringMatch(r, `${mp}.authority`, m.authority, 'authority');
    for (const [name, qp] of Object.entries(m.queryParams ?? {}))
      checkStringMatch(r, `${mp}.queryParams.${name}`, qp, 'queryParams');
  });
  (http.match ?? []).forEach((m, j) => {
    const mp = `${p}.match[${j}]`;
    const pe = m.port ? validatePort(m.port) : null;
    if (pe) r.add(`${mp}.port`, pe);
    checkLabels(r, `${mp}.sourceLabels`, m.sourceLabels);
    checkGatewayNames(r, `${mp}.gateways`, m.gateways ?? []);
    const ns = m.sourceNamespace ?? '';
    if (ns !== '' && !isDNS1123Label(ns))
      r.add(`${mp}.sourceNamespace`, `sourceNamespace match ${ns} is invalid`);
  });
}

/** `validateHTTPRedirect`: Istio reports only the first problem. */
function redirectError(http: HTTPRoute): string | null {
  const rd = http.redirect;
  if (!rd) return null;
  const uri = rd.uri ?? '';
  const prefixRewrite = rd.prefixRewrite ?? '';
  if (uri !== '' && prefixRewrite !== '')
    return 'redirect may only specify one of uri or prefix_rewrite';
  if (prefixRewrite !== '' && (http.match ?? []).some((m) => m.uri && m.uri.prefix === undefined))
    return 'redirect prefix_rewrite requires all URI matches to use prefix match type';
  const hasPort = rd.port !== undefined || rd.derivePort !== undefined;
  if (
    uri === '' &&
    prefixRewrite === '' &&
    (rd.authority ?? '') === '' &&
    !hasPort &&
    (rd.scheme ?? '') === ''
  )
    return 'redirect must specify URI, authority, scheme, or port';
  const code = rd.redirectCode ?? 0;
  if (code !== 0 && (code < 300 || code > 399))
    return `${code} is not a valid redirect code, must be 3xx`;
  const scheme = rd.scheme ?? '';
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https')
    return 'invalid redirect scheme, must be "http" or "https"';
  return (rd.port ?? 0) > 0 ? validatePort(rd.port ?? 0) : null;
}

/** `validateHTTPDirectResponse`: body size (warning over 100 KB, error over 1 MB) and status. */
function checkDirectResponse(r: Reporter, p: string, http: HTTPRoute): void {
  const dr = http.directResponse;
  if (!dr) return;
  const body = dr.body;
  const size =
    body?.string !== undefined
      ? new TextEncoder().encode(body.string).length
      : body?.bytes !== undefined
        ? Math.floor((body.bytes.replace(/[\r\n=]/g, '').length * 3) / 4)
        : 0;
  if (size > 1024 * 1024)
    r.add(
      `${p}.directResponse.body`,
      'large direct_responses may impact control plane performance, must be less than 1MB',
    );
  else if (size > 100 * 1024)
    r.warn(
      `${p}.directResponse.body`,
      'large direct_responses may impact control plane performance',
    );
  const s = validateHTTPStatus(dr.status ?? 0);
  if (s) r.add(`${p}.directResponse.status`, s);
}

/** `validateHTTPRewrite` + `validateAuthorityRewrite`. */
function checkRewrite(r: Reporter, p: string, http: HTTPRoute): void {
  const rw = http.rewrite;
  if (rw) {
    const uri = rw.uri ?? '';
    const rr = rw.uriRegexRewrite;
    if (uri !== '' && rr)
      r.add(`${p}.rewrite`, 'rewrite may only contain one of URI or UriRegexRewrite');
    else if (uri === '' && !rr && (rw.authority ?? '') === '')
      r.add(
        `${p}.rewrite`,
        'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified',
      );
    else if (rr) {
      const e =
        (rr.match ?? '') === '' || (rr.rewrite ?? '') === ''
          ? 'UriRegexRewrite requires both Rewrite and Match fields to be specified'
          : regexError(rr.match ?? '', 'HTTPRewrite.UriRegexRewrite.Match');
      if (e) r.add(`${p}.rewrite.uriRegexRewrite`, `UriRegexRewrite has errors: ${e}`);
    }
  }
  let current = rw?.authority ?? '';
  for (const op of ['set', 'add'] as const)
    for (const [k, v] of Object.entries(http.headers?.request?.[op] ?? {})) {
      if (!isAuthorityHeader(k)) continue;
      if (current !== '') {
        r.add(
          `${p}.headers.request.${op}.${k}`,
          `authority header cannot be set multiple times: have ${JSON.stringify(current)}, attempting to set ${JSON.stringify(v)}`,
        );
        return;
      }
      current = v;
    }
}

/** Every rule violation of one HTTP rule; `delegate` = the VirtualService has no hosts. */
export function checkHTTPRoute(r: Reporter, p: string, http: HTTPRoute, delegate: boolean): void {
  checkConflicts(r, p, http, delegate);
  checkMatches(r, p, http);
  checkHeaderOperations(r, `${p}.headers`, http.headers);
  checkCors(r, `${p}.corsPolicy`, http.corsPolicy);
  checkFault(r, `${p}.fault`, http.fault);
  checkMirrors(r, p, http);
  const re = redirectError(http);
  if (re) r.add(`${p}.redirect`, re);
  checkDirectResponse(r, p, http);
  checkHTTPRetry(r, `${p}.retries`, http.retries);
  checkRewrite(r, p, http);
  checkRouteDestinations(r, p, http.route ?? [], true);
  r.duration(`${p}.timeout`, http.timeout);
}
