/**
 * The sidecar's ADS client: receive a response, apply it, then ACK (the new version + its nonce)
 * or NACK (the previous good version + the nonce + error_detail with code 13 INTERNAL). A fresh
 * Envoy then asks for what the response named: EDS after CDS, LDS once clusters warmed, RDS after
 * LDS (Envoy's init order). Receiving any message resets the reconnect backoff.
 */
import type { MeshSim, SidecarState, XdsMessage } from '../types';
import { sendXds } from '../network';
import { applyResponse, isEmpty } from './apply';
import { sendInitialRequest } from './stream';
import { onSidecarConfigChanged } from '../registry';

/** Envoy's `error_detail.code` for a rejected update (defined in `../wire`). */
export { NACK_CODE } from '../wire';

/** A DiscoveryResponse arrived at the sidecar. */
export function onDownMessage(sim: MeshSim, msg: XdsMessage): void {
  const sc = sim.state.sidecars[msg.pod];
  if (!sc || msg.streamId !== sc.streamId || !sc.connected) return;
  sc.backoffAttempt = 0;
  sc.staleSince = null;
  const st = sc.xds[msg.xds];
  st.nonce = msg.nonce;
  st.received++;
  const error = applyResponse(sc, msg);
  if (error) {
    st.lastError = error;
    st.updateRejected++;
    sendXds(sim, {
      pod: sc.pod,
      streamId: sc.streamId,
      direction: 'up',
      kind: 'NACK',
      xds: msg.xds,
      versionInfo: msg.delta ? '' : (st.version ?? ''),
      nonce: msg.nonce,
      errorDetail: error,
      delta: msg.delta,
      bytes: 200 + error.length,
    });
  } else {
    st.version = msg.versionInfo;
    st.lastUpdated = sim.now;
    st.updateSuccess++;
    st.lastError = null;
    sendXds(sim, {
      pod: sc.pod,
      streamId: sc.streamId,
      direction: 'up',
      kind: 'ACK',
      xds: msg.xds,
      versionInfo: msg.delta ? '' : msg.versionInfo,
      nonce: msg.nonce,
      delta: msg.delta,
      bytes: 200,
    });
  }
  followUps(sim, sc);
  onSidecarConfigChanged(sim, sc.pod);
}

/** Envoy's initialisation order: CDS → EDS (for warming clusters) → LDS → RDS. */
function followUps(sim: MeshSim, sc: SidecarState): void {
  const x = sc.xds;
  if (x.CDS.received > 0 && !x.EDS.requested) sendInitialRequest(sim, sc, 'EDS');
  if (x.EDS.requested && isEmpty(sc.warmingClusters) && x.CDS.received > 0 && !x.LDS.requested)
    sendInitialRequest(sim, sc, 'LDS');
  if (x.LDS.received > 0 && !x.RDS.requested) sendInitialRequest(sim, sc, 'RDS');
}
