import type { SceneEntry } from '../src/scene/types';
import { meta as scene1 } from './01-services-talking-directly/meta';
import { meta as scene2 } from './02-the-sidecar/meta';
import { meta as scene3 } from './03-service-discovery/meta';
import { meta as scene4 } from './04-listeners-and-filter-chains/meta';
import { meta as scene5 } from './05-routes-and-clusters/meta';
import { meta as scene6 } from './06-load-balancing/meta';
import { meta as scene7 } from './07-timeouts-and-retries/meta';
import { meta as scene8 } from './08-circuit-breaking-and-outlier-detection/meta';
import { meta as scene9 } from './09-identity-and-mtls/meta';
import { meta as scene10 } from './10-traffic-policy/meta';
import { meta as scene11 } from './11-control-plane-and-data-plane/meta';
import { meta as scene12 } from './12-certificate-rotation/meta';
import { meta as scene13 } from './13-observability-and-the-whole-mesh/meta';

/**
 * The ordered scene registry, handed to the app by src/main.tsx. Register a scene here and the
 * curriculum test and the generated end-to-end test cover it at once. A scene folder that is not
 * registered, or two scenes sharing a number or slug, fails the registry test.
 */
export const scenes: SceneEntry[] = [
  { meta: scene1, load: () => import('./01-services-talking-directly') },
  { meta: scene2, load: () => import('./02-the-sidecar') },
  { meta: scene3, load: () => import('./03-service-discovery') },
  { meta: scene4, load: () => import('./04-listeners-and-filter-chains') },
  { meta: scene5, load: () => import('./05-routes-and-clusters') },
  { meta: scene6, load: () => import('./06-load-balancing') },
  { meta: scene7, load: () => import('./07-timeouts-and-retries') },
  { meta: scene8, load: () => import('./08-circuit-breaking-and-outlier-detection') },
  { meta: scene9, load: () => import('./09-identity-and-mtls') },
  { meta: scene10, load: () => import('./10-traffic-policy') },
  { meta: scene11, load: () => import('./11-control-plane-and-data-plane') },
  { meta: scene12, load: () => import('./12-certificate-rotation') },
  { meta: scene13, load: () => import('./13-observability-and-the-whole-mesh') },
];
