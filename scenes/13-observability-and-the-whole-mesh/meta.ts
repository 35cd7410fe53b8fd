import type { SceneMeta } from '../../src/scene/types';

/** Scene 13's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 13,
  slug: 'observability-and-the-whole-mesh',
  title: 'Observability and the whole mesh',
  subtitle: 'metrics, traces, access logs — and finding the cause',
  caption:
    'Every sidecar reports each call it sees: the caller’s as reporter “source”, the callee’s as “destination”. Rates, errors and latency percentiles, a distributed trace that only joins up when the apps forward its headers, and an access-log line per call with Envoy’s response flags. Then break things and find the cause from the signals alone.',
  teaches:
    'Golden signals per reporter, traces that join only with forwarded headers, and response flags: enough to name a fault.',
  previously:
    'Scenes 3 to 12 each broke one thing and showed where it broke. In production nobody tells you: all you have is what the sidecars report.',
};
