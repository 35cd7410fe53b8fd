/**
 * What the scale view draws, read from the mesh state: each proxy's state as Istiod sees it
 * (istioctl proxy-status words, refined by what Istiod still owes it), the config version each
 * Envoy runs, and Istiod's push machinery. Pure functions over a `MeshSim`.
 */
import type { MeshSim } from '../engine/mesh';
import { TYPES, typeStatus } from '../engine/mesh/istiod/state';
import { cpuScaledLimit } from '../engine/mesh/istiod/types';
import { ProxyState, STATE_COUNT } from './constants';

/** The state of every proxy (in `state.order`), and how many are in each state. */
export interface ProxyStates {
  states: Uint8Array;
  counts: number[];
}

/** Classifies every proxy. */
export function proxyStates(sim: MeshSim, out?: Uint8Array): ProxyStates {
  const s = sim.state;
  const i = s.istiod;
  const order = s.order;
  const states = out && out.length === order.length ? out : new Uint8Array(order.length);
  const counts = new Array<number>(STATE_COUNT).fill(0);
  for (let k = 0; k < order.length; k++) {
    const pod = order[k] as string;
    const st = classify(sim, pod, i.pushVersion);
    states[k] = st;
    counts[st] = (counts[st] ?? 0) + 1;
  }
  return { states, counts };
}

function classify(sim: MeshSim, pod: string, current: string | null): ProxyState {
  const s = sim.state;
  const i = s.istiod;
  const sc = s.sidecars[pod];
  const c = i.conns[pod];
  if (!i.up || !sc || !c || !sc.connected || c.streamId !== sc.streamId)
    return i.up && i.admission.waiting[pod] ? ProxyState.Admission : ProxyState.Disconnected;
  let notSent = false;
  let stale = false;
  for (const t of TYPES) {
    const sync = c.types[t];
    if (!sync.watched) continue;
    const st = typeStatus(sync);
    if (st === 'ERROR') return ProxyState.Error;
    if (st === 'STALE') stale = true;
    else if (st === 'NOT SENT') notSent = true;
  }
  if (stale) return ProxyState.Stale;
  if (c.pending || c.pushing) return ProxyState.Queued;
  if (notSent) return ProxyState.NotSent;
  return sc.xds.LDS.version === current ? ProxyState.Synced : ProxyState.Old;
}

/**
 * The config version each Envoy runs: the `version_info` of its last accepted LDS update (every
 * full push re-sends LDS; an EDS-only push keeps the version). Null: no listeners yet.
 */
export function proxyVersion(sim: MeshSim, pod: string): string | null {
  return sim.state.sidecars[pod]?.xds.LDS.version ?? null;
}

/** How many proxies run each version (null: no config yet), in order of first appearance. */
export function versionCounts(sim: MeshSim): Map<string | null, number> {
  const m = new Map<string | null, number>();
  for (const pod of sim.state.order) {
    const v = proxyVersion(sim, pod);
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  return m;
}

/** Istiod's push machinery right now. */
export interface IstiodSummary {
  up: boolean;
  cores: number;
  /** PILOT_PUSH_THROTTLE = PILOT_MAX_REQUESTS_PER_SECOND = min(15 + 5×cores, 100). */
  throttle: number;
  version: string | null;
  connected: number;
  /** Pushes running now (each holds a throttle slot), and proxies waiting for a slot. */
  inProgress: number;
  queued: number;
  /** A PushContext is being built (a full push waits for it). */
  building: boolean;
  /** Debounce: events merged so far and how long since the first / last (µs), or null. */
  debounce: { events: number; sinceFirst: number; sinceLast: number; full: boolean } | null;
  /** Streams waiting for an admission slot, and streams refused (RESOURCE_EXHAUSTED) so far. */
  admitting: number;
  refused: number;
  pushes: number;
}

export function istiodSummary(sim: MeshSim): IstiodSummary {
  const i = sim.state.istiod;
  const d = i.debounce;
  let queued = 0;
  for (const pod of i.queue) if (i.conns[pod]?.pending) queued++;
  return {
    up: i.up,
    cores: i.cores,
    throttle: cpuScaledLimit(i.cores),
    version: i.pushVersion,
    connected: Object.keys(i.conns).length,
    inProgress: i.inProgress,
    queued,
    building: i.up && i.busyUntil > sim.now,
    debounce:
      i.up && d.req
        ? {
            events: d.events,
            sinceFirst: sim.now - d.firstAt,
            sinceLast: sim.now - d.lastAt,
            full: d.req.full,
          }
        : null,
    admitting: Object.keys(i.admission.waiting).length,
    refused: i.metrics.streams_rejected,
    pushes: i.metrics.pushes_debounced,
  };
}

/**
 * Nothing left to do: Istiod is up, every proxy is connected and SYNCED on the current version,
 * no event waits in the debounce and no push is queued or running.
 */
export function converged(sim: MeshSim, states: ProxyStates): boolean {
  const i = sim.state.istiod;
  return (
    i.up &&
    i.debounce.req === null &&
    i.queue.length === 0 &&
    i.inProgress === 0 &&
    i.busyUntil <= sim.now &&
    states.counts[ProxyState.Synced] === states.states.length
  );
}
