import { windowSummary, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';
import { SLOW_POD } from './runs';

/** Asked before payments-v1-b turns slow under LEAST_REQUEST: what share of calls does it get? */
export const slowPodShare: Prediction<MeshSource> = {
  question:
    'Next, payments-v1-b gets 200 ms slower per request. With least request, what share of checkout-1’s calls will it get?',
  choices: [
    { id: 'third', label: 'Still about a third: every pod gets its turn' },
    { id: 'few', label: 'Far fewer than a third, but not none' },
    { id: 'none', label: 'None: a slow pod is taken out' },
  ],
  answer: (sim) => {
    const w = windowSummary(sim, 'payments');
    const row = w?.service.hosts.find((h) => h.host === SLOW_POD);
    if (!w || w.service.calls.done === 0) return null;
    const share = row?.share ?? 0;
    return share === 0 ? 'none' : share < 0.2 ? 'few' : 'third';
  },
  evidence: 'payments-v1-b’s share in the plot’s new row, far under 33%.',
};
