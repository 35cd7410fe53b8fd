import type { SceneMeta } from '../../src/scene/types';

/** Scene 10's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 10,
  slug: 'traffic-policy',
  title: 'Traffic policy from a central operator',
  subtitle: 'VirtualService and DestinationRule',
  caption:
    'The operator writes YAML; Istio’s webhook validates it, Istiod compiles it into every sidecar’s routes and clusters. Move the canary, inject faults, make a mistake — an invalid document is rejected with Istio’s message and nothing changes.',
  teaches:
    'The operator’s VirtualService and DestinationRule are validated, compiled and pushed: canary shifts and fault injection.',
  previously:
    'Scene 9 gave every sidecar an identity and let a policy decide who may call payments. The routes of scenes 5 to 8 came from two objects an operator wrote: now edit them yourself, and watch Istiod turn each change into route tables.',
};
