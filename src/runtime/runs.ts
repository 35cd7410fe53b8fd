import type { InputLogEntry } from '../engine/core/simulation';

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
