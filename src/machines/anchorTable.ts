import { createMachine, type AnyStateMachine } from 'xstate';

/**
 * Panel machines from data [1]. Most code panels move to a line when a kind of trace entry
 * arrives, whatever line they were on: a table "entry type → anchor" says it all. A row may carry
 * a guard on the entry (`{ to: 'change', when: (e) => ... }`), and an anchor may list entries it
 * alone reacts to (`from: { down: { 'istiod.up': 'idle' } }`). The result is an ordinary xstate
 * machine (one state per anchor, `meta.anchor` naming its line), so the same path tests and the
 * same panel fold work for tables and for hand-written machines.
 */
export type AnchorRow<E> = string | { to: string; when(entry: E): boolean };

export interface AnchorTable<E extends { type: string }> {
  id: string;
  /** The anchor before any entry arrives (null: no line is lit). */
  initial: string | null;
  /** Entry type → the anchor it moves to, from any state. */
  on: Readonly<Record<string, AnchorRow<E> | readonly AnchorRow<E>[]>>;
  /** Transitions that apply only while on one anchor (they win over `on`). */
  from?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** States that light no line (a process that is not running): name → nothing. */
  dark?: readonly string[];
}

/** The name of the unlit state used when `initial` is null. */
export const IDLE = 'idle';

type Transition<E> = { target: string; guard?: (args: { event: E }) => boolean };

/**
 * The same table as a plain function over state names [2]: what the panel fold runs for every
 * trace entry. It follows xstate's rules for these machines exactly: a transition of the current
 * state wins over the table's, and the first row whose guard holds is taken.
 */
export interface FastTable {
  initial: string;
  step(state: string, entry: { type: string }): string;
  /** The line a state lights (null for unlit states). */
  anchor(state: string): string | null;
}

const FAST = new WeakMap<AnyStateMachine, FastTable>();

/** The plain-function form of a machine built by `anchorTable` (undefined for other machines). */
export const fastTable = (m: AnyStateMachine): FastTable | undefined => FAST.get(m);

export function anchorTable<E extends { type: string }>(t: AnchorTable<E>): AnyStateMachine {
  const rows = (list: readonly AnchorRow<E>[]): Transition<E>[] =>
    list.map((r) =>
      typeof r === 'string'
        ? { target: `.${r}` }
        : { target: `.${r.to}`, guard: ({ event }) => r.when(event) },
    );
  const on: Record<string, Transition<E>[]> = {};
  for (const [type, row] of Object.entries(t.on))
    on[type] = rows(Array.isArray(row) ? row : [row as AnchorRow<E>]);
  const names = new Set<string>([...(t.dark ?? [])]);
  if (t.initial === null) names.add(IDLE);
  else names.add(t.initial);
  for (const row of Object.values(t.on))
    for (const r of Array.isArray(row) ? row : [row])
      names.add(typeof r === 'string' ? r : (r as { to: string }).to);
  for (const [from, m] of Object.entries(t.from ?? {})) {
    names.add(from);
    for (const to of Object.values(m)) names.add(to);
  }
  const dark = new Set([...(t.dark ?? []), IDLE]);
  const states: Record<
    string,
    { meta?: { anchor: string }; on?: Record<string, { target: string }> }
  > = {};
  for (const n of names) {
    const local = t.from?.[n];
    states[n] = {
      ...(dark.has(n) ? {} : { meta: { anchor: n } }),
      ...(local
        ? {
            on: Object.fromEntries(
              Object.entries(local).map(([type, to]) => [type, { target: to }]),
            ),
          }
        : {}),
    };
  }
  const machine = createMachine({
    types: {} as { events: E },
    id: t.id,
    initial: t.initial ?? IDLE,
    on,
    states,
  });
  // The same table as a plain function [2]: what the panel fold runs per entry.
  FAST.set(machine, {
    initial: t.initial ?? IDLE,
    step(state, entry) {
      const local = t.from?.[state]?.[entry.type];
      if (local !== undefined) return local;
      const row = t.on[entry.type];
      if (row === undefined) return state;
      for (const r of Array.isArray(row) ? row : [row as AnchorRow<E>]) {
        if (typeof r === 'string') return r;
        if (r.when(entry as E)) return r.to;
      }
      return state;
    },
    anchor: (state) => (dark.has(state) ? null : state),
  });
  return machine;
}

// [2] xstate's getNextSnapshot costs tens of microseconds; a panel fold at 100× sees thousands of
//     entries per second, so tables run as plain functions (a test checks both agree).
// [1] xyflow and Learn Git Branching keep behaviour as data; xstate keeps machines as data. A table
//     is the smallest data that says "this entry lights that line", and it still compiles to a
//     machine whose every state a test can reach.
