import type { SimTime } from '../../engine/core/time';

/** One setting a scene varies between runs (the LB policy, a slow pod, retries at a hop...). */
export interface Knob<C> {
  id: string;
  /** Its value before any command changed it. */
  initial: string;
  /** The value this command sets, or null when the command does not touch it. */
  read(c: C): string | null;
}

/** A knob over one run: its value when the run began, and whether a command changed it during it. */
export interface KnobSpan {
  value: string;
  changed: boolean;
}

/**
 * What each knob was during a statistics window [since, until), read from the run's input log
 * (the commands applied so far, in order) [1]. A command applied at the window's first instant
 * counts as in force.
 */
export function knobsOver<C>(
  log: readonly { at: SimTime; command: C }[],
  knobs: readonly Knob<C>[],
  since: SimTime,
  until: SimTime,
): Record<string, KnobSpan> {
  const out: Record<string, KnobSpan> = {};
  for (const k of knobs) out[k.id] = { value: k.initial, changed: false };
  for (const e of log) {
    if (e.at >= until && e.at > since) break;
    for (const k of knobs) {
      const v = k.read(e.command);
      const span = out[k.id];
      if (v === null || !span) continue;
      if (e.at <= since) span.value = v;
      else if (v !== span.value) span.changed = true;
    }
  }
  return out;
}

// [1] The engine keeps statistics per window, not the settings; the input log (seed + commands)
//     describes the run exactly, so the settings of any window can be read back from it, also
//     after a seek or from a shared link.
