/**
 * A request's single outcome: counters, `istio_requests_total` once per reporter (the source
 * sidecar always; the destination sidecar only if the request reached it), the latency histogram
 * (`istio_request_duration_milliseconds`, Istio's default buckets), spans for sampled traces,
 * the view ring, and the `request.done` trace entry.
 */
import type { MeshSim } from '../mesh/types';
import { RECENT_REQUESTS } from './state';
import type { Request } from './types';

/** Istio's default duration buckets (ms). */
export const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];
const SPAN_MAX = 500;

/** Adds the request to the view ring (before the first attempt). */
export function recordView(sim: MeshSim, rq: Request, service: string): void {
  const t = sim.state.traffic;
  const rec = { id: rq.id, from: rq.from, to: service, sentAt: sim.now, arriveAt: sim.now };
  if (t.recent.length < RECENT_REQUESTS) {
    rq.viewSlot = t.recent.length;
    t.recent.push(rec);
  } else {
    rq.viewSlot = t.recentNext;
    t.recent[t.recentNext] = rec;
  }
  t.recentNext = (rq.viewSlot + 1) % RECENT_REQUESTS;
}

/** An attempt left for `host`, arriving (completing) at `end`. */
export function updateView(sim: MeshSim, rq: Request, host: string, end: number): void {
  const rec = sim.state.traffic.recent[rq.viewSlot];
  if (!rec || rec.id !== rq.id) return;
  rec.to = host;
  rec.sentAt = sim.now;
  rec.arriveAt = end;
}

function bucketIndex(msVal: number): number {
  for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) if (msVal <= (LATENCY_BUCKETS_MS[i] as number)) return i;
  return LATENCY_BUCKETS_MS.length;
}

/** Completes `rq` with one outcome (exactly once). */
export function finishRequest(sim: MeshSim, rq: Request, code: number, flags0: string): void {
  const s = sim.state;
  const t = s.traffic;
  if (!t.requests[rq.id]) return;
  delete t.requests[rq.id];
  if (rq.timeoutTimer !== null) sim.cancel(rq.timeoutTimer);
  if (rq.attemptTimer !== null) sim.cancel(rq.attemptTimer);
  const flags = rq.extraFlags && flags0 === '-' ? rq.extraFlags : rq.extraFlags ? `${rq.extraFlags},${flags0}` : flags0;
  const c = t.counters;
  c.completed++;
  if (code >= 200 && code < 400) c.ok++;
  else c.failed++;
  c.byFlag[flags] = (c.byFlag[flags] ?? 0) + 1;
  c.byCode[code] = (c.byCode[code] ?? 0) + 1;
  const dest = rq.triedHosts[rq.triedHosts.length - 1] ?? rq.to;
  const src = s.pods[rq.from]?.service ?? rq.from;
  const dstWorkload = s.pods[dest]?.subset ? `${rq.to}-${s.pods[dest]?.subset}` : rq.to;
  const base = `|${src}|${rq.to}|${dstWorkload}|${code}|${flags}`;
  const rt = t.requestsTotal;
  rt['source' + base] = (rt['source' + base] ?? 0) + 1;
  if (rq.reached) rt['destination' + base] = (rt['destination' + base] ?? 0) + 1;
  const durMs = (sim.now - rq.start) / 1000;
  let h = t.latency[rq.to];
  if (!h) {
    h = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
    t.latency[rq.to] = h;
  }
  h[bucketIndex(durMs)] = (h[bucketIndex(durMs)] ?? 0) + 1;
  const rec = t.recent[rq.viewSlot];
  if (rec && rec.id === rq.id) {
    rec.code = code;
    rec.flags = flags;
    if (rec.arriveAt < sim.now) rec.arriveAt = sim.now;
  }
  if (rq.traceId !== null) {
    t.spans.push({ traceId: rq.traceId, spanId: rq.spanId, parentId: rq.parentSpan, name: `${rq.to}.shop.svc.cluster.local:8080/*`, pod: rq.from, kind: 'client', start: rq.start, end: sim.now, code });
    if (rq.reached) t.spans.push({ traceId: rq.traceId, spanId: t.nextSpanId++, parentId: rq.spanId, name: `${rq.to}.shop.svc.cluster.local:8080/*`, pod: dest, kind: 'server', start: rq.attemptSentAt, end: sim.now, code });
    if (t.spans.length > SPAN_MAX) t.spans.splice(0, t.spans.length - SPAN_MAX);
  }
  sim.emit({ t: sim.now, type: 'request.done', id: rq.id, from: rq.from, to: dest, code, flags });
}
