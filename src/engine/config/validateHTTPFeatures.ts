/**
 * HTTP rule features checked on their own by Istio's `validateHTTPRoute` (validation.go and
 * virtualservice.go): CORS policy, fault injection and mirroring.
 */
import { Reporter, validateFractionalPercentage, validateHTTPStatus } from './checks';
import { checkStringMatch, corsHeaderNameError } from './checksHttp';
import { parseGoDuration } from './duration';
import type { CorsPolicy, HTTPFaultInjection, HTTPRoute } from './istio';
import { checkDestination } from './validateDestination';

/** grpc-go's codes, by the names Istio accepts for `fault.abort.grpcStatus`. */
const GRPC_STATUS = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

/** Go's `net/http` methods and `*` (`supportedCORSMethods`). */
const CORS_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  '*',
]);

/** Go's `%f`: six decimals. */
const f6 = (v: number): string => v.toFixed(6);

/** `validateCORSPolicy`. */
export function checkCors(r: Reporter, p: string, c: CorsPolicy | undefined): void {
  if (!c) return;
  (c.allowOrigins ?? []).forEach((o, i) => {
    const op = `${p}.allowOrigins[${i}]`;
    const match = o.exact ?? o.prefix ?? o.regex ?? '';
    if (match === '') r.add(op, `'${match}' is not a valid match type for CORS allow origins`);
    else checkStringMatch(r, op, o, 'corsPolicy.allowOrigins', true);
  });
  (c.allowMethods ?? []).forEach((m, i) => {
    if (!CORS_METHODS.has(m))
      r.add(`${p}.allowMethods[${i}]`, `${JSON.stringify(m)} is not a supported HTTP method`);
  });
  for (const k of ['allowHeaders', 'exposeHeaders'] as const)
    (c[k] ?? []).forEach((h, i) => {
      const e = corsHeaderNameError(h);
      if (e) r.add(`${p}.${k}[${i}]`, e);
    });
  if (c.maxAge !== undefined) {
    r.duration(`${p}.maxAge`, c.maxAge);
    const d = parseGoDuration(c.maxAge);
    if ('ns' in d && d.ns > 0 && d.ns % 1e9 !== 0)
      // Duration.Nanos > 0
      r.add(`${p}.maxAge`, 'max_age duration is accurate only to seconds precision');
  }
}

/** `validateHTTPFaultInjection`: an abort and/or a delay, each valid. */
export function checkFault(r: Reporter, fp: string, fault: HTTPFaultInjection | undefined): void {
  if (!fault) return;
  const { delay, abort } = fault;
  if (!delay && !abort) r.add(fp, 'HTTP fault injection must have an abort and/or a delay');
  if (abort) {
    const v = abort.percentage?.value;
    const e = abort.percentage ? validateFractionalPercentage(v ?? 0) : null;
    if (e) r.add(`${fp}.abort.percentage.value`, e);
    if (abort.grpcStatus !== undefined) {
      if (!GRPC_STATUS.has(abort.grpcStatus))
        r.add(
          `${fp}.abort.grpcStatus`,
          `gRPC status ${JSON.stringify(abort.grpcStatus)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'`,
        );
    } else if (abort.http2Error !== undefined)
      r.add(`${fp}.abort.http2Error`, 'HTTP/2 abort fault injection not supported yet');
    else if (abort.httpStatus !== undefined) {
      const s = validateHTTPStatus(abort.httpStatus);
      if (s) r.add(`${fp}.abort.httpStatus`, s);
    } else r.warn(`${fp}.abort`, 'abort configured, but error type not set');
  }
  if (delay) {
    const e = delay.percentage ? validateFractionalPercentage(delay.percentage.value ?? 0) : null;
    if (e) r.add(`${fp}.delay.percentage.value`, e);
    r.duration(`${fp}.delay.fixedDelay`, delay.fixedDelay);
    if (delay.exponentialDelay !== undefined) {
      r.duration(`${fp}.delay.exponentialDelay`, delay.exponentialDelay);
      r.add(`${fp}.delay.exponentialDelay`, 'exponentialDelay not supported yet');
    }
  }
}

/** The mirror fields: `mirrorPercent` (deprecated), `mirrorPercentage`, `mirror`, `mirrors`. */
export function checkMirrors(r: Reporter, p: string, http: HTTPRoute): void {
  if (http.mirrorPercent !== undefined) {
    if (http.mirrorPercent > 100)
      r.add(
        `${p}.mirrorPercent`,
        `mirror_percent must have a max value of 100 (it has ${http.mirrorPercent})`,
      );
    r.warn(
      `${p}.mirrorPercent`,
      'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead',
    );
  }
  const mp = http.mirrorPercentage;
  if (mp) {
    const v = mp.value ?? 0;
    if (v > 100)
      r.add(
        `${p}.mirrorPercentage`,
        `mirror_percentage must have a max value of 100 (it has ${f6(v)})`,
      );
    if (v < 0)
      r.add(
        `${p}.mirrorPercentage`,
        `mirror_percentage must have a min value of 0 (it has ${f6(v)})`,
      );
  }
  if (http.mirror) checkDestination(r, `${p}.mirror`, http.mirror);
  (http.mirrors ?? []).forEach((m, i) => {
    const mp2 = `${p}.mirrors[${i}]`;
    if (!m.destination) {
      r.add(mp2, 'destination is required for mirrors');
      return;
    }
    checkDestination(r, `${mp2}.destination`, m.destination);
    const v = m.percentage?.value;
    if (m.percentage && (v ?? 0) > 100)
      r.add(
        `${mp2}.percentage`,
        `mirror percentage must have a max value of 100 (it has ${f6(v ?? 0)})`,
      );
    if (m.percentage && (v ?? 0) < 0)
      r.add(
        `${mp2}.percentage`,
        `mirror percentage must have a min value of 0 (it has ${f6(v ?? 0)})`,
      );
  });
}
