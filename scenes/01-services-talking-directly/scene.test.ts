import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, getNextSnapshot } from 'xstate';
import { callers, type DirectSim, type DirectTrace } from '../../src/engine/direct';
import { anchorOf } from '../../src/machines/panelFold';
import { Player } from '../../src/runtime/player';
import { parseSnippet } from '../../src/scene/snippet';
import { callPaymentsMachine } from './machines';
import { scene1 } from './scene';
import callPayments from './snippets/callPayments.py?raw';

/** The line a single entry lights (the panel is a pure table: the entry alone decides). */
const lineOf = (e: DirectTrace) => {
  const s0 = getInitialSnapshot(callPaymentsMachine);
  const s1 = getNextSnapshot(callPaymentsMachine, s0, e);
  return s1 === s0 || s1.value === s0.value ? null : anchorOf(s1);
};

describe('scene 1, headless', () => {
  it('CheckoutApp.callPayments follows each checkout-1 call along the code’s own control flow', () => {
    const next: Record<string, readonly string[]> = {
      start: ['resolve'],
      resolve: ['connect'],
      connect: ['tls', 'failed'],
      tls: ['send', 'failed'],
      send: ['ok', 'failed'],
      failed: ['retry', 'giveup'],
      retry: ['connect'],
    };
    // A fresh run to the end of step 6, every entry collected from t = 0.
    const q = new Player(scene1);
    const entries: DirectTrace[] = [];
    q.sim.trace.subscribe((e) => entries.push(e));
    for (let i = 1; i <= 5; i++) {
      q.next();
      q.finishStep();
    }
    const byCall = new Map<number, string[]>();
    for (const e of entries) {
      const a = lineOf(e);
      if (a === null || !('id' in e)) continue;
      byCall.set(e.id, [...(byCall.get(e.id) ?? []), a]);
    }
    const seen = new Set<string>();
    for (const path of byCall.values()) {
      expect(path[0]).toBe('start');
      for (let i = 1; i < path.length; i++) expect(next[path[i - 1]!]).toContain(path[i]);
      path.forEach((a) => seen.add(a));
    }
    expect([...seen].sort()).toEqual(
      [...parseSnippet(callPayments).anchors.keys()]
        .filter((a) => a !== 'giveup' || seen.has('giveup'))
        .sort(),
    );
    expect(
      entries
        .filter((e) => e.type === 'call.start' && e.caller === 'web-1')
        .every((e) => lineOf(e) === null),
    ).toBe(true);
  }, 60_000);

  it('after the kill each caller has failed in its own way, as the cards and the table say', () => {
    const p = new Player(scene1);
    p.goToStep(5);
    const by = Object.fromEntries(callers(p.sim as DirectSim).map((c) => [c.name, c]));
    expect(by['web-1']!.lastOutcome).toMatch(/connect timeout/);
    expect(by['web-1']!.counters.retries).toBe(0);
    expect(by['cart-1']!.counters.retries).toBeGreaterThan(0);
    expect(by['checkout-1']!.lastOk).toBe(true);
  }, 60_000);
});
