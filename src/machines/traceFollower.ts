import { getInitialSnapshot, getNextSnapshot, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { TraceEntry } from '../engine/core/trace';

/** The part of a trace a follower reads (the engine's Trace satisfies it). */
export interface TraceSource<T extends TraceEntry> {
  readonly count: number;
  recent(limit?: number): T[];
}

/**
 * Drives a code-panel machine from engine trace entries: each relevant entry is sent to the
 * machine as an event (its `type` is the event type) [1]. Fed incrementally while time moves
 * forward; refolded from the trace when time jumps (epoch) or the followed sidecar changes [2].
 */
export class TraceFollower<T extends TraceEntry> {
  private snap: AnyMachineSnapshot;
  private seen = 0;
  private key = '';
  /** Event types the machine reacts to anywhere: every other entry is skipped unread [3]. */
  private readonly handled: Set<string>;

  constructor(
    readonly machine: AnyStateMachine,
    private readonly relevant: (e: T, pod: string) => boolean,
  ) {
    this.snap = getInitialSnapshot(machine);
    this.handled = new Set(machine.events);
  }

  /** The machine snapshot after every relevant entry up to now. */
  update(trace: TraceSource<T>, epoch: number, pod: string): AnyMachineSnapshot {
    const key = `${epoch}|${pod}`;
    const fresh = trace.count - this.seen;
    if (key !== this.key || fresh < 0) {
      this.key = key;
      this.snap = getInitialSnapshot(this.machine);
      this.feed(trace.recent(), pod);
    } else if (fresh > 0) this.feed(trace.recent(fresh), pod);
    this.seen = trace.count;
    return this.snap;
  }

  private feed(entries: T[], pod: string): void {
    for (const e of entries) {
      if (this.handled.has(e.type) && this.relevant(e, pod)) this.snap = getNextSnapshot(this.machine, this.snap, e);
    }
  }
}

/** The anchor of a snapshot: the `meta.anchor` of its deepest active state. */
export function anchorOf(snap: AnyMachineSnapshot): string | null {
  let found: string | null = null;
  for (const m of Object.values(snap.getMeta() as Record<string, { anchor?: string } | undefined>)) {
    if (m?.anchor) found = m.anchor;
  }
  return found;
}

// [1] Trace entries already look like machine events ({ type: 'xds.ack', ... }), so a panel's
//     machine names them directly: `on: { 'xds.ack': 'acked' }`.
// [2] Refolding uses only the trace ring (the most recent entries). Panel machines are built to
//     settle after a few entries, so the window always holds enough history.
// [3] At 100× the trace carries thousands of request entries per second; a panel machine that
//     does not listen to them must not pay for a machine transition on each.
