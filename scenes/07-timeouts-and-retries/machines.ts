import type { MeshTrace, MeshTraceOf } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

type Done = MeshTraceOf<'attempt.done'>;
const done =
  (decision: Done['decision'], also: (e: Done) => boolean = () => true) =>
  (e: MeshTrace): boolean =>
    e.type === 'attempt.done' && e.decision === decision && also(e);
const ok = (e: Done): boolean => e.code >= 200 && e.code < 400;
const timedOut = (e: Done): boolean => e.flags.split(',').includes('UT');

/**
 * Router.sendWithRetries — the selected sidecar's calls: each pick, each try's end (a per-try
 * timeout, a retry's backoff, the answer going back to the app), a route timeout [1].
 */
export const routerMachine = anchorTable<MeshTrace>({
  id: 'routerSendWithRetries',
  initial: null,
  on: {
    'lb.pick': 'pick',
    'attempt.done': [
      { to: 'perTry', when: done('retry', timedOut) },
      { to: 'backoff', when: done('retry') },
      { to: 'routeTimeout', when: done('routeTimeout') },
      'return',
    ],
  },
});

/** RetryPolicy.shouldRetry — Envoy's decision on each try's outcome (a route timeout skips it). */
export const shouldRetryMachine = anchorTable<MeshTrace>({
  id: 'retryPolicyShouldRetry',
  initial: null,
  on: {
    'attempt.done': [
      { to: 'retry', when: done('retry') },
      { to: 'exhausted', when: done('exhausted') },
      { to: 'overflow', when: done('overflow') },
      { to: 'ok', when: done('return', ok) },
      { to: 'notRetriable', when: done('return') },
    ],
  },
});

// [1] One `lb.pick` and one `attempt.done` per try (the call-graph model's detail entries): the
//     panel walks the loop once per try of every call the sidecar makes.
