import { hashHex, hashString, newHash, type HashState } from './hash';
import type { SimTime } from './time';

/** Every trace entry has a time and a dotted type name (for example `xds.ack`). */
export interface TraceEntry {
  t: SimTime;
  type: string;
}

/** Plain-data copy of a trace. */
export interface TraceSnapshot<T extends TraceEntry> {
  /**
   * The ring's entries, or null when the snapshot does not keep them: restoring it then leaves
   * the ring empty, and the caller must replay at least `capacity` entries to fill it exactly.
   */
  ring: (T | undefined)[] | null;
  next: number;
  total: number;
  counters: Record<string, number>;
  hash: HashState;
  /** The reducers' accumulated values (immutable values, shared by reference). */
  folds: unknown[];
}

/**
 * A fold over every entry a run emits, whose value is saved and restored with the trace (so with
 * every checkpoint). Views use it to know something exact about the whole history — a code
 * panel's state per actor — however long the run and wherever a seek lands. `reduce` must be pure
 * and must not mutate `acc`: return it unchanged, or a new value.
 */
export interface TraceReducer<T extends TraceEntry, A = unknown> {
  initial: A;
  reduce(acc: A, entry: T): A;
}

/**
 * The run's event trace with bounded memory: the last `capacity` entries in a ring buffer, a
 * running count per type, and a running hash over every entry ever emitted.
 * Entries are treated as immutable once emitted.
 */
export class Trace<T extends TraceEntry> {
  private ring: (T | undefined)[];
  private next = 0;
  private total = 0;
  private counters: Record<string, number> = {};
  private hash: HashState = newHash();
  private listeners = new Set<(entry: T) => void>();
  private folds: unknown[];
  /** While true, subscribers are not told of new entries (the engine replaying what they saw). */
  muted = false;
  /** Entries held back from subscribers until `release` (see `hold`). */
  private held: T[] | null = null;

  /**
   * @param capacity how many recent entries to keep.
   * @param reducers folds over every entry (see {@link TraceReducer}), read with `fold(i)`.
   */
  constructor(
    readonly capacity = 4096,
    private readonly reducers: readonly TraceReducer<T>[] = [],
  ) {
    this.ring = new Array<T | undefined>(capacity);
    this.folds = reducers.map((r) => r.initial);
  }

  /** The current value of the i-th reducer passed to the constructor. */
  fold(i: number): unknown {
    return this.folds[i];
  }

  /** Records an entry. */
  emit(entry: T): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.total++;
    this.counters[entry.type] = (this.counters[entry.type] ?? 0) + 1;
    hashString(this.hash, JSON.stringify(entry));
    for (let i = 0; i < this.reducers.length; i++)
      this.folds[i] = (this.reducers[i] as TraceReducer<T>).reduce(this.folds[i], entry);
    if (this.muted) return;
    if (this.held) this.held.push(entry);
    else for (const l of this.listeners) l(entry);
  }

  /** Entries ever emitted. */
  get count(): number {
    return this.total;
  }

  /** How many entries of a type were emitted. */
  counter(type: string): number {
    return this.counters[type] ?? 0;
  }

  /** All counters by type (a copy). */
  allCounters(): Record<string, number> {
    return { ...this.counters };
  }

  /** The hash of every entry so far, as 16 hex digits. */
  digest(): string {
    return hashHex(this.hash);
  }

  /** The most recent entries, oldest first (at most `limit`). */
  recent(limit = this.capacity): T[] {
    const n = Math.min(limit, this.total, this.capacity);
    const out: T[] = [];
    for (let i = n; i > 0; i--) {
      const e = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (e) out.push(e);
    }
    return out;
  }

  /** Subscribes to new entries (used by tools; the engine never depends on it). */
  subscribe(listener: (entry: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Holds new entries back from subscribers until `release`: they hear of what a command emitted
   * only once it is accepted (`release(true)`), never of a refused one's (`release(false)`).
   */
  hold(): void {
    this.held ??= [];
  }

  /** Ends `hold`: tells subscribers of the held entries, or forgets them. */
  release(deliver: boolean): void {
    const held = this.held;
    this.held = null;
    if (deliver && held) for (const e of held) for (const l of this.listeners) l(e);
  }

  /** Copies the trace. */
  snapshot(): TraceSnapshot<T> {
    return {
      ring: this.ring.slice(),
      next: this.next,
      total: this.total,
      counters: { ...this.counters },
      hash: { ...this.hash },
      folds: this.folds.slice(),
    };
  }

  /** Restores a copy (a ring-less one leaves the ring empty; see {@link TraceSnapshot}). */
  restore(s: TraceSnapshot<T>): void {
    this.ring = s.ring ? s.ring.slice() : new Array<T | undefined>(this.capacity);
    this.next = s.next;
    this.total = s.total;
    this.counters = { ...s.counters };
    this.hash = { ...s.hash };
    this.folds = s.folds.slice();
  }
}
