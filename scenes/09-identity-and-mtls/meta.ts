import type { SceneMeta } from '../../src/scene/types';

/** Scene 9's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 9,
  slug: 'identity-and-mtls',
  title: 'Identity and mTLS',
  subtitle: 'certs from a central CA',
  caption:
    'Every workload gets a SPIFFE identity and a certificate from Istiod’s CA; sidecars prove who they are to each other in every mTLS handshake, and policies decide by that identity who may call whom.',
  teaches:
    'SPIFFE identities, certificates signed by Istiod’s CA and handed to Envoy over SDS, mTLS and authorization.',
  previously:
    'Scene 8 kept a failing payments pod out of rotation. The sidecars have been talking mTLS all along — now see where their certificates come from, what each handshake checks, and how payments can refuse a caller by name.',
};
