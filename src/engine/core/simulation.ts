import { CheckpointStore, type Checkpoint } from './checkpoints';
import { hashValue } from './hash';
import { EventQueue, type EventId, type QueueSnapshot } from './queue';
import { Rng, seedRng, type RngState } from './rng';
import { SECOND, type SimTime } from './time';
import { Trace, type TraceEntry, type TraceReducer, type TraceSnapshot } from './trace';

/** Checkpoints that keep a copy of the trace ring: the newest few (and always the first) [3]. */
const RINGS_KEPT = 4;

/** Every engine event is plain data with a dotted `type`. Payloads must not be mutated. */
export interface SimEvent {
  type: string;
}

/** One external input, recorded with the point of the run where it was applied. */
export interface InputLogEntry<C> {
  /** Simulated time when it was applied. */
  at: SimTime;
  /** Number of events processed before it was applied. */
  after: number;
  command: C;
}

/** What a model supplies: its initial state, its event handler and its command handler. */
export interface ModelDef<M, E extends SimEvent, C, T extends TraceEntry> {
  /** Builds the initial state; it may schedule the first events (but not read `sim.state`). */
  init(sim: Simulation<M, E, C, T>): M;
  /** Handles one event popped from the queue. */
  handle(sim: Simulation<M, E, C, T>, event: E): void;
  /** Applies one external command (kill a pod, push config, ...). */
  applyCommand(sim: Simulation<M, E, C, T>, command: C): void;
}

/** Engine options. */
export interface SimOptions {
  seed: number;
  /** Simulated time between automatic checkpoints (default 1 s; 0 turns them off). */
  checkpointEvery?: SimTime;
  /** Checkpoints kept before thinning (default 128). */
  maxCheckpoints?: number;
  /** Trace entries kept in the ring buffer (default 4096). */
  traceCapacity?: number;
  /** Folds over every trace entry, checkpointed with the trace (see {@link TraceReducer}). */
  traceReducers?: readonly TraceReducer<never>[];
  /**
   * Upkeep the engine runs between events, never inside one (at each checkpoint and after each
   * command): a model's caches may drop what nothing refers to. It must not change the run.
   */
  upkeep?: () => void;
}

interface EngineState<M, E> {
  now: SimTime;
  seq: number;
  processed: number;
  rng: RngState;
  queue: QueueSnapshot<E>;
  model: M;
}

interface Saved<M, E, T extends TraceEntry> {
  engine: EngineState<M, E>;
  trace: TraceSnapshot<T>;
}

/**
 * The discrete-event engine: integer time, a (time, sequence) queue, a seeded RNG in the state,
 * an input log of commands, checkpoints and exact `seek`. A run is fully described by its seed and
 * its input log.
 */
export class Simulation<M, E extends SimEvent, C, T extends TraceEntry = TraceEntry> {
  /** Current simulated time. */
  now: SimTime = 0;
  /** Events processed so far. */
  processed = 0;
  /** The model's state (plain, JSON-serialisable data). */
  state: M;
  /** The run's trace. */
  readonly trace: Trace<T>;
  /** The seeded random source (its state is part of the engine state). */
  readonly rng: Rng;
  /** Bumped whenever the state may have changed; views compare it to re-render. */
  revision = 0;

  private seq = 0;
  private readonly queue = new EventQueue<E>();
  private log: InputLogEntry<C>[] = [];
  private logCursor = 0;
  private readonly checkpoints: CheckpointStore<Saved<M, E, T>>;
  private nextCheckpointAt: SimTime;

  constructor(
    readonly def: ModelDef<M, E, C, T>,
    readonly options: SimOptions,
  ) {
    this.rng = new Rng(seedRng(options.seed));
    this.trace = new Trace<T>(
      options.traceCapacity ?? 4096,
      (options.traceReducers ?? []) as readonly TraceReducer<T>[],
    );
    const every = options.checkpointEvery ?? SECOND;
    this.checkpoints = new CheckpointStore(every, options.maxCheckpoints ?? 128);
    this.nextCheckpointAt = every > 0 ? 0 : Infinity;
    this.state = def.init(this);
    if (every > 0) this.takeCheckpoint();
  }

  /** The seed this run started from. */
  get seed(): number {
    return this.options.seed;
  }

  /** Number of events waiting in the queue. */
  get pending(): number {
    return this.queue.pending;
  }

  /** The recorded commands (read-only view). */
  get inputLog(): readonly InputLogEntry<C>[] {
    return this.log;
  }

  /** How many input-log entries have been applied (fewer than the log after a seek back). */
  get logPosition(): number {
    return this.logCursor;
  }

  /**
   * Gives a fresh run (no event processed, no command applied) a recorded input log to replay: its
   * commands are applied at their recorded positions as the run advances, exactly as after a
   * seek. This is how a saved or shared run is reopened.
   */
  loadInputLog(entries: readonly InputLogEntry<C>[]): void {
    if (this.processed !== 0 || this.log.length !== 0)
      throw new Error('loadInputLog: only a fresh run can load an input log');
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1] as InputLogEntry<C>;
      const b = entries[i] as InputLogEntry<C>;
      if (b.after < a.after || b.at < a.at) throw new Error('loadInputLog: entries out of order');
    }
    this.log = entries.map((e) => ({ at: e.at, after: e.after, command: e.command }));
    this.logCursor = 0;
  }

  /** Schedules an event `delay` after now (delay ≥ 0, integer microseconds). */
  schedule(delay: SimTime, event: E): EventId {
    if (!(delay >= 0)) throw new Error(`schedule: negative or invalid delay ${delay}`);
    return this.queue.push(this.now + Math.round(delay), this.seq++, event);
  }

  /** Schedules an event at an absolute time (not before now). */
  scheduleAt(time: SimTime, event: E): EventId {
    return this.schedule(time - this.now, event);
  }

  /** Cancels a scheduled event; false if it already ran or was cancelled. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** Time of the next pending event (Infinity when none). */
  nextEventTime(): SimTime {
    return this.queue.peekTime();
  }

  /** Records a trace entry. */
  emit(entry: T): void {
    this.trace.emit(entry);
  }

  /**
   * Applies an external command now and, once it has succeeded, records it in the input log. A
   * command whose handler throws is refused [2]: the state (model, queue, RNG, clock, trace) is put
   * back as it was, the input log and the checkpoints are unchanged, and a {@link CommandRefused}
   * is thrown, so seeks and replays across that point keep working.
   */
  command(command: C): void {
    const point = {
      now: this.now,
      processed: this.processed,
      logCursor: this.logCursor,
      heap: this.queue.heapSize,
    };
    const nextCheckpointAt = this.nextCheckpointAt;
    // Without checkpoints there is nothing to replay from: keep a copy (only then).
    const copy = this.checkpoints.interval > 0 ? null : this.save();
    // [1] The queue drops cancelled entries when its head is read: read it before every command,
    //     live or replayed, so both see the same queue (and reuse the same slots).
    this.queue.peekTime();
    this.trace.hold();
    try {
      this.def.applyCommand(this, command);
    } catch (cause) {
      this.trace.release(false);
      if (copy) this.restore(copy, point.logCursor);
      else this.rewindTo(point);
      this.now = point.now;
      this.nextCheckpointAt = nextCheckpointAt;
      this.revision++;
      throw new CommandRefused(command, cause);
    }
    this.trace.release(true);
    if (this.logCursor < this.log.length) {
      // A command after stepping back starts a new timeline: the old future is dropped.
      this.log.length = this.logCursor;
      this.checkpoints.dropAfter(this.processed, this.logCursor);
    }
    this.log.push({ at: this.now, after: this.processed, command });
    this.logCursor++;
    this.revision++;
    this.options.upkeep?.();
  }

  /** Processes exactly one event. Returns false when the queue is empty. */
  step(): boolean {
    this.applyDueCommands(Infinity);
    const t = this.queue.peekTime();
    if (t === Infinity) return false;
    this.processNext(t);
    this.revision++;
    return true;
  }

  /** Processes every event with time ≤ t, then sets the clock to t. */
  advanceTo(t: SimTime): void {
    for (;;) {
      if (this.logCursor < this.log.length) this.applyDueCommands(t);
      const next = this.queue.peekTime();
      if (next > t) break;
      this.processNext(next);
    }
    if (t > this.now) this.now = t;
    this.revision++;
  }

  /** Processes up to `maxEvents` events (the tight loop; commands due on the way are applied). */
  runEvents(maxEvents: number): number {
    const queue = this.queue;
    const def = this.def;
    let n = 0;
    while (n < maxEvents) {
      if (this.logCursor < this.log.length) this.applyDueCommands(Infinity);
      if (queue.topTime() >= this.nextCheckpointAt) this.takeCheckpoint();
      const event = queue.pop();
      if (event === undefined) break;
      this.now = queue.lastTime;
      this.processed++;
      def.handle(this, event);
      n++;
    }
    this.revision++;
    return n;
  }

  /** Steps until the predicate holds (checked after each event) or `maxEvents` ran. */
  runUntil(predicate: (sim: this) => boolean, maxEvents = 10_000_000): boolean {
    for (let i = 0; i < maxEvents; i++) {
      if (predicate(this)) return true;
      if (!this.step()) return predicate(this);
    }
    return predicate(this);
  }

  /** Restores the nearest checkpoint at or before t and replays to t (exact). */
  seek(t: SimTime): void {
    const cp = this.checkpoints.latestAtOrBefore(t);
    if (!cp) throw new Error('seek: no checkpoint (checkpoints are disabled)');
    this.restoreFrom(cp);
    this.advanceTo(t);
  }

  /** Restores the state right after `processed` events (for stepping back one event). */
  seekToEvent(processed: number): void {
    const cp = this.checkpoints.latestAtOrBeforeEvent(Math.max(0, processed));
    if (!cp) throw new Error('seekToEvent: no checkpoint (checkpoints are disabled)');
    this.restoreFrom(cp);
    while (this.processed < processed && this.step());
    this.revision++;
  }

  /** A stable hash of the whole engine state (clock, queue, RNG, model, trace). */
  stateHash(): string {
    return hashValue({ engine: this.saveEngine(false), trace: this.trace.digest() });
  }

  /**
   * Everything the run keeps that may refer to a model's outside data (content-addressed blobs):
   * the live state and pending events, and the state and pending events of every checkpoint.
   */
  *retained(): Generator<unknown> {
    yield this.state;
    yield this.queue.payloadList();
    for (const cp of this.checkpoints.all()) {
      yield cp.state.engine.model;
      yield cp.state.engine.queue.payloads;
    }
  }

  /** Number of checkpoints currently held. */
  get checkpointCount(): number {
    return this.checkpoints.size;
  }

  private processNext(t: SimTime): void {
    if (t >= this.nextCheckpointAt) this.takeCheckpoint();
    const event = this.queue.pop() as E;
    this.now = t;
    this.processed++;
    this.def.handle(this, event);
  }

  private applyDueCommands(limit: SimTime): void {
    while (this.logCursor < this.log.length) {
      const entry = this.log[this.logCursor] as InputLogEntry<C>;
      if (entry.after !== this.processed || entry.at > limit) return;
      if (entry.at > this.now) this.now = entry.at;
      this.logCursor++;
      this.queue.peekTime(); // [1]
      this.def.applyCommand(this, entry.command);
    }
  }

  /**
   * Puts the run back to a point it passed (events processed, log entries applied): restores the
   * latest checkpoint at or before it and replays exactly to it, trace listeners muted (they saw
   * those entries already).
   */
  private rewindTo(point: { processed: number; logCursor: number; heap: number }): void {
    const cp = this.checkpoints.latestAtOrBeforePoint(point.processed, point.logCursor);
    if (!cp) throw new Error('rewind: no checkpoint');
    this.restoreFrom(cp);
    this.trace.muted = true;
    try {
      for (;;) {
        while (this.logCursor < point.logCursor) {
          const entry = this.log[this.logCursor] as InputLogEntry<C>;
          if (entry.after !== this.processed) break;
          if (entry.at > this.now) this.now = entry.at;
          this.logCursor++;
          this.queue.peekTime(); // [1]
          this.def.applyCommand(this, entry.command);
        }
        if (this.processed >= point.processed) break;
        this.processNext(this.queue.peekTime());
      }
    } finally {
      this.trace.muted = false;
    }
    // The run had read its queue's head since its last event (cancelled heads dropped) [1].
    if (this.queue.heapSize !== point.heap) this.queue.peekTime();
  }

  private takeCheckpoint(): void {
    const every = this.checkpoints.interval;
    this.nextCheckpointAt = (Math.floor(this.now / every) + 1) * every;
    if (this.checkpoints.has(this.processed, this.logCursor)) return;
    this.options.upkeep?.();
    this.checkpoints.add({
      processed: this.processed,
      logCursor: this.logCursor,
      now: this.now,
      state: this.save(),
    });
    // [3] Only the newest checkpoints (and the first) keep the trace ring.
    const all = this.checkpoints.all();
    for (let i = 1; i < all.length - RINGS_KEPT; i++) {
      const saved = (all[i] as Checkpoint<Saved<M, E, T>>).state;
      if (saved.trace.ring) saved.trace = { ...saved.trace, ring: null };
    }
  }

  /**
   * Restores a checkpoint at or before `cp` from which replaying to any point at or after `cp`
   * gives the exact trace ring: `cp` itself if it kept its ring, else the latest one that did or
   * that lies at least a ring's worth of entries earlier (the replay then refills the whole ring).
   */
  private restoreFrom(cp: Checkpoint<Saved<M, E, T>>): void {
    const all = this.checkpoints.all();
    const need = cp.state.trace.total - this.trace.capacity;
    let from = cp;
    for (let i = all.indexOf(cp); i >= 0; i--) {
      from = all[i] as Checkpoint<Saved<M, E, T>>;
      if (from.state.trace.ring || from.state.trace.total <= need) break;
    }
    this.restore(from.state, from.logCursor);
  }

  private save(): Saved<M, E, T> {
    return { engine: this.saveEngine(true), trace: this.trace.snapshot() };
  }

  private saveEngine(clone: boolean): EngineState<M, E> {
    return {
      now: this.now,
      seq: this.seq,
      processed: this.processed,
      rng: [...this.rng.state],
      queue: this.queue.snapshot(),
      model: clone ? structuredClone(this.state) : this.state,
    };
  }

  private restore(saved: Saved<M, E, T>, logCursor: number): void {
    const e = saved.engine;
    this.now = e.now;
    this.seq = e.seq;
    this.processed = e.processed;
    this.rng.state = [...e.rng];
    this.queue.restore(e.queue);
    this.state = structuredClone(e.model);
    this.trace.restore(saved.trace);
    this.logCursor = logCursor;
    const every = this.checkpoints.interval;
    this.nextCheckpointAt = every > 0 ? (Math.floor(this.now / every) + 1) * every : Infinity;
    this.revision++;
  }
}

/** A command the model could not apply (its handler threw): the run is as it was before it. */
export class CommandRefused extends Error {
  /** What went wrong, in the handler's words. */
  readonly reason: string;
  constructor(
    readonly command: unknown,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`command refused: ${reason}`, { cause });
    this.name = 'CommandRefused';
    this.reason = reason;
  }
}

// [1] Without it a seek replayed a command before the lazy drop of cancelled heads that a live
//     run had already done, so a model whose commands cancel and reschedule events stored
//     different event ids after a seek than in a fresh run (same trace, different stateHash).
// [2] A command used to be recorded before it was applied, so a handler that threw left it in the
//     log and every later seek or replay across it threw again: the run past it was lost.
// [3] A ring copy per checkpoint kept the last 4,096 entries of each: once checkpoints lie further
//     apart than that (hours into a run), 128 disjoint windows of entries (35 MB at 6 h). Older
//     checkpoints keep no ring; restoring one replays from a checkpoint a ring's worth of entries
//     earlier (or one with a ring), which refills the ring exactly. Seeks near the present, and
//     stepping back, use the newest checkpoints and cost what they did.
