/**
 * The sidecar's ADS stream lifecycle (Envoy → istio-agent → istiod:15012, one stream for all
 * types). On open: a fresh Envoy asks for CDS first (LDS after its clusters warmed); an Envoy that
 * holds config re-subscribes to every type at once with its current versions (SotW) or
 * `initial_resource_versions` (Delta). Nonces do not survive the stream. On failure: keep serving
 * from the cache, mark `staleSince`, retry with jittered exponential backoff 500 ms → 30 s, reset
 * when a message is received (docs/fidelity.md §1.5).
 * Simplified: a killed peer is noticed by both ends at once; a network cut is noticed through
 * gRPC keepalive (30 s + up to 10 s), and while it lasts each connect attempt fails after Istio's
 * xds-grpc connect timeout of 1 s.
 */
import { sec } from '../../core/time';
import type { PodName, XdsType } from '../contract';
import { backoffDelay } from '../backoff';
import { logLine } from '../log';
import { sendXds } from '../network';
import type { MeshSim, SidecarState } from '../types';
import { closeConnection } from '../istiod/connections';
import { active, getResource } from '../blobs';

const TYPES: XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];

/** Names a SotW request subscribes to: wildcard (empty) for CDS/LDS, by name for EDS/RDS. */
export function subscribedNames(sc: SidecarState, t: XdsType): string[] {
  if (t === 'EDS')
    return Object.keys(sc.active.CDS)
      .filter((n) => active(sc, 'CDS', n)?.type === 'EDS')
      .concat(Object.keys(sc.warmingClusters));
  if (t === 'RDS') {
    const out = new Set<string>();
    for (const h of [...Object.values(sc.active.LDS), ...Object.values(sc.warmingListeners)]) {
      const rds = getResource<'LDS'>(h)?.body.rds_route_config_name;
      if (rds) out.add(rds);
    }
    return [...out];
  }
  return [];
}

/** Sends the initial (subscription) request of one type on the current stream. */
export function sendInitialRequest(sim: MeshSim, sc: SidecarState, t: XdsType): void {
  const st = sc.xds[t];
  st.requested = true;
  const delta = sim.state.options.delta;
  const m: Parameters<typeof sendXds>[1] = {
    pod: sc.pod,
    streamId: sc.streamId,
    direction: 'up',
    kind: 'DiscoveryRequest',
    xds: t,
    versionInfo: delta ? '' : (st.version ?? ''),
    nonce: '',
    delta,
    bytes: 200,
    resourceNames: subscribedNames(sc, t),
  };
  if (delta && st.version !== null) {
    // initial_resource_versions: what the client holds (active and warming), name → version.
    const held: Record<string, string> = { ...sc.active[t] };
    if (t === 'CDS') Object.assign(held, sc.warmingClusters);
    if (t === 'LDS') Object.assign(held, sc.warmingListeners);
    m.initialVersions = held;
  }
  sendXds(sim, m);
}

/** Opens a new ADS stream. */
export function connect(sim: MeshSim, pod: PodName): void {
  const sc = sim.state.sidecars[pod];
  const p = sim.state.pods[pod];
  if (!sc || !p || !p.up || sc.connected || sc.connecting) return;
  sc.retryTimer = null;
  sc.nextRetryAt = null;
  if (sc.cut) {
    sc.streamId++;
    sc.connecting = true;
    sim.schedule(sec(1), {
      type: 'stream.fail',
      pod,
      streamId: sc.streamId,
      reason: 'connect timeout (network cut)',
    });
    return;
  }
  sc.streamId++;
  sc.connecting = true;
  for (const t of TYPES) {
    const st = sc.xds[t];
    st.nonce = '';
    st.requested = false;
    st.received = 0;
  }
  if (sc.xds.CDS.version === null) {
    sendInitialRequest(sim, sc, 'CDS');
    return;
  }
  for (const t of TYPES) if (sc.xds[t].version !== null) sendInitialRequest(sim, sc, t);
}

function scheduleRetry(sim: MeshSim, sc: SidecarState): void {
  const p = sim.state.pods[sc.pod];
  if (!p || !p.up) return;
  const delay = backoffDelay(sim.rng, sc.backoffAttempt);
  sc.backoffAttempt++;
  sc.nextRetryAt = sim.now + delay;
  sc.retryTimer = sim.schedule(delay, { type: 'stream.connect', pod: sc.pod, gen: p.generation });
  sim.emit({
    t: sim.now,
    type: 'stream.retry',
    pod: sc.pod,
    backoffMs: delay / 1000,
    at: sc.nextRetryAt,
  });
}

/**
 * A connection attempt or an open stream failed (seen by the sidecar). `sentence` replaces the
 * log's generic "lost its ADS stream" line when the stream was established.
 */
export function onStreamFailed(
  sim: MeshSim,
  pod: PodName,
  streamId: number,
  reason: string,
  sentence?: string,
): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || sc.streamId !== streamId || (!sc.connecting && !sc.connected)) return;
  const wasConnected = sc.connected;
  sc.connecting = false;
  sc.connected = false;
  if (sc.staleSince === null) sc.staleSince = sim.now;
  dropInflight(sim, pod);
  if (wasConnected)
    logLine(
      sim,
      'xds',
      sentence ?? `${pod} lost its ADS stream (${reason}); serving from cached config`,
    );
  scheduleRetry(sim, sc);
}

/** Breaks an established stream from outside (Istiod killed, network cut, pod killed). */
export function breakStream(
  sim: MeshSim,
  pod: PodName,
  reason: string,
  retry = true,
  sentence?: string,
): void {
  const sc = sim.state.sidecars[pod];
  if (!sc) return;
  closeConnection(sim, pod, reason);
  if (!sc.connected && !sc.connecting) return;
  if (retry) onStreamFailed(sim, pod, sc.streamId, reason, sentence);
  else {
    sc.connected = false;
    sc.connecting = false;
    dropInflight(sim, pod);
  }
}

/** gRPC keepalive (30 s interval, 10 s timeout): a cut stream is declared dead within 30–40 s. */
export function armKeepalive(sim: MeshSim, pod: PodName): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || (!sc.connected && !sc.connecting)) return;
  sim.schedule(sec(30) + sim.rng.int(sec(10)), {
    type: 'stream.keepalive',
    pod,
    streamId: sc.streamId,
  });
}

/** Keepalive fired: if the network is still cut, both ends drop the stream. */
export function onKeepaliveTimeout(sim: MeshSim, pod: PodName, streamId: number): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || !sc.cut || sc.streamId !== streamId) return;
  breakStream(sim, pod, 'keepalive timeout (network cut)');
}

/** Messages of a broken stream are lost. */
function dropInflight(sim: MeshSim, pod: PodName): void {
  delete sim.state.net.held[pod];
  const inflight = sim.state.net.inflight;
  for (const id of Object.keys(inflight)) {
    const m = inflight[Number(id)];
    if (m && m.pod === pod) delete inflight[Number(id)];
  }
}
