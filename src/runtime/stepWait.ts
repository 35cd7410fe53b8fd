import type { EngineSim } from '../engine/core/sceneModel';
import type { TraceEntry } from '../engine/core/trace';
import type { WaitFor } from '../scene/types';

/** A step with no `runForMs` runs at most this long towards its entry. */
export const DEFAULT_WAIT_MS = 15_000;
/** At most this many engine events run per frame (a busy model slows time instead of freezing). */
export const MAX_EVENTS_PER_FRAME = 5_000;
/** Protocol slow motion: a message in flight takes at least this much wall time to travel. */
export const SLOW_MOTION_WALL_MS = 500;

/** True when a trace entry is what a step waits for. */
export function matchesWait<T extends TraceEntry, S>(w: WaitFor<T, S>, e: T): boolean {
  return e.type === w.type && (w.where === undefined || w.where(e));
}

/**
 * A step running towards its `waitFor` entry (or its time limit). The player arms one when a step
 * starts, offers it every trace entry, and settles it after each engine event (never inside one).
 */
export class StepWait<T extends TraceEntry, S> {
  hit = false;
  /** A matching entry arrived during the current event; `until` is checked once it is done. */
  private candidate = false;

  constructor(
    readonly match: WaitFor<T, S> | null,
    readonly deadline: number,
  ) {}

  /** A trace entry as it is emitted. */
  offer(e: T): void {
    if (!this.hit && this.match && matchesWait(this.match, e)) this.candidate = true;
  }

  /** After an event: a candidate entry completes the wait if `until` holds. */
  settle(sim: S): void {
    if (!this.candidate) return;
    this.candidate = false;
    if (!this.match?.until || this.match.until(sim)) this.hit = true;
  }

  /** Runs the simulation to the entry or the deadline at once. */
  runHeadless<C>(sim: S & EngineSim<C, T>): void {
    while (!this.hit && sim.nextEventTime() <= this.deadline && sim.step()) this.settle(sim);
    if (!this.hit) sim.advanceTo(this.deadline);
  }
}

/**
 * One frame of play: runs events up to `deltaUs` of simulated time (at most MAX_EVENTS_PER_FRAME).
 * With slow motion (`flight`: the shortest flight of a message in the air, or null) [1] a frame
 * ends as soon as a message a learner must see starts travelling, and while one travels simulated
 * time runs no faster than its flight over SLOW_MOTION_WALL_MS of wall time. Returns whether
 * time was slowed and whether the wait (if any) finished.
 */
export function playFrame<C, T extends TraceEntry, S extends EngineSim<C, T>>(
  sim: S,
  w: StepWait<T, S> | null,
  flight: ((sim: S) => number | null) | undefined,
  deltaUs: number,
  wallMs: number,
): { slowed: boolean; finished: boolean } {
  let target = sim.now + Math.max(1, Math.round(deltaUs));
  let slowed = false;
  const span0 = flight?.(sim) ?? null;
  if (span0 !== null) {
    const capped = sim.now + Math.max(1, Math.round((span0 * wallMs) / SLOW_MOTION_WALL_MS));
    if (capped < target) {
      target = capped;
      slowed = true;
    }
  }
  let limit = w ? Math.min(target, w.deadline) : target;
  let n = 0;
  while (!w?.hit && n < MAX_EVENTS_PER_FRAME && sim.nextEventTime() <= limit && sim.step()) {
    n++;
    w?.settle(sim);
    if (flight && span0 === null && flight(sim) !== null) {
      // A message has just left: stop here so it is drawn at the start of its line.
      limit = sim.now;
      slowed = true;
      break;
    }
  }
  if (w && (w.hit || limit >= w.deadline)) {
    if (!w.hit) sim.advanceTo(w.deadline);
    return { slowed: false, finished: true };
  }
  if (n < MAX_EVENTS_PER_FRAME) sim.advanceTo(limit);
  return { slowed, finished: false };
}

// [1] Determinism is untouched: slow motion changes only how wall time maps to simulated time,
//     never which events run or in what order.
