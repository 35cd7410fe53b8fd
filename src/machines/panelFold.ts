import {
  getInitialSnapshot,
  getNextSnapshot,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import type { TraceEntry, TraceReducer } from '../engine/core/trace';
import { fastTable, type FastTable } from './anchorTable';

/** What the fold needs of a panel. */
export interface FoldPanel {
  follows: 'selected' | 'all';
  machine: AnyStateMachine;
}

/** A panel's state: a state name for anchor tables (run as plain functions), else a snapshot. */
export type PanelState = AnyMachineSnapshot | string;

/**
 * Every panel's machine state, for every actor, after every trace entry of the run [1]. Values
 * are immutable: an entry that changes nothing returns the same object, so checkpoints share it.
 */
export interface PanelFoldState {
  /** Panels that follow `all`: one state each (null for `selected` panels). */
  all: readonly (PanelState | null)[];
  /** `selected` panels of an actor no entry has named yet (they have seen model-wide entries only). */
  base: readonly (PanelState | null)[];
  /** `selected` panels per actor named by some entry. */
  byActor: Readonly<Record<string, readonly (PanelState | null)[]>>;
}

/** The panel fold: the trace reducer, and how to read each panel's line for an actor from its value. */
export interface PanelFold<T extends TraceEntry> extends TraceReducer<T, PanelFoldState> {
  anchors(state: PanelFoldState, actor: string): (string | null)[];
}

const same = (a: PanelState, b: PanelState): boolean =>
  a === b ||
  (typeof a !== 'string' &&
    typeof b !== 'string' &&
    a.context === b.context &&
    (a.value === b.value || JSON.stringify(a.value) === JSON.stringify(b.value)));

type Row = readonly (PanelState | null)[];

/**
 * Builds the trace reducer behind the code panels. `actorsOf` is the model's: the actors an entry
 * concerns, or null for model-wide entries (every actor's panels see those) [2].
 */
export function panelFold<T extends TraceEntry>(
  panels: readonly FoldPanel[],
  actorsOf: (entry: T) => readonly string[] | null,
): PanelFold<T> {
  const handled = panels.map((p) => new Set<string>(p.machine.events));
  const fast = panels.map((p): FastTable | undefined => fastTable(p.machine));
  const any = new Set<string>(handled.flatMap((h) => [...h]));
  const start = (f: 'selected' | 'all'): Row =>
    panels.map((p, i) =>
      p.follows !== f ? null : (fast[i]?.initial ?? getInitialSnapshot(p.machine)),
    );
  const next = (i: number, s: PanelState, e: T): PanelState => {
    const f = fast[i];
    if (f && typeof s === 'string') return f.step(s, e);
    return getNextSnapshot((panels[i] as FoldPanel).machine, s as AnyMachineSnapshot, e);
  };
  const lineOf = (i: number, s: PanelState | null | undefined): string | null => {
    if (s === null || s === undefined) return null;
    return typeof s === 'string' ? (fast[i]?.anchor(s) ?? null) : anchorOf(s);
  };
  const step = (row: Row, e: T, f: 'selected' | 'all'): Row => {
    let out: (PanelState | null)[] | null = null;
    for (let i = 0; i < panels.length; i++) {
      const s = row[i];
      if (!s || (panels[i] as FoldPanel).follows !== f || !(handled[i] as Set<string>).has(e.type))
        continue;
      const n = next(i, s, e);
      if (same(s, n)) continue;
      out ??= row.slice();
      out[i] = n;
    }
    return out ?? row;
  };
  return {
    initial: { all: start('all'), base: start('selected'), byActor: {} },
    reduce(acc, e) {
      if (!any.has(e.type)) return acc;
      const all = step(acc.all, e, 'all');
      const actors = actorsOf(e);
      let base = acc.base;
      let byActor = acc.byActor;
      if (actors === null) {
        base = step(base, e, 'selected');
        let copy: Record<string, Row> | null = null;
        for (const a in byActor) {
          const cur = byActor[a] as Row;
          const n = step(cur, e, 'selected');
          if (n !== cur) (copy ??= { ...byActor })[a] = n;
        }
        if (copy) byActor = copy;
      } else {
        for (const a of actors) {
          const cur = byActor[a] ?? base;
          const n = step(cur, e, 'selected');
          if (n !== cur) byActor = { ...byActor, [a]: n };
        }
      }
      return all === acc.all && base === acc.base && byActor === acc.byActor
        ? acc
        : { all, base, byActor };
    },
    anchors(state, actor) {
      const mine = state.byActor[actor] ?? state.base;
      return state.all.map((s, i) => lineOf(i, s ?? mine[i]));
    },
  };
}

/** The anchor of a snapshot: the `meta.anchor` of its deepest active state (null: no line lit). */
export function anchorOf(snap: AnyMachineSnapshot | null | undefined): string | null {
  if (!snap) return null;
  let found: string | null = null;
  for (const m of Object.values(
    snap.getMeta() as Record<string, { anchor?: string } | undefined>,
  )) {
    if (m?.anchor) found = m.anchor;
  }
  return found;
}

// [1] The fold runs inside the engine's trace (a reducer over every entry ever emitted), and its
//     value is saved with every checkpoint. So after a seek, a step back or a change of the
//     selected actor, a panel shows exactly what following from t = 0 would show, however long
//     the run — a window of recent entries could not promise that.
// [2] Model-wide entries (the control plane went down, a config was accepted) reach every actor's
//     panels.
