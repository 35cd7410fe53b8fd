import type { EngineSim } from '../engine/core/sceneModel';
import type { InputLogEntry } from '../engine/core/simulation';
import type { TraceEntry } from '../engine/core/trace';
import type { SceneDef } from '../scene/types';

/** A run the learner left: enough to rebuild it exactly (seed + input log), and where it ended. */
export interface SavedRun<C> {
  id: number;
  seed: number;
  log: readonly InputLogEntry<C>[];
  /** The furthest simulated time it reached. */
  end: number;
  /** The narrative step it was on. */
  step: number;
  /** Commands the learner gave in it (beyond the steps' own). */
  changes: number;
}

/**
 * The runs a learner has left behind, newest first [1]: acting in the past, going back a step or
 * resetting never discards a run that holds the learner's own commands — it is kept here and can
 * be reopened exactly.
 */
export class RunKeeper<C> {
  private runs: SavedRun<C>[] = [];
  private nextId = 1;
  /** Bumped on every change (views compare it). */
  version = 0;

  get list(): readonly SavedRun<C>[] {
    return this.runs;
  }

  /** Keeps a run (a copy); an identical run already kept is not kept twice. */
  keep(run: Omit<SavedRun<C>, 'id'>): void {
    const key = JSON.stringify([run.seed, run.log, run.end]);
    if (this.runs.some((r) => JSON.stringify([r.seed, r.log, r.end]) === key)) return;
    this.runs.unshift({ ...run, log: run.log.map((e) => ({ ...e })), id: this.nextId++ });
    if (this.runs.length > 20) this.runs.length = 20;
    this.version++;
  }

  /** Removes and returns a kept run (it becomes the current one). */
  take(id: number): SavedRun<C> | null {
    const i = this.runs.findIndex((r) => r.id === id);
    if (i < 0) return null;
    const [run] = this.runs.splice(i, 1);
    this.version++;
    return run ?? null;
  }
}

// [1] Learn Git Branching never loses a branch the learner made; a scrubbed-back timeline here is
//     a branch too. Runs live in memory for the page's life; a link carries the current one.

/** A moment of a run: its time and, to land on it exactly, the events processed and the log entries applied. */
export interface RunPoint {
  t: number;
  processed: number;
  logPosition: number;
}

/**
 * A fresh headless simulation of a scene's model for a run (seed + input log): no checkpoints and
 * no panel fold, so replaying it is as cheap as the model allows. Throws when the log is out of order.
 */
export function headlessRun<C, T extends TraceEntry, S extends EngineSim<C, T>, O>(
  def: SceneDef<C, T, S, O>,
  seed: number,
  log: readonly InputLogEntry<C>[],
): S {
  const sim = def.model.create({
    ...def.setup.options,
    seed,
    checkpointEvery: 0,
    traceReducers: [],
  });
  sim.loadInputLog(log);
  return sim;
}

/**
 * Replays a run to time `t` in slices of `slice` events, yielding between slices (`pause`) so a
 * page stays responsive; `cancelled()` stops it (false). Equals `sim.advanceTo(t)`; with `events`
 * it stops once that many events have run (at most `t`), leaving the clock where they left it.
 */
export async function replayTo(
  sim: EngineSim<unknown, TraceEntry>,
  t: number,
  { slice = 20_000, pause = nextTask, cancelled = never, events = Infinity }: ReplayOptions = {},
): Promise<boolean> {
  for (;;) {
    let n = 0;
    while (n < slice && sim.processed < events && sim.nextEventTime() <= t && sim.step()) n++;
    if (n < slice) break;
    await pause();
    if (cancelled()) return false;
  }
  if (events === Infinity) sim.advanceTo(t);
  return true;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const never = (): boolean => false;

/** How `replayTo` slices its work. */
export interface ReplayOptions {
  /** Events per slice. */
  slice?: number;
  /** Waits between slices (the next task by default). */
  pause?: () => Promise<void>;
  /** Checked after each pause: true stops the replay. */
  cancelled?: () => boolean;
  /** Stop once this many events have run. */
  events?: number;
}

/**
 * Moves a run (fresh, or sought back to at most `point.processed` events) to exactly `point`: the
 * same events processed and log entries applied at the same time [2]. Commands given right at the
 * point (the log's last entries) are given again there, since `advanceTo` would also run the
 * events they schedule at that microsecond; otherwise the clock moves on to `t` when no event
 * lies in between. True when it landed on the point.
 */
export function landOn<C>(sim: EngineSim<C, TraceEntry>, point: RunPoint): boolean {
  const { t, processed, logPosition } = point;
  while (sim.processed < processed && sim.step());
  const log = sim.inputLog;
  const pending = log.slice(sim.logPosition, logPosition);
  if (
    pending.length > 0 &&
    logPosition === log.length &&
    pending.every((e) => e.after === processed && e.at === sim.now)
  )
    for (const e of pending) sim.command(e.command);
  else if (sim.nextEventTime() > t) sim.advanceTo(t);
  return sim.processed === processed && sim.logPosition === logPosition && sim.now === t;
}

/**
 * The state hash of a run as any replay of it gives: the queue's head is read first, so cancelled
 * events the live run has not yet skipped do not count [3] (reading it changes nothing ahead).
 */
export function settledHash(sim: EngineSim<unknown, TraceEntry>): string {
  sim.nextEventTime();
  return sim.stateHash();
}

// [2] `advanceTo(t)` runs every event at or before t: a run that paused right after one event of
//     several at the same microsecond (a step ends on its entry) reopens one or more events later.
// [3] The queue drops cancelled events lazily, when its head is read: a run that paused right
//     after an event that cancelled the next one still holds it; a replay to the same point has
//     read its head and dropped it. The engine reads the head before every event and command.
