/**
 * `configDump(sim, pod)`: the sidecar's `/config_dump` (admin port 15000) in Envoy's shape —
 * bootstrap node, active and warming clusters, listeners (active/warming state), route configs,
 * endpoint configs and the SDS secrets `default` and `ROOTCA`, each with `version_info` and
 * `last_updated` of the response that last changed that resource (the type's `version_info` is
 * the last applied response). Simplified: key material is redacted.
 */
import { nodeId } from './cast';
import type { XdsType } from './contract';
import { mustResource } from './blobs';
import type { XdsResource } from './envoy';
import { rfc3339Millis } from './format';
import type { MeshSim, SidecarState } from './types';

const ADMIN = 'type.googleapis.com/envoy.admin.v3.';
const TYPE: Record<XdsType, string> = {
  CDS: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  EDS: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  LDS: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  RDS: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
};

function meta(sc: SidecarState, t: XdsType): { version_info: string; last_updated: string } {
  const x = sc.xds[t];
  return {
    version_info: x.version ?? '',
    last_updated: x.lastUpdated === null ? '' : rfc3339Millis(x.lastUpdated),
  };
}

/** `version_info` / `last_updated` of one resource: the response that last changed it. */
function stampOf(
  sc: SidecarState,
  t: XdsType,
  name: string,
): { version_info: string; last_updated: string } {
  const st = sc.stamps[t][name];
  if (st === undefined) return meta(sc, t);
  const at = st.lastIndexOf('@');
  return { version_info: st.slice(0, at), last_updated: rfc3339Millis(Number(st.slice(at + 1))) };
}

function typed(t: XdsType, envoy: unknown): Record<string, unknown> {
  return { '@type': TYPE[t], ...(envoy as Record<string, unknown>) };
}

function sorted(m: Record<string, string>): XdsResource[] {
  return Object.keys(m)
    .sort()
    .map((k) => mustResource(m[k] as string));
}

/** The config dump of one sidecar (null if the pod does not exist). */
export function configDump(sim: MeshSim, pod: string): Record<string, unknown> | null {
  const p = sim.state.pods[pod];
  const sc = sim.state.sidecars[pod];
  if (!p || !sc) return null;
  const cds = meta(sc, 'CDS');
  const lds = meta(sc, 'LDS');
  const c = sc.cert;
  const secrets = [];
  if (c.cert) {
    secrets.push({
      name: 'default',
      version_info: c.cert.version,
      last_updated: rfc3339Millis(c.cert.issuedAt),
      secret: {
        '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
        name: 'default',
        tls_certificate: {
          certificate_chain: { inline_bytes: '[redacted]' },
          private_key: { inline_bytes: '[redacted]' },
        },
      },
      // Not in Envoy's dump (it is inside the PEM); shown for the learner.
      x_subject_alt_name: c.cert.spiffe,
      x_serial: c.cert.serial,
      x_not_after: rfc3339Millis(c.cert.expiresAt),
      x_signed_by: c.cert.rootId,
    });
  }
  if (c.trustVersion !== null) {
    secrets.push({
      name: 'ROOTCA',
      version_info: c.trustVersion,
      last_updated: rfc3339Millis(c.trustUpdatedAt ?? 0),
      secret: {
        '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
        name: 'ROOTCA',
        validation_context: { trusted_ca: { inline_bytes: '[redacted]' } },
      },
      x_roots: c.trust,
    });
  }
  return {
    configs: [
      {
        '@type': `${ADMIN}BootstrapConfigDump`,
        bootstrap: { node: { id: nodeId(p), cluster: `${p.service}.${p.namespace}` } },
      },
      {
        '@type': `${ADMIN}ClustersConfigDump`,
        version_info: cds.version_info,
        dynamic_active_clusters: sorted(sc.active.CDS).map((r) => ({
          ...stampOf(sc, 'CDS', r.name),
          cluster: typed('CDS', r.envoy),
        })),
        dynamic_warming_clusters: sorted(sc.warmingClusters).map((r) => ({
          ...stampOf(sc, 'CDS', r.name),
          cluster: typed('CDS', r.envoy),
        })),
      },
      {
        '@type': `${ADMIN}ListenersConfigDump`,
        version_info: lds.version_info,
        dynamic_listeners: [
          ...sorted(sc.active.LDS).map((r) => ({
            name: r.name,
            active_state: { ...stampOf(sc, 'LDS', r.name), listener: typed('LDS', r.envoy) },
          })),
          ...sorted(sc.warmingListeners).map((r) => ({
            name: r.name,
            warming_state: { ...stampOf(sc, 'LDS', r.name), listener: typed('LDS', r.envoy) },
          })),
        ],
      },
      {
        '@type': `${ADMIN}RoutesConfigDump`,
        dynamic_route_configs: sorted(sc.active.RDS).map((r) => ({
          ...stampOf(sc, 'RDS', r.name),
          route_config: typed('RDS', r.envoy),
        })),
      },
      { '@type': `${ADMIN}SecretsConfigDump`, dynamic_active_secrets: secrets },
      {
        '@type': `${ADMIN}EndpointsConfigDump`,
        dynamic_endpoint_configs: sorted(sc.active.EDS).map((r) => ({
          ...stampOf(sc, 'EDS', r.name),
          endpoint_config: typed('EDS', r.envoy),
        })),
      },
    ],
  };
}
