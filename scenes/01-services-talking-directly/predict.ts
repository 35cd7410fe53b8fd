import { recentOutcomes, type DirectSim } from '../../src/engine/direct';
import type { Prediction } from '../../src/scene/types';

/**
 * Asked before payments-v1-a is killed: what does checkout-1 see when kube-proxy sends its
 * connection to the dead pod? Read from checkout-1's last finished attempt.
 */
export const deadPod: Prediction<DirectSim> = {
  question:
    'Next, payments-v1-a dies: its IP stops answering. When kube-proxy sends one of checkout-1’s connections to it, what happens?',
  choices: [
    { id: 'refused', label: 'The call fails at once: connection refused' },
    { id: 'timeout', label: 'checkout-1 waits out its own 2 s connect timeout, then dials again' },
    { id: 'rerouted', label: 'kube-proxy notices and sends it to a live pod at once' },
  ],
  answer: (sim) => {
    const last = [...recentOutcomes(sim)].reverse().find((o) => o.caller === 'checkout-1');
    if (!last) return null;
    if (last.ok) return 'rerouted';
    return last.reason === 'connection refused' ? 'refused' : 'timeout';
  },
  evidence:
    'checkout-1’s failed attempt: the panel’s line and the diagram show it waiting on the dead IP until its timeout.',
};
