/**
 * The payments canary weights in force in the operator's config (what the API server stored):
 * the share of v2 in the catch-all route of the payments VirtualService, 0–100, or null when
 * that route is not a v1/v2 split. A refused edit changes nothing here.
 */
import { memoBySim, type MeshSource } from './memo';

export const canaryPercent: (sim: MeshSource) => number | null = memoBySim((sim) => {
  const vs = sim.state.config.virtualServices.find((v) => v.metadata.name === 'payments');
  const http = vs?.spec.http ?? [];
  const rule = http.find((r) => (r.match ?? []).length === 0) ?? http[http.length - 1];
  const route = rule?.route ?? [];
  const weight = (subset: string) =>
    route.find((d) => d.destination.subset === subset)?.weight ?? 0;
  const v1 = weight('v1');
  const v2 = weight('v2');
  return v1 + v2 > 0 ? Math.round((100 * v2) / (v1 + v2)) : null;
});
