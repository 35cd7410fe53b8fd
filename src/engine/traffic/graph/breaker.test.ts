/**
 * Circuit breaking in the call graph (scene 8, docs/fidelity.md §4.6): a fortio-like client trips
 * `maxConnections: 1` / `http1MaxPendingRequests: 1` as Istio's circuit-breaking task does. A 503
 * UO appears exactly when a limit is exceeded; a pending request really waits for a connection;
 * max_retries turns a retry into a UO-flagged response.
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import type { MeshTrace, MeshTraceOf } from '../../mesh/contract';
import { loadView, poolView } from '../../mesh/views';
import { dr, graphMesh, vs } from './testkit';

const CART = 'outbound|8080||cart.shop.svc.cluster.local';
const POOL_1_1 =
  'connectionPool:\n  tcp:\n    maxConnections: 1\n  http:\n    http1MaxPendingRequests: 1';

function fortio(c: number, n: number, policy = POOL_1_1) {
  const sim = graphMesh(31, { userRps: 0, detail: true }, dr('cart', policy));
  const seen: MeshTrace[] = [];
  sim.trace.subscribe((e) => {
    if (e.type === 'pool.admit' || e.type === 'pool.overflow' || e.type === 'request.done')
      seen.push(e);
  });
  sim.command({
    kind: 'load.start',
    from: 'web-1',
    service: 'cart',
    connections: c,
    qps: 0,
    requests: n,
  });
  sim.advanceTo(sim.now + sec(5));
  const of = <K extends MeshTrace['type']>(k: K) =>
    seen.filter((e): e is MeshTraceOf<K> => e.type === k);
  return {
    sim,
    admits: of('pool.admit'),
    overflows: of('pool.overflow'),
    done: of('request.done'),
  };
}

describe('circuit breaking (call graph)', () => {
  it('fortio -c 1 stays within maxConnections 1 / http1MaxPendingRequests 1: no UO', () => {
    const { sim, overflows, done } = fortio(1, 50);
    expect(loadView(sim)?.byCode).toEqual({ '200': 50 });
    expect(overflows).toHaveLength(0);
    expect(done.filter((d) => d.flags.includes('UO'))).toHaveLength(0);
  }, 30_000);

  it('fortio -c 2 and -c 3: every 503 UO is a request that found max_pending_requests reached; admitted requests never exceed a limit', () => {
    for (const c of [2, 3]) {
      const { sim, admits, overflows, done } = fortio(c, 30 * c);
      const uo = done.filter((d) => d.flags === 'UO');
      expect(uo.length).toBeGreaterThan(0);
      expect(uo.every((d) => d.code === 503)).toBe(true);
      const rejected = overflows.filter((o) => o.result === '503 UO');
      expect(rejected.map((o) => o.id).sort()).toEqual(uo.map((d) => d.id).sort());
      for (const o of rejected) {
        expect(o.limit).toBe('max_pending_requests');
        expect(o.current).toBe(o.threshold);
      }
      // Every admitted request: at most 1 pending after it, at most 1 connection.
      for (const a of admits) {
        expect(a.pending).toBeLessThanOrEqual(1);
        expect(a.connections).toBeLessThanOrEqual(1);
      }
      // A connection at the limit only makes the request wait (upstream_cx_overflow), never fail.
      expect(
        overflows.filter((o) => o.limit === 'max_connections').every((o) => o.result === 'queued'),
      ).toBe(true);
      const v = poolView(sim, 'web-1', CART);
      expect(v.overflow.max_pending_requests).toBe(uo.length);
      expect(loadView(sim)?.done).toBe(30 * c);
    }
  }, 30_000);

  it('Istio’s circuit-breaking task (maxRequestsPerConnection 1 too): -c 1 all 200; -c 2 some 503; -c 3 a larger share; no connection carries two requests', () => {
    const task = `${POOL_1_1}\n    maxRequestsPerConnection: 1`;
    const share503 = (c: number, n: number): number => {
      const { sim, admits } = fortio(c, n, task);
      expect(admits.filter((a) => a.decision === 'reuse')).toHaveLength(0);
      const v = loadView(sim);
      return (v?.byCode['503'] ?? 0) / (v?.done ?? 1);
    };
    expect(share503(1, 20)).toBe(0);
    const two = share503(2, 20);
    const three = share503(3, 30);
    expect(two).toBeGreaterThan(0);
    expect(two).toBeLessThan(0.5);
    expect(three).toBeGreaterThan(two);
  }, 30_000);

  it('a pending request really waits for the connection: with 3 pending allowed, fortio -c 3 gets no UO, one request at a time reaches cart-1, and dequeued requests waited', () => {
    const { sim, admits } = fortio(
      3,
      60,
      'connectionPool:\n  tcp:\n    maxConnections: 1\n  http:\n    http1MaxPendingRequests: 3',
    );
    expect(loadView(sim)?.byCode).toEqual({ '200': 60 });
    const dequeued = admits.filter((a) => a.decision === 'dequeue');
    expect(dequeued.length).toBeGreaterThan(40);
    expect(dequeued.every((a) => (a.waitedMs ?? 0) > 0)).toBe(true);
    for (const a of admits) expect(a.active).toBeLessThanOrEqual(1);
  }, 30_000);

  it('max_retries: with maxRetries 1 and many failing calls at once, extra retries are not sent and the 503 returns with UO', () => {
    const sim = graphMesh(
      32,
      { userRps: 200, detail: true },
      `${vs('payments', { attempts: 2, retryOn: '5xx' })}---\n${dr('payments', 'connectionPool:\n  http:\n    maxRetries: 1')}`,
    );
    sim.command({ kind: 'service.fail', service: 'payments', share: 0.6 });
    const over: MeshTraceOf<'pool.overflow'>[] = [];
    const flags = new Map<string, number>();
    sim.trace.subscribe((e) => {
      if (e.type === 'pool.overflow') over.push(e);
      if (e.type === 'request.done' && e.from === 'checkout-1')
        flags.set(e.flags, (flags.get(e.flags) ?? 0) + 1);
    });
    sim.advanceTo(sim.now + sec(5));
    expect(over.length).toBeGreaterThan(0);
    for (const o of over) {
      expect(o.limit).toBe('max_retries');
      expect(o.result).toBe('not retried');
      expect(o.current).toBeGreaterThanOrEqual(1);
    }
    expect(flags.get('UO')).toBe(over.length);
  }, 30_000);
});
