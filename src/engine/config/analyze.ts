/**
 * A few of `istioctl analyze`'s cross-object checks: mistakes between objects that the admission
 * webhook accepts (it sees one object at a time) but that break traffic, e.g. a route to a subset
 * no DestinationRule defines (503 NC at request time). Output worded as istioctl prints it:
 * `Error [IST0101] (VirtualService shop/payments) Referenced host+subset in destinationrule not found: "payments+v3"`.
 */
import type { VirtualService } from './istio';
import { appliesToMesh, destinationRuleFor, resolveHost } from './lookup';
import type { MeshConfig, MeshPod } from './mesh';

/** One analyzer finding. */
export interface AnalysisMessage {
  code: 'IST0101' | 'IST0109';
  level: 'Error' | 'Warning';
  /** `Kind namespace/name`. */
  resource: string;
  message: string;
  /** The `spec` path it is about, when there is one. */
  path?: string;
}

const ref = (vs: VirtualService): string =>
  `VirtualService ${vs.metadata.namespace}/${vs.metadata.name}`;

/** IST0101 for one VirtualService: unknown destination hosts and subsets. */
function referencedResources(config: MeshConfig, vs: VirtualService): AnalysisMessage[] {
  const out: AnalysisMessage[] = [];
  const ns = vs.metadata.namespace;
  // Simplified: the DR lookup runs from a client in the VirtualService's namespace.
  const client: MeshPod = {
    name: '',
    namespace: ns,
    ip: '',
    labels: {},
    serviceAccount: '',
    ready: true,
  };
  (vs.spec.http ?? []).forEach((http, i) =>
    (http.route ?? []).forEach((d, k) => {
      const written = d.destination.host;
      const svc = config.services.find((s) => s.hostname === resolveHost(written, ns));
      const path = `spec.http[${i}].route[${k}].destination`;
      const base = { code: 'IST0101', level: 'Error', resource: ref(vs), path } as const;
      if (!svc) {
        out.push({ ...base, message: `Referenced host not found: "${written}"` });
        return;
      }
      const subset = d.destination.subset;
      if (subset === undefined || subset === '') return;
      const dr = destinationRuleFor(config, client, svc);
      if (!dr?.spec.subsets?.some((s) => s.name === subset))
        out.push({
          ...base,
          message: `Referenced host+subset in destinationrule not found: "${written}+${subset}"`,
        });
    }),
  );
  return out;
}

/** IST0109: several mesh VirtualServices for one host (sidecars use only one of them). */
function conflictingHosts(config: MeshConfig): AnalysisMessage[] {
  const byHost = new Map<string, { written: string; vss: VirtualService[] }>();
  for (const vs of config.virtualServices.filter(appliesToMesh)) {
    for (const h of vs.spec.hosts) {
      const key = resolveHost(h, vs.metadata.namespace);
      const entry = byHost.get(key) ?? { written: h, vss: [] };
      if (!entry.vss.includes(vs)) entry.vss.push(vs);
      byHost.set(key, entry);
    }
  }
  const out: AnalysisMessage[] = [];
  for (const { written, vss } of byHost.values()) {
    if (vss.length < 2) continue;
    const names = vss.map((v) => `${v.metadata.name}.${v.metadata.namespace}`).join(', ');
    for (const vs of vss)
      out.push({
        code: 'IST0109',
        level: 'Warning',
        resource: ref(vs),
        message: `The VirtualServices ${names} associated with mesh gateway define the same host ${written} which can lead to undefined behavior.`,
      });
  }
  return out;
}

/** Cross-object findings for the whole config, VirtualServices in order. */
export function analyzeMesh(config: MeshConfig): AnalysisMessage[] {
  return [
    ...config.virtualServices.flatMap((vs) => referencedResources(config, vs)),
    ...conflictingHosts(config),
  ];
}

/** `Error [IST0101] (VirtualService shop/payments) Referenced …`, as istioctl analyze prints it. */
export function formatAnalysis(m: AnalysisMessage): string {
  return `${m.level} [${m.code}] (${m.resource}) ${m.message}`;
}
