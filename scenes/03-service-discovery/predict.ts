import { sidecarEds, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

/** Asked before the callers apply the EDS push that follows payments-v1-a's failed probe. */
export const notReadyEndpoint: Prediction<MeshSource> = {
  question:
    'The EDS-only push is on its way. In checkout-1’s endpoint list for payments, what becomes of payments-v1-a (not ready, still running)?',
  choices: [
    { id: 'gone', label: 'It is left out of the list' },
    { id: 'unhealthy', label: 'It stays, marked UNHEALTHY' },
    { id: 'stays', label: 'It stays as it is until the pod is deleted' },
  ],
  answer: (sim) => {
    const cla = sidecarEds(sim, 'checkout-1', 'payments').find((c) => c.subset === null);
    if (!cla) return null;
    const e = cla.endpoints.find((x) => x.pod === 'payments-v1-a');
    if (!e) return 'gone';
    return e.health === 'UNHEALTHY' ? 'unhealthy' : 'stays';
  },
  evidence: 'checkout-1’s row of the endpoints table: payments-v1-a is no longer in it.',
};
