/**
 * The retry policy a request copies from its route, and Envoy's retry backoff. Shared by the
 * request (which copies the policy) and the attempt (which waits before retrying).
 */
import type { RetryPolicyConfig } from '../mesh/envoy';
import type { MeshSim } from '../mesh/types';
import type { Request, RqRetry } from './types';

const parsed = new WeakMap<RetryPolicyConfig, RqRetry>();

/** The per-request copy of a route's retry policy (parsed once per policy object). */
export function retryOf(p: RetryPolicyConfig | undefined): RqRetry | null {
  if (!p || p.num_retries <= 0) return null;
  let r = parsed.get(p);
  if (!r) {
    r = parseRetry(p);
    parsed.set(p, r);
  }
  return { ...r, codes: r.codes };
}

function parseRetry(p: RetryPolicyConfig): RqRetry {
  const on = p.retry_on;
  return {
    left: p.num_retries,
    baseMs: p.base_interval_ms,
    perTryMs: p.per_try_timeout_ms,
    onConnectFailure: on.includes('connect-failure'),
    onRefusedStream: on.includes('refused-stream'),
    on5xx: /(^|,)5xx(,|$)/.test(on),
    onGatewayError: on.includes('gateway-error'),
    onReset: /(^|,)reset(,|$)/.test(on),
    codes: on.includes('retriable-status-codes') ? p.retriable_status_codes : [],
    previousHosts: p.previous_hosts,
  };
}

/** Envoy's fully jittered backoff before retry n (1-based): uniform in [0, (2^n − 1) × base). */
export function retryBackoff(sim: MeshSim, n: number, baseMs: number): number {
  const ceil = Math.min((2 ** n - 1) * baseMs, baseMs * 10) * 1000;
  return sim.rng.int(Math.max(1, ceil));
}

/**
 * Would Envoy retry this attempt's outcome (`RetryStateImpl`)? `ignoreBudget` asks whether it is
 * retriable at all, whatever retries are left. A per-try timeout resets the stream: retried on
 * 5xx, gateway-error or reset like any upstream reset (never by retriable-status-codes).
 */
export function retriable(rq: Request, ignoreBudget = false): boolean {
  const r = rq.retry;
  const o = rq.outcome;
  if (!r || !o || (r.left <= 0 && !ignoreBudget) || o.retriable === null) return false;
  if (o.retriable === 'connect')
    return r.onConnectFailure || r.on5xx || r.onGatewayError || r.onReset;
  if (o.retriable === 'reset' || o.retriable === 'timeout')
    return r.onReset || r.on5xx || r.onGatewayError;
  if (o.retriable === 'refused') return r.onRefusedStream || r.on5xx;
  return (
    r.on5xx || (r.onGatewayError && o.code >= 502 && o.code <= 504) || r.codes.includes(o.code)
  );
}
