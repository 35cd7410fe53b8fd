/**
 * Istiod's side of the ADS streams: admission of new streams (rate-limited), initial requests
 * (answered with the full state of that type), ACKs (bookkeeping for proxy-status), NACKs
 * (`pilot_total_xds_rejects`, LastError, no resend), stale nonces (`pilot_xds_expired_nonce`,
 * ignored) — docs/fidelity.md §1.2, §2.
 */
import { SECOND } from '../../core/time';
import { TYPE_URL, type PodName } from '../contract';
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
  // keepaliveMaxServerConnectionAge 30m, with gRPC's ±10% jitter.
  sim.schedule(MAX_CONNECTION_AGE - MAX_CONNECTION_AGE / 10 + sim.rng.int(MAX_CONNECTION_AGE / 5), {
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
  if (msg.nonce === '') {
    sync.watched = true;
    if (msg.delta && msg.initialVersions) sync.sentHashes = { ...msg.initialVersions };
    const res = resourcesFor(sim, conn.pod);
    const opts: Parameters<typeof respond>[4] = { initial: true, pushId: ++i.pushId };
    // AlwaysRespond: after a (re)connect Envoy must get EDS/RDS to finish warming, even in Delta
    // when nothing changed (docs/fidelity.md §1.4).
    if (msg.xds === 'EDS' || msg.xds === 'RDS') opts.force = new Set(Object.keys(res[msg.xds]));
    respond(sim, conn, msg.xds, res, opts);
    return;
  }
  if (msg.nonce !== sync.sentNonce) {
    i.metrics.pilot_xds_expired_nonce++;
    return;
  }
  if (msg.errorDetail !== undefined) {
    sync.nackError = msg.errorDetail;
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
      error: msg.errorDetail,
      errorCode: NACK_CODE,
    });
    logLine(sim, 'xds', `ADS:${msg.xds}: ACK ERROR ${conn.pod} ${msg.errorDetail}`);
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

/** Istiod's gRPC MaxConnectionAge (Helm `keepaliveMaxServerConnectionAge: 30m`). */
export const MAX_CONNECTION_AGE = 30 * 60 * SECOND;

/** The connection reached its maximum age: Istiod sends GOAWAY; the sidecar reconnects. */
export function onConnectionAge(sim: MeshSim, pod: PodName, streamId: number, epoch: number): void {
  const i = sim.state.istiod;
  const c = i.conns[pod];
  if (!i.up || epoch !== i.epoch || !c || c.streamId !== streamId) return;
  breakStream(sim, pod, 'max connection age (GOAWAY)');
}
