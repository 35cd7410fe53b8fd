/**
 * Load balancing in the call graph (scene 6, docs/fidelity.md §4.2): with one slow payments pod,
 * LEAST_REQUEST (two random choices, the one with fewer active requests) gives calls to payments
 * a lower p99 than ROUND_ROBIN on the same seed; `lb.pick` shows the real active request counts
 * of the caller's sidecar; RING_HASH on `x-user` keeps each user on one host.
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import type { MeshTraceOf } from '../../mesh/contract';
import type { MeshSim } from '../../mesh/types';
import { serviceLatency } from '../../mesh/views';
import { dr, graphMesh, PAYMENTS, vs } from './testkit';

function slowHostRun(lb: string, workers: number): NonNullable<ReturnType<typeof serviceLatency>> {
  const sim = graphMesh(
    21,
    { userRps: 100, workers },
    `${vs('payments')}---\n${dr('payments', `loadBalancer:\n  simple: ${lb}`)}`,
  );
  sim.command({ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 200 });
  sim.command({ kind: 'traffic.mark', label: lb });
  sim.advanceTo(sim.now + sec(30));
  const v = serviceLatency(sim, 'payments');
  if (!v) throw new Error('no call-graph window');
  return v;
}

const share = (v: ReturnType<typeof slowHostRun>, host: string): number =>
  v.hosts.find((h) => h.host === host)?.share ?? 0;

describe('load balancing (call graph)', () => {
  it('one slow host (+200 ms), 100 user requests/s, same seed: LEAST_REQUEST gives a lower p99 and sends the slow host less than ROUND_ROBIN', () => {
    const rr = slowHostRun('ROUND_ROBIN', 0);
    const lr = slowHostRun('LEAST_REQUEST', 0);
    expect(rr.calls.done).toBeGreaterThan(2500);
    expect(lr.calls.p99).toBeLessThan(rr.calls.p99);
    expect(lr.calls.p90).toBeLessThan(rr.calls.p90);
    expect(share(rr, 'payments-v1-b')).toBeCloseTo(1 / 3, 2);
    // P2C picks the slow host only when it drew it twice (1/9) or it ties: about 1 in 7.
    expect(share(lr, 'payments-v1-b')).toBeLessThan(0.2);
  }, 60_000);

  it('with 4 workers per app the slow host also queues under round robin: its p99 explodes, least request stays near the slow host’s own latency', () => {
    const rr = slowHostRun('ROUND_ROBIN', 4);
    const lr = slowHostRun('LEAST_REQUEST', 4);
    expect(rr.calls.p99).toBeGreaterThan(2000);
    expect(lr.calls.p99).toBeLessThan(600);
  }, 60_000);

  it('lb.pick: LEAST_REQUEST draws two hosts and keeps the one with fewer active requests (the first on a tie); the counts are the sidecar’s requests in flight', () => {
    const sim = graphMesh(22, { userRps: 150, detail: true }, vs('payments'));
    sim.command({ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 50 });
    const picks: MeshTraceOf<'lb.pick'>[] = [];
    const live = (s: MeshSim, pod: string, host: string): number =>
      Object.values(s.state.traffic.requests).filter(
        (r) => r.from === pod && r.cluster === PAYMENTS && r.host === host && r.connId > 0,
      ).length;
    let mismatches = 0;
    sim.trace.subscribe((e) => {
      if (e.type !== 'lb.pick' || e.cluster !== PAYMENTS) return;
      picks.push(e);
      for (const h of e.hosts) if (h.active !== live(sim, e.pod, h.host)) mismatches++;
    });
    sim.advanceTo(sim.now + sec(5));
    expect(picks.length).toBeGreaterThan(500);
    expect(mismatches).toBe(0);
    let busyPicks = 0;
    for (const p of picks) {
      expect(p.policy).toBe('LEAST_REQUEST');
      const [a, b] = p.sampled ?? [];
      const n = (h: string | undefined): number => p.hosts.find((x) => x.host === h)?.active ?? 0;
      expect(p.chosen).toBe(n(b) < n(a) ? b : a);
      if (n(a) !== n(b)) busyPicks++;
    }
    expect(busyPicks).toBeGreaterThan(50);
  }, 60_000);

  it('ROUND_ROBIN takes the hosts in turn; RING_HASH on x-user sends each user to one host', () => {
    const rr = graphMesh(
      23,
      { userRps: 50, detail: true },
      `${vs('payments')}---\n${dr('payments', 'loadBalancer:\n  simple: ROUND_ROBIN')}`,
    );
    const chosen: string[] = [];
    rr.trace.subscribe((e) => {
      if (e.type === 'lb.pick' && e.cluster === PAYMENTS) chosen.push(e.chosen);
    });
    rr.advanceTo(rr.now + sec(3));
    expect(chosen.length).toBeGreaterThan(100);
    for (let i = 3; i < chosen.length; i++) expect(chosen[i]).toBe(chosen[i - 3]);
    expect(new Set(chosen.slice(0, 3)).size).toBe(3);

    const rh = graphMesh(
      24,
      { userRps: 80, detail: true },
      `${vs('payments')}---\n${dr('payments', 'loadBalancer:\n  consistentHash:\n    httpHeaderName: x-user')}`,
    );
    const hostOf = new Map<string, Set<string>>();
    rh.trace.subscribe((e) => {
      if (e.type !== 'lb.pick' || e.cluster !== PAYMENTS) return;
      expect(e.policy).toBe('RING_HASH');
      const key = e.key ?? '';
      expect(key).toMatch(/^user-\d+$/);
      hostOf.set(key, (hostOf.get(key) ?? new Set()).add(e.chosen));
    });
    rh.advanceTo(rh.now + sec(10));
    expect(hostOf.size).toBeGreaterThan(50);
    for (const hosts of hostOf.values()) expect(hosts.size).toBe(1);
    const used = new Set([...hostOf.values()].flatMap((h) => [...h]));
    expect(used.size).toBe(3);
  }, 60_000);
});
