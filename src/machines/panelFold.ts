import {
  getInitialSnapshot,
  getNextSnapshot,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import type { TraceEntry, TraceReducer } from '../engine/core/trace';

/** What the fold needs of a panel. */
export interface FoldPanel {
  follows: 'selected' | 'all';
  machine: AnyStateMachine;
}

/**
 * Every panel's machine snapshot, for every actor, after every trace entry of the run [1]. Values
 * are immutable: an entry that changes nothing returns the same object, so checkpoints share it.
 */
export interface PanelFoldState {
  /** Panels that follow `all`: one snapshot each (null for `selected` panels). */
  all: readonly (AnyMachineSnapshot | null)[];
  /** `selected` panels of an actor no entry has named yet (they have seen model-wide entries only). */
  base: readonly (AnyMachineSnapshot | null)[];
  /** `selected` panels per actor named by some entry. */
  byActor: Readonly<Record<string, readonly (AnyMachineSnapshot | null)[]>>;
}

const same = (a: AnyMachineSnapshot, b: AnyMachineSnapshot): boolean =>
  a === b ||
  (a.context === b.context &&
    (a.value === b.value || JSON.stringify(a.value) === JSON.stringify(b.value)));

/**
 * Builds the trace reducer behind the code panels. `actorsOf` is the model's: the actors an entry
 * concerns, or null for model-wide entries (every actor's panels see those) [2].
 */
export function panelFold<T extends TraceEntry>(
  panels: readonly FoldPanel[],
  actorsOf: (entry: T) => readonly string[] | null,
): TraceReducer<T, PanelFoldState> {
  const handled = panels.map((p) => new Set<string>(p.machine.events));
  const any = new Set<string>(handled.flatMap((h) => [...h]));
  const start = (f: 'selected' | 'all') =>
    panels.map((p) => (p.follows === f ? getInitialSnapshot(p.machine) : null));
  const step = (snaps: readonly (AnyMachineSnapshot | null)[], e: T, f: 'selected' | 'all') => {
    let out: (AnyMachineSnapshot | null)[] | null = null;
    for (let i = 0; i < panels.length; i++) {
      const s = snaps[i];
      if (!s || (panels[i] as FoldPanel).follows !== f || !(handled[i] as Set<string>).has(e.type))
        continue;
      const n = getNextSnapshot((panels[i] as FoldPanel).machine, s, e);
      if (same(s, n)) continue;
      out ??= snaps.slice();
      out[i] = n;
    }
    return out ?? snaps;
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
        let copy: Record<string, readonly (AnyMachineSnapshot | null)[]> | null = null;
        for (const a in byActor) {
          const cur = byActor[a] as readonly (AnyMachineSnapshot | null)[];
          const next = step(cur, e, 'selected');
          if (next !== cur) (copy ??= { ...byActor })[a] = next;
        }
        if (copy) byActor = copy;
      } else {
        for (const a of actors) {
          const cur = byActor[a] ?? base;
          const next = step(cur, e, 'selected');
          if (next !== cur) byActor = { ...byActor, [a]: next };
        }
      }
      return all === acc.all && base === acc.base && byActor === acc.byActor
        ? acc
        : { all, base, byActor };
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

/** Each panel's anchor as the given actor's panels see it. */
export function anchorsFor(state: PanelFoldState, actor: string): (string | null)[] {
  const mine = state.byActor[actor] ?? state.base;
  return state.all.map((s, i) => anchorOf(s ?? mine[i]));
}

// [1] The fold runs inside the engine's trace (a reducer over every entry ever emitted), and its
//     value is saved with every checkpoint. So after a seek, a step back or a change of the
//     selected actor, a panel shows exactly what following from t = 0 would show, however long
//     the run — a window of recent entries could not promise that.
// [2] Model-wide entries (Istiod went down, a config was accepted) reach every actor's panels.
