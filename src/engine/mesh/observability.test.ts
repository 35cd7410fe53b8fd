import { describe, expect, it } from 'vitest';
import { sec } from '../core/time';
import { createMesh } from './create';
import { accessLog, goldenSignals } from './observability';

describe('observability read-outs', () => {
  it('golden signals per service and access-log lines with response flags', () => {
    const sim = createMesh({ seed: 21, perEdgeRps: 10 });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'pod.kill', pod: 'inventory-1' });
    sim.advanceTo(sec(12));
    const g = goldenSignals(sim);
    expect(g.map((s) => s.service)).toEqual([
      'cart',
      'catalog',
      'checkout',
      'inventory',
      'payments',
    ]);
    const inv = g.find((s) => s.service === 'inventory')!;
    expect(inv.errorRate).toBeGreaterThan(0.8);
    expect(g.find((s) => s.service === 'payments')!.p50Ms).toBeGreaterThan(0);
    const lines = accessLog(sim, 'checkout-1', 50);
    expect(lines.length).toBe(50);
    expect(lines.some((l) => / 503 UH no_healthy_upstream /.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        / 200 - via_upstream .*outbound\|8080\|v[12]\|payments\.shop\.svc\.cluster\.local/.test(l),
      ),
    ).toBe(true);
    expect(lines[0]).toMatch(/^\[2026-05-09T18:00:\d\d\.\d{3}Z\] "GET \/ HTTP\/1\.1" /);
  });
});
