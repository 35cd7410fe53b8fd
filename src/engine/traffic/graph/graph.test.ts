/**
 * The dependent call graph: each user request at web-1 makes exactly the plan's calls (cart and
 * catalog in parallel, then checkout; checkout calls inventory, then payments); failures travel
 * up as the status each caller's Envoy returns; route and per-try timeouts apply at every hop;
 * runs are deterministic and seekable; the pools' counters always match the requests in flight,
 * whatever faults happen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../core/time';
import type { MeshCommand, MeshTraceOf } from '../../mesh/contract';
import { commandArb } from '../../mesh/testkit';
import { windowSummary } from '../../mesh/views';
import { poolProblem } from './invariants';
import { dr, graphMesh, runUsers, vs } from './testkit';

type Done = MeshTraceOf<'request.done'>;
const edge = (d: Done): string => `${d.from}→${d.cluster.split('|')[3]?.split('.')[0] ?? ''}`;

function collect(sim: ReturnType<typeof graphMesh>): {
  done: Done[];
  spans: MeshTraceOf<'span'>[];
} {
  const done: Done[] = [];
  const spans: MeshTraceOf<'span'>[] = [];
  sim.trace.subscribe((e) => {
    if (e.type === 'request.done') done.push(e);
    if (e.type === 'span' && e.kind === 'client') spans.push(e);
  });
  return { done, spans };
}

describe('the call graph', () => {
  it('each user request makes one call per edge; web calls cart and catalog together, then checkout; checkout calls inventory, then payments', () => {
    const sim = graphMesh(51, { userRps: 0 });
    sim.command({ kind: 'tracing.set', samplingPercent: 100 });
    const { done, spans } = collect(sim);
    sim.command({ kind: 'traffic.users', rps: 50 });
    runUsers(sim, 300);
    const byEdge = new Map<string, number>();
    for (const d of done) byEdge.set(edge(d), (byEdge.get(edge(d)) ?? 0) + 1);
    expect(Object.fromEntries(byEdge)).toEqual({
      'web-1→cart': 300,
      'web-1→catalog': 300,
      'web-1→checkout': 300,
      'checkout-1→inventory': 300,
      'checkout-1→payments': 300,
    });
    expect(windowSummary(sim)?.users.successRate).toBe(1);
    // Spans of one trace: cart and catalog overlap, checkout starts after both ended; payments
    // starts after inventory ended.
    const byTrace = new Map<number, Map<string, MeshTraceOf<'span'>>>();
    for (const s of spans) {
      const m = byTrace.get(s.traceId) ?? new Map<string, MeshTraceOf<'span'>>();
      m.set(s.name.split('.')[0] ?? '', s);
      byTrace.set(s.traceId, m);
    }
    expect(byTrace.size).toBe(300);
    for (const m of byTrace.values()) {
      const [cart, catalog, checkout, inventory, payments] = [
        'cart',
        'catalog',
        'checkout',
        'inventory',
        'payments',
      ].map((n) => m.get(n));
      if (!cart || !catalog || !checkout || !inventory || !payments)
        throw new Error('span missing');
      expect(cart.start).toBe(catalog.start);
      expect(checkout.start).toBeGreaterThanOrEqual(Math.max(cart.end, catalog.end));
      expect(payments.start).toBeGreaterThanOrEqual(inventory.end);
      expect(checkout.end).toBeGreaterThan(payments.end);
      expect(payments.parentId).toBe(checkout.spanId + 1);
    }
  }, 60_000);

  it('a failure travels up: payments answers 503 → checkout’s Envoy returns 503 → checkout answers 503 → web’s call fails → the user gets 503; no payments pod left → 503 UH at checkout', () => {
    const sim = graphMesh(52, { userRps: 0 });
    const { done } = collect(sim);
    sim.command({ kind: 'service.fail', service: 'payments', share: 1 });
    sim.command({ kind: 'traffic.mark' });
    sim.command({ kind: 'traffic.users', rps: 50 });
    runUsers(sim, 100);
    const codes = (e: string): string[] => [
      ...new Set(done.filter((d) => edge(d) === e).map((d) => `${d.code} ${d.flags}`)),
    ];
    expect(codes('checkout-1→payments')).toEqual(['503 -']);
    expect(codes('web-1→checkout')).toEqual(['503 -']);
    expect(codes('web-1→cart')).toEqual(['200 -']);
    expect(windowSummary(sim)?.users.successRate).toBe(0);
    expect(sim.state.traffic.graph?.window.users.byCode).toEqual({ '503': 100 });
    done.length = 0;
    sim.command({ kind: 'service.scale', service: 'payments', replicas: 0 });
    sim.advanceTo(sim.now + sec(1));
    sim.command({ kind: 'traffic.users', rps: 50 });
    sim.advanceTo(sim.now + sec(2));
    expect(codes('checkout-1→payments')).toContain('503 UH');
  }, 60_000);

  it('timeouts at every hop: a per-try timeout at checkout→payments is retried on another host (gateway-error); a route timeout at web→checkout answers 504 UT to web', () => {
    const sim = graphMesh(
      53,
      { userRps: 0, detail: true },
      `${vs('payments', { attempts: 2, retryOn: 'gateway-error', perTry: '50ms' })}---\n${vs('checkout', { timeout: '300ms' })}`,
    );
    const { done } = collect(sim);
    const attempts: MeshTraceOf<'attempt.done'>[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'attempt.done') attempts.push(e);
    });
    sim.command({ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 120 });
    sim.command({ kind: 'traffic.users', rps: 40 });
    sim.advanceTo(sim.now + sec(5));
    const slow = attempts.filter((a) => a.host === 'payments-v1-b');
    expect(slow.length).toBeGreaterThan(20);
    for (const a of slow) {
      expect([a.code, a.flags, a.decision]).toEqual([504, 'UT', 'retry']);
      expect(a.backoffMs).toBeGreaterThanOrEqual(0);
    }
    expect(done.filter((d) => edge(d) === 'checkout-1→payments').every((d) => d.code === 200)).toBe(
      true,
    );
    // Now checkout itself is slow: the route timeout of web → checkout fires first.
    done.length = 0;
    sim.command({ kind: 'pod.slow', pod: 'checkout-1', extraMs: 400 });
    sim.advanceTo(sim.now + sec(3));
    const web = done.filter((d) => edge(d) === 'web-1→checkout' && d.t > sim.now - sec(2));
    expect(web.length).toBeGreaterThan(20);
    for (const d of web) {
      expect([d.code, d.flags]).toEqual([504, 'UT']);
      expect(d.t - d.start).toBe(ms(300));
    }
  }, 60_000);

  it('same seed and commands give the same trace; seek lands on the state a fresh run reaches', () => {
    const make = () => {
      const sim = graphMesh(
        54,
        { userRps: 80, detail: true },
        dr('cart', 'connectionPool:\n  tcp:\n    maxConnections: 2'),
      );
      sim.command({ kind: 'service.fail', service: 'payments', share: 0.2 });
      sim.command({
        kind: 'load.start',
        from: 'web-1',
        service: 'cart',
        connections: 3,
        qps: 50,
        requests: 100,
      });
      sim.advanceTo(sec(6));
      return sim;
    };
    const a = make();
    const b = make();
    expect(a.trace.digest()).toBe(b.trace.digest());
    expect(a.stateHash()).toBe(b.stateHash());
    const at4 = createAt(sec(4));
    a.seek(sec(4));
    expect(a.stateHash()).toBe(at4);
    function createAt(t: number): string {
      const c = graphMesh(
        54,
        { userRps: 80, detail: true },
        dr('cart', 'connectionPool:\n  tcp:\n    maxConnections: 2'),
      );
      c.command({ kind: 'service.fail', service: 'payments', share: 0.2 });
      c.command({
        kind: 'load.start',
        from: 'web-1',
        service: 'cart',
        connections: 3,
        qps: 50,
        requests: 100,
      });
      c.advanceTo(t);
      return c.stateHash();
    }
  }, 60_000);

  it('under random faults the pools’ counters match the requests in flight, and everything drains when users stop', () => {
    const graphCmd: fc.Arbitrary<MeshCommand> = fc.oneof(
      commandArb,
      fc
        .record({ share: fc.double({ min: 0, max: 1, noNaN: true }) })
        .map((r): MeshCommand => ({ kind: 'service.fail', service: 'payments', share: r.share })),
      fc.integer({ min: 1, max: 4 }).map((c): MeshCommand => ({
        kind: 'load.start',
        from: 'web-1',
        service: 'payments',
        connections: c,
        qps: 0,
        requests: 40,
      })),
    );
    const yaml = `${vs('payments', { attempts: 2, retryOn: '5xx,reset', perTry: '80ms' })}---\n${dr(
      'payments',
      'connectionPool:\n  tcp:\n    maxConnections: 2\n  http:\n    http1MaxPendingRequests: 2\n    maxRetries: 2\noutlierDetection:\n  consecutive5xxErrors: 2\n  interval: 1s\n  baseEjectionTime: 2s\n  maxEjectionPercent: 50',
    )}`;
    fc.assert(
      fc.property(
        fc.array(fc.record({ command: graphCmd, afterMs: fc.integer({ min: 0, max: 1500 }) }), {
          maxLength: 8,
        }),
        (schedule) => {
          const sim = graphMesh(55, { userRps: 60, workers: 8 }, yaml);
          for (const { command, afterMs } of schedule) {
            sim.command(command);
            sim.advanceTo(sim.now + ms(afterMs));
            expect(poolProblem(sim)).toBeNull();
          }
          sim.command({ kind: 'traffic.users', rps: 0 });
          sim.command({ kind: 'load.stop' });
          sim.advanceTo(sim.now + sec(30));
          expect(poolProblem(sim)).toBeNull();
          expect(Object.keys(sim.state.traffic.requests)).toEqual([]);
          expect(Object.keys(sim.state.traffic.graph?.jobs ?? {})).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  }, 120_000);
});
