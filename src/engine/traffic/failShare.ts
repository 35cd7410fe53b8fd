/** The share of requests a pod's app answers with 503: its own (`pod.fail`) and its service's. */
import type { PodState } from '../mesh/types';
import type { TrafficState } from './types';

/** Independent failures: 1 − (1 − pod share) × (1 − service share). */
export function failShare(t: TrafficState, p: PodState): number {
  const s = t.serviceFail?.[p.service] ?? 0;
  return s > 0 ? 1 - (1 - p.failShare) * (1 - s) : p.failShare;
}
