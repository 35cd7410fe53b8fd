import type { SceneMeta } from '../../src/scene/types';

/** Scene 7's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 7,
  slug: 'timeouts-and-retries',
  title: 'Timeouts and retries',
  subtitle: 'every hop retries',
  caption:
    'The caller’s Envoy retries a failed try on another pod after a jittered backoff, and gives up at a timeout. Istio’s default retries connect failures but not a 503 from the app; turn on retries for 5xx at each hop and watch the success rate rise — and the load on payments multiply.',
  teaches:
    'Istio’s default retries, route and per-try timeouts, and how retries multiply when every hop retries.',
  previously:
    'In scene 6 the caller’s Envoy picked one pod per request. When that pod fails or is too slow, the same Envoy can pick again — under a retry policy and a timeout that come with the route (RDS).',
};
