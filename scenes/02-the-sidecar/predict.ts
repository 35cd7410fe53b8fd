import type { MeshTrace } from '../../src/engine/mesh/contract';
import { sidecarViews } from '../../src/engine/mesh/views';
import type { MeshSim } from '../../src/engine/mesh/types';
import type { Prediction } from '../../src/scene/types';

const INJECTOR = 'namespace.sidecar-injector.istio.io';

/** Asked before Istiod is killed and web-1 is asked for again with a sidecar. */
export const injectWithoutIstiod: Prediction<MeshSim> = {
  question:
    'Next, Istiod is killed, then web-1 is recreated with a sidecar again. What happens to web-1?',
  choices: [
    { id: 'sidecar', label: 'It gets its sidecar: injection does not need Istiod' },
    { id: 'plain', label: 'A new web-1 starts, without a sidecar' },
    { id: 'refused', label: 'The API server refuses the new pod; the old web-1 keeps running' },
  ],
  answer: (sim) => {
    if (sidecarViews(sim).find((s) => s.pod === 'web-1')?.injected) return 'sidecar';
    const refused = (sim.trace.recent(256) as MeshTrace[]).some(
      (e) => e.type === 'config.rejected' && e.webhook === INJECTOR,
    );
    return refused ? 'refused' : 'plain';
  },
  evidence:
    'The log’s “Pod creation refused” line: the sidecar injector is a webhook served by Istiod.',
};
