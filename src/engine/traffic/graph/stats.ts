/**
 * Latency histograms and the statistics window of the call-graph mode. A histogram is sparse
 * (bucket → count) with log-linear buckets computed with integer operations only (32 buckets per
 * power of two of microseconds: about 3% wide), so Node and every browser put a value in the
 * same bucket. Percentiles use the nearest rank and report the bucket's midpoint.
 */
import type { SimTime } from '../../core/time';
import type { BreakerLimit } from '../../mesh/contract';
import type { Histogram, StatsWindow } from './types';

const SUB = 32;
const SUB_BITS = 5;

/** The bucket of a duration in µs. */
export function bucketOf(us: number): number {
  const v = Math.max(0, Math.min(0x7fffffff, Math.floor(us)));
  if (v < SUB) return v;
  const k = 31 - Math.clz32(v);
  return (k - SUB_BITS + 1) * SUB + ((v >>> (k - SUB_BITS)) & (SUB - 1));
}

/** The midpoint of a bucket, in µs. */
export function bucketMid(b: number): number {
  if (b < SUB) return b;
  const k = Math.floor(b / SUB) - 1 + SUB_BITS;
  const sub = b % SUB;
  const width = 2 ** (k - SUB_BITS);
  return (SUB + sub) * width + width / 2;
}

/** Adds one duration (µs) to a histogram. */
export function record(h: Histogram, us: number): void {
  const b = bucketOf(us);
  h[b] = (h[b] ?? 0) + 1;
}

/** Values in a histogram. */
export function countOf(h: Histogram): number {
  let n = 0;
  for (const k in h) n += h[k] ?? 0;
  return n;
}

/** Percentiles (0–100) of a histogram in ms (nearest rank; 0 when empty). */
export function percentilesMs(h: Histogram, ps: readonly number[]): number[] {
  const keys = Object.keys(h)
    .map(Number)
    .sort((a, b) => a - b);
  const n = countOf(h);
  return ps.map((p) => {
    if (n === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * n));
    let acc = 0;
    for (const k of keys) {
      acc += h[k] ?? 0;
      if (acc >= rank) return Math.round(bucketMid(k) / 10) / 100;
    }
    return 0;
  });
}

/** An empty window opened at `since`. */
export function newWindow(label: string, since: SimTime): StatsWindow {
  const overflow: Record<BreakerLimit, number> = {
    max_connections: 0,
    max_pending_requests: 0,
    max_requests: 0,
    max_retries: 0,
  };
  return {
    label,
    since,
    users: { issued: 0, done: 0, ok: 0, byCode: {} },
    userLatency: {},
    calls: {},
    attempts: {},
    hosts: {},
    overflow,
    retries: 0,
  };
}

/** Windows kept after a mark. */
export const HISTORY = 8;
