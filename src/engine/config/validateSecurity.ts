/**
 * PeerAuthentication and AuthorizationPolicy rules (Istio's `ValidatePeerAuthentication`,
 * `ValidateAuthorizationPolicy`), the parts the simulator models.
 */
import { Reporter, checkLabels } from './checks';
import type { AuthorizationPolicy, PeerAuthentication } from './istio';

/** All rule violations of one PeerAuthentication. */
export function validatePeerAuthentication(pa: PeerAuthentication): Reporter['errors'] {
  const r = new Reporter(pa);
  if (pa.spec.selector) {
    if (Object.keys(pa.spec.selector.matchLabels ?? {}).length === 0)
      r.add('spec.selector.matchLabels', 'empty selector is not supported');
    checkLabels(r, 'spec.selector.matchLabels', pa.spec.selector.matchLabels);
  }
  return r.errors;
}

/** All rule violations of one AuthorizationPolicy. */
export function validateAuthorizationPolicy(ap: AuthorizationPolicy): Reporter['errors'] {
  const r = new Reporter(ap);
  const { spec } = ap;
  if (spec.selector) checkLabels(r, 'spec.selector.matchLabels', spec.selector.matchLabels);
  if (spec.action === 'CUSTOM') r.add('spec.action', 'CUSTOM action requires a provider (extension providers are not modelled)');
  (spec.rules ?? []).forEach((rule, i) => {
    (rule.from ?? []).forEach((from, j) => {
      const p = `spec.rules[${i}].from[${j}].source`;
      const src = from.source;
      if (!src) {
        r.add(p, `\`from.source\` must not be nil, found at rule ${i}`);
        return;
      }
      if ((src.principals ?? []).length === 0 && (src.namespaces ?? []).length === 0)
        r.add(p, `\`from.source\` must not be empty, found at rule ${i}`);
      (src.principals ?? []).forEach((v, k) => {
        if (v === '') r.add(`${p}.principals[${k}]`, `empty value is not allowed, found in rule ${i}`);
      });
    });
    (rule.to ?? []).forEach((to, j) => {
      const op = to.operation;
      if (!op || ((op.paths ?? []).length === 0 && (op.methods ?? []).length === 0))
        r.add(`spec.rules[${i}].to[${j}].operation`, `\`to.operation\` must not be empty, found at rule ${i}`);
    });
  });
  return r.errors;
}
