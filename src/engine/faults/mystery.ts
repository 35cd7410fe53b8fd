/**
 * Scene 13's "find the cause". `mystery.inject` heals every chaos fault in force, then injects one
 * fault of the catalog (./chaos.ts) picked with the run's seeded RNG — never the previous
 * mystery's — without saying which: its commands run without `command` entries and their log
 * sentences are replaced by one neutral line, so only the signals show it. `mystery.guess`
 * checks the learner's answer. Both are recorded commands, so a run (and a shared link) replays.
 */
import { logLine } from '../mesh/log';
import type { MeshCommand } from '../mesh/contract';
import type { MeshSim } from '../mesh/types';
import { CHAOS_FAULTS, chaosFault, healAll } from './chaos';

/** The faults a mystery may be (all of the catalog). */
export const MYSTERY_FAULTS: readonly string[] = CHAOS_FAULTS.map((f) => f.id);

/** Runs commands without recording them as operator commands, then hides their log lines. */
function silently(sim: MeshSim, run: (c: MeshCommand) => void, cs: readonly MeshCommand[]): void {
  const log = sim.state.log;
  const before = log.length;
  const total = sim.state.logTotal;
  for (const c of cs) run(c);
  log.splice(before);
  sim.state.logTotal = total;
}

/** Heals, picks and injects the next mystery. */
export function injectMystery(sim: MeshSim, run: (c: MeshCommand) => void): void {
  const s = sim.state;
  const round = (s.mystery?.round ?? 0) + 1;
  const prev = s.mystery?.fault ?? null;
  const pool = MYSTERY_FAULTS.filter((id) => id !== prev);
  const fault = pool[sim.rng.int(pool.length)] ?? MYSTERY_FAULTS[0] ?? '';
  silently(sim, run, healAll(s));
  silently(sim, run, chaosFault(fault)?.inject ?? []);
  s.mystery = { round, fault, at: sim.now, guesses: [] };
  logLine(
    sim,
    'fault',
    `Mystery ${round}: one fault was injected somewhere — find it from the signals`,
  );
  sim.emit({ t: sim.now, type: 'mystery.injected', round });
}

/** Checks the learner's answer for the current mystery. */
export function guessMystery(sim: MeshSim, guess: string): void {
  const m = sim.state.mystery;
  if (!m) return;
  const correct = guess === m.fault;
  m.guesses.push({ guess, correct, at: sim.now });
  const label = chaosFault(guess)?.label ?? guess;
  logLine(sim, 'fault', `Mystery ${m.round}: “${label}” is ${correct ? 'right' : 'not it'}`);
  sim.emit({ t: sim.now, type: 'mystery.checked', round: m.round, guess, fault: m.fault, correct });
}
