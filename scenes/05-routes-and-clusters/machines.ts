import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** Scene 5's panels, as tables "trace entry → line" (both follow the selected caller). */
const newRoutes = { to: 'load', when: (e: MeshTrace) => e.type === 'xds.ack' && e.xds === 'RDS' };

/** RouteTable.match — a new route configuration is loaded; each request matches a route [1]. */
export const matchMachine = anchorTable<MeshTrace>({
  id: 'routeTableMatch',
  initial: 'listener',
  on: { 'xds.ack': newRoutes, 'route.pick': 'route' },
});

/** WeightedClusters.pick — new weights give a new total; each request's draw chooses a cluster. */
export const pickMachine = anchorTable<MeshTrace>({
  id: 'weightedClustersPick',
  initial: null,
  on: { 'xds.ack': { to: 'total', when: newRoutes.when }, 'route.pick': 'choose' },
});

// [1] One `route.pick` entry per request carries the match and the draw (candidates, weights,
//     the drawn value, the chosen cluster), so both panels move on it.
