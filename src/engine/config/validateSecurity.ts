/**
 * PeerAuthentication rules (Istio's `ValidatePeerAuthentication`); AuthorizationPolicy rules are
 * in validateAuthorizationPolicy.ts.
 */
import { Reporter } from './checks';
import { checkWorkloadSelector } from './checksNet';
import type { PeerAuthentication } from './istio';

export { validateAuthorizationPolicy } from './validateAuthorizationPolicy';

/** All rule violations of one PeerAuthentication. */
export function validatePeerAuthentication(pa: PeerAuthentication): Reporter {
  const r = new Reporter(pa);
  const { spec } = pa;
  const emptySelector = Object.keys(spec.selector?.matchLabels ?? {}).length === 0;
  const ports = spec.portLevelMtls;
  if (emptySelector && ports && Object.keys(ports).length > 0)
    r.add('spec.portLevelMtls', 'mesh/namespace peer authentication cannot have port level mTLS');
  if (ports && Object.keys(ports).length === 0)
    r.add('spec.portLevelMtls', 'port level mTLS, if defined, must have at least one element');
  for (const port of Object.keys(ports ?? {})) {
    const n = Number(port);
    if (n <= 0 || n > 65535) r.add(`spec.portLevelMtls.${port}`, 'port must be in range 1..65535');
  }
  checkWorkloadSelector(r, 'spec.selector', spec.selector);
  return r;
}
