/**
 * Istiod's side of the ADS streams: admission of new streams (rate-limited), initial requests
 * (answered with the full state of that type), ACKs (bookkeeping for proxy-status), NACKs
 * (`pilot_total_xds_rejects`, LastError, no resend — whatever their nonce, because
 * `ShouldRespond` checks `ErrorDetail` before the nonce), stale nonces of ACKs
 * (`pilot_xds_expired_nonce`, ignored), and the 30-minute connection recycling — docs/fidelity.md
 * §1.2, §2.
 */
import { SECOND } from '../../core/time';
import { TYPE_URL, type MeshTraceOf, type PodName } from '../contract';
import { NACK_CODE } from '../wire';
import { logLine } from '../log';
import type { MeshSim, XdsMessage } from '../types';
import { breakStream, onStreamFailed } from '../sidecar/stream';
import { resourcesFor, respond } from './push';
import { newConnection, TYPES } from './state';
import { cpuScaledLimit, type Connection } from './types';

/** An upstream (sidecar → Istiod) message arrived. */
export function onUpMessage(sim: MeshSim, msg: XdsMessage): void {
  const i = sim.state.istiod;
  if (!i.up) {
    onStreamFailed(
      sim,
      msg.pod,
      msg.streamId,
      'connection error: desc = "transport: Error while dialing: dial tcp istiod.istio-system.svc:15012: connect: connection refused"',
    );
    return;
  }
  const conn = i.conns[msg.pod];
  if (conn && conn.streamId === msg.streamId) {
    handleRequest(sim, conn, msg);
    return;
  }
  if (conn && conn.streamId > msg.streamId) return;
  const waiting = i.admission.waiting[msg.pod];
  if (waiting && waiting.streamId === msg.streamId) {
    waiting.msgs.push(msg);
    return;
  }
  admitStream(sim, msg);
}

/** A new stream's first message: reserve an admission slot (rate min(15+5×cores,100)/s, burst 1). */
function admitStream(sim: MeshSim, msg: XdsMessage): void {
  const i = sim.state.istiod;
  const a = i.admission;
  const interval = Math.round(SECOND / cpuScaledLimit(i.cores));
  const slot = Math.max(sim.now, a.nextFree);
  if (slot - sim.now > SECOND) {
    i.metrics.streams_rejected++;
    onStreamFailed(
      sim,
      msg.pod,
      msg.streamId,
      'rpc error: code = ResourceExhausted desc = request rate limit exceeded',
    );
    return;
  }
  a.nextFree = slot + interval;
  a.waiting[msg.pod] = { streamId: msg.streamId, msgs: [msg] };
  sim.scheduleAt(slot, {
    type: 'istiod.admit',
    pod: msg.pod,
    streamId: msg.streamId,
    epoch: i.epoch,
  });
}

/** The stream's admission slot came: open the connection and process its buffered requests. */
export function onAdmit(sim: MeshSim, pod: PodName, streamId: number, epoch: number): void {
  const i = sim.state.istiod;
  if (!i.up || epoch !== i.epoch) return;
  const w = i.admission.waiting[pod];
  if (!w || w.streamId !== streamId) return;
  delete i.admission.waiting[pod];
  const sc = sim.state.sidecars[pod];
  if (!sc || sc.streamId !== streamId || !sc.connecting) return;
  const conn = newConnection(pod, streamId, sim.now);
  i.conns[pod] = conn;
  sc.connecting = false;
  sc.connected = true;
  sim.emit({ t: sim.now, type: 'stream.open', pod });
  logLine(sim, 'xds', `${pod} opened its ADS stream to Istiod`);
  // keepaliveMaxServerConnectionAge 30m with grpc-go's ±10% jitter (getJitter), then GOAWAY and
  // MaxServerConnectionAgeGrace (10 s) until the server closes the connection.
  const age = MAX_CONNECTION_AGE - MAX_CONNECTION_AGE / 10 + sim.rng.int(MAX_CONNECTION_AGE / 5);
  sim.schedule(age + MAX_CONNECTION_AGE_GRACE, {
    type: 'istiod.connAge',
    pod,
    streamId,
    epoch: i.epoch,
  });
  for (const m of w.msgs) handleRequest(sim, conn, m);
}

function handleRequest(sim: MeshSim, conn: Connection, msg: XdsMessage): void {
  const i = sim.state.istiod;
  const sync = conn.types[msg.xds];
  // istio/istio pkg/xds/server.go ShouldRespond (and pilot/pkg/xds/delta.go shouldRespondDelta):
  // a request with ErrorDetail is a NACK before anything else is looked at — even when its nonce
  // is no longer the last one sent, the reject is counted and LastError recorded (ERROR in
  // proxy-status until an ACK of the current nonce clears it).
  if (msg.errorDetail !== undefined) {
    onNack(sim, conn, msg);
    return;
  }
  if (msg.nonce === '') {
    onSubscribe(sim, conn, msg);
    return;
  }
  if (msg.nonce !== sync.sentNonce) {
    i.metrics.pilot_xds_expired_nonce++;
    return;
  }
  sync.ackedNonce = msg.nonce;
  sync.ackedAt = sim.now;
  sync.nackError = null;
  sim.emit({
    t: sim.now,
    type: 'xds.ack',
    pod: conn.pod,
    xds: msg.xds,
    typeUrl: TYPE_URL[msg.xds],
    version: msg.versionInfo,
    nonce: msg.nonce,
  });
  if (
    conn.pushStartedAt !== null &&
    !conn.pushing &&
    !conn.pending &&
    TYPES.every((t) => conn.types[t].sentNonce === conn.types[t].ackedNonce)
  ) {
    const c = i.metrics.convergence_ms;
    c.push((sim.now - conn.pushStartedAt) / 1000);
    if (c.length > 200) c.shift();
    conn.pushStartedAt = null;
  }
}

/** A NACK: `pilot_total_xds_rejects`, the per-type reject counter, LastError; no resend. */
function onNack(sim: MeshSim, conn: Connection, msg: XdsMessage): void {
  const i = sim.state.istiod;
  const error = msg.errorDetail ?? '';
  conn.types[msg.xds].nackError = error;
  i.metrics.pilot_total_xds_rejects++;
  i.metrics.pilot_xds_reject[msg.xds]++;
  sim.emit({
    t: sim.now,
    type: 'xds.nack',
    pod: conn.pod,
    xds: msg.xds,
    typeUrl: TYPE_URL[msg.xds],
    version: msg.versionInfo,
    nonce: msg.nonce,
    error,
    errorCode: NACK_CODE,
  });
  logLine(sim, 'xds', `ADS:${msg.xds}: ACK ERROR ${conn.pod} ${error}`);
}

/** A subscription (no response nonce): answered with the full state of that type. */
function onSubscribe(sim: MeshSim, conn: Connection, msg: XdsMessage): void {
  const i = sim.state.istiod;
  const sync = conn.types[msg.xds];
  const names = msg.resourceNames ?? [];
  const entry: MeshTraceOf<'xds.request'> = {
    t: sim.now,
    type: 'xds.request',
    pod: conn.pod,
    xds: msg.xds,
    typeUrl: TYPE_URL[msg.xds],
    versionInfo: msg.versionInfo,
    nonce: msg.nonce,
    resourceCount: names.length,
    delta: msg.delta,
  };
  if (names.length > 0) entry.resourceNames = names.slice(0, 20);
  if (msg.initialVersions) entry.initialResourceVersions = Object.keys(msg.initialVersions).length;
  sim.emit(entry);
  sync.watched = true;
  if (msg.delta && msg.initialVersions) sync.sentHashes = { ...msg.initialVersions };
  const res = resourcesFor(sim, conn.pod);
  const opts: Parameters<typeof respond>[4] = { initial: true, pushId: ++i.pushId };
  // AlwaysRespond: after a (re)connect Envoy must get EDS/RDS to finish warming, even in Delta
  // when nothing changed (docs/fidelity.md §1.4).
  if (msg.xds === 'EDS' || msg.xds === 'RDS') opts.force = new Set(Object.keys(res[msg.xds]));
  respond(sim, conn, msg.xds, res, opts);
}

/**
 * Istiod's gRPC MaxConnectionAge: Helm `keepaliveMaxServerConnectionAge: 30m`
 * (`istio/istio manifests/charts/istio-control/istio-discovery/values.yaml`), passed to grpc-go
 * by `pilot/pkg/grpc/grpc.go` (`ServerOptions`); grpc-go adds ±10% jitter per connection.
 */
export const MAX_CONNECTION_AGE = 30 * 60 * SECOND;
/** `MaxServerConnectionAgeGrace`: 10 s by default (`istio/istio pkg/keepalive/options.go`). */
export const MAX_CONNECTION_AGE_GRACE = 10 * SECOND;
/** The `stream.closed` reason of a recycled connection. */
export const MAX_AGE_REASON =
  'max connection age 30 min reached: GOAWAY (NO_ERROR, "max_age"), connection closed after the 10 s grace';

/**
 * The connection reached its maximum age and the grace ran out: Istiod's gRPC server sent GOAWAY
 * and now closes the connection; the sidecar's stream ends (an expected close) and it reconnects
 * after its first backoff draw (under 500 ms: the backoff was reset by every message) and gets
 * the full state.
 */
export function onConnectionAge(sim: MeshSim, pod: PodName, streamId: number, epoch: number): void {
  const i = sim.state.istiod;
  const c = i.conns[pod];
  if (!i.up || epoch !== i.epoch || !c || c.streamId !== streamId) return;
  breakStream(
    sim,
    pod,
    MAX_AGE_REASON,
    true,
    `Istiod closed ${pod}'s stream: max connection age 30 min reached; it reconnects at once and gets the full state`,
  );
}
