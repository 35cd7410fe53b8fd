import type { SceneMeta } from '../../src/scene/types';

/** Scene 12's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 12,
  slug: 'certificate-rotation',
  title: 'Certificate rotation',
  subtitle: 'hours per second',
  caption:
    'Workload certificates live 24 hours and are renewed at about half their life; a root can be re-issued with the same key or replaced by one with a new key, with both trusted during the overlap. Kill Istiod for longer than the certificates have left: existing connections carry on, new handshakes fail.',
  teaches:
    'Certificates renew at about half their 24 h life; with Istiod down past expiry, new handshakes fail.',
  previously:
    'Scene 11 killed Istiod and traffic kept flowing: Envoy serves its cached config. Certificates are the part of that cache with an expiry date. Time now runs at hours per second, to watch them age.',
};
