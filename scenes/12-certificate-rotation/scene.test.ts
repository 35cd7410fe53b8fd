import { describe, expect, it } from 'vitest';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { certTimeline } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { scene12 } from './scene';

const H = 3_600_000_000;

/**
 * What is special about scene 12 (docs/curriculum.md, row 12): after expiry with Istiod down, new
 * handshakes fail while existing connections carry on; the two kinds of root rotation.
 */
describe('scene 12, headless', () => {
  const sim = (p: { sim: MeshSim }) => p.sim;

  it('renews every 24 h certificate at 50% ± 1% of its life', () => {
    const p = new Player(scene12);
    p.goToStep(1);
    const v = certTimeline(sim(p));
    for (const r of v.rows) {
      expect(r.expiresAt! - r.issuedAt!).toBe(24 * H);
      const left = (r.expiresAt! - r.rotateAt!) / (24 * H);
      expect(left).toBeGreaterThanOrEqual(0.49);
      expect(left).toBeLessThanOrEqual(0.51);
    }
  }, 60_000);

  it('same key: certificates signed under root-1 still verify once only root-2 is trusted', () => {
    const p = new Player(scene12);
    p.goToStep(3);
    const v = certTimeline(sim(p));
    expect(v.bundle).toEqual(['root-2']);
    expect(v.rows.some((r) => r.rootId === 'root-1')).toBe(true);
    expect(sim(p).state.traffic.handshakes.failed).toBe(0);
  }, 60_000);

  it('new key: dropping the old root before the workloads renew breaks handshakes; after, none', () => {
    const early = new Player(scene12);
    early.goToStep(4);
    expect(certTimeline(sim(early)).bundle).toEqual(['root-2', 'root-3']);
    early.command({ kind: 'ca.dropOldRoots' });
    early.command({ kind: 'traffic.send', from: 'web-1', service: 'payments', count: 20 });
    early.play();
    for (let k = 0; k < 50; k++) early.advance(10_000);
    const failed: MeshTrace[] = [];
    for (const e of sim(early).trace.recent(4096))
      if (e.type === 'tls.handshakeFailed') failed.push(e);
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every((e) => e.type === 'tls.handshakeFailed' && /untrusted/.test(e.reason)),
    ).toBe(true);
    const late = new Player(scene12);
    late.goToStep(6);
    expect(certTimeline(sim(late)).bundle).toEqual(['root-3']);
    expect(sim(late).state.traffic.handshakes.failed).toBe(0);
  }, 60_000);

  it('after expiry with Istiod down, new handshakes fail while existing connections carry on', () => {
    const p = new Player(scene12);
    p.goToStep(8);
    const s = sim(p);
    expect(s.state.istiod.up).toBe(false);
    const v = certTimeline(s);
    expect(v.rows.find((r) => r.pod === 'web-1')!.expired).toBe(true);
    const okBefore = s.state.traffic.counters.ok;
    p.next();
    p.finishStep();
    const entries = s.trace.recent(4096);
    const failed = entries.filter((e) => e.type === 'tls.handshakeFailed');
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every((e) => e.type === 'tls.handshakeFailed' && e.reason === 'certificate expired'),
    ).toBe(true);
    // Existing connections carry on: over the next hour web-1 (expired) still gets 200s.
    const done: MeshTrace[] = [];
    const stop = s.trace.subscribe((e) => {
      if (e.type === 'request.done' && e.from === 'web-1' && e.code === 200) done.push(e);
    });
    s.advanceTo(s.now + 1_000_000); // web-1's 20 calls to payments are over
    const failedBefore = s.state.traffic.handshakes.failed;
    s.advanceTo(s.now + H);
    stop();
    expect(done.length).toBeGreaterThan(100);
    expect(s.state.traffic.counters.ok).toBeGreaterThan(okBefore);
    expect(s.state.traffic.handshakes.failed).toBe(failedBefore);
    expect(certTimeline(s).rows.every((r) => r.expired)).toBe(true);
  }, 60_000);
});
