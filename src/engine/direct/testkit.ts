/**
 * Helpers for the direct model's tests: a scripted run that keeps every trace entry, and
 * lookups over the entries. Not used by the model itself.
 */
import type { SimTime } from '../core/time';
import { createDirect, type CreateDirectOptions } from './index';
import type { CallerName, DirectCommand, DirectSim, DirectTrace } from './types';

/** A command at a simulated time. */
export interface Scheduled {
  at: SimTime;
  command: DirectCommand;
}

export interface Run {
  sim: DirectSim;
  /** Every entry the run emitted, in order. */
  entries: DirectTrace[];
}

/** Runs `schedule` (sorted by time) until `until`, keeping every trace entry. */
export function scripted(
  seed: number,
  schedule: readonly Scheduled[],
  until: SimTime,
  options: Omit<CreateDirectOptions, 'seed'> = {},
): Run {
  const sim = createDirect({ seed, ...options });
  const entries: DirectTrace[] = [];
  sim.trace.subscribe((e) => entries.push(e));
  for (const s of schedule) {
    sim.advanceTo(s.at);
    sim.command(s.command);
  }
  sim.advanceTo(until);
  return { sim, entries };
}

/** Applies the same schedule to a fresh simulation, up to `t`. */
export function replayTo(
  seed: number,
  schedule: readonly Scheduled[],
  t: SimTime,
  options: Omit<CreateDirectOptions, 'seed'> = {},
): DirectSim {
  const sim = createDirect({ seed, ...options });
  for (const s of schedule) {
    if (s.at > t) break;
    sim.advanceTo(s.at);
    sim.command(s.command);
  }
  sim.advanceTo(t);
  return sim;
}

export type Of<K extends DirectTrace['type']> = Extract<DirectTrace, { type: K }>;

/** The entries of one type (optionally of one caller). */
export function ofType<K extends DirectTrace['type']>(
  entries: readonly DirectTrace[],
  type: K,
  caller?: CallerName,
): Of<K>[] {
  return entries.filter(
    (e): e is Of<K> =>
      e.type === type && (caller === undefined || ('caller' in e && e.caller === caller)),
  );
}

/** Call id → the time the call started. */
export function callStarts(entries: readonly DirectTrace[]): Map<number, SimTime> {
  const m = new Map<number, SimTime>();
  for (const e of ofType(entries, 'call.start')) m.set(e.id, e.t);
  return m;
}

/** `id/attempt` → the time that attempt dialled. */
export function connectTimes(entries: readonly DirectTrace[]): Map<string, SimTime> {
  const m = new Map<string, SimTime>();
  for (const e of ofType(entries, 'call.connect')) m.set(`${e.id}/${e.attempt}`, e.t);
  return m;
}
