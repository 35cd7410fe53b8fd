/**
 * Drives the 1,000-sidecar mesh for the scale view (in a worker, or in a test): applies the
 * learner's actions as engine commands, advances simulated time on a fixed grid and records,
 * per episode (from one action to convergence), how many proxies run each config version over
 * time. Deterministic: the same seed, CPU count and actions at the same simulated times give
 * the same run and the same samples. The caller's clock only measures the engine's wall time.
 */
import { sec } from '../engine/core/time';
import type { MeshCommand, MeshSim, MeshTrace } from '../engine/mesh';
import { TARGET_POD, type ScaleAction } from './constants';
import { createScaleMesh, planAction } from './model';
import {
  converged,
  istiodSummary,
  proxyStates,
  type IstiodSummary,
  type ProxyStates,
} from './selectors';

/** Samples are taken at most this often (simulated µs); the spacing doubles as an episode grows. */
const GRID = 1000;
/** At most this many samples per episode (older ones are thinned, every other one dropped). */
const MAX_POINTS = 1200;
/** The start-up is long (stream admission): sampled coarser. */
const STARTUP_GRID = 100_000;
/** Give up fast-forwarding the start-up after this much simulated time. */
const STARTUP_LIMIT = sec(300);

/** What happened between one action and the mesh settling again. */
export interface EpisodeInfo {
  id: number;
  label: string;
  /** Simulated µs when the action was taken. */
  startAt: number;
  /** The first push after it: µs after startAt, full or EDS-only, proxies in scope, Istiod's words. */
  push: { at: number; full: boolean; proxies: number; why: string } | null;
  /** Pushes Istiod started (one per debounce round). */
  pushes: number;
  /** Config edits the API server refused (Istiod's webhook down). */
  rejected: number;
  /** µs after startAt when every proxy was SYNCED on the current version again, or null. */
  convergedAt: number | null;
  /** Most pushes running at once (each holds one of Istiod's throttle slots). */
  maxInProgress: number;
  /** Streams refused with RESOURCE_EXHAUSTED during the episode. */
  refused: number;
  /** µs after startAt of the last ACK Istiod received, or null. */
  lastAckAt: number | null;
  /** Wall ms the engine spent simulating this episode (until it converged). */
  busyMs: number;
}

/** One chart sample: µs after the episode's start, then proxies per version (series index). */
export type ChartPoint = number[];

export interface Snapshot {
  now: number;
  states: Uint8Array;
  counts: number[];
  istiod: IstiodSummary;
  converged: boolean;
  episode: EpisodeInfo;
  /** Series names: the version each series counts (null: no config yet). */
  versions: (string | null)[];
  /** Samples since the last snapshot; `reset`: a new episode began (drop the old samples). */
  points: ChartPoint[];
  reset: boolean;
  log: string[];
  /** The target pod's readiness probe fails; meshConfig's outbound traffic policy. */
  probeFailing: boolean;
  outbound: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

export class ScaleRunner {
  readonly sim: MeshSim;
  private actions = 0;
  private scheduled: { at: number; command: MeshCommand }[] = [];
  private episode: EpisodeInfo;
  private versions: (string | null)[] = [];
  private points: ChartPoint[] = [];
  private sent = 0;
  private reset = true;
  private gap = STARTUP_GRID;
  private lastProcessed = -1;
  private refusedAt0 = 0;
  private states: ProxyStates;

  constructor(
    readonly seed: number,
    readonly cores: number,
    private readonly clock: () => number = () => 0,
  ) {
    this.sim = createScaleMesh(seed, cores);
    this.episode = this.newEpisode('Start-up: 1,000 sidecars dial Istiod');
    this.sim.trace.subscribe((e) => this.onEntry(e));
    this.states = proxyStates(this.sim);
    this.sample();
  }

  /** Fast-forwards the start-up until the mesh has converged; `progress` is called now and then. */
  startUp(progress: (s: Snapshot) => void, everyMs = 80): void {
    let last = this.clock();
    while (this.sim.now < STARTUP_LIMIT) {
      this.advance(this.sim.now + STARTUP_GRID);
      if (this.episode.convergedAt !== null) break;
      if (this.clock() - last >= everyMs) {
        last = this.clock();
        progress(this.snapshot());
      }
    }
  }

  /** Takes an action now (its commands at their offsets). Starts a new episode. */
  act(a: ScaleAction): string {
    const t0 = this.clock();
    const plan = planAction(this.sim, a, this.actions++);
    this.episode = this.newEpisode(plan.label);
    this.gap = GRID;
    for (const c of plan.commands)
      this.scheduled.push({ at: this.sim.now + c.after, command: c.command });
    this.scheduled.sort((x, y) => x.at - y.at);
    this.applyDue();
    this.sample();
    this.episode.busyMs += this.clock() - t0;
    return plan.label;
  }

  /** Advances simulated time to `to` (µs), sampling on the grid. */
  advance(to: number): void {
    const t0 = this.clock();
    const open = this.episode.convergedAt === null;
    const sim = this.sim;
    while (sim.now < to) {
      const due = this.scheduled[0]?.at ?? Infinity;
      const tick = Math.min(to, due, (Math.floor(sim.now / this.gap) + 1) * this.gap);
      sim.advanceTo(tick);
      this.applyDue();
      if (sim.processed !== this.lastProcessed) this.sample();
    }
    if (open) this.episode.busyMs += this.clock() - t0;
  }

  /** Every sample of the current episode (the snapshots carry only the new ones). */
  get chart(): { versions: (string | null)[]; points: readonly ChartPoint[] } {
    return { versions: this.versions, points: this.points };
  }

  /** The state now, with the samples taken since the last snapshot. */
  snapshot(): Snapshot {
    this.states = proxyStates(this.sim, new Uint8Array(this.sim.state.order.length));
    this.checkConverged();
    const points = this.points.slice(this.sent);
    this.sent = this.points.length;
    const reset = this.reset;
    this.reset = false;
    const log = this.sim.state.log;
    return {
      now: this.sim.now,
      states: this.states.states,
      counts: this.states.counts,
      istiod: istiodSummary(this.sim),
      converged: converged(this.sim, this.states),
      episode: { ...this.episode, push: this.episode.push && { ...this.episode.push } },
      versions: [...this.versions],
      points,
      reset,
      log: log.slice(-6).map((l) => l.text),
      probeFailing: this.sim.state.pods[TARGET_POD]?.probeFailing ?? false,
      outbound: this.sim.state.config.outboundTrafficPolicy ?? 'ALLOW_ANY',
    };
  }

  private applyDue(): void {
    while ((this.scheduled[0]?.at ?? Infinity) <= this.sim.now) {
      const c = this.scheduled.shift() as { command: MeshCommand };
      try {
        this.sim.command(c.command);
      } catch {
        // A refused command changes nothing (the engine restored its state).
      }
    }
  }

  private newEpisode(label: string): EpisodeInfo {
    this.versions = [];
    this.points = [];
    this.sent = 0;
    this.reset = true;
    this.refusedAt0 = this.sim?.state.istiod.metrics.streams_rejected ?? 0;
    return {
      id: (this.episode?.id ?? 0) + 1,
      label,
      startAt: this.sim?.now ?? 0,
      push: null,
      pushes: 0,
      rejected: 0,
      convergedAt: null,
      maxInProgress: 0,
      refused: 0,
      lastAckAt: null,
      busyMs: 0,
    };
  }

  private onEntry(e: MeshTrace): void {
    const ep = this.episode;
    if (e.type === 'push.debounced') {
      ep.pushes++;
      ep.push ??= { at: e.t - ep.startAt, full: e.full, proxies: e.proxies, why: e.why };
    } else if (e.type === 'config.rejected') ep.rejected++;
    else if (e.type === 'xds.ack' && ep.convergedAt === null) ep.lastAckAt = e.t - ep.startAt;
  }

  /** Counts proxies per version now; thins the samples when there are too many. */
  private sample(): void {
    const sim = this.sim;
    this.lastProcessed = sim.processed;
    const ep = this.episode;
    const i = sim.state.istiod;
    ep.maxInProgress = Math.max(ep.maxInProgress, i.inProgress);
    ep.refused = i.metrics.streams_rejected - this.refusedAt0;
    const counts: number[] = new Array<number>(this.versions.length).fill(0);
    for (const pod of sim.state.order) {
      const v = sim.state.sidecars[pod]?.xds.LDS.version ?? null;
      let k = this.versions.indexOf(v);
      if (k < 0) {
        k = this.versions.push(v) - 1;
        counts.push(0);
      }
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const t = sim.now - ep.startAt;
    const last = this.points[this.points.length - 1];
    const point = [t, ...counts];
    if (last && last[0] === t) this.points[this.points.length - 1] = point;
    else this.points.push(point);
    if (this.points.length > MAX_POINTS) this.thin();
    if (ep.convergedAt === null && idle(sim)) {
      this.states = proxyStates(sim, this.states.states);
      this.checkConverged();
    }
  }

  private thin(): void {
    this.points = this.points.filter((_, k) => k % 2 === 0 || k === this.points.length - 1);
    this.gap *= 2;
    this.sent = 0;
    this.reset = true;
  }

  private checkConverged(): void {
    const ep = this.episode;
    if (ep.convergedAt === null && converged(this.sim, this.states))
      ep.convergedAt = this.sim.now - ep.startAt;
  }
}

/** Istiod has nothing in hand (checked before the per-proxy states, which cost more). */
function idle(sim: MeshSim): boolean {
  const i = sim.state.istiod;
  return (
    i.up &&
    i.debounce.req === null &&
    i.queue.length === 0 &&
    i.inProgress === 0 &&
    i.busyUntil <= sim.now
  );
}
