import { describe, expect, it } from 'vitest';
import { createActor, getInitialSnapshot, getNextSnapshot } from 'xstate';
import { anchorTable, fastTable } from './anchorTable';

type E = { type: 'a' | 'b' | 'c'; n: number };

/** A table with every feature: plain rows, guarded rows, a local transition and a dark state. */
const machine = anchorTable<E>({
  id: 't',
  initial: null,
  dark: ['off'],
  on: {
    a: 'one',
    b: [
      { to: 'two', when: (e) => e.n % 2 === 0 },
      { to: 'off', when: (e) => e.n % 3 === 0 },
    ],
  },
  from: { two: { c: 'three' } },
});

describe('anchorTable', () => {
  it('registers a plain-function form that agrees with xstate on every step', () => {
    const fast = fastTable(machine);
    expect(fast).toBeDefined();
    let snap = getInitialSnapshot(machine);
    let state = fast!.initial;
    // A fixed pseudo-random walk over the events (no Math.random: the same sequence every run).
    let x = 7;
    for (let i = 0; i < 500; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const e: E = { type: (['a', 'b', 'c'] as const)[x % 3]!, n: x % 10 };
      snap = getNextSnapshot(machine, snap, e);
      state = fast!.step(state, e);
      expect(state).toBe(String(snap.value));
      const meta = Object.values(snap.getMeta())[0] as { anchor?: string } | undefined;
      expect(fast!.anchor(state)).toBe(meta?.anchor ?? null);
    }
    createActor(machine).start().stop();
  });
});
