/**
 * The mesh as a scene model (src/engine/core/sceneModel.ts): how the scene platform creates a
 * mesh run, which pods a trace entry concerns (a code panel following a sidecar sees only its
 * entries), the selectable actors (the pods), the text alternative, and one sentence per trace
 * entry as an Istio engineer would say it.
 */
import type { SceneModel } from '../core/sceneModel';
import { shortestFlight } from './slowMotion';
import { parseMeshCommand } from './commands';
import type { MeshCommand, MeshOptions, MeshTrace } from './contract';
import { createMesh } from './create';
import type { MeshSim } from './types';
import { logLines } from './views';
import { describeGraphEntry, graphCommandText } from './views/graphText';
import { meshSummary } from './views/compare';

/** What a scene's setup may set (the platform supplies seed, checkpoints and reducers). */
export type MeshSceneOptions = Omit<MeshOptions, 'seed' | 'checkpointEvery' | 'traceReducers'>;

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const subsetOf = (cluster: string): string => cluster.split('|')[2] || cluster;

/** A command in words (`kill Istiod`, `canary weights v1 50 / v2 50`). */
export function commandText(c: MeshCommand): string {
  switch (c.kind) {
    case 'istiod.kill':
      return 'kill Istiod';
    case 'istiod.restore':
      return 'restore Istiod';
    case 'pod.kill':
      return `kill pod ${c.pod}`;
    case 'pod.restore':
      return `restore pod ${c.pod}`;
    case 'pod.slow':
      return `slow ${c.pod}’s app by ${c.extraMs} ms`;
    case 'pod.fail':
      return `make ${c.pod}’s app answer 503 to ${Math.round(c.share * 100)}% of requests`;
    case 'sidecar.cut':
      return `cut ${c.pod}’s network path to Istiod`;
    case 'sidecar.uncut':
      return `heal ${c.pod}’s network path to Istiod`;
    case 'ca.stop':
      return 'stop the CA';
    case 'ca.start':
      return 'start the CA';
    case 'config.apply':
      return 'apply Istio YAML';
    case 'canary.weights':
      return `set canary weights v1 ${c.v1} / v2 ${c.v2}`;
    case 'config.pushBad':
      return `push a rule ${c.pod}’s Envoy will reject`;
    case 'traffic.rate':
      return `set traffic to ${c.perEdgeRps} requests/s per edge`;
    case 'config.revertBad':
      return 'remove the rejected rule';
    case 'ca.rotateRoot':
      return c.sameKey === undefined
        ? 'rotate the root certificate'
        : c.sameKey
          ? 're-issue the root certificate with the same key'
          : 'rotate to a new root with a new key';
    case 'ca.dropOldRoots':
      return 'drop the old roots from the trust bundle';
    case 'tracing.set': {
      const parts: string[] = [];
      if (c.forwardHeaders !== undefined)
        parts.push(
          c.forwardHeaders ? 'apps forward trace headers' : 'apps do not forward trace headers',
        );
      if (c.samplingPercent !== undefined) parts.push(`sampling ${c.samplingPercent}%`);
      return `tracing: ${parts.join(', ') || 'unchanged'}`;
    }
    case 'pod.readiness':
      return c.ready
        ? `let ${c.pod}’s readiness probe pass again`
        : `make ${c.pod}’s readiness probe fail`;
    case 'pod.inject':
      return `restart ${c.pod} ${c.injected ? 'with' : 'without'} a sidecar`;
    case 'service.scale':
      return `scale ${c.service} to ${plural(c.replicas, 'replica')}`;
    case 'traffic.send':
      return `${c.from} sends ${plural(c.count, 'request')} to ${c.service}`;
    case 'service.fail':
    case 'traffic.users':
    case 'load.start':
    case 'load.stop':
    case 'traffic.mark':
      return graphCommandText(c);
    case 'request.walk':
      return `follow one connection from ${c.from} to ${c.to === 'external' ? 'a host outside the mesh' : c.to}:${c.port}`;
    case 'mesh.outboundTrafficPolicy':
      return `set meshConfig outboundTrafficPolicy to ${c.mode}`;
    case 'mystery.inject':
      return 'inject a mystery fault (which one is not said)';
    case 'mystery.guess':
      return `name the mystery fault: ${c.fault}`;
  }
}

/** The registry's endpoint event in words. */
function endpointsChangedText(e: Extract<MeshTrace, { type: 'endpoints.changed' }>): string {
  const who = `${e.pod} (${e.ip})`;
  const slice = `the EndpointSlice of ${e.service}`;
  if (e.change === 'added')
    return `${who} joins ${slice}, not ready yet: Istio pushes nothing for an endpoint that has never been ready`;
  if (e.change === 'removed')
    return `${who} is deleted: its endpoint leaves ${slice} (an endpoint update for Istiod)`;
  return `${who} is ${e.ready ? 'ready' : 'not ready'}: its endpoint in ${slice} turns ${e.ready ? 'ready' : 'not ready'} (an endpoint update for Istiod)`;
}

/** One sentence for one trace entry. */
export function describeMeshEntry(e: MeshTrace): string {
  switch (e.type) {
    case 'config.accepted':
      return `The API server accepts ${e.kind} ${e.name} (config generation ${e.version})`;
    case 'config.rejected':
      if (e.webhook === 'validation.istio.io')
        return 'The API server refuses the change: Istio’s validating webhook (validation.istio.io) is unreachable because Istiod is down; nothing was stored';
      if (e.webhook === 'namespace.sidecar-injector.istio.io')
        return 'The API server refuses to create the pod: the sidecar injector webhook (namespace.sidecar-injector.istio.io) is unreachable because Istiod is down';
      return `Validation rejects the config: ${e.errors[0] ?? 'invalid'}${e.errors.length > 1 ? ` (+${e.errors.length - 1} more)` : ''}`;
    case 'push.debounced':
      return `Istiod debounces: ${e.full ? 'full' : 'EDS-only'} push to ${e.proxies} ${e.proxies === 1 ? 'proxy' : 'proxies'}${e.reason ? ` (${e.reason})` : ''}`;
    case 'xds.request':
      return `${e.pod}’s Envoy subscribes to ${e.xds} with a ${e.delta ? 'DeltaDiscoveryRequest' : 'DiscoveryRequest'} (${e.resourceCount === 0 ? 'wildcard' : plural(e.resourceCount, 'name')}, ${e.delta ? (e.initialResourceVersions ? `${plural(e.initialResourceVersions, 'resource')} already held` : 'nothing held yet') : e.versionInfo ? `holding version ${e.versionInfo}` : 'no version yet'})`;
    case 'xds.response':
      return `Istiod sends ${e.pod} ${e.xds} version ${e.version}: ${plural(e.resourceCount, 'resource')}${e.removed > 0 ? `, ${e.removed} removed` : ''} (nonce ${e.nonce})`;
    case 'xds.ack':
      return `${e.pod}’s Envoy ACKs ${e.xds}${e.version ? ` version ${e.version}` : ''} (nonce ${e.nonce})`;
    case 'xds.nack':
      return `${e.pod}’s Envoy NACKs ${e.xds} (nonce ${e.nonce}) and keeps ${e.version ? `version ${e.version}` : 'its last good config'}: ${e.error}`;
    case 'stream.open':
      return `${e.pod}’s Envoy opens its ADS stream to Istiod`;
    case 'stream.closed':
      return `${e.pod}’s ADS stream closes: ${e.reason}`;
    case 'stream.retry':
      return `${e.pod}’s Envoy retries its ADS stream in ${Math.round(e.backoffMs)} ms (jittered backoff), at ${(e.at / 1_000_000).toFixed(3)} s`;
    case 'istiod.down':
      return 'Istiod is down: sidecars keep serving their last config';
    case 'istiod.up':
      return 'Istiod is up again: sidecars reconnect';
    case 'cert.csr':
      return `${e.pod}’s istio-agent sends a CSR for ${e.spiffe}`;
    case 'cert.csrFailed':
      return `${e.pod}’s CSR fails (attempt ${e.attempt + 1}): the CA is unavailable, the agent backs off`;
    case 'cert.issued':
      return `Istiod’s CA signs certificate #${e.serial} for ${e.spiffe}`;
    case 'sds.push':
      return e.resource === 'ROOTCA'
        ? `${e.pod}’s istio-agent pushes the trust bundle (ROOTCA, ${plural(e.roots.length, 'root')}) to Envoy over SDS`
        : `${e.pod}’s istio-agent pushes its new certificate (default) to Envoy over SDS`;
    case 'tls.handshakeFailed':
      return `The mTLS handshake ${e.from} → ${e.to} fails: ${e.reason}`;
    case 'outlier.ejected':
      return `${e.pod}’s Envoy ejects ${e.host} from ${e.cluster} (ejection #${e.ejections})`;
    case 'outlier.returned':
      return `${e.host} returns to ${e.pod}’s load-balancing set for ${e.cluster}`;
    case 'outlier.response':
    case 'outlier.decremented':
    case 'lb.pick':
    case 'pool.admit':
    case 'pool.overflow':
    case 'attempt.done':
    case 'load.done':
      return describeGraphEntry(e);
    case 'endpoints.changed':
      return endpointsChangedText(e);
    case 'route.pick':
      return `${e.pod}’s Envoy sends request #${e.id} to ${subsetOf(e.cluster)}: random % ${e.total} = ${e.drawn} (weights ${e.candidates.map((c) => `${subsetOf(c.cluster)} ${c.weight}`).join(' / ')})`;
    case 'span':
      return `${e.kind === 'client' ? 'Client' : 'Server'} span ${e.spanId} of trace ${e.traceId} in ${e.pod}: ${e.name} → ${e.code}`;
    case 'request.done':
      return `Request #${e.id} ${e.from} → ${e.to}: ${e.code === 0 ? 'no response' : e.code}${e.flags !== '-' ? ` ${e.flags}` : ''}`;
    case 'walk.hop':
      return `Hop ${e.n} of ${e.of}${e.pod ? ` in ${e.pod}` : ''}: ${e.title}`;
    case 'tls.handshake':
      return `mTLS handshake ${e.from} → ${e.to}: the server presents ${e.server}, verified against ROOTCA and among the names the client accepts; the client presents ${e.client}`;
    case 'rbac.decision':
      return `${e.pod}’s RBAC ${e.allowed ? 'allows' : 'denies'} a request from ${e.from ?? 'a caller without a sidecar'} (${e.principal || 'no principal'}): ${e.policy ? `${e.action} policy ${e.policy} matched` : e.action === 'ALLOW' ? 'no ALLOW policy matched' : 'no DENY policy matched'}`;
    case 'mystery.injected':
      return `Mystery ${e.round}: one fault was injected somewhere; the signals show which`;
    case 'mystery.checked':
      return `Mystery ${e.round}: the answer “${e.guess}” is ${e.correct ? 'right' : `wrong (it was ${e.fault})`}`;
    case 'command':
      return `Operator: ${commandText(e.command)}`;
  }
}

/** The pods an entry concerns: its `pod`, else its `from` (the caller); null = the whole mesh. */
export function meshActorsOf(e: MeshTrace): readonly string[] | null {
  // A hop outside the pods (the node, the wire) concerns the walk's caller.
  if (e.type === 'walk.hop') return [e.pod ?? e.from];
  // Both ends of a handshake and of an authorization decision see it.
  if (e.type === 'tls.handshake') return [e.from, e.to];
  if (e.type === 'rbac.decision') return e.from ? [e.pod, e.from] : [e.pod];
  if ('pod' in e) return [e.pod];
  if ('from' in e) return [e.from];
  return null;
}

/** The mesh model as scenes use it. */
export const meshSceneModel: SceneModel<MeshCommand, MeshTrace, MeshSim, MeshSceneOptions> = {
  name: 'mesh',
  create: (options) => createMesh(options),
  actorsOf: meshActorsOf,
  actors: (sim) => sim.state.order,
  log: (sim) => logLines(sim),
  describe: describeMeshEntry,
  slowMotion: shortestFlight,
  parseCommand: parseMeshCommand,
  summary: meshSummary,
};
