/**
 * Certificates (docs/fidelity.md §3): SPIFFE ids, 24 h TTL, renewal at 50% ± 1%, no renewal while
 * Istiod is down, and after expiry new handshakes fail while existing connections continue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hours, sec, SECOND } from '../../core/time';
import { createMesh } from '../create';
import { certProblem } from './state';

describe('certificates', () => {
  it('issues SPIFFE certs with a 24 h TTL and renews each at 50% ± 1% of its lifetime', () => {
    const sim = createMesh({ seed: 3, perEdgeRps: 0 });
    const issued: { pod: string; t: number; expiresAt: number; spiffe: string }[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'cert.issued') issued.push(e);
    });
    sim.advanceTo(hours(30));
    const web = issued.filter((c) => c.pod === 'web-1');
    expect(web[0]?.spiffe).toBe('spiffe://cluster.local/ns/shop/sa/web');
    expect(issued.find((c) => c.pod === 'payments-v2-a')?.spiffe).toBe(
      'spiffe://cluster.local/ns/shop/sa/payments',
    );
    // Signed at the CA a few ms before the agent gets it.
    expect(web[0]!.expiresAt - web[0]!.t).toBeGreaterThan(hours(24) - sec(0.01));
    expect(web[0]!.expiresAt - web[0]!.t).toBeLessThanOrEqual(hours(24));
    for (const pod of sim.state.order) {
      const mine = issued.filter((c) => c.pod === pod);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < mine.length; i++) {
        const life = (mine[i]!.t - mine[i - 1]!.t) / hours(24);
        expect(life).toBeGreaterThanOrEqual(0.49);
        expect(life).toBeLessThanOrEqual(0.511);
      }
    }
  }, 30_000);

  it('Istiod down past the cert life: new handshakes fail only after expiry, existing connections continue', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const ttl = hours(1);
        const sim = createMesh({ seed, perEdgeRps: 1, certTtl: ttl });
        const expires = new Map<string, number>();
        const failures: { t: number; from: string; to: string }[] = [];
        sim.trace.subscribe((e) => {
          if (e.type === 'cert.issued') {
            expires.set(e.pod, e.expiresAt);
          }
          if (e.type === 'tls.handshakeFailed') failures.push(e);
        });
        sim.advanceTo(sec(60));
        sim.command({ kind: 'istiod.kill' });
        const renewalsBefore = sim.state.ca.signed;
        sim.advanceTo(ttl + sec(60));
        expect(sim.state.ca.signed).toBe(renewalsBefore);
        const firstExpiry = Math.min(...expires.values());
        const okAtExpiry = sim.state.traffic.counters.ok;
        sim.command({ kind: 'traffic.rate', perEdgeRps: 20 });
        sim.advanceTo(ttl + sec(60) + sec(600));
        expect(failures.length).toBeGreaterThan(0);
        for (const f of failures)
          expect(f.t).toBeGreaterThanOrEqual(
            Math.min(expires.get(f.from) ?? 0, expires.get(f.to) ?? 0),
          );
        expect(Math.min(...failures.map((f) => f.t))).toBeGreaterThanOrEqual(firstExpiry);
        // Existing connections keep working after expiry.
        expect(sim.state.traffic.counters.ok - okAtExpiry).toBeGreaterThan(1000);
        sim.command({ kind: 'istiod.restore' });
        // CSR retries back off to at most 60 s (+10% jitter).
        sim.advanceTo(sim.now + sec(70));
        for (const pod of sim.state.order)
          expect(sim.state.sidecars[pod]!.cert.cert!.expiresAt).toBeGreaterThan(sim.now);
      }),
      { numRuns: 2 },
    );
  }, 30_000);

  it('ca.stop blocks renewals; root rotation keeps old and new roots trusted during the overlap', () => {
    const sim = createMesh({ seed: 8, perEdgeRps: 2, certTtl: hours(2) });
    sim.advanceTo(sec(10));
    sim.command({ kind: 'ca.stop' });
    const signed = sim.state.ca.signed;
    sim.advanceTo(hours(1.5));
    expect(sim.state.ca.signed).toBe(signed);
    sim.command({ kind: 'ca.start' });
    sim.advanceTo(hours(1.5) + sec(120));
    expect(sim.state.ca.signed).toBeGreaterThan(signed);
    sim.command({ kind: 'ca.rotateRoot' });
    expect(sim.state.sidecars['web-1']!.cert.trust).toEqual(['root-1', 'root-2']);
    const failedBefore = sim.state.traffic.handshakes.failed;
    sim.advanceTo(sim.now + hours(2));
    expect(sim.state.traffic.handshakes.failed).toBe(failedBefore);
    expect(sim.state.sidecars['web-1']!.cert.cert!.rootId).toBe('root-2');
    sim.command({ kind: 'ca.dropOldRoots' });
    expect(sim.state.sidecars['cart-1']!.cert.trust).toEqual(['root-2']);
    expect(SECOND).toBe(1_000_000);
  }, 30_000);

  it('a root re-issued with the same key still verifies older certificates; a new key does not', () => {
    const sim = createMesh({ seed: 5, perEdgeRps: 0 });
    sim.advanceTo(sec(10));
    sim.command({ kind: 'ca.rotateRoot', sameKey: true });
    sim.command({ kind: 'ca.dropOldRoots' });
    const web = sim.state.sidecars['web-1']!.cert;
    const cart = sim.state.sidecars['cart-1']!.cert;
    expect(web.cert!.rootId).toBe('root-1');
    expect(cart.trust).toEqual(['root-2']);
    expect(certProblem(web, cart.trust, sim.now, sim.state.ca.roots)).toBeNull();
    sim.command({ kind: 'ca.rotateRoot', sameKey: false });
    expect(cart.trust).toEqual(['root-2', 'root-3']);
    expect(certProblem(web, cart.trust, sim.now, sim.state.ca.roots)).toBeNull();
    sim.command({ kind: 'ca.dropOldRoots' });
    expect(certProblem(web, cart.trust, sim.now, sim.state.ca.roots)).toBe(
      'certificate signed by an untrusted root',
    );
  });
});
