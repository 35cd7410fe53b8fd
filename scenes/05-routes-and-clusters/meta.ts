import type { SceneMeta } from '../../src/scene/types';

/** Scene 5's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 5,
  slug: 'routes-and-clusters',
  title: 'Routes and clusters',
  subtitle: 'RDS and CDS',
  caption:
    'The caller’s sidecar routes every request from its own tables: a route configuration (RDS) picks the virtual host and route, and a weighted route draws one of Istio’s clusters (CDS) per request — 90 to blue v1, 10 to green v2.',
  teaches:
    'A route table (RDS) picks the virtual host and route; a weighted route draws one cluster (CDS) per request.',
  previously:
    'Scene 4 followed one connection through the outbound listener and its filter chain to the router filter. The router now needs a route, which arrives over RDS, and a cluster to send to, which arrives over CDS.',
};
