/**
 * `ValidateHTTPRetry` (pkg/config/validation/agent/validation.go): attempts, per-try timeout,
 * retryOn policies and backoff.
 */
import type { Reporter } from './checks';
import type { HTTPRetry } from './istio';
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

/** The rule violations of one `retries` block (absent `attempts` counts as 0, as in proto3). */
export function checkHTTPRetry(r: Reporter, rp: string, retries: HTTPRetry | undefined): void {
  if (!retries) return;
  const { perTryTimeout, retryOn, backoff } = retries;
  const attempts = retries.attempts ?? 0;
  if (attempts < 0) r.add(`${rp}.attempts`, 'attempts cannot be negative');
  if (
    attempts === 0 &&
    (perTryTimeout !== undefined ||
      (retryOn ?? '') !== '' ||
      retries.retryRemoteLocalities !== undefined)
  )
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
