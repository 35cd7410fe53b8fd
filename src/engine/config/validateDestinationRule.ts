/**
 * DestinationRule rules of Istio's `ValidateDestinationRule` (pkg/config/validation): host,
 * traffic policy (validateTrafficPolicy.ts), subsets (DNS-label names, no duplicates, valid
 * labels, their own policies), exportTo and the workload selector.
 */
import { Reporter, checkLabels, isDNS1123Label, validateWildcardDomain } from './checks';
import { checkExportTo, checkWorkloadSelector } from './checksNet';
import type { DestinationRule } from './istio';
import { checkTrafficPolicy } from './validateTrafficPolicy';

/** All rule violations of one DestinationRule. */
export function validateDestinationRule(dr: DestinationRule): Reporter {
  const r = new Reporter(dr);
  const { spec } = dr;
  const ns = dr.metadata.namespace;
  const hostErr = validateWildcardDomain(spec.host);
  if (hostErr) r.add('spec.host', hostErr);
  if (spec.trafficPolicy) checkTrafficPolicy(r, 'spec.trafficPolicy', ns, spec.trafficPolicy);
  const seen = new Set<string>();
  (spec.subsets ?? []).forEach((s, i) => {
    const p = `spec.subsets[${i}]`;
    const name = s.name ?? '';
    if (seen.has(name)) r.add(`${p}.name`, `duplicate subset names: ${name}`);
    seen.add(name);
    if (name === '') r.add(`${p}.name`, 'subset name cannot be empty');
    else if (!isDNS1123Label(name)) r.add(`${p}.name`, `subset name is invalid: ${name}`);
    checkLabels(r, `${p}.labels`, s.labels);
    if (s.trafficPolicy) checkTrafficPolicy(r, `${p}.trafficPolicy`, ns, s.trafficPolicy);
  });
  checkExportTo(r, ns, spec.exportTo, spec.workloadSelector !== undefined);
  checkWorkloadSelector(r, 'spec.workloadSelector', spec.workloadSelector);
  return r;
}
