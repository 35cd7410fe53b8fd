import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** Scene 8's panels, as tables "trace entry → line" (both follow the selected caller) [1]. */

const decided =
  (d: string) =>
  (e: MeshTrace): boolean =>
    e.type === 'pool.admit' && e.decision === d;
const overflow =
  (limit: string) =>
  (e: MeshTrace): boolean =>
    e.type === 'pool.overflow' && e.limit === limit;

/** ConnectionPool.admit — the caller's pool takes, queues or rejects each attempt [2]. */
export const admitMachine = anchorTable<MeshTrace>({
  id: 'connectionPoolAdmit',
  initial: null,
  on: {
    'xds.ack': { to: 'limits', when: (e) => e.type === 'xds.ack' && e.xds === 'CDS' },
    'pool.admit': [
      { to: 'reuse', when: decided('reuse') },
      { to: 'connect', when: decided('connect') },
      { to: 'queue', when: decided('queue') },
      { to: 'dequeue', when: decided('dequeue') },
    ],
    'pool.overflow': [
      { to: 'pendingOverflow', when: overflow('max_pending_requests') },
      { to: 'requestsOverflow', when: overflow('max_requests') },
      { to: 'cxOverflow', when: overflow('max_connections') },
    ],
  },
});

const response =
  (d: string) =>
  (e: MeshTrace): boolean =>
    e.type === 'outlier.response' && e.decision === d;

/** OutlierDetector.onResponse — each response a host gives this caller, and the interval tick. */
export const outlierMachine = anchorTable<MeshTrace>({
  id: 'outlierDetectorOnResponse',
  initial: null,
  on: {
    'outlier.response': [
      { to: 'reset', when: response('reset') },
      { to: 'maxPercent', when: response('maxEjectionPercent') },
      { to: 'eject', when: response('eject') },
      'count', // [3]
    ],
    'outlier.ejected': 'eject',
    'outlier.returned': 'return',
    'outlier.decremented': 'decrement',
  },
});

// [1] Every entry here carries `pod` (the client sidecar), so a panel following checkout-1 sees
//     only checkout-1's pool and detector: each Envoy keeps its own (docs/fidelity.md §4.6, §4.7).
// [2] A max_retries overflow belongs to the router's retry logic (scene 7), not to the pool: the
//     panel ignores it. A new CDS (the DestinationRule's limits) lights the line that reads them.
// [3] `count`, and `ejected` (a 5xx from a host already out: counted, nothing more to decide).
