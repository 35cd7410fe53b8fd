/** Requests as the diagram draws them, and the request counters. */
import type { MeshView, RequestView } from '../contract';
import { REC_FIELDS, RECENT_REQUESTS } from '../../traffic/state';
import { memoBySim, type MeshSource } from './memo';

/** The last 200 requests (oldest first), with code and flags once they completed. */
export const requestViews: (sim: MeshSource) => RequestView[] = memoBySim((sim) => {
  const t = sim.state.traffic;
  const out: RequestView[] = [];
  const n = t.recentCount;
  const first = n < RECENT_REQUESTS ? 0 : t.recentNext;
  const r = t.recent;
  const name = (i: number | undefined): string => t.names[i ?? 0] ?? '';
  for (let k = 0; k < n; k++) {
    const o = ((first + k) % RECENT_REQUESTS) * REC_FIELDS;
    const rv: RequestView = {
      id: r[o] ?? 0,
      from: name(r[o + 1]),
      to: name(r[o + 2]),
      sentAt: r[o + 3] ?? 0,
      arriveAt: r[o + 4] ?? 0,
    };
    if (r[o + 6] !== 0) {
      rv.code = r[o + 5] ?? 0;
      rv.flags = name(r[o + 6]);
    }
    out.push(rv);
  }
  return out;
});

/** Finished requests: completed, ok, failed, and by response flags. */
export const trafficCounters: (sim: MeshSource) => MeshView['counters'] = memoBySim((sim) => {
  const c = sim.state.traffic.counters;
  return { completed: c.completed, ok: c.ok, failed: c.failed, byFlag: { ...c.byFlag } };
});

/** New mTLS connections: handshakes that succeeded and failed. */
export const handshakeCounts: (sim: MeshSource) => { ok: number; failed: number } = memoBySim(
  (sim) => ({ ...sim.state.traffic.handshakes }),
);
