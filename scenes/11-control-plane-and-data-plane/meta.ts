import type { SceneMeta } from '../../src/scene/types';

/** Scene 11's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 11,
  slug: 'control-plane-and-data-plane',
  title: 'Control plane and data plane',
  subtitle: 'config over gRPC',
  caption:
    'Sidecars (data plane) handle traffic; the control plane (Istiod) streams listener, route, cluster and endpoint config to them over xDS. Kill the control plane and traffic keeps flowing.',
  teaches:
    'Istiod is off the request path: ADS streams carry config, each push is ACKed or NACKed, and traffic outlives Istiod.',
  previously:
    'Each istio-agent made its own key and CSR and had Istiod’s CA sign its certificate; route tables came from an operator’s YAML. One process turns all that config into Envoy resources and streams it to every sidecar, live — and that role splits the mesh into two planes.',
};
