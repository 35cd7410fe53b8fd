import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import { createMesh } from '../create';
import { proxyStatusRows, formatProxyStatus } from '../status';
import { newConnection, typeStatus } from './state';

describe('proxy-status states (statusgen.go)', () => {
  it('NOT SENT, STALE, SYNCED, ERROR from nonce bookkeeping', () => {
    const c = newConnection('web-1', 1, 0).types.CDS;
    expect(typeStatus(c)).toBe('NOT SENT');
    c.sentNonce = 'v/1abc';
    expect(typeStatus(c)).toBe('STALE');
    c.ackedNonce = 'v/1abc';
    expect(typeStatus(c)).toBe('SYNCED');
    c.sentNonce = 'v/2def';
    expect(typeStatus(c)).toBe('STALE');
    c.nackError = 'bad';
    expect(typeStatus(c)).toBe('ERROR');
  });

  it('a mesh shows NOT SENT before pushes, STALE in flight, SYNCED after ACKs, ERROR after a NACK', () => {
    const sim = createMesh({ seed: 5, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const rows = proxyStatusRows(sim);
    expect(rows).toHaveLength(8);
    for (const r of rows)
      for (const t of ['CDS', 'EDS', 'LDS', 'RDS'] as const)
        expect(r.types[t].status).toBe('SYNCED');
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    // Run until the first response of the push is sent but not yet ACKed.
    sim.runUntil(
      (s) =>
        Object.values(s.state.istiod.conns).some(
          (c) => c.types.CDS.sentNonce !== c.types.CDS.ackedNonce,
        ),
      10_000,
    );
    expect(proxyStatusRows(sim).some((r) => r.types.CDS.status === 'STALE')).toBe(true);
    sim.advanceTo(sec(3));
    expect(proxyStatusRows(sim).every((r) => r.types.RDS.status === 'SYNCED')).toBe(true);
    sim.command({ kind: 'config.pushBad', pod: 'cart-1' });
    sim.advanceTo(sec(4));
    const cart = proxyStatusRows(sim).find((r) => r.name === 'cart-1.shop');
    expect(cart?.types.RDS.status).toBe('ERROR');
    expect(cart?.types.CDS.status).toBe('SYNCED');
    expect(formatProxyStatus(proxyStatusRows(sim))).toMatch(
      /^NAME +CLUSTER +ISTIOD +VERSION +SUBSCRIBED TYPES/,
    );
    sim.command({ kind: 'istiod.kill' });
    expect(proxyStatusRows(sim)).toEqual([]);
  });

  it('a fresh proxy that has not subscribed to a type shows NOT SENT for it', () => {
    const sim = createMesh({ seed: 9, perEdgeRps: 0 });
    sim.runUntil(
      (s) => Object.values(s.state.istiod.conns).some((c) => c.types.CDS.sentNonce !== null),
      10_000,
    );
    const row = proxyStatusRows(sim).find((r) => r.types.CDS.status !== 'NOT SENT');
    expect(row?.types.LDS.status).toBe('NOT SENT');
  });
});
