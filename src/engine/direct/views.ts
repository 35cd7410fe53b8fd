/**
 * Selectors over a direct simulation. Each is memoised per `sim.revision` (a WeakMap keyed by the
 * simulation), so a view may call them every frame: the work is done once per change.
 */
import type { LogRow } from '../core/sceneModel';
import { MILLISECOND, type SimTime } from '../core/time';
import { CALLER_IPS, PAYMENTS_CLUSTER_IP, PROFILES, hostPort, type TlsMode } from './cast';
import { formatDuration } from './text';
import {
  CALLERS,
  type AttemptOutcome,
  type CallPhase,
  type CallerCounters,
  type CallerName,
  type Discovery,
  type DirectSim,
} from './types';

/** One caller's card: its library, how it is configured, and how it is doing. */
export interface CallerView {
  name: CallerName;
  ip: string;
  language: string;
  /** The client library, in words. */
  library: string;
  /** The URL in the app's code. */
  url: string;
  discovery: Discovery;
  /** How it finds payments, in words (the "address style"). */
  addressStyle: string;
  retries: number;
  backoffMs: readonly number[];
  retryText: string;
  connectTimeoutMs: number;
  /** From connected to the response; null = waits forever. */
  responseTimeoutMs: number | null;
  timeoutText: string;
  tls: TlsMode;
  tlsText: string;
  counters: CallerCounters;
  lastOutcome: string | null;
  lastOk: boolean | null;
  /** The addresses it currently knows for payments (ip:port). */
  addresses: string[];
  /** Where those come from, e.g. "JVM DNS cache, 12.3 s left". */
  addressesNote: string;
  /** cart-1: when its cached DNS answer expires (null otherwise, or before the first lookup). */
  dnsExpiresAt: SimTime | null;
}

/** A payments pod as the diagram shows it. */
export interface PodView {
  name: string;
  ip: string;
  version: string;
  /** Answers on its IP. */
  up: boolean;
  /** Listed as ready in the EndpointSlice (what DNS returns for the headless Service). */
  ready: boolean;
  /** Programmed in kube-proxy's rules for the ClusterIP (lags `ready` by one sync). */
  inKubeProxy: boolean;
  /** Readiness probe failures in a row, and the threshold. */
  probeFailures: number;
  failureThreshold: number;
}

/** A call in flight: draw a dot from `from` to `to`, or a stalled dial when `stalled`. */
export interface InFlightView {
  id: number;
  from: CallerName;
  /** The pod the packets go to, or the dialled address when no pod has it. */
  to: string;
  attempt: number;
  phase: CallPhase;
  /** What the app dialled (ip:port). For checkout-1 the ClusterIP. */
  address: string;
  /** Where the packets go (pod IP); null when kube-proxy rejects. */
  ip: string | null;
  pod: string | null;
  /** When the current phase started. */
  sentAt: SimTime;
  /** When it completes if the peer answers (backoff: when the retry starts); null: stalled. */
  arriveAt: SimTime | null;
  /** When the library gives up on this phase; null: never. */
  timeoutAt: SimTime | null;
  stalled: boolean;
}

export interface CountersView {
  byCaller: Record<CallerName, CallerCounters>;
  total: CallerCounters;
}

function memo<T>(fn: (sim: DirectSim) => T): (sim: DirectSim) => T {
  const cache = new WeakMap<DirectSim, { rev: number; value: T }>();
  return (sim) => {
    const hit = cache.get(sim);
    if (hit && hit.rev === sim.revision) return hit.value;
    const value = fn(sim);
    cache.set(sim, { rev: sim.revision, value });
    return value;
  };
}

function toMs(us: number | null): number | null {
  return us === null ? null : us / MILLISECOND;
}

/** The three callers, in display order. */
export const callers = memo((sim: DirectSim): CallerView[] =>
  CALLERS.map((name) => {
    const p = PROFILES[name];
    const c = sim.state.callers[name];
    let addresses: string[];
    let addressesNote: string;
    let dnsExpiresAt: SimTime | null = null;
    if (p.discovery === 'hard-coded') {
      addresses = [hostPort(p.host)];
      addressesNote = 'hard-coded in the config';
    } else if (p.discovery === 'cluster-ip') {
      addresses = [hostPort(PAYMENTS_CLUSTER_IP)];
      const n = sim.state.kubeProxy.length;
      addressesNote = `the ClusterIP; kube-proxy picks among ${n} endpoint${n === 1 ? '' : 's'}`;
    } else if (c.dns) {
      addresses = c.dns.addresses.slice();
      dnsExpiresAt = c.dns.expiresAt;
      const left = c.dns.expiresAt - sim.now;
      addressesNote =
        left > 0 ? `JVM DNS cache, ${formatDuration(left)} left` : 'JVM DNS cache, expired';
    } else {
      addresses = [];
      addressesNote = 'not looked up yet';
    }
    return {
      name,
      ip: CALLER_IPS[name],
      language: p.language,
      library: p.library,
      url: p.url,
      discovery: p.discovery,
      addressStyle: p.discoveryText,
      retries: p.retries,
      backoffMs: p.backoffMs,
      retryText: p.retryText,
      connectTimeoutMs: p.connectTimeout / MILLISECOND,
      responseTimeoutMs: toMs(p.responseTimeout),
      timeoutText: p.timeoutText,
      tls: p.tls,
      tlsText: p.tlsText,
      counters: { ...c.counters },
      lastOutcome: c.lastOutcome,
      lastOk: c.lastOk,
      addresses,
      addressesNote,
      dnsExpiresAt,
    };
  }),
);

/** The payments pods. */
export const pods = memo((sim: DirectSim): PodView[] =>
  sim.state.pods.map((p) => ({
    name: p.name,
    ip: p.ip,
    version: p.version,
    up: p.up,
    ready: p.ready,
    inKubeProxy: sim.state.kubeProxy.includes(p.ip),
    probeFailures: p.failures,
    failureThreshold: sim.state.probe.failureThreshold,
  })),
);

/** Calls in flight, oldest first. */
export const inFlight = memo((sim: DirectSim): InFlightView[] =>
  Object.values(sim.state.calls).map((c) => ({
    id: c.id,
    from: c.caller,
    to: c.pod ?? c.address,
    attempt: c.attempt,
    phase: c.phase,
    address: c.address,
    ip: c.ip,
    pod: c.pod,
    sentAt: c.since,
    arriveAt: c.arriveAt,
    timeoutAt: c.timeoutAt,
    stalled: c.stalled,
  })),
);

/** The last finished attempts (up to 100), newest last. */
export const recentOutcomes = memo((sim: DirectSim): readonly AttemptOutcome[] =>
  sim.state.recent.slice(),
);

/** The text log (up to 200 sentences), newest last. */
export const log = memo((sim: DirectSim): readonly LogRow[] => sim.state.log.slice());

/** Counters per caller and in total. */
export const counters = memo((sim: DirectSim): CountersView => {
  const total: CallerCounters = {
    calls: 0,
    ok: 0,
    failed: 0,
    retries: 0,
    timeouts: 0,
    inFlight: 0,
  };
  const byCaller = {} as Record<CallerName, CallerCounters>;
  for (const name of CALLERS) {
    const c = sim.state.callers[name].counters;
    byCaller[name] = { ...c };
    total.calls += c.calls;
    total.ok += c.ok;
    total.failed += c.failed;
    total.retries += c.retries;
    total.timeouts += c.timeouts;
    total.inFlight += c.inFlight;
  }
  return { byCaller, total };
});
