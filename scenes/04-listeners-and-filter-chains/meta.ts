import type { SceneMeta } from '../../src/scene/types';

/** Scene 4's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 4,
  slug: 'listeners-and-filter-chains',
  title: 'Listeners and filter chains',
  subtitle: 'LDS',
  caption:
    'How a sidecar takes a connection: the virtual outbound listener, the original-destination handoff, the filter chain match, the HTTP connection manager and Istio’s HTTP filters, the router — and the inbound side at 15006.',
  teaches:
    'How a sidecar accepts a connection: listeners, the original destination, filter-chain matching and the router filter.',
  previously:
    'Scene 3 filled every sidecar with endpoints over EDS. Scene 2 showed iptables handing the app’s connection to Envoy on 15001; now open Envoy up and follow that connection through its listeners (LDS), stage by stage.',
};
