/**
 * Retry amplification through the call graph (scene 7): payments fails 30% of requests
 * (`service.fail`); Istio's default policy does not retry a 503 from the app, so the learner turns
 * on `retryOn: 5xx` per hop. The attempts arriving at payments per user request must match the
 * computed expectation within 10% over 2,000 user requests.
 */
import { describe, expect, it } from 'vitest';
import { windowSummary } from '../../mesh/views';
import { graphMesh, runUsers, vs } from './testkit';

const P = 0.3;
const N = 2;

/** Runs 2,000 user requests with retries on 5xx at the given hops; returns the window. */
function run(seed: number, hops: { checkout: boolean; payments: boolean }) {
  const yaml = [
    vs('checkout', hops.checkout ? { attempts: N, retryOn: '5xx' } : {}),
    vs('payments', hops.payments ? { attempts: N, retryOn: '5xx' } : {}),
  ].join('---\n');
  const sim = graphMesh(seed, { userRps: 0 }, yaml);
  sim.command({ kind: 'service.fail', service: 'payments', share: P });
  sim.command({ kind: 'traffic.mark', label: 'measured' });
  sim.command({ kind: 'traffic.users', rps: 100 });
  runUsers(sim, 2000);
  const w = windowSummary(sim, 'payments');
  if (!w) throw new Error('no call-graph window');
  return w;
}

describe('retry amplification (call graph)', () => {
  it('2 retries on 5xx at web→checkout and checkout→payments, payments failing 30%: attempts at payments per user request match the expectation within 10% over 2,000 requests', () => {
    // Each checkout→payments call tries until success, at most 1 + N times, each attempt
    // failing independently with p: E[attempts per call] = 1 + p + … + p^N = (1 − p^(N+1)) / (1 − p).
    const perCall = (1 - P ** (N + 1)) / (1 - P);
    // The call fails after all its tries with q = p^(N+1); checkout then answers 503 and web's
    // sidecar retries checkout the same way: E[checkout attempts per user request] =
    // (1 − q^(N+1)) / (1 − q); each checkout attempt makes one payments call.
    const q = P ** (N + 1);
    const checkoutAttempts = (1 - q ** (N + 1)) / (1 - q);
    const expected = perCall * checkoutAttempts; // ≈ 1.4286
    const w = run(7, { checkout: true, payments: true });
    expect(w.users.issued).toBe(2000);
    expect(w.users.done).toBe(2000);
    expect(w.amplification).not.toBeNull();
    expect(Math.abs((w.amplification ?? 0) / expected - 1)).toBeLessThan(0.1);
    // Users succeed unless web's three tries at checkout all fail: 1 − q^3.
    expect(w.users.successRate).toBeGreaterThan(0.995);
    expect(w.attemptsPerSecond).toBeGreaterThan(w.userRequestsPerSecond);
  }, 60_000);

  it('without retries each user request makes exactly one payments attempt and 30% fail at web; retries at payments only give (1 − p³)/(1 − p)', () => {
    const none = run(8, { checkout: false, payments: false });
    expect(none.amplification).toBe(1);
    // Binomial(2000, 0.7): 1400 ± 4σ (σ ≈ 20.5).
    expect(Math.abs(none.users.ok - 1400)).toBeLessThan(82);
    const one = run(8, { checkout: false, payments: true });
    const perCall = (1 - P ** (N + 1)) / (1 - P);
    expect(Math.abs((one.amplification ?? 0) / perCall - 1)).toBeLessThan(0.1);
    // 1 − p³ = 97.3% succeed.
    expect(Math.abs((one.users.successRate ?? 0) - (1 - P ** 3))).toBeLessThan(0.015);
  }, 60_000);
});
