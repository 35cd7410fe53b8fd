import type { SceneEntry } from './types';

/**
 * The ordered scene registry: the app lists scenes in this order. A scene folder that is not
 * registered here, or two scenes sharing a number or slug, fails the registry test.
 */
export const scenes: SceneEntry[] = [
  {
    number: 11,
    slug: 'control-plane-and-data-plane',
    title: 'Control plane and data plane — config over gRPC',
    caption:
      'Sidecars (data plane) handle traffic; the control plane (Istiod) streams config to them over xDS. Kill the control plane and traffic keeps flowing.',
    load: () => import('./11-control-plane-and-data-plane'),
  },
];
