/**
 * State of the call-graph traffic mode (`MeshOptions.traffic.mode = 'graph'`): app jobs waiting
 * for their downstream calls, user arrivals, the fortio-like load generator, per-host connection
 * pools and the statistics window. Present in `TrafficState.graph` only in that mode, so the
 * default mode's state (and its pinned hashes) is unchanged.
 */
import type { SimTime } from '../../core/time';
import type { BreakerLimit, PodName } from '../../mesh/contract';
import type { ObserveState } from './observe';

/** What an app does when it serves a request: stages run in order, calls in a stage in parallel. */
export type CallPlan = Record<string, string[][]>;

/** An app serving one request (a user request at web-1, or an attempt that reached the pod). */
export interface Job {
  id: number;
  pod: PodName;
  service: string;
  /** The request whose attempt this job answers (0: a user request). */
  rq: number;
  attempt: number;
  start: SimTime;
  /** Next stage of the plan to run. */
  stage: number;
  /** Calls of the current stage still running. */
  waiting: number;
  /** The status the app will answer with (0 = success so far). */
  failCode: number;
  /** `x-user` of the user request (forwarded by the apps, so RING_HASH stays sticky). */
  user: string;
  traceId: number | null;
  spanId: number;
}

/** One connection of a sidecar's pool to one host of one cluster (HTTP/1.1: one stream at a time). */
export interface PoolConn {
  id: number;
  state: 'connecting' | 'idle' | 'busy';
  /** The request on it (busy). */
  rq: number;
  /** Requests it may still carry (DR maxRequestsPerConnection; absent: no limit). */
  left?: number;
}

/** A sidecar's connection pool to one host of one cluster. */
export interface HostPool {
  conns: PoolConn[];
  /** Pending request ids, oldest first. */
  pending: number[];
}

/** A sparse latency histogram: bucket index → count (see stats.ts). */
export type Histogram = Record<number, number>;

/** Counters since the last `traffic.mark`. */
export interface StatsWindow {
  label: string;
  since: SimTime;
  users: { issued: number; done: number; ok: number; byCode: Record<string, number> };
  userLatency: Histogram;
  /** Calls (all attempts included, as the calling app sees them) per destination service. */
  calls: Record<string, { done: number; ok: number; latency: Histogram }>;
  /** Attempts that reached a host, per service, and per host with their latency. */
  attempts: Record<string, number>;
  hosts: Record<PodName, { service: string; attempts: number; ok: number; latency: Histogram }>;
  /** Circuit-breaker overflows by limit. */
  overflow: Record<BreakerLimit, number>;
  retries: number;
}

/** A fortio-like run (`load.start`). */
export interface LoadRun {
  id: number;
  from: PodName;
  service: string;
  connections: number;
  qps: number;
  /** Total requests (0 = until stopped). */
  requests: number;
  start: SimTime;
  /** Calls per loop (fortio gives the remainder to the first loop). */
  perLoop: number[];
  /** Calls made per loop so far. */
  made: number[];
  sent: number;
  done: number;
  byCode: Record<string, number>;
  latency: Histogram;
  stopped: boolean;
  end: SimTime | null;
}

/** The call-graph mode's state. */
export interface GraphState {
  userRps: number;
  userTimer: number | null;
  detail: boolean;
  /** Time to open a connection (µs). */
  connectUs: SimTime;
  /** Requests an app works on at once (0 = no limit); the rest wait in `queue`. */
  workers: number;
  busy: Record<PodName, number>;
  queue: Record<PodName, number[]>;
  plan: CallPlan;
  /** The pod user requests enter. */
  entry: PodName;
  nextJob: number;
  jobs: Record<number, Job>;
  load: LoadRun | null;
  nextLoad: number;
  window: StatsWindow;
  /** Closed windows, oldest first (at most 8). */
  history: StatsWindow[];
  /** Scene 13's per-reporter metrics in one-second bins (only with `observe`). */
  observe?: ObserveState;
}

/** Engine events of the call-graph mode. */
export type GraphEvent =
  | { type: 'graph.user' }
  | { type: 'job.start'; rq: number; attempt: number }
  | { type: 'job.step'; id: number }
  | { type: 'job.callDone'; id: number; code: number }
  | { type: 'rq.reply'; id: number; attempt: number; code: number }
  | { type: 'rq.perTry'; id: number; attempt: number }
  | { type: 'pool.connected'; pod: PodName; cluster: string; host: PodName; conn: number }
  | { type: 'load.next'; run: number; loop: number };
