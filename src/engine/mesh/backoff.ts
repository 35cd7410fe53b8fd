/**
 * Envoy's xDS reconnect backoff (docs/fidelity.md §1.5): jittered exponential, base 500 ms, max
 * 30 s, reset when a message is received on the stream. Envoy's `JitteredExponentialBackOffStrategy`
 * (`envoyproxy/envoy source/common/common/backoff_strategy.cc`) returns `random() % next_interval_`
 * — a whole number of milliseconds drawn uniformly from [0, interval) — and then doubles the
 * interval, or sets it to the maximum once it has reached half of it (`doubling_limit_`), so the
 * intervals run 500 ms, 1 s, 2 s, … 16 s, 30 s. xDS gRPC streams use `SubscriptionFactory::
 * RetryInitialDelayMs = 500` and `RetryMaxDelayMs = 30000` (`envoy/config/subscription_factory.h`)
 * unless `ApiConfigSource.retry_policy` is set, and Istio's bootstrap sets none. A draw of 0 ms
 * (an immediate retry) is possible, as in Envoy.
 */
import type { Rng } from '../core/rng';
import { ms, type SimTime } from '../core/time';

/** Base interval of the xDS gRPC stream backoff. */
export const XDS_BACKOFF_BASE: SimTime = ms(500);
/** Maximum interval of the xDS gRPC stream backoff. */
export const XDS_BACKOFF_MAX: SimTime = ms(30_000);

/** The ceiling of the n-th attempt's interval (n = 0 for the first retry). */
export function backoffCeiling(
  attempt: number,
  base = XDS_BACKOFF_BASE,
  max = XDS_BACKOFF_MAX,
): SimTime {
  const exp = Math.min(attempt, 30);
  return Math.min(max, base * 2 ** exp);
}

/** The delay before the n-th reconnect attempt: whole milliseconds, uniform in [0, ceiling). */
export function backoffDelay(
  rng: Rng,
  attempt: number,
  base = XDS_BACKOFF_BASE,
  max = XDS_BACKOFF_MAX,
): SimTime {
  return ms(rng.int(Math.floor(backoffCeiling(attempt, base, max) / 1000)));
}
