/** ADS messages as the diagram draws them: in flight, and recently delivered. */
import { TYPE_URL, type XdsMessageView } from '../contract';
import { NACK_CODE, type XdsMessage } from '../wire';
import { memoBySim, type MeshSource } from './memo';

/** In-flight messages shown at most (a frame draws no more tokens). */
export const MAX_XDS_MESSAGES = 200;

/** The view of one message. */
export function xdsMessageView(m: XdsMessage): XdsMessageView {
  const v: XdsMessageView = {
    id: m.id,
    pod: m.pod,
    direction: m.direction,
    kind: m.kind,
    xds: m.xds,
    versionInfo: m.versionInfo,
    nonce: m.nonce,
    sentAt: m.sentAt,
    arriveAt: m.arriveAt,
    typeUrl: TYPE_URL[m.xds],
    delta: m.delta,
    bytes: m.bytes,
  };
  if (m.errorDetail !== undefined) {
    v.errorDetail = m.errorDetail;
    v.errorCode = NACK_CODE;
  }
  if (m.direction === 'down') {
    v.resourceCount = m.resources?.length ?? 0;
    v.removedCount = m.removed?.length ?? 0;
  }
  return v;
}

/** Messages on the wire now (at most MAX_XDS_MESSAGES), in send order. */
export const xdsInFlight: (sim: MeshSource) => XdsMessageView[] = memoBySim((sim) => {
  const out: XdsMessageView[] = [];
  const inflight = sim.state.net.inflight;
  for (const key in inflight) {
    const m = inflight[Number(key)];
    if (m) out.push(xdsMessageView(m));
    if (out.length >= MAX_XDS_MESSAGES) break;
  }
  return out;
});

/** The last messages delivered (at most RECENT_XDS = 16), oldest first. */
export const xdsRecent: (sim: MeshSource) => XdsMessageView[] = memoBySim((sim) =>
  sim.state.net.recent.map(xdsMessageView),
);
