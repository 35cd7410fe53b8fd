/**
 * The scale view's constants and words, with no engine import: the page's main thread loads
 * only these (the engine runs in the worker, src/scale/scale.worker.ts).
 */

export const SIDECARS = 1000;
export const SERVICES = 100;
export const NAMESPACES = 10;
/** Istiod CPU counts offered (PILOT_PUSH_THROTTLE 20, 25, 35, 55, 100). */
export const CORES = [1, 2, 4, 8, 17] as const;
/** Speeds (simulated seconds per wall second). A full push lasts about 150 ms of simulated time. */
export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.25, 1, 5, 10] as const;
export const DEFAULT_SPEED = 0.05;
export const DEFAULT_SEED = 1;
export const DEFAULT_CORES = 2;

/**
 * PILOT_PUSH_THROTTLE and PILOT_MAX_REQUESTS_PER_SECOND for a CPU count, min(15 + 5×cores, 100)
 * (docs/fidelity.md §2); the engine's `cpuScaledLimit` (a test checks they agree).
 */
export const throttleFor = (cores: number): number => Math.min(15 + 5 * cores, 100);

/** The service whose VirtualService and pod the single-object changes touch. */
export const TARGET_SERVICE = 'svc-7';
export const TARGET_NAMESPACE = `ns-${7 % NAMESPACES}`;
export const TARGET_POD = `${TARGET_SERVICE}-0`;

/** What the learner can do. */
export type ScaleAction =
  | { kind: 'vs' }
  | { kind: 'burst' }
  | { kind: 'mesh' }
  | { kind: 'readiness' }
  | { kind: 'kill' }
  | { kind: 'restore' };

/**
 * A proxy's state, one byte per proxy (the grid's colour): SYNCED on Istiod's current version;
 * SYNCED on an older one (the push has not reached it yet); queued at Istiod (a push is owed:
 * waiting for the PushContext or a throttle slot); STALE (sent, not ACKed); NOT SENT (a subscribed
 * type not answered yet); ERROR (its last request was a NACK); waiting for admission (its new
 * stream waits for a token, at most 1 s); disconnected (no stream: it serves its cached config).
 */
export const ProxyState = {
  Synced: 0,
  Old: 1,
  Queued: 2,
  Stale: 3,
  NotSent: 4,
  Error: 5,
  Admission: 6,
  Disconnected: 7,
} as const;
export type ProxyState = (typeof ProxyState)[keyof typeof ProxyState];

export const STATE_COUNT = 8;

/** Words for each state: a short name (legend, counts) and what it means. */
export const STATE_TEXT: readonly { name: string; means: string }[] = [
  { name: 'SYNCED, current version', means: 'ACKed what Istiod sent; runs its latest version' },
  {
    name: 'SYNCED, older version',
    means: 'ACKed what it was sent; the new version has not reached it yet',
  },
  {
    name: 'queued at Istiod',
    means: 'a push is owed (istioctl still says SYNCED): waiting for a throttle slot',
  },
  { name: 'STALE', means: 'sent, not ACKed yet' },
  { name: 'NOT SENT', means: 'subscribed, nothing sent yet' },
  { name: 'ERROR', means: 'its last request was a NACK' },
  { name: 'waiting for admission', means: 'its new stream waits for a token (at most 1 s)' },
  { name: 'disconnected', means: 'no stream: serves its cached config, retries with backoff' },
];

/** `2026-05-09T18:00:55Z/7` → `/7 (18:00:55)`: short enough for a legend. */
export function shortVersion(v: string | null): string {
  if (v === null) return 'no config';
  const m = /T(\d\d:\d\d:\d\d)Z\/(\d+)$/.exec(v);
  return m ? `/${m[2]} (${m[1]})` : v;
}
