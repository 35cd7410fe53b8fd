import type { SceneMeta } from '../../src/scene/types';

/** Scene 8's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 8,
  slug: 'circuit-breaking-and-outlier-detection',
  title: 'Circuit breaking and outlier detection',
  subtitle: 'connection-pool limits and ejection',
  caption:
    'Each caller’s sidecar guards each upstream cluster on its own: connection-pool limits turn excess calls into an instant 503 UO, and an outlier detector ejects a host that keeps answering 5xx, then lets it back after base ejection time × a multiplier that grows with each ejection.',
  teaches:
    'Connection-pool limits answer 503 UO, and outlier detection ejects a host that keeps returning 5xx.',
  previously:
    'Scene 7 retried failed calls and bounded them with timeouts — but a retry is more load on a service that is already failing. The caller’s Envoy can also refuse work it cannot queue, and stop sending to a host that keeps failing.',
};
