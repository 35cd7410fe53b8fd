/**
 * Scene 5's data path: `traffic.send` sends exactly N requests, one per simulated millisecond;
 * each weighted pick in the caller's sidecar is traced as `route.pick` (with the drawn number)
 * and counted in `state.traffic.picks`, exactly and across seeks.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import type { MeshTraceOf } from '../mesh/contract';
import { createMesh } from '../mesh/create';
import { picks } from '../mesh/views';

const V1 = 'outbound|8080|v1|payments.shop.svc.cluster.local';
const V2 = 'outbound|8080|v2|payments.shop.svc.cluster.local';

describe('traffic.send and route.pick', () => {
  it('web-1 sends 1,000 requests to payments: 1,000 route.pick entries, the counter totals 1,000, 90/10 split (seed 42: 899/101)', () => {
    const sim = createMesh({ seed: 42 });
    sim.advanceTo(sec(2));
    const seen: MeshTraceOf<'route.pick'>[] = [];
    const sentAt: number[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'route.pick' && e.pod === 'web-1' && e.service === 'payments') {
        seen.push(e);
        sentAt.push(e.t);
      }
    });
    const t0 = sim.now;
    sim.command({ kind: 'traffic.send', from: 'web-1', service: 'payments', count: 1000 });
    sim.advanceTo(t0 + sec(2));
    expect(seen).toHaveLength(1000);
    // One request per simulated millisecond, starting now.
    expect(sentAt[0]).toBe(t0);
    expect(sentAt[999]).toBe(t0 + ms(999));
    for (const e of seen) {
      expect(e).toMatchObject({
        routeConfig: '8080',
        vhost: 'payments.shop.svc.cluster.local:8080',
        route: 'prefix /',
        total: 100,
      });
      expect(e.candidates).toEqual([
        { cluster: V1, weight: 90 },
        { cluster: V2, weight: 10 },
      ]);
      // r = u32 % Σw falls in the chosen cluster's band: [0, 90) → v1, [90, 100) → v2.
      expect(e.cluster).toBe(e.drawn < 90 ? V1 : V2);
    }
    const p = picks(sim, 'web-1');
    expect(p.total).toBe(1000);
    expect(p.rows).toEqual([
      { cluster: V1, subset: 'v1', weight: 90, count: 899 },
      { cluster: V2, subset: 'v2', weight: 10, count: 101 },
    ]);
    expect(sim.state.traffic.picks['web-1']).toEqual({ [V1]: 899, [V2]: 101 });
    expect(seen.filter((e) => e.cluster === V2)).toHaveLength(101);
    const texts = sim.state.log.map((l) => l.text);
    expect(texts).toContain('web-1 sends 1000 requests to payments');
    expect(texts).toContain('web-1 has sent 1000 requests to payments');
    expect(sim.state.traffic.bursts).toEqual({});
  });

  it('the pick counter of generator traffic matches the route.pick entries; non-weighted routes emit none', () => {
    const sim = createMesh({ seed: 3, perEdgeRps: 20 });
    const byPod: Record<string, number> = {};
    sim.trace.subscribe((e) => {
      if (e.type === 'route.pick') byPod[e.pod] = (byPod[e.pod] ?? 0) + 1;
    });
    sim.advanceTo(sec(10));
    // Only checkout-1 calls payments (the one weighted route); web-1's calls go to default routes.
    expect(Object.keys(byPod)).toEqual(['checkout-1']);
    const p = picks(sim, 'checkout-1');
    expect(p.total).toBe(byPod['checkout-1']);
    expect(p.total).toBe(sim.trace.counter('route.pick'));
  });

  it('requests are not sent while the pod is down (counted, logged), and seeking back replays the burst exactly', () => {
    const sim = createMesh({ seed: 11, checkpointEvery: sec(1) });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'traffic.send', from: 'checkout-1', service: 'payments', count: 100 });
    sim.advanceTo(sim.now + ms(40) - 1);
    sim.command({ kind: 'pod.kill', pod: 'checkout-1' });
    sim.advanceTo(sim.now + sec(1));
    const texts = sim.state.log.map((l) => l.text);
    expect(texts).toContain('checkout-1 sends 100 requests to payments');
    expect(texts).toContain('checkout-1 is down: its requests to payments are not sent');
    expect(texts).toContain(
      'checkout-1 has sent 40 requests to payments; 60 requests not sent (pod down)',
    );
    const at = sim.now;
    const hash = sim.stateHash();
    const total = picks(sim, 'checkout-1').total;
    sim.seek(sec(2) + ms(20));
    expect(picks(sim, 'checkout-1').total).toBeLessThan(total);
    sim.advanceTo(at);
    expect(sim.stateHash()).toBe(hash);
    expect(picks(sim, 'checkout-1').total).toBe(total);
  });

  it('a count of 0 sends nothing', () => {
    const sim = createMesh({ seed: 2 });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'traffic.send', from: 'web-1', service: 'payments', count: 0 });
    sim.advanceTo(sec(3));
    expect(sim.state.traffic.picks['web-1']).toBeUndefined();
    expect(sim.state.log.map((l) => l.text)).toContain(
      'web-1 sends no requests to payments (count 0)',
    );
  });
});
