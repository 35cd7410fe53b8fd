import type { SimTime } from './time';

/** One saved engine state, taken between two events. */
export interface Checkpoint<S> {
  /** Events processed when it was taken. */
  processed: number;
  /** Input-log entries applied when it was taken. */
  logCursor: number;
  /** Simulated time when it was taken. */
  now: SimTime;
  /** The engine state itself (plain data). */
  state: S;
}

/**
 * Checkpoints in the order they were taken, with bounded memory: when more than `max` are held,
 * every other one is dropped (the first one, time zero, always stays) and the spacing doubles.
 */
export class CheckpointStore<S> {
  private items: Checkpoint<S>[] = [];

  /** @param interval simulated time between checkpoints (0 disables them). */
  constructor(
    public interval: SimTime,
    private readonly max = 128,
  ) {}

  /** How many checkpoints are held. */
  get size(): number {
    return this.items.length;
  }

  /** Every checkpoint held, oldest first (read-only). */
  all(): readonly Checkpoint<S>[] {
    return this.items;
  }

  /** True when a checkpoint for exactly this point exists. */
  has(processed: number, logCursor: number): boolean {
    return this.items.some((c) => c.processed === processed && c.logCursor === logCursor);
  }

  /** Adds a checkpoint, keeping the list ordered by (processed, logCursor). */
  add(cp: Checkpoint<S>): void {
    let i = this.items.length;
    while (i > 0 && before(cp, this.items[i - 1] as Checkpoint<S>)) i--;
    this.items.splice(i, 0, cp);
    if (this.items.length > this.max) {
      this.items = this.items.filter((_, k) => k === 0 || k % 2 === 1);
      this.interval *= 2;
    }
  }

  /** The latest checkpoint taken at or before time t. */
  latestAtOrBefore(t: SimTime): Checkpoint<S> | undefined {
    let best: Checkpoint<S> | undefined;
    for (const c of this.items) if (c.now <= t) best = c;
    return best;
  }

  /** The latest checkpoint with at most `processed` events. */
  latestAtOrBeforeEvent(processed: number): Checkpoint<S> | undefined {
    let best: Checkpoint<S> | undefined;
    for (const c of this.items) if (c.processed <= processed) best = c;
    return best;
  }

  /** The latest checkpoint at or before a point (events processed, then log entries applied). */
  latestAtOrBeforePoint(processed: number, logCursor: number): Checkpoint<S> | undefined {
    let best: Checkpoint<S> | undefined;
    for (const c of this.items)
      if (c.processed < processed || (c.processed === processed && c.logCursor <= logCursor))
        best = c;
    return best;
  }

  /** Drops checkpoints that lie after a point (the future of an abandoned timeline). */
  dropAfter(processed: number, logCursor: number): void {
    this.items = this.items.filter(
      (c) => c.processed < processed || (c.processed === processed && c.logCursor <= logCursor),
    );
  }
}

function before<S>(a: Checkpoint<S>, b: Checkpoint<S>): boolean {
  return a.processed < b.processed || (a.processed === b.processed && a.logCursor < b.logCursor);
}
