import type { SceneMeta } from '../../src/scene/types';

/** Scene 3's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 3,
  slug: 'service-discovery',
  title: 'Service discovery',
  subtitle: 'endpoints (EDS)',
  caption:
    'Kubernetes keeps the list of payments pods and which of them are ready; Istiod turns the ready ones into a ClusterLoadAssignment (EDS) in every caller’s sidecar. Fail a readiness probe, kill a pod or scale payments: each caller’s list changes about 100 ms later, after Istiod’s debounce, in an EDS-only push.',
  teaches:
    'The registry watches pods, and a service’s ready endpoints reach every caller’s sidecar over EDS.',
  previously:
    'Scene 2 put an Envoy beside every app and sent the app’s calls through it. The app still calls payments:8080; to forward the call, its sidecar must know which payments pods exist right now, and which are ready.',
};
