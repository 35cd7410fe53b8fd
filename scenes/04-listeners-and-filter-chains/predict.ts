import { walkView, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

/** Asked before web-1's app dials a host the registry does not know. */
export const unknownHost: Prediction<MeshSource> = {
  question:
    'Next, web-1’s app dials api.partner.example:443, a host the mesh does not know: there is no listener for port 443. What does web-1’s Envoy do with the connection?',
  choices: [
    { id: 'passthrough', label: 'Forwards it unchanged to the address the app dialled' },
    { id: 'blackhole', label: 'Closes it: unknown destinations are blocked' },
    { id: 'bypass', label: 'Nothing: iptables lets it skip Envoy' },
  ],
  answer: (sim) => {
    const w = walkView(sim);
    if (!w || w.walk.to !== 'external') return null;
    const hops = w.walk.hops;
    if (hops.some((h) => h.cluster === 'BlackHoleCluster')) return 'blackhole';
    if (hops.some((h) => h.cluster === 'PassthroughCluster')) return 'passthrough';
    return hops.some((h) => h.pod === w.walk.from && h.stage === 'listener.accept')
      ? null
      : 'bypass';
  },
  evidence:
    'The walk’s last hops: virtualOutbound’s catch-all chain, tcp_proxy to PassthroughCluster (ALLOW_ANY).',
};
