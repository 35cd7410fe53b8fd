import { describe, expect, it } from 'vitest';
import type { MeshTraceOf } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { windowHistory, windowSummary } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { expected } from './runs';
import { scene7 } from './scene';

const PAYMENTS = 'outbound|8080||payments.shop.svc.cluster.local';

const idle = (s: MeshSim) => Object.keys(s.state.traffic.graph?.jobs ?? {}).length === 0;

/** Lets the calls in flight finish, then runs exactly `n` user requests in a fresh window. */
function measure(sim: MeshSim, n: number) {
  const rps = sim.state.traffic.graph?.userRps ?? 0;
  sim.command({ kind: 'traffic.users', rps: 0 });
  sim.runUntil(idle);
  sim.command({ kind: 'traffic.mark', label: 'measured' });
  sim.command({ kind: 'traffic.users', rps });
  sim.runUntil((s) => (s.state.traffic.graph?.window.users.issued ?? 0) >= n);
  sim.command({ kind: 'traffic.users', rps: 0 });
  sim.runUntil(idle);
  const w = windowSummary(sim, 'payments');
  if (!w) throw new Error('no call-graph window');
  return w;
}

/** What is special about scene 7: a 503 is not retried by default; retries multiply per hop. */
describe('scene 7, headless', () => {
  it('2 retries on 5xx at both hops, payments failing 30%: the tries at payments per user request match (1 − p³)/(1 − p) × (1 − q³)/(1 − q) within 10% over 2,000 requests', () => {
    for (const seed of [42, 7]) {
      const p = new Player(scene7, seed);
      p.goToStep(5); // both hops retry 5xx, payments fails 30%
      const want = expected({ fail: 0.3, slowMs: 0, pay: '5xx', nPay: 2, nChk: 2 });
      expect(want?.amp).toBeCloseTo(1.4286, 3);
      const w = measure(p.sim as MeshSim, 2000);
      expect(w.users.issued).toBe(2000);
      expect(w.users.done).toBe(2000);
      expect(Math.abs((w.amplification ?? 0) / (want?.amp ?? 1) - 1)).toBeLessThan(0.1);
      // Users fail only when web's three tries at checkout all fail: q³ ≈ 2e-5.
      expect(w.users.successRate).toBeGreaterThan(0.995);
      expect(w.attemptsPerSecond).toBeGreaterThan(w.userRequestsPerSecond * 1.3);
    }
  }, 120_000);

  it('Istio’s default policy does not retry the 503: one payments try per user request, about 30% of users fail', () => {
    const p = new Player(scene7);
    p.goToStep(1);
    const sim = p.sim as MeshSim;
    const retries: MeshTraceOf<'attempt.done'>[] = [];
    const off = sim.trace.subscribe((e) => {
      if (e.type === 'attempt.done' && e.cluster === PAYMENTS && e.decision !== 'return')
        retries.push(e);
    });
    const w = measure(sim, 1000);
    off();
    expect(retries).toEqual([]);
    expect(w.amplification).toBe(1);
    // Binomial(1000, 0.7): 700 ± 4σ (σ ≈ 14.5).
    expect(Math.abs(w.users.ok - 700)).toBeLessThan(58);
  }, 60_000);

  it('the steps’ rows: retries raise the success rate and the load on payments, step by step', () => {
    const p = new Player(scene7);
    p.goToStep(5);
    const rows = windowHistory(p.sim as MeshSim, 'payments').filter((w) => w.seconds >= 2);
    // healthy, 30% failing (no retries), retries at checkout → payments, retries at both hops
    expect(rows).toHaveLength(4);
    const [healthy, failing, oneHop, both] = rows;
    expect(healthy!.users.successRate!).toBeGreaterThan(0.99);
    expect(failing!.users.successRate!).toBeLessThan(0.8);
    expect(oneHop!.users.successRate!).toBeGreaterThan(0.93);
    expect(both!.users.successRate!).toBeGreaterThan(0.99);
    // Windows cut through calls in flight: one try per user request, give or take the edges.
    expect(Math.abs(failing!.amplification! - 1)).toBeLessThan(0.02);
    expect(oneHop!.amplification!).toBeGreaterThan(1.25);
    expect(both!.amplification!).toBeGreaterThan(oneHop!.amplification! - 0.05);
  }, 60_000);

  it('a route timeout answers 504 UT and is not retried; a per-try timeout resets the try and retries it on another pod', () => {
    const p = new Player(scene7);
    p.goToStep(7);
    const sim = p.sim as MeshSim;
    const seen: MeshTraceOf<'attempt.done'>[] = [];
    const off = sim.trace.subscribe((e) => {
      if (e.type === 'attempt.done' && e.pod === 'checkout-1' && e.cluster === PAYMENTS)
        seen.push(e);
    });
    sim.advanceTo(sim.now + 5_000_000);
    off();
    const timeouts = seen.filter((e) => e.decision === 'routeTimeout');
    expect(timeouts.length).toBeGreaterThan(10);
    for (const e of timeouts)
      expect([e.code, e.flags, e.host]).toEqual([504, 'UT', 'payments-v1-b']);
    p.goToStep(9);
    const perTry: MeshTraceOf<'attempt.done'>[] = [];
    const off2 = p.sim.trace.subscribe((e) => {
      if (e.type === 'attempt.done' && e.pod === 'checkout-1' && e.flags === 'UT') perTry.push(e);
    });
    (p.sim as MeshSim).advanceTo(p.sim.now + 5_000_000);
    off2();
    expect(perTry.length).toBeGreaterThan(10);
    expect(perTry.every((e) => e.code === 504 && e.decision !== 'routeTimeout')).toBe(true);
    expect(perTry.filter((e) => e.decision === 'retry').length).toBeGreaterThan(perTry.length / 2);
  }, 60_000);
});
