/**
 * Scene 13's trace view: the sampled spans of the trace window grouped by trace id, as a tracing
 * backend (Jaeger, Zipkin) shows them. When the apps forward the trace headers, a user request is
 * one trace whose spans form a tree (web's calls, checkout's calls under checkout's server span);
 * when they do not, each hop starts a trace of its own (a client span and its server span).
 * Traces still running (a call or an app job of theirs in flight) are left out.
 * The ids are the model's numbers written as W3C `traceparent` / B3 hex (docs/fidelity.md §5).
 */
import { hashValue } from '../../core/hash';
import type { MeshTrace, MeshTraceOf } from '../contract';
import { uuidOf } from '../observability';
import type { MeshSource } from './memo';

type SpanEntry = MeshTraceOf<'span'>;

export interface SpanRow {
  spanId: number;
  parentId: number | null;
  depth: number;
  name: string;
  service: string;
  pod: string;
  kind: 'client' | 'server';
  /** ms from the trace's first span. */
  startMs: number;
  durMs: number;
  code: number;
}

export interface TraceSummary {
  traceId: number;
  /** 32 hex digits (traceparent's trace-id, x-b3-traceid). */
  hexId: string;
  traceparent: string;
  requestId: string;
  spans: SpanRow[];
  /** Distinct calls (client spans) in the trace. */
  hops: number;
  totalMs: number;
  error: boolean;
  end: number;
}

export interface TraceView {
  forwardHeaders: boolean;
  samplingPercent: number;
  /** The traces to show, newest first: one joined trace, or up to five one-hop traces. */
  traces: TraceSummary[];
  /** Complete traces in the window and how many calls they hold on average. */
  complete: number;
  hopsPerTrace: number;
}

export const hex32 = (n: number): string =>
  (hashValue(['trace', n]) + hashValue(['trace', n, 2])).slice(0, 32);
export const hex16 = (n: number): string => hashValue(['span', n]);

function running(sim: MeshSource): Set<number> {
  const t = sim.state.traffic;
  const out = new Set<number>();
  for (const r of Object.values(t.requests)) if (r.traceId !== null) out.add(r.traceId);
  for (const j of Object.values(t.graph?.jobs ?? {})) if (j.traceId !== null) out.add(j.traceId);
  return out;
}

function summarize(traceId: number, spans: SpanEntry[]): TraceSummary {
  const t0 = Math.min(...spans.map((s) => s.start));
  const ids = new Set(spans.map((s) => s.spanId));
  const kids = new Map<number | null, SpanEntry[]>();
  for (const s of spans) {
    const p = s.parentId !== null && ids.has(s.parentId) ? s.parentId : null;
    kids.set(p, [...(kids.get(p) ?? []), s]);
  }
  const rows: SpanRow[] = [];
  const walk = (parent: number | null, depth: number): void => {
    const list = (kids.get(parent) ?? []).sort((a, b) => a.start - b.start || a.spanId - b.spanId);
    for (const s of list) {
      rows.push({
        spanId: s.spanId,
        parentId: s.parentId,
        depth,
        name: s.name,
        service: s.name.split('.')[0] ?? s.name,
        pod: s.pod,
        kind: s.kind,
        startMs: (s.start - t0) / 1000,
        durMs: (s.end - s.start) / 1000,
        code: s.code,
      });
      walk(s.spanId, depth + 1);
    }
  };
  walk(null, 0);
  const end = Math.max(...spans.map((s) => s.end));
  const root = rows[0];
  const hexId = hex32(traceId);
  return {
    traceId,
    hexId,
    traceparent: `00-${hexId}-${hex16(root?.spanId ?? 0)}-01`,
    requestId: uuidOf(traceId),
    spans: rows,
    hops: spans.filter((s) => s.kind === 'client').length,
    totalMs: (end - t0) / 1000,
    error: spans.some((s) => s.code === 0 || s.code >= 400),
    end,
  };
}

/** The newest complete trace(s) (`errors`: only traces with a failed span). */
export function traceView(
  sim: MeshSource & { trace: { recent(): readonly MeshTrace[] } },
  errors = false,
): TraceView {
  const t = sim.state.traffic;
  const byId = new Map<number, SpanEntry[]>();
  for (const e of sim.trace.recent()) {
    if (e.type !== 'span') continue;
    const l = byId.get(e.traceId);
    if (l) l.push(e);
    else byId.set(e.traceId, [e]);
  }
  const busy = running(sim);
  const all: TraceSummary[] = [];
  for (const [id, spans] of byId) if (!busy.has(id)) all.push(summarize(id, spans));
  all.sort((a, b) => b.end - a.end || b.traceId - a.traceId);
  const pick = errors ? all.filter((x) => x.error) : all;
  const first = pick[0];
  const traces = !first
    ? []
    : first.hops > 1
      ? [first]
      : pick.filter((x) => x.hops <= 1).slice(0, 5);
  const hops = all.reduce((a, x) => a + x.hops, 0);
  return {
    forwardHeaders: t.forwardHeaders,
    samplingPercent: t.samplingPercent,
    traces,
    complete: all.length,
    hopsPerTrace: all.length ? hops / all.length : 0,
  };
}
