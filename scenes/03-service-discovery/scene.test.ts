import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../src/engine/core/time';
import type { MeshTrace, MeshTraceOf } from '../../src/engine/mesh/contract';
import { DEBOUNCE_AFTER, DEBOUNCE_MAX } from '../../src/engine/mesh/istiod/debounce';
import type { MeshSim } from '../../src/engine/mesh/types';
import { edsSync, endpointSlice } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { callersInSync, claPods, scene3 } from './scene';

const CALLERS = ['web-1', 'catalog-1', 'cart-1', 'checkout-1', 'inventory-1'];

/** Every trace entry from now on, until the returned function is called. */
function record(sim: MeshSim): { entries: MeshTrace[]; stop: () => void } {
  const entries: MeshTrace[] = [];
  const stop = sim.trace.subscribe((e) => entries.push(e));
  return { entries, stop };
}

/** Plays on to step `i` (0-based) in the same run, each step to its entry. */
function to(p: { stepIndex: number; next(): void; finishStep(): void }, i: number): void {
  while (p.stepIndex < i) {
    p.next();
    p.finishStep();
  }
}

const of = <K extends MeshTrace['type']>(xs: readonly MeshTrace[], type: K) =>
  xs.filter((e): e is MeshTraceOf<K> => e.type === type);

/** What is special about scene 3: endpoint events reach every caller in an EDS-only push. */
describe('scene 3, headless', () => {
  it('step 1: three ready endpoints, and every caller serves exactly them', () => {
    const p = new Player(scene3);
    p.goToStep(0);
    const sim = p.sim as MeshSim;
    expect(endpointSlice(sim, 'payments').endpoints.map((e) => [e.pod, e.ready])).toEqual([
      ['payments-v1-a', true],
      ['payments-v1-b', true],
      ['payments-v2-a', true],
    ]);
    for (const c of CALLERS)
      expect(claPods(sim, c)).toEqual(['payments-v1-a', 'payments-v1-b', 'payments-v2-a']);
  });

  it('a failed readiness probe: the pod keeps running, an EDS-only push follows within the debounce, and every caller drops it', () => {
    const p = new Player(scene3);
    p.goToStep(0);
    const sim = p.sim as MeshSim;
    const rec = record(sim);
    to(p, 3);
    rec.stop();
    const e = rec.entries;
    const change = of(e, 'endpoints.changed').find((x) => x.pod === 'payments-v1-a');
    expect(change).toMatchObject({ change: 'updated', ready: false, service: 'payments' });
    const t0 = change!.t;
    // The container still runs, with its sidecar connected: only readiness changed.
    expect(sim.state.pods['payments-v1-a']).toMatchObject({ up: true, ready: false });
    expect(sim.state.sidecars['payments-v1-a']!.connected).toBe(true);
    expect(endpointSlice(sim, 'payments').endpoints[0]).toMatchObject({
      pod: 'payments-v1-a',
      ready: false,
      why: 'readiness probe failing',
    });
    // One debounced push, EDS-only, after 100 ms of quiet and within PILOT_DEBOUNCE_MAX.
    const pushes = of(e, 'push.debounced').filter((x) => x.t >= t0);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ full: false, reason: 'Endpoints/shop/payments' });
    expect(pushes[0]!.t - t0).toBeGreaterThanOrEqual(DEBOUNCE_AFTER);
    expect(pushes[0]!.t - t0).toBeLessThanOrEqual(DEBOUNCE_MAX);
    expect(pushes[0]!.t - t0).toBe(DEBOUNCE_AFTER); // no other event: exactly 100 ms
    // Only EDS goes out, only payments' clusters, to every caller; each ACKs it.
    const responses = of(e, 'xds.response').filter((x) => x.t >= t0);
    expect(new Set(responses.map((r) => r.xds))).toEqual(new Set(['EDS']));
    for (const c of CALLERS) {
      const r = responses.find((x) => x.pod === c);
      expect(r?.resources.every((n) => n.endsWith('|payments.shop.svc.cluster.local'))).toBe(true);
      const ack = of(e, 'xds.ack').find((x) => x.pod === c && x.nonce === r?.nonce);
      expect(ack?.xds).toBe('EDS');
      expect(ack!.t - t0).toBeGreaterThan(DEBOUNCE_AFTER);
      expect(ack!.t - t0).toBeLessThan(DEBOUNCE_AFTER + ms(20));
      expect(claPods(sim, c)).toEqual(['payments-v1-b', 'payments-v2-a']);
    }
    // The view's delays are Istiod's ACK times after the change.
    const sync = edsSync(sim, 'payments');
    expect(sync.last?.t).toBe(t0);
    for (const c of CALLERS) {
      const row = sync.rows.find((r) => r.pod === c)!;
      const ack = of(e, 'xds.ack')
        .filter((x) => x.pod === c && x.xds === 'EDS')
        .at(-1)!;
      expect(row).toEqual({ pod: c, state: 'acked', delay: ack.t - t0 });
    }
  });

  it('during the debounce nothing is sent, and the callers still serve the old list', () => {
    const p = new Player(scene3);
    p.goToStep(1);
    const sim = p.sim as MeshSim;
    const sync = edsSync(sim, 'payments');
    expect(sync.debounce).toEqual({
      earliest: sim.now + DEBOUNCE_AFTER,
      latest: sim.now + DEBOUNCE_MAX,
      events: 1,
    });
    expect(sync.rows.filter((r) => CALLERS.includes(r.pod)).map((r) => r.state)).toEqual(
      CALLERS.map(() => 'waiting'),
    );
    expect(claPods(sim, 'checkout-1')).toContain('payments-v1-a');
    expect(callersInSync(sim)).toBe(false);
  });

  it('scale up: the new pod joins not ready (no push), then ready (EDS-only push); scale down removes it', () => {
    const p = new Player(scene3);
    p.goToStep(4);
    const sim = p.sim as MeshSim;
    const rec = record(sim);
    to(p, 5);
    const added = of(rec.entries, 'endpoints.changed').at(-1)!;
    expect(added).toMatchObject({ change: 'added', ready: false, pod: 'payments-scaled-4' });
    to(p, 6);
    const t1 = of(rec.entries, 'endpoints.changed').find((x) => x.change === 'updated')!;
    expect(t1).toMatchObject({ pod: 'payments-scaled-4', ready: true });
    // Between joining and turning ready, Istiod pushed nothing for payments.
    const early = of(rec.entries, 'push.debounced').filter((x) => x.t < t1.t);
    expect(early).toEqual([]);
    const push = of(rec.entries, 'push.debounced').find((x) => x.t >= t1.t)!;
    expect(push).toMatchObject({ full: false });
    expect(push.t - t1.t).toBe(DEBOUNCE_AFTER);
    for (const c of CALLERS) expect(claPods(sim, c)).toContain('payments-scaled-4');
    to(p, 7);
    rec.stop();
    const removed = of(rec.entries, 'endpoints.changed').at(-1)!;
    expect(removed).toMatchObject({ change: 'removed', pod: 'payments-scaled-4' });
    for (const c of CALLERS) expect(claPods(sim, c)).not.toContain('payments-scaled-4');
  });

  it('a killed pod leaves every caller’s list; after the push checkout-1 sends it no request', () => {
    const p = new Player(scene3);
    p.goToStep(7);
    const sim = p.sim as MeshSim;
    const rec = record(sim);
    to(p, 8);
    for (const c of CALLERS) expect(claPods(sim, c)).not.toContain('payments-v1-b');
    // The scene has no background traffic: send some from checkout-1 (one per ms) and play.
    p.command({ kind: 'traffic.send', from: 'checkout-1', service: 'payments', count: 200 });
    p.play();
    for (let k = 0; k < 100 && sim.now < sec(3); k++) p.advance(20_000);
    rec.stop();
    const done = of(rec.entries, 'request.done').filter((x) => x.from === 'checkout-1');
    expect(done).toHaveLength(200);
    expect(done.filter((x) => x.to === 'payments-v1-b')).toEqual([]);
    expect(new Set(done.map((x) => x.to))).toEqual(new Set(['payments-v1-a', 'payments-v2-a']));
    expect(done.every((x) => x.code === 200)).toBe(true);
  });
});
