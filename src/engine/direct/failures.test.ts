import { describe, expect, it } from 'vitest';
import { SECOND, type SimTime } from '../core/time';
import { hostPort } from './cast';
import { callStarts, connectTimes, ofType, scripted, type Run } from './testkit';

const DEAD_IP = '10.244.2.21';
const DEAD = hostPort(DEAD_IP);
const KILL_AT = 5 * SECOND;
const SEEDS = [1, 2, 3, 4, 5];

const killRuns = new Map<number, Run>();
function killRun(seed: number): Run {
  let run = killRuns.get(seed);
  if (!run) {
    run = scripted(
      seed,
      [{ at: KILL_AT, command: { kind: 'pod.kill', pod: 'payments-v1-a' } }],
      75 * SECOND,
    );
    killRuns.set(seed, run);
  }
  return run;
}

/** When the EndpointSlice dropped payments-v1-a, and when kube-proxy followed. */
function removal(run: Run): { endpoints: SimTime; kubeProxy: SimTime } {
  const ep = ofType(run.entries, 'endpoints.update').find(
    (e) => !e.ready.includes('payments-v1-a'),
  );
  const kp = ofType(run.entries, 'kubeproxy.sync').find((e) => !e.endpoints.includes(DEAD));
  if (!ep || !kp) throw new Error('payments-v1-a was never removed');
  return { endpoints: ep.t, kubeProxy: kp.t };
}

describe('after pod.kill payments-v1-a at t = 5 s, each caller fails differently', () => {
  it('removes the pod from the ready endpoints after 3 failed probes (Kubernetes defaults)', () => {
    for (const seed of SEEDS) {
      const run = killRun(seed);
      const { endpoints, kubeProxy } = removal(run);
      const failed = ofType(run.entries, 'probe.failed').filter((e) => e.pod === 'payments-v1-a');
      expect(failed.slice(0, 3).map((e) => e.failures)).toEqual([1, 2, 3]);
      expect(failed[2]?.t).toBe(endpoints);
      // First failing probe within one period, each 1 s timeout, 3 × 10 s apart.
      expect(endpoints - KILL_AT).toBeGreaterThanOrEqual(21 * SECOND);
      expect(endpoints - KILL_AT).toBeLessThanOrEqual(31 * SECOND);
      expect(kubeProxy).toBeGreaterThan(endpoints);
      expect(kubeProxy - endpoints).toBeLessThan(SECOND);
    }
  });

  it('web-1 keeps dialling the hard-coded IP: every call fails after its 10 s connect timeout', () => {
    for (const seed of SEEDS) {
      const run = killRun(seed);
      const starts = callStarts(run.entries);
      const done = ofType(run.entries, 'call.done', 'web-1');
      expect(done.some((e) => e.t > KILL_AT && e.ok)).toBe(false);
      const after = done.filter((e) => (starts.get(e.id) ?? 0) >= KILL_AT);
      expect(after.length).toBeGreaterThan(150);
      for (const e of after) {
        expect(e).toMatchObject({ ok: false, error: 'connect timeout', attempts: 1 });
        expect(e.latencyMs).toBe(10_000);
      }
      expect(ofType(run.entries, 'call.retry', 'web-1')).toHaveLength(0);
      expect(new Set(ofType(run.entries, 'call.connect', 'web-1').map((e) => e.address))).toEqual(
        new Set([DEAD]),
      );
    }
  });

  it('cart-1 times out on the cached dead IP, retries the next address and succeeds slowly, until its DNS cache expires', () => {
    for (const seed of SEEDS) {
      const run = killRun(seed);
      const starts = callStarts(run.entries);
      const { endpoints } = removal(run);
      const failed = ofType(run.entries, 'call.attemptFailed', 'cart-1');
      expect(failed.length).toBeGreaterThan(20);
      const connects = connectTimes(run.entries);
      for (const f of failed) {
        expect(f).toMatchObject({ address: DEAD, reason: 'connect timeout' });
        expect(f.t - (connects.get(`${f.id}/${f.attempt}`) ?? 0)).toBe(SECOND);
      }
      const backoffs = new Set(ofType(run.entries, 'call.retry', 'cart-1').map((e) => e.backoffMs));
      expect([...backoffs].every((b) => [100, 200, 400].includes(b))).toBe(true);
      const slowOk = ofType(run.entries, 'call.done', 'cart-1').filter(
        (e) => e.ok && e.attempts > 1,
      );
      expect(slowOk.length).toBeGreaterThan(20);
      expect(slowOk.every((e) => e.latencyMs > 1000)).toBe(true);
      // The first lookup after the removal no longer returns the dead IP...
      const refresh = ofType(run.entries, 'dns.refresh', 'cart-1').find((e) => e.t > endpoints);
      expect(refresh).toBeDefined();
      expect(refresh?.addresses).not.toContain(DEAD);
      expect(refresh?.ttlMs).toBe(30_000);
      // ...which comes when the JVM's 30 s cache expires, not when Kubernetes changes.
      const previous = ofType(run.entries, 'dns.refresh', 'cart-1').filter(
        (e) => e.t < (refresh?.t ?? 0),
      );
      expect(previous.at(-1)?.addresses).toContain(DEAD);
      expect((refresh?.t ?? 0) - (previous.at(-1)?.t ?? 0)).toBeGreaterThanOrEqual(30 * SECOND);
      // Calls that start after it never dial the dead IP again.
      const late = ofType(run.entries, 'call.connect', 'cart-1').filter(
        (e) => (starts.get(e.id) ?? 0) > (refresh?.t ?? Infinity),
      );
      expect(late.length).toBeGreaterThan(20);
      expect(late.some((e) => e.address === DEAD)).toBe(false);
    }
  });

  it('checkout-1 times out on the connections kube-proxy sends to the dead pod, until the endpoint is removed', () => {
    for (const seed of SEEDS) {
      const run = killRun(seed);
      const { kubeProxy } = removal(run);
      const connects = connectTimes(run.entries);
      const failed = ofType(run.entries, 'call.attemptFailed', 'checkout-1');
      expect(failed.length).toBeGreaterThan(5);
      for (const f of failed) {
        expect(f).toMatchObject({
          address: '10.96.0.15:8080',
          ip: DEAD_IP,
          reason: 'connect timeout',
        });
        const dialled = connects.get(`${f.id}/${f.attempt}`) ?? Infinity;
        expect(f.t - dialled).toBe(2 * SECOND);
        expect(dialled).toBeLessThan(kubeProxy);
      }
      expect(ofType(run.entries, 'call.retry', 'checkout-1').every((e) => e.backoffMs === 0)).toBe(
        true,
      );
      // After kube-proxy's sync: no connection goes to the dead pod, every call succeeds first time.
      const after = ofType(run.entries, 'call.connect', 'checkout-1').filter(
        (e) => e.t > kubeProxy,
      );
      expect(after.length).toBeGreaterThan(100);
      expect(after.some((e) => e.ip === DEAD_IP)).toBe(false);
      const starts = callStarts(run.entries);
      const doneAfter = ofType(run.entries, 'call.done', 'checkout-1').filter(
        (e) => (starts.get(e.id) ?? 0) > kubeProxy,
      );
      expect(doneAfter.every((e) => e.ok && e.attempts === 1)).toBe(true);
    }
  });

  it('the three callers end up with different counters', () => {
    const { sim } = killRun(1);
    const c = sim.state.callers;
    expect(c['web-1'].counters.ok).toBeLessThan(c['web-1'].counters.failed);
    expect(c['cart-1'].counters.retries).toBeGreaterThan(c['cart-1'].counters.failed * 10);
    expect(c['checkout-1'].counters.timeouts).toBeGreaterThan(0);
    expect(c['cart-1'].counters.timeouts).toBeGreaterThan(c['checkout-1'].counters.timeouts);
  });
});

describe('pod.restore', () => {
  const restoreAt = 40 * SECOND;
  const runs = SEEDS.map((seed) =>
    scripted(
      seed,
      [
        { at: KILL_AT, command: { kind: 'pod.kill', pod: 'payments-v1-a' } },
        { at: restoreAt, command: { kind: 'pod.restore', pod: 'payments-v1-a' } },
      ],
      110 * SECOND,
    ),
  );

  it('web-1 recovers at once: connects in progress complete at their next SYN retransmission', () => {
    let retransmitted = 0;
    for (const run of runs) {
      const starts = callStarts(run.entries);
      const done = ofType(run.entries, 'call.done', 'web-1');
      const after = done.filter((e) => (starts.get(e.id) ?? 0) >= restoreAt);
      expect(after.length).toBeGreaterThan(200);
      expect(after.every((e) => e.ok)).toBe(true);
      retransmitted += done.filter((e) => e.ok && e.latencyMs > 900 && e.latencyMs < 10_000).length;
    }
    expect(retransmitted).toBeGreaterThan(0);
  });

  it('the pod becomes ready again, kube-proxy and cart-1 use it again, and nobody fails', () => {
    for (const run of runs) {
      const passed = ofType(run.entries, 'probe.passed').find((e) => e.pod === 'payments-v1-a');
      expect(passed).toBeDefined();
      expect((passed?.t ?? 0) - restoreAt).toBeLessThanOrEqual(10 * SECOND);
      const back = ofType(run.entries, 'kubeproxy.sync').find(
        (e) => e.t > restoreAt && e.endpoints.includes(DEAD),
      );
      expect(back).toBeDefined();
      expect(
        ofType(run.entries, 'call.connect', 'checkout-1').some(
          (e) => e.t > (back?.t ?? Infinity) && e.ip === DEAD_IP,
        ),
      ).toBe(true);
      const refresh = ofType(run.entries, 'dns.refresh', 'cart-1').find(
        (e) => e.t > (passed?.t ?? Infinity),
      );
      expect(refresh?.addresses).toContain(DEAD);
      const starts = callStarts(run.entries);
      const late = ofType(run.entries, 'call.done').filter(
        (e) => (starts.get(e.id) ?? 0) > restoreAt,
      );
      expect(late.every((e) => e.ok)).toBe(true);
    }
  });
});

describe('no ready payments pod at all', () => {
  it('checkout-1 is refused by kube-proxy at once, cart-1 gets "unknown host"', () => {
    const kill = (pod: string) => ({ at: KILL_AT, command: { kind: 'pod.kill' as const, pod } });
    const run = scripted(
      9,
      ['payments-v1-a', 'payments-v1-b', 'payments-v2-a'].map(kill),
      80 * SECOND,
    );
    const refused = ofType(run.entries, 'call.attemptFailed', 'checkout-1').filter(
      (e) => e.reason === 'connection refused',
    );
    expect(refused.length).toBeGreaterThan(10);
    expect(refused.every((e) => e.ip === null && e.pod === null)).toBe(true);
    const empty = ofType(run.entries, 'kubeproxy.sync').find((e) => e.endpoints.length === 0);
    const starts = callStarts(run.entries);
    const gaveUp = ofType(run.entries, 'call.done', 'checkout-1').filter(
      (e) => (starts.get(e.id) ?? 0) > (empty?.t ?? Infinity),
    );
    expect(gaveUp.length).toBeGreaterThan(100);
    for (const e of gaveUp)
      expect(e).toMatchObject({ ok: false, error: 'connection refused', attempts: 3 });
    expect(gaveUp.every((e) => e.latencyMs < 5)).toBe(true);
    const unknown = ofType(run.entries, 'call.done', 'cart-1').filter(
      (e) => e.error === 'unknown host',
    );
    expect(unknown.length).toBeGreaterThan(10);
    expect(unknown.every((e) => e.attempts === 0)).toBe(true);
    expect(
      ofType(run.entries, 'dns.refresh', 'cart-1').some(
        (e) => e.addresses.length === 0 && e.ttlMs === 10_000,
      ),
    ).toBe(true);
  });
});
