import type { MeshCommand } from '../../engine/mesh/contract';
import type { MeshSim } from '../../engine/mesh/types';
import { windowHistory, type WindowSummary } from '../../engine/mesh/views';
import { knobsOver, type Knob, type KnobSpan } from './plotRuns';

/** A run's words: its label and the lines under it. */
export interface RunWords {
  label: string;
  note: string[];
}

/** One statistics window of the call graph with the settings it was measured under. */
export interface RunRow {
  id: string;
  /** The settings in force (each knob's value at the start, and whether it changed). */
  spans: Record<string, KnobSpan>;
  words: RunWords;
  current: boolean;
  w: WindowSummary;
}

/** The default words: the first knob is the label, the others the note; a change is said. */
export function knobWords(
  spans: Record<string, KnobSpan>,
  knobs: readonly Knob<MeshCommand>[],
): RunWords {
  const [first, ...rest] = knobs.map((k) => spans[k.id] ?? { value: k.initial, changed: false });
  const changed = [first, ...rest].some((s) => s?.changed);
  return {
    label: first?.value ?? '',
    note: [
      rest.map((s) => s.value).join(' · '),
      ...(changed ? ['settings changed during this run'] : []),
    ].filter((x) => x !== ''),
  };
}

/** Closed runs shorter than this are left out of the plots (a config on its way, say). */
export const MIN_RUN_S = 2;

/**
 * The call-graph windows for `service` (closed ones, then the one being measured), each with
 * the settings in force, read from the input log applied so far. Closed windows shorter than
 * MIN_RUN_S or with nothing measured are left out; the current one is always there.
 */
export function runRows(
  sim: MeshSim,
  service: string,
  knobs: readonly Knob<MeshCommand>[],
  words: (spans: Record<string, KnobSpan>) => RunWords = (s) => knobWords(s, knobs),
): RunRow[] {
  const log = sim.inputLog.slice(0, sim.logPosition);
  const all = windowHistory(sim, service);
  return all
    .map((w, i) => {
      const spans = knobsOver(log, knobs, w.since, w.until);
      return { id: `${w.since}`, spans, words: words(spans), current: i === all.length - 1, w };
    })
    .filter(
      (r) =>
        r.current ||
        (r.w.seconds >= MIN_RUN_S && (r.w.users.issued > 0 || r.w.service.calls.done > 0)),
    );
}

/** `12.3` → "12 ms", `0.94` → "0.9 ms". */
export const msText = (v: number): string =>
  v >= 10 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
/** A share in [0, 1] as a percentage. */
export const pctText = (v: number): string => `${Math.round(v * 100)}%`;
