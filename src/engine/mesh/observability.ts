/**
 * Scene 13's read-outs: golden signals per service from `istio_requests_total` (reporter
 * "source"), and access-log lines in Istio's default text format (`EnvoyTextLogFormat`,
 * docs/fidelity.md §5) for both sides of a call — the caller's sidecar (outbound) and the callee's
 * (inbound) — built from the trace: a finished call is its `request.done` entry, preceded by its
 * client and server `span` entries when it was sampled (the server span means it reached the
 * callee's sidecar, and carries the trace id the apps forwarded).
 * Simplified: byte counts are 0, user agent and forwarded-for are "-", the ephemeral ports are
 * derived from the request id, the outbound DOWNSTREAM_LOCAL_ADDRESS (the service VIP) is "-"; `x-request-id` is a UUID derived from the trace id (so every hop
 * of a trace whose headers were forwarded shares it) or, unsampled, from the request id.
 */
import { hashValue } from '../core/hash';
import { LATENCY_BUCKETS_MS } from '../traffic/finish';
import type { MeshTrace, MeshTraceOf } from './contract';
import { rfc3339Millis } from './format';
import type { MeshSim } from './types';
import type { MeshSource } from './views/memo';

/** Golden signals of one destination service. */
export interface ServiceSignals {
  service: string;
  requests: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}

function quantileFromBuckets(h: readonly number[], q: number): number | null {
  const total = h.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let acc = 0;
  for (let i = 0; i < h.length; i++) {
    acc += h[i] ?? 0;
    if (acc >= q * total) return LATENCY_BUCKETS_MS[i] ?? Infinity;
  }
  return null;
}

/** Requests, errors and latency percentiles per destination service (source reporter, since t = 0). */
export function goldenSignals(sim: MeshSim): ServiceSignals[] {
  const t = sim.state.traffic;
  const by = new Map<string, { requests: number; errors: number }>();
  for (const [key, n] of Object.entries(t.requestsTotal)) {
    const [reporter, , service = '', , code = '0'] = key.split('|');
    if (reporter !== 'source') continue;
    const e = by.get(service) ?? { requests: 0, errors: 0 };
    e.requests += n;
    if (Number(code) >= 500 || Number(code) === 0) e.errors += n;
    by.set(service, e);
  }
  return [...by.keys()].sort().map((service) => {
    const e = by.get(service) ?? { requests: 0, errors: 0 };
    const h = t.latency[service] ?? [];
    return {
      service,
      ...e,
      errorRate: e.requests ? e.errors / e.requests : 0,
      p50Ms: quantileFromBuckets(h, 0.5),
      p90Ms: quantileFromBuckets(h, 0.9),
      p99Ms: quantileFromBuckets(h, 0.99),
    };
  });
}

/** Envoy's %RESPONSE_CODE_DETAILS% for the deciding response flag. */
const DETAILS: Record<string, string> = {
  '-': 'via_upstream',
  DI: 'via_upstream',
  UH: 'no_healthy_upstream',
  UF: 'upstream_reset_before_response_started{remote_connection_failure|delayed_connect_error:_Connection_refused}',
  UO: 'upstream_reset_before_response_started{overflow}',
  UC: 'upstream_reset_before_response_started{connection_termination}',
  UT: 'response_timeout',
  NR: 'route_not_found',
  NC: 'cluster_not_found',
  FI: 'fault_filter_abort',
  DC: 'downstream_remote_disconnect',
};
/** Flags in the order that decides the details (the cause before URX and DI). */
const DECIDING = ['UF', 'UH', 'UO', 'UC', 'UT', 'NR', 'NC', 'FI', 'DC'];

/** A mesh simulation with its trace window. */
export type TracedSource = MeshSource & { trace: { recent(): readonly MeshTrace[] } };

/** One access-log record (the fields a learner compares), plus its line. */
export interface AccessRecord {
  t: number;
  id: number;
  pod: string;
  side: 'outbound' | 'inbound';
  peer: string;
  code: number;
  flags: string;
  details: string;
  transportFailure: string;
  durationMs: number;
  requestId: string;
  traceId: number | null;
  line: string;
}

/** A UUID (version 4 layout) derived from a number, the same in every run. */
export function uuidOf(n: number): string {
  const h = hashValue(['x-request-id', n]) + hashValue(['x-request-id', n, 1]);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const q = (s: string): string => `"${s}"`;

function lineOf(parts: (string | number)[]): string {
  return parts.join(' ');
}

/** The log records of one finished call (outbound at the caller, inbound at the callee). */
function recordsOf(
  sim: MeshSource,
  e: MeshTraceOf<'request.done'>,
  server: MeshTraceOf<'span'> | null,
  client: MeshTraceOf<'span'> | null,
): AccessRecord[] {
  const s = sim.state;
  const src = s.pods[e.from];
  const dst = s.pods[e.to];
  const service = dst?.service ?? e.to;
  const flagList = e.flags.split(',');
  const decide =
    DECIDING.find((f) => flagList.includes(f)) ?? (flagList.includes('DI') ? 'DI' : '-');
  const traceId = client?.traceId ?? server?.traceId ?? null;
  const requestId = uuidOf(traceId ?? 1_000_000_000 + e.id);
  const dur = Math.round((e.t - e.start) / 1000);
  const upstreamOk = decide === '-' || decide === 'DI';
  const reached = server !== null || (upstreamOk && e.code !== 0);
  const srcIp = src?.ip ?? '-';
  const port = 40_000 + (e.id % 20_000);
  const out: AccessRecord[] = [];
  if (src?.injected) {
    const tf = decide === 'UF' ? 'delayed_connect_error:_Connection_refused' : '-';
    const upstream =
      dst &&
      decide !== 'UH' &&
      decide !== 'UO' &&
      decide !== 'NR' &&
      decide !== 'NC' &&
      decide !== 'FI';
    const details = DETAILS[decide] ?? '-';
    const svcTime =
      upstreamOk && e.code !== 0
        ? String(server ? Math.round((server.end - server.start) / 1000) : dur)
        : '-';
    out.push({
      t: e.start,
      id: e.id,
      pod: e.from,
      side: 'outbound',
      peer: e.to,
      code: e.code,
      flags: e.flags,
      details,
      transportFailure: tf,
      durationMs: dur,
      requestId,
      traceId,
      line: lineOf([
        `[${rfc3339Millis(e.start)}]`,
        q('GET / HTTP/1.1'),
        e.code,
        e.flags,
        details,
        '-',
        q(tf),
        0,
        0,
        dur,
        svcTime,
        q('-'),
        q('-'),
        q(requestId),
        q(`${service}:8080`),
        q(upstream ? `${dst.ip}:${dst.port}` : '-'),
        e.cluster || '-',
        upstream ? `${srcIp}:${port}` : '-',
        '-',
        `${srcIp}:${port + 1}`,
        '-',
        'default',
      ]),
    });
  }
  if (dst?.injected && (reached || (!src?.injected && e.code === 0))) {
    const sStart = server?.start ?? e.start;
    const sDur = server ? Math.round((server.end - server.start) / 1000) : dur;
    const dc = flagList.includes('UT');
    const plaintextRefused = !src?.injected && e.code === 0;
    const code = dc || plaintextRefused ? 0 : e.code;
    const flags = dc ? 'DC' : plaintextRefused ? 'NR' : '-';
    const details = dc ? DETAILS.DC! : plaintextRefused ? 'filter_chain_not_found' : 'via_upstream';
    const dstIp = dst.ip;
    out.push({
      t: sStart,
      id: e.id,
      pod: e.to,
      side: 'inbound',
      peer: e.from,
      code,
      flags,
      details,
      transportFailure: '-',
      durationMs: sDur,
      requestId,
      traceId,
      line: plaintextRefused
        ? `[${rfc3339Millis(sStart)}] "- - -" 0 NR ${details} - "-" 0 0 0 - "-" "-" "-" "-" "-" - - ${dstIp}:8080 ${srcIp}:${port} - -`
        : lineOf([
            `[${rfc3339Millis(sStart)}]`,
            q('GET / HTTP/1.1'),
            code,
            flags,
            details,
            '-',
            q('-'),
            0,
            0,
            sDur,
            dc ? '-' : sDur,
            q('-'),
            q('-'),
            q(requestId),
            q(`${service}:8080`),
            q(`${dstIp}:8080`),
            'inbound|8080||',
            `127.0.0.6:${port + 2}`,
            `${dstIp}:8080`,
            `${srcIp}:${port}`,
            `outbound_.8080_._.${service}.shop.svc.cluster.local`,
            'default',
          ]),
    });
  }
  return out;
}

/** Every access-log record in the trace window, oldest first (`pod` given: that sidecar's only). */
export function accessRecords(sim: TracedSource, pod?: string): AccessRecord[] {
  const entries = sim.trace.recent();
  const out: AccessRecord[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e?.type !== 'request.done') continue;
    if (pod !== undefined && e.from !== pod && e.to !== pod) continue;
    let server: MeshTraceOf<'span'> | null = null;
    let client: MeshTraceOf<'span'> | null = null;
    for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
      const p = entries[k];
      if (p?.type !== 'span' || p.t !== e.t) break;
      if (p.kind === 'server' && p.pod === e.to) server = p;
      else if (p.kind === 'client' && p.pod === e.from) client = p;
    }
    for (const r of recordsOf(sim, e, server, client))
      if (pod === undefined || r.pod === pod) out.push(r);
  }
  return out;
}

/** The last `n` access-log lines of `pod`'s sidecar (outbound calls it made, and inbound ones), oldest first. */
export function accessLog(sim: MeshSim, pod: string, n = 20): string[] {
  return accessRecords(sim, pod)
    .slice(-n)
    .map((r) => r.line);
}
