/** Shared helpers of the direct model: the log, lookups, timers, outcomes. */
import type {
  AttemptFailure,
  CallState,
  CallerName,
  DirectSim,
  DirectState,
  DirectTrace,
  PodState,
} from './types';

/** Log lines kept. */
export const LOG_MAX = 200;
/** Finished attempts kept for `recentOutcomes`. */
export const RECENT_MAX = 100;
/** Kubernetes' readiness probe defaults: periodSeconds 10, timeoutSeconds 1, failureThreshold 3. */
export const PROBE_DEFAULTS = { periodMs: 10_000, timeoutMs: 1_000, failureThreshold: 3 };
export const DEFAULT_RPS = 4;

export type Kind = 'traffic' | 'fault' | 'dns';

/** Appends a sentence to the bounded log. */
export function log(sim: DirectSim, kind: Kind, text: string): void {
  const rows = sim.state.log;
  rows.push({ t: sim.now, text, kind });
  if (rows.length > LOG_MAX) rows.splice(0, rows.length - LOG_MAX);
}

/** Records a trace entry. */
export function emit(sim: DirectSim, entry: DirectTrace): void {
  sim.emit(entry);
}

/** Mean gap between calls at `rps` calls per second (µs). */
export function meanGapUs(rps: number): number {
  return Math.round(1_000_000 / rps);
}

/** Schedules a caller's next call (Poisson); null when the rate is 0. */
export function scheduleTick(sim: DirectSim, caller: CallerName, rps: number): number | null {
  if (!(rps > 0)) return null;
  return sim.schedule(sim.rng.exp(meanGapUs(rps)), { type: 'caller.tick', caller });
}

/** The payments pod with this name. */
export function podByName(s: DirectState, name: string): PodState | undefined {
  return s.pods.find((p) => p.name === name);
}

/** The payments pod with this IP. */
export function podByIp(s: DirectState, ip: string | null): PodState | undefined {
  return ip === null ? undefined : s.pods.find((p) => p.ip === ip);
}

/** IPs of the ready pods, in cast order. */
export function readyIps(s: DirectState): string[] {
  return s.pods.filter((p) => p.ready).map((p) => p.ip);
}

/** Keeps a finished attempt for `recentOutcomes` (bounded). */
export function recordOutcome(
  sim: DirectSim,
  call: CallState,
  reason: AttemptFailure | null,
): void {
  const recent = sim.state.recent;
  recent.push({
    t: sim.now,
    caller: call.caller,
    id: call.id,
    attempt: call.attempt,
    address: call.address,
    ip: call.ip,
    pod: call.pod,
    ok: reason === null,
    reason,
  });
  if (recent.length > RECENT_MAX) recent.splice(0, recent.length - RECENT_MAX);
}

/** The call, if it is still on this attempt. */
export function current(sim: DirectSim, id: number, attempt: number): CallState | undefined {
  const call = sim.state.calls[id];
  return call && call.attempt === attempt ? call : undefined;
}

/** Cancels the attempt's timeout. */
export function clearTimer(sim: DirectSim, call: CallState): void {
  if (call.timer !== null) sim.cancel(call.timer);
  call.timer = null;
  call.timeoutAt = null;
}

/** Cancels the attempt's next progress event. */
export function clearPending(sim: DirectSim, call: CallState): void {
  if (call.pending !== null) sim.cancel(call.pending);
  call.pending = null;
}
