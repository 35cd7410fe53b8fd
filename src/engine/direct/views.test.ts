import { describe, expect, it } from 'vitest';
import { SECOND, ms } from '../core/time';
import { callers, counters, createDirect, inFlight, log, pods, recentOutcomes } from './index';

function killedAt5s(until: number) {
  const sim = createDirect({ seed: 5 });
  sim.advanceTo(5 * SECOND);
  sim.command({ kind: 'pod.kill', pod: 'payments-v1-a' });
  sim.advanceTo(until);
  return sim;
}

describe('direct views', () => {
  it('memoise per revision', () => {
    const sim = createDirect({ seed: 1 });
    sim.advanceTo(2 * SECOND);
    for (const sel of [callers, pods, inFlight, recentOutcomes, log, counters]) {
      const a = sel(sim);
      expect(sel(sim)).toBe(a);
      sim.advanceTo(sim.now + ms(100));
      expect(sel(sim)).not.toBe(a);
    }
  });

  it('describe each caller: library, address style, retries, timeouts, TLS, known addresses', () => {
    const sim = createDirect({ seed: 1 });
    sim.advanceTo(3 * SECOND);
    const [web, cart, checkout] = callers(sim);
    expect(web).toMatchObject({
      name: 'web-1',
      discovery: 'hard-coded',
      retries: 0,
      connectTimeoutMs: 10_000,
      tls: 'none',
      addresses: ['10.244.2.21:8080'],
    });
    expect(cart).toMatchObject({
      name: 'cart-1',
      discovery: 'dns-cache',
      retries: 3,
      backoffMs: [100, 200, 400],
      connectTimeoutMs: 1000,
      responseTimeoutMs: null,
      tls: 'app-truststore',
      addresses: ['10.244.2.21:8080', '10.244.3.22:8080', '10.244.3.23:8080'],
    });
    expect(cart?.dnsExpiresAt).toBeGreaterThan(30 * SECOND);
    expect(checkout).toMatchObject({
      name: 'checkout-1',
      discovery: 'cluster-ip',
      retries: 2,
      connectTimeoutMs: 2000,
      responseTimeoutMs: 2000,
      tls: 'app-hand-verify',
      addresses: ['10.96.0.15:8080'],
    });
    for (const c of [web, cart, checkout]) {
      expect(c?.lastOutcome).toMatch(/^200 from payments-/);
      expect(c?.counters.calls).toBeGreaterThan(3);
    }
  });

  it('show stalled dials to the dead pod with their timeout, and moving ones with their arrival', () => {
    const sim = killedAt5s(ms(9_000));
    const flying = inFlight(sim);
    const webDials = flying.filter((f) => f.from === 'web-1');
    expect(webDials.length).toBeGreaterThan(8);
    for (const f of webDials) {
      expect(f).toMatchObject({
        to: 'payments-v1-a',
        phase: 'connecting',
        stalled: true,
        arriveAt: null,
      });
      expect(f.timeoutAt).toBe(f.sentAt + 10 * SECOND);
    }
    const moving = flying.filter((f) => !f.stalled && f.phase !== 'backoff');
    for (const f of moving) expect(f.arriveAt).toBeGreaterThanOrEqual(sim.now);
    const p = pods(sim);
    expect(p.map((x) => [x.name, x.up, x.ready])).toEqual([
      ['payments-v1-a', false, true],
      ['payments-v1-b', true, true],
      ['payments-v2-a', true, true],
    ]);
  });

  it('keep the log and the recent outcomes bounded, newest last', () => {
    const sim = killedAt5s(40 * SECOND);
    const rows = log(sim);
    expect(rows.length).toBe(200);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]?.t).toBeGreaterThanOrEqual(rows[i - 1]?.t ?? 0);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['traffic', 'fault', 'dns']));
    expect(
      rows.some((r) =>
        /web-1 → 10\.244\.2\.21:8080 \(payments-v1-a\): connect timeout after 10 s/.test(r.text),
      ),
    ).toBe(true);
    const recent = recentOutcomes(sim);
    expect(recent.length).toBe(100);
    expect(recent.some((o) => !o.ok && o.reason === 'connect timeout')).toBe(true);
    const p = pods(sim)[0];
    expect(p).toMatchObject({ ready: false, inKubeProxy: false });
  });

  it('total the counters', () => {
    const sim = killedAt5s(20 * SECOND);
    const { byCaller, total } = counters(sim);
    expect(total.calls).toBe(
      byCaller['web-1'].calls + byCaller['cart-1'].calls + byCaller['checkout-1'].calls,
    );
    expect(total.calls).toBe(total.ok + total.failed + total.inFlight);
    expect(byCaller['web-1'].failed).toBeGreaterThan(0);
  });
});
