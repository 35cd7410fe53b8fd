/**
 * A network cut between one sidecar and Istiod: nobody notices at once (pushes stay un-ACKed:
 * STALE), gRPC keepalive drops the stream within 40 s, the sidecar keeps serving from its cache;
 * healing early delivers the held messages, healing late reconnects.
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import { createMesh } from '../create';
import { proxyStatusRows } from '../status';

const status = (sim: ReturnType<typeof createMesh>, pod: string) =>
  proxyStatusRows(sim).find((r) => r.name === `${pod}.shop`)?.types;

describe('sidecar.cut', () => {
  it('STALE while cut, keepalive drops the stream, traffic keeps flowing, a late heal reconnects', () => {
    const sim = createMesh({ seed: 31 });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'sidecar.cut', pod: 'checkout-1' });
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    sim.advanceTo(sec(5));
    expect(status(sim, 'checkout-1')?.RDS.status).toBe('STALE');
    expect(status(sim, 'web-1')?.RDS.status).toBe('SYNCED');
    expect(sim.state.sidecars['checkout-1']!.connected).toBe(true);
    const ok = sim.state.traffic.counters.ok;
    sim.advanceTo(sec(45));
    expect(sim.state.sidecars['checkout-1']!.connected).toBe(false);
    expect(sim.state.sidecars['checkout-1']!.staleSince).toBeGreaterThanOrEqual(sec(33));
    expect(status(sim, 'checkout-1')).toBeUndefined();
    expect(sim.state.traffic.counters.ok - ok).toBeGreaterThan(500);
    expect(sim.state.traffic.counters.failed).toBe(0);
    sim.command({ kind: 'sidecar.uncut', pod: 'checkout-1' });
    sim.advanceTo(sec(80));
    expect(Object.values(status(sim, 'checkout-1') ?? {}).map((s) => s.status)).toEqual([
      'SYNCED',
      'SYNCED',
      'SYNCED',
      'SYNCED',
    ]);
    expect(sim.state.sidecars['checkout-1']!.xds.RDS.version).toBe(sim.state.istiod.pushVersion);
  }, 30_000);

  it('an early heal delivers the held push without a reconnect', () => {
    const sim = createMesh({ seed: 32 });
    sim.advanceTo(sec(3));
    const streamId = sim.state.sidecars['cart-1']!.streamId;
    sim.command({ kind: 'sidecar.cut', pod: 'cart-1' });
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    sim.advanceTo(sec(8));
    expect(status(sim, 'cart-1')?.RDS.status).toBe('STALE');
    sim.command({ kind: 'sidecar.uncut', pod: 'cart-1' });
    sim.advanceTo(sec(9));
    expect(status(sim, 'cart-1')?.RDS.status).toBe('SYNCED');
    expect(sim.state.sidecars['cart-1']!.streamId).toBe(streamId);
  }, 30_000);
});
