import { picks, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

const PAYMENTS = ['payments-v1-a', 'payments-v1-b', 'payments-v2-a'];

/** Asked before web-1 sends its 100 requests: whose sidecar draws v1 or v2? */
export const whoRoutes: Prediction<MeshSource> = {
  question:
    'Next, web-1 sends 100 requests to payments. Which proxy draws v1 or v2 for each of them?',
  choices: [
    { id: 'caller', label: 'web-1’s own sidecar, from its copy of the route table' },
    { id: 'server', label: 'The sidecar of the payments pod that receives it' },
    { id: 'istiod', label: 'Istiod, which decides for every request' },
  ],
  answer: (sim) => {
    if ((picks(sim, 'web-1').sinceSend?.total ?? 0) > 0) return 'caller';
    return PAYMENTS.some((p) => picks(sim, p).total > 0) ? 'server' : null;
  },
  evidence: 'web-1’s pick table fills with its own draws; no payments sidecar drew anything.',
};
