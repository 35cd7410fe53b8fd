/**
 * The contract between a model (src/engine/<model>) and the scene platform (src/scene). A model
 * knows nothing of scenes, React or the player; a scene names one model and the platform drives it through
 * exactly this surface [1].
 */
import type { InputLogEntry } from './simulation';
import type { SimTime } from './time';
import type { Trace, TraceEntry, TraceReducer } from './trace';

/** What the platform uses of a running simulation (the engine's `Simulation` satisfies it). */
export interface EngineSim<C, T extends TraceEntry> {
  readonly now: SimTime;
  readonly processed: number;
  readonly revision: number;
  readonly seed: number;
  readonly trace: Trace<T>;
  readonly inputLog: readonly InputLogEntry<C>[];
  readonly logPosition: number;
  loadInputLog(entries: readonly InputLogEntry<C>[]): void;
  command(c: C): void;
  step(): boolean;
  advanceTo(t: SimTime): void;
  nextEventTime(): SimTime;
  seek(t: SimTime): void;
  seekToEvent(processed: number): void;
  stateHash(): string;
}

/** Engine settings the platform passes to every model's `create`. */
export interface EngineOptions<T extends TraceEntry> {
  seed: number;
  /** Simulated time between checkpoints (a seek replays at most this much). */
  checkpointEvery: SimTime;
  /** Folds over every trace entry, checkpointed with the trace (the code panels use one). */
  traceReducers: readonly TraceReducer<T>[];
}

/** One row of the text alternative: a sentence about what happened. */
export interface LogRow {
  t: SimTime;
  text: string;
  /** A short category for styling and filtering (`config`, `traffic`, `fault`...). */
  kind: string;
}

/** One line of a run's summary: what it counts and its value, in words (`120 ok · 3 failed`). */
export interface SummaryRow {
  /** Stable within its section (two runs' rows are matched by it). */
  key: string;
  label: string;
  value: string;
}

/** A group of summary lines (counters, config versions, proxy-status...). */
export interface SummarySection {
  id: string;
  title: string;
  /** Where the numbers come from, in a sentence (shown under the title). */
  note?: string;
  rows: SummaryRow[];
}

/** What a run is at one moment, as two runs are compared side by side. */
export interface RunSummary {
  sections: SummarySection[];
}

/**
 * A model as scenes use it. `C` commands, `T` trace entries, `S` the simulation, `O` the model's
 * own options (what a scene's setup may set).
 */
export interface SceneModel<C, T extends TraceEntry, S extends EngineSim<C, T>, O> {
  /** Short name, for messages (`mesh`, `direct`). */
  name: string;
  create(options: O & EngineOptions<T>): S;
  /**
   * The actors a trace entry concerns (a following code panel sees it when its actor is among
   * them), or null when it concerns the whole model (every actor's panel sees it).
   */
  actorsOf(entry: T): readonly string[] | null;
  /** Actors a learner can select, in display order. */
  actors(sim: S): readonly string[];
  /** The text alternative: what happened, oldest first (bounded). */
  log(sim: S): readonly LogRow[];
  /** A sentence for one trace entry (event stepping says which event ran), or null to skip it. */
  describe(entry: T): string | null;
  /**
   * Protocol slow motion: the shortest flight time among the messages in flight now that a
   * learner must see travel (config, certificates), or null when there are none. The player slows
   * simulated time so that such a flight lasts about half a second of wall time. Called after
   * every event while playing: keep it cheap.
   */
  slowMotion?(sim: S): SimTime | null;
  /**
   * Checks a command read from outside (a shared link): the command when it is one of this
   * model's, with fields of the right types and in range, else null. Without it the model takes
   * no commands from links.
   */
  parseCommand?(value: unknown): C | null;
  /**
   * The run now, summarised for comparing two runs side by side (counters, config versions,
   * statuses, request outcomes). Values are strings so that two runs compare cell by cell.
   */
  summary?(sim: S): RunSummary;
}

// [1] Learn Git Branching keeps levels as data over one engine; xyflow keeps behaviours small and
//     injectable. This interface is the seam: a scene test can drive any model headlessly.
