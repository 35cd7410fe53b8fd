import type { MeshTrace } from '../../src/engine/mesh/contract';
import { istiodView, type MeshSource } from '../../src/engine/mesh/views';
import type { MeshSim } from '../../src/engine/mesh/types';
import type { Prediction } from '../../src/scene/types';

/** A weight below 0 in the stored payments VirtualService. */
const storedNegative = (sim: MeshSource): boolean =>
  (sim.state.config.virtualServices.find((v) => v.metadata.name === 'payments')?.spec.http ?? [])
    .flatMap((h) => h.route ?? [])
    .some((r) => (r.weight ?? 0) < 0);

/** Asked before the operator applies a VirtualService with weight -10. */
export const negativeWeight: Prediction<MeshSim> = {
  question: 'Next, the operator applies the VirtualService with a slip: weight -10. What happens?',
  choices: [
    { id: 'refused', label: 'kubectl apply is refused with an error; nothing changes' },
    { id: 'nack', label: 'Istiod pushes it and every Envoy NACKs it' },
    { id: 'stored', label: 'It is stored and pushed; -10 counts as 0' },
  ],
  answer: (sim) => {
    if (storedNegative(sim)) return istiodView(sim).rejects > 0 ? 'nack' : 'stored';
    const refused = (sim.trace.recent(512) as MeshTrace[]).some(
      (e) => e.type === 'config.rejected',
    );
    return refused ? 'refused' : null;
  },
  evidence:
    'The editor shows the webhook’s error at the weight’s line; the routes table is unchanged.',
};
