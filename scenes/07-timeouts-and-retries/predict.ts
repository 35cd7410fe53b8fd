import { windowSummary, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

/** Asked before every payments pod starts failing 30% of its requests, under Istio's default retries. */
export const defaultRetries: Prediction<MeshSource> = {
  question:
    'Next, every payments pod answers 503 to 30% of its requests. The routes keep Istio’s default retry policy. What do users see?',
  choices: [
    { id: 'fail', label: 'About 30% of their requests fail' },
    { id: 'retried', label: 'Almost none fail: Envoy retries the 503s on another pod' },
    { id: 'all', label: 'Most requests fail: the retries pile up' },
  ],
  answer: (sim) => {
    const rate = windowSummary(sim, 'payments')?.users.successRate ?? null;
    if (rate === null) return null;
    return rate > 0.9 ? 'retried' : rate >= 0.5 ? 'fail' : 'all';
  },
  evidence:
    'The plot’s new row: users’ success near 70%, and exactly one payments try per user request.',
};
