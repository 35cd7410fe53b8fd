/**
 * Which fields of a valid document the compiler (routes.ts, clusters.ts, hash.ts, tls.ts,
 * security.ts) does not turn into Envoy config. Validation accepts the whole v1 API; the editor
 * shows these as "accepted; the simulator does not model <field>". Keep MODELLED in step with
 * the compiler: a field listed here is one the simulated sidecars act on.
 */
import { Reporter } from './checks';
import type { ConfigError, IstioObject } from './istio';

/** `true`: the field and everything under it is modelled; an object: only the fields listed. */
type Model = true | { readonly [field: string]: Model };

const STRING_MATCH: Model = true;

const MODELLED: Record<IstioObject['kind'], Model> = {
  VirtualService: {
    hosts: true,
    gateways: true, // sidecars only: a VirtualService bound to other gateways is left aside
    http: {
      name: true,
      match: { name: true, uri: STRING_MATCH, headers: true, sourceLabels: true },
      route: { destination: true, weight: true },
      timeout: true,
      retries: {
        attempts: true,
        perTryTimeout: true,
        retryOn: true,
        backoff: true,
        retryIgnorePreviousHosts: true,
      },
      fault: {
        delay: { fixedDelay: true, percentage: true },
        abort: { httpStatus: true, percentage: true },
      },
    },
  },
  DestinationRule: {
    host: true,
    trafficPolicy: policy(),
    subsets: { name: true, labels: true, trafficPolicy: policy() },
  },
  PeerAuthentication: { selector: true, mtls: true },
  AuthorizationPolicy: {
    selector: true,
    action: true,
    rules: {
      from: { source: { principals: true, namespaces: true } },
      to: { operation: { paths: true, methods: true } },
    },
  },
};

function policy(): Model {
  return {
    loadBalancer: {
      simple: true,
      consistentHash: {
        httpHeaderName: true,
        httpCookie: { name: true, ttl: true },
        useSourceIp: true,
      },
    },
    connectionPool: {
      tcp: { maxConnections: true, connectTimeout: true },
      http: {
        http1MaxPendingRequests: true,
        http2MaxRequests: true,
        maxRequestsPerConnection: true,
        maxRetries: true,
      },
    },
    outlierDetection: {
      consecutive5xxErrors: true,
      consecutiveGatewayErrors: true,
      interval: true,
      baseEjectionTime: true,
      maxEjectionPercent: true,
      minHealthPercent: true,
    },
    tls: { mode: true },
  };
}

function walk(value: unknown, model: Model, path: string, out: string[]): void {
  if (model === true || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, model, `${path}[${i}]`, out));
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = `${path}.${k}`;
    const m = Object.hasOwn(model, k) ? model[k] : undefined;
    if (m === undefined) out.push(p);
    else walk(v, m, p, out);
  }
}

/**
 * The paths (`spec.http[0].corsPolicy`) of the fields of a decoded document that the simulator
 * accepts but does not model, outermost first, in document order.
 */
export function unmodelledFields(doc: IstioObject): string[] {
  const out: string[] = [];
  walk(doc.spec, MODELLED[doc.kind], 'spec', out);
  if (doc.kind === 'VirtualService' && (doc.spec.gateways ?? []).some((g) => g !== 'mesh'))
    out.unshift('spec.gateways'); // ingress/egress gateways are not simulated
  if (
    doc.kind === 'AuthorizationPolicy' &&
    (doc.spec.action === 'AUDIT' || doc.spec.action === 'CUSTOM')
  )
    out.unshift('spec.action');
  return out;
}

/** What the simulator does not model in one field, in words. */
function note(path: string): string {
  const field = path.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  if (path === 'spec.gateways')
    return 'accepted; the simulator does not model gateways (only sidecars, the `mesh` gateway)';
  if (path === 'spec.action')
    return 'accepted; the simulator does not model AUDIT and CUSTOM actions';
  if (path === 'spec.tcp' || path === 'spec.tls')
    return `accepted; the simulator does not model ${path === 'spec.tcp' ? 'TCP' : 'TLS'} routes (HTTP only)`;
  return `accepted; the simulator does not model ${field}`;
}

/**
 * For the editor and the CLI: one note per unmodelled field of `docs`, with its line
 * (`accepted; the simulator does not model corsPolicy`).
 */
export function unmodelledNotes(docs: readonly IstioObject[]): ConfigError[] {
  return docs.flatMap((o) => {
    const r = new Reporter(o);
    for (const p of unmodelledFields(o)) r.warn(p, note(p));
    return r.warnings;
  });
}
