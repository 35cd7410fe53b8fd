/**
 * Envoy's xDS reconnect backoff (docs/fidelity.md §1.5): jittered exponential, base 500 ms, max 30 s,
 * reset when a message is received on the stream. Envoy's `JitteredExponentialBackOffStrategy`
 * draws uniformly in [0, min(base × 2^n, max)); we keep a floor of half the interval so that a
 * reconnect never happens "instantly" in the diagram (simplified: Envoy's lower bound is 0).
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

/** The delay before the n-th reconnect attempt: uniform in [ceiling / 2, ceiling). */
export function backoffDelay(
  rng: Rng,
  attempt: number,
  base = XDS_BACKOFF_BASE,
  max = XDS_BACKOFF_MAX,
): SimTime {
  const ceil = backoffCeiling(attempt, base, max);
  const lo = Math.floor(ceil / 2);
  return lo + rng.int(ceil - lo);
}
