import { loadView, poolView, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

const CLUSTER = 'outbound|8080||payments.shop.svc.cluster.local';

/** Asked before fortio runs two calls at once against maxConnections 1 and one pending slot. */
export const twoAtOnce: Prediction<MeshSource> = {
  question:
    'Next, fortio runs two calls at once (-c 2). cart-1’s limits for payments: one connection, one pending request. What happens?',
  choices: [
    { id: 'wait', label: 'The extra call waits its turn: all 20 calls succeed' },
    { id: 'overflow', label: 'Some calls fail at once with 503 UO, from cart-1’s own Envoy' },
    { id: 'server', label: 'payments refuses the extra calls with 503' },
  ],
  answer: (sim) => {
    if (poolView(sim, 'cart-1', CLUSTER).overflow.max_pending_requests > 0) return 'overflow';
    const run = loadView(sim);
    if (!run) return null;
    return (run.byCode['503'] ?? 0) > 0 ? 'server' : 'wait';
  },
  evidence: 'cart-1’s pool: the max_pending_requests overflow count (UO) is no longer 0.',
};
