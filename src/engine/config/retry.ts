/**
 * Route retry policies as Istio writes them (pilot/pkg/networking/core/route/retry/retry.go).
 */
import { durationMs, protoDuration } from './duration';
import type { RetryPolicy } from './envoy';
import type { HTTPRetry } from './istio';
import { GO_STATUS_TEXT } from './statusText';

/** Istio's default `retryOn` (≥ 1.24: no 503 in retriable_status_codes). */
export const DEFAULT_RETRY_ON =
  'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
/** Istio's default number of retries when the VirtualService sets none. */
export const DEFAULT_RETRY_ATTEMPTS = 2;
/** Envoy's retry backoff when `retry_back_off` is unset: base 25 ms, max 10 × base. */
export const ENVOY_RETRY_BASE_INTERVAL_MS = 25;

const previousHosts = (): RetryPolicy['retry_host_predicate'][number] => ({
  name: 'envoy.retry_host_predicates.previous_hosts',
  typed_config: {
    '@type':
      'type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate',
  },
});

/**
 * Istio's default outbound retry policy: 2 retries on connect-failure, refused-stream, unavailable,
 * cancelled; another host each time (previous_hosts, up to 5 host picks) unless the route hashes
 * (consistent hashing keeps retries on the same host). No `retry_back_off`
 * field: Envoy's default 25 ms base applies (see ENVOY_RETRY_BASE_INTERVAL_MS).
 */
export function defaultRetryPolicy(hashPolicy = false): RetryPolicy {
  return {
    retry_on: DEFAULT_RETRY_ON,
    num_retries: DEFAULT_RETRY_ATTEMPTS,
    retry_host_predicate: hashPolicy ? [] : [previousHosts()],
    host_selection_retry_max_attempts: 5,
  };
}

/**
 * Istio's `ConvertPolicy`: undefined when the VirtualService disables retries (`attempts: 0`).
 * Numeric entries of `retryOn` become `retriable_status_codes` (and `retriable-status-codes`).
 */
export function convertRetry(
  r: HTTPRetry | undefined,
  hashPolicy = false,
): RetryPolicy | undefined {
  if (r === undefined) return defaultRetryPolicy(hashPolicy);
  const attempts = r.attempts ?? 0; // proto3: absent = 0, retries off
  if (attempts <= 0) return undefined;
  const policy = defaultRetryPolicy(hashPolicy);
  policy.num_retries = attempts;
  if (r.retryOn !== undefined && r.retryOn !== '') {
    // Istio's parseRetryOn: numbers Go's http.StatusText knows become status codes.
    const parts = r.retryOn
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const isCode = (s: string): boolean => /^\d+$/.test(s) && GO_STATUS_TEXT.has(Number(s));
    const codes = parts.filter(isCode).map(Number);
    const named = parts.filter((s) => !isCode(s));
    if (codes.length > 0 && !named.includes('retriable-status-codes'))
      named.push('retriable-status-codes');
    policy.retry_on = named.join(',');
    if (codes.length > 0) policy.retriable_status_codes = codes;
  }
  if (r.retryIgnorePreviousHosts === true) policy.retry_host_predicate = [previousHosts()];
  if (r.retryIgnorePreviousHosts === false) policy.retry_host_predicate = [];
  if (r.perTryTimeout !== undefined)
    policy.per_try_timeout = protoDuration(durationMs(r.perTryTimeout));
  if (r.backoff !== undefined)
    policy.retry_back_off = { base_interval: protoDuration(durationMs(r.backoff)) };
  return policy;
}

/** Base backoff in ms of a compiled retry policy (`retry_back_off`, else Envoy's 25 ms default). */
export function retryBaseIntervalMs(policy: RetryPolicy): number {
  const b = policy.retry_back_off?.base_interval;
  return b === undefined ? ENVOY_RETRY_BASE_INTERVAL_MS : Number(b.slice(0, -1)) * 1000;
}
