import type { SceneMeta } from '../../src/scene/types';

/** Scene 6's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 6,
  slug: 'load-balancing',
  title: 'Load balancing',
  subtitle: 'picking an endpoint',
  caption:
    'For every request the caller’s Envoy picks one pod of the cluster: round robin takes them in turn, least request (Istio’s default) draws two and keeps the one with fewer requests in flight, ring hash keeps each user on one pod. Make one pod slow and compare the latency percentiles.',
  teaches:
    'Round robin, least request (Istio’s default) and ring hash, measured side by side with one slow pod.',
  previously:
    'Scene 5’s route chose a cluster. Inside that cluster the caller’s Envoy still has to choose one pod per request, from the endpoints EDS gave it (scene 3) — and it does so without asking anyone.',
};
