import { getInitialSnapshot, getNextSnapshot, setup, type SnapshotFrom } from 'xstate';

/**
 * The narrative stepper, generated from a scene's steps: one state per step (`s0`, `s1`, ...),
 * each carrying its caption and highlights in `meta` [1]. NEXT/PREV move one step; `GOTO.k`
 * jumps. It is used through the pure `getNextSnapshot`, so back and jump need no actor [2].
 */
export interface StepMeta {
  index: number;
  caption: string;
  highlights: Readonly<Record<string, string>>;
}

type StepperEvent = { type: 'NEXT' } | { type: 'PREV' } | { type: `GOTO.${number}` };

export function createStepperMachine(
  steps: readonly { caption: string; highlights: Readonly<Record<string, string>> }[],
) {
  const goto = Object.fromEntries(steps.map((_, i) => [`GOTO.${i}`, { target: `.s${i}` }]));
  const states = Object.fromEntries(
    steps.map((s, i) => [
      `s${i}`,
      {
        meta: { index: i, caption: s.caption, highlights: s.highlights } satisfies StepMeta,
        on: {
          ...(i + 1 < steps.length ? { NEXT: { target: `s${i + 1}` } } : {}),
          ...(i > 0 ? { PREV: { target: `s${i - 1}` } } : {}),
        },
      },
    ]),
  );
  return setup({ types: { events: {} as StepperEvent } }).createMachine({
    id: 'stepper',
    initial: 's0',
    on: goto,
    states,
  });
}

export type StepperMachine = ReturnType<typeof createStepperMachine>;
export type StepperSnapshot = SnapshotFrom<StepperMachine>;

export const stepperStart = (m: StepperMachine): StepperSnapshot => getInitialSnapshot(m);

export function stepperSend(
  m: StepperMachine,
  s: StepperSnapshot,
  e: StepperEvent,
): StepperSnapshot {
  return getNextSnapshot(m, s, e);
}

/** The meta of the current step. */
export function stepMeta(s: StepperSnapshot): StepMeta {
  const meta = Object.values(s.getMeta())[0] as StepMeta | undefined;
  if (!meta) throw new Error('stepper: a state without meta');
  return meta;
}

// [1] The machine is data: its states are the steps, so a path test can prove every step is
//     reachable with NEXT alone and that PREV undoes NEXT.
// [2] Machines as pure functions of (snapshot, event): a scrub or a URL restore just computes the
//     snapshot it needs, as xstate's `transition()` allows.
