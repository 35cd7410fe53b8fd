/**
 * PeerAuthentication and AuthorizationPolicy rules (Istio's `ValidatePeerAuthentication`,
 * `ValidateAuthorizationPolicy`, `validateWorkloadSelector`), the parts the simulator models.
 * AuthorizationPolicy errors carry Istio's prefix `invalid policy <name>.<namespace>:`.
 */
import { Reporter } from './checks';
import type { AuthorizationPolicy, PeerAuthentication } from './istio';

/** `validateWorkloadSelector`: no empty keys, no wildcards; no labels at all is only a warning. */
function checkSelector(
  r: Reporter,
  selector: { matchLabels?: Record<string, string> } | undefined,
): void {
  if (!selector) return;
  const labels = selector.matchLabels ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (k === '')
      r.add('spec.selector.matchLabels', `empty key is not supported in selector: "${k}=${v}"`);
    if (k.includes('*') || v.includes('*'))
      r.add(`spec.selector.matchLabels.${k}`, `wildcard is not supported in selector: "${k}=${v}"`);
  }
  if (Object.keys(labels).length === 0)
    r.warn('spec.selector', 'workload selector specified without labels');
}

/** All rule violations of one PeerAuthentication. */
export function validatePeerAuthentication(pa: PeerAuthentication): Reporter {
  const r = new Reporter(pa);
  checkSelector(r, pa.spec.selector);
  return r;
}

const MEANINGLESS =
  'action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request';

function emptyValues(r: Reporter, path: string, key: string, values: string[] | undefined): void {
  const i = (values ?? []).indexOf('');
  if (i >= 0) r.add(`${path}[${i}]`, `empty value not allowed, found in ${key}`);
}

/** All rule violations of one AuthorizationPolicy. */
export function validateAuthorizationPolicy(ap: AuthorizationPolicy): Reporter {
  const r = new Reporter(ap);
  r.prefix = `invalid policy ${ap.metadata.name}.${ap.metadata.namespace}: `;
  const { spec } = ap;
  checkSelector(r, spec.selector);
  if (spec.action === 'CUSTOM') {
    // Simplified: `provider` is not modelled, so a CUSTOM policy with rules always lacks it.
    r.add(
      'spec.action',
      spec.rules === undefined ? `CUSTOM ${MEANINGLESS}` : '`provider.name` must not be empty',
    );
  }
  if (spec.action === 'DENY' && spec.rules === undefined)
    r.add('spec.rules', `DENY ${MEANINGLESS}`);
  (spec.rules ?? []).forEach((rule, i) => {
    const rp = `spec.rules[${i}]`;
    if (rule.from !== undefined && rule.from.length === 0)
      r.add(`${rp}.from`, `\`from\` must not be empty, found at rule ${i}`);
    (rule.from ?? []).forEach((from, j) => {
      const p = `${rp}.from[${j}].source`;
      const src = from.source;
      if (!src) {
        r.add(p, `\`from.source\` must not be nil, found at rule ${i}`);
        return;
      }
      if ((src.principals ?? []).length === 0 && (src.namespaces ?? []).length === 0)
        r.add(p, `\`from.source\` must not be empty, found at rule ${i}`);
      emptyValues(r, `${p}.principals`, 'Principals', src.principals);
      emptyValues(r, `${p}.namespaces`, 'Namespaces', src.namespaces);
    });
    if (rule.to !== undefined && rule.to.length === 0)
      r.add(`${rp}.to`, `\`to\` must not be empty, found at rule ${i}`);
    (rule.to ?? []).forEach((to, j) => {
      const p = `${rp}.to[${j}].operation`;
      const op = to.operation;
      if (!op) {
        r.add(p, `\`to.operation\` must not be nil, found at rule ${i}`);
        return;
      }
      if ((op.paths ?? []).length === 0 && (op.methods ?? []).length === 0)
        r.add(p, `\`to.operation\` must not be empty, found at rule ${i}`);
      emptyValues(r, `${p}.methods`, 'Methods', op.methods);
      emptyValues(r, `${p}.paths`, 'Paths', op.paths);
    });
  });
  return r;
}
