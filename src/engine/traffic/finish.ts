/**
 * A request's single outcome: counters, `istio_requests_total` once per reporter (the source
 * sidecar always; the destination sidecar only if the request reached it), the latency histogram
 * (`istio_request_duration_milliseconds`, Istio's default buckets), spans for sampled traces,
 * the view ring, and the `request.done` trace entry.
 */
import type { MeshTraceOf } from '../mesh/contract';
import type { MeshSim } from '../mesh/types';
import { onRequestFinished } from './graph/finishHook';
import { ENVOY_BUCKETS_MS } from './graph/observe';
import { REC_FIELDS, RECENT_REQUESTS } from './state';
import type { Request, Span } from './types';

/** Istio's duration buckets (ms): Envoy's default histogram buckets (docs/fidelity.md §5). */
export const LATENCY_BUCKETS_MS: readonly number[] = ENVOY_BUCKETS_MS;

/** Index of `s` in the ring's string table. */
export function intern(sim: MeshSim, s: string): number {
  const names = sim.state.traffic.names;
  const i = names.indexOf(s);
  if (i >= 0) return i;
  names.push(s);
  return names.length - 1;
}

/** Adds the request to the view ring (before the first attempt). */
export function recordView(sim: MeshSim, rq: Request, service: string): void {
  const t = sim.state.traffic;
  const slot = t.recentNext;
  rq.viewSlot = slot;
  const o = slot * REC_FIELDS;
  const r = t.recent;
  r[o] = rq.id;
  r[o + 1] = intern(sim, rq.from);
  r[o + 2] = intern(sim, service);
  r[o + 3] = sim.now;
  r[o + 4] = sim.now;
  r[o + 5] = 0;
  r[o + 6] = 0;
  t.recentNext = (slot + 1) % RECENT_REQUESTS;
  if (t.recentCount < RECENT_REQUESTS) t.recentCount++;
}

/** An attempt left for `host`, arriving (completing) at `end`. */
export function updateView(sim: MeshSim, rq: Request, host: string, end: number): void {
  const r = sim.state.traffic.recent;
  const o = rq.viewSlot * REC_FIELDS;
  if (r[o] !== rq.id) return;
  r[o + 2] = intern(sim, host);
  r[o + 3] = sim.now;
  r[o + 4] = end;
}

function bucketIndex(msVal: number): number {
  for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++)
    if (msVal <= (LATENCY_BUCKETS_MS[i] as number)) return i;
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
  if (t.graph) onRequestFinished(sim, rq, code);
  const flags =
    rq.extraFlags && flags0 === '-'
      ? rq.extraFlags
      : rq.extraFlags
        ? `${rq.extraFlags},${flags0}`
        : flags0;
  const c = t.counters;
  c.completed++;
  if (code >= 200 && code < 400) c.ok++;
  else c.failed++;
  c.byFlag[flags] = (c.byFlag[flags] ?? 0) + 1;
  c.byCode[code] = (c.byCode[code] ?? 0) + 1;
  const dest = rq.triedHosts[rq.triedHosts.length - 1] ?? rq.to;
  if (code >= 200 && code < 400) c.byDest[dest] = (c.byDest[dest] ?? 0) + 1;
  const src = s.pods[rq.from]?.service ?? rq.from;
  const dstWorkload = s.pods[dest]?.subset ? `${rq.to}-${s.pods[dest]?.subset}` : rq.to;
  const base = `|${src}|${rq.to}|${dstWorkload}|${code}|${flags}`;
  const rt = t.requestsTotal;
  if (s.pods[rq.from]?.injected) rt['source' + base] = (rt['source' + base] ?? 0) + 1;
  if (rq.reached) rt['destination' + base] = (rt['destination' + base] ?? 0) + 1;
  const durMs = (sim.now - rq.start) / 1000;
  let h = t.latency[rq.to];
  if (!h) {
    h = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
    t.latency[rq.to] = h;
  }
  const b = bucketIndex(durMs);
  h[b] = (h[b] ?? 0) + 1;
  const o = rq.viewSlot * REC_FIELDS;
  const rr = t.recent;
  if (rr[o] === rq.id) {
    rr[o + 5] = code;
    rr[o + 6] = intern(sim, flags);
    if ((rr[o + 4] ?? 0) < sim.now) rr[o + 4] = sim.now;
  }
  if (rq.traceId !== null) {
    // Spans live in the trace (entries are immutable: no state to checkpoint).
    const name = `${rq.to}.${s.pods[rq.from]?.namespace ?? 'shop'}.svc.cluster.local:8080/*`;
    const client: Span = {
      traceId: rq.traceId,
      spanId: rq.spanId,
      parentId: rq.parentSpan,
      name,
      pod: rq.from,
      kind: 'client',
      start: rq.start,
      end: sim.now,
      code,
    };
    sim.emit({ t: sim.now, type: 'span', ...client });
    if (rq.reached) {
      const server: Span = {
        traceId: rq.traceId,
        spanId: rq.spanId + 1,
        parentId: rq.spanId,
        name,
        pod: dest,
        kind: 'server',
        start: rq.attemptSentAt,
        end: sim.now,
        code,
      };
      sim.emit({ t: sim.now, type: 'span', ...server });
    }
  }
  const done: MeshTraceOf<'request.done'> = {
    t: sim.now,
    type: 'request.done',
    id: rq.id,
    from: rq.from,
    to: dest,
    code,
    flags,
    start: rq.start,
    cluster: rq.cluster,
  };
  if (rq.hashKey) sim.emit({ ...done, hashKey: rq.hashKey });
  else sim.emit(done);
}
