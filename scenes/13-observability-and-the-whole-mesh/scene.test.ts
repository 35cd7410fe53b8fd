import { describe, expect, it } from 'vitest';
import { SECOND } from '../../src/engine/core/time';
import { CHAOS_FAULTS, chaosFault } from '../../src/engine/faults/chaos';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import { accessRecords } from '../../src/engine/mesh/observability';
import type { MeshSim } from '../../src/engine/mesh/types';
import { goldenSignalsByReporter } from '../../src/engine/mesh/views/observe';
import { mysteryView } from '../../src/engine/mesh/views/observeMystery';
import { traceView } from '../../src/engine/mesh/views/observeTrace';
import { Player } from '../../src/runtime/player';
import { abortPrediction, scene13, splitPrediction } from './scene';

/** A player with the setup applied and 12 s of healthy traffic. */
function healthy() {
  const p = new Player(scene13);
  p.goToStep(0);
  return p;
}

const signals = (sim: MeshSim, service: string) =>
  goldenSignalsByReporter(sim, 10).find((s) => s.service === service)!;

/**
 * What each chaos fault leaves in the metrics (which service, which reporter), the trace (a span
 * with the failing status, or the long span) and the access log (the flag and its details).
 */
const EXPECT: Record<
  string,
  {
    service: string;
    metric: (
      src: ReturnType<typeof signals>['source'],
      dst: ReturnType<typeof signals>['destination'],
    ) => boolean;
    log: RegExp;
    trace: (sim: MeshSim) => boolean;
  }
> = {
  'slow-pod': {
    service: 'payments',
    metric: (s, d) => (s.p99Ms ?? 0) > 250 && (d.p99Ms ?? 0) > 250 && s.errorRate === 0,
    log: / 200 - via_upstream .*"10\.\d+\.\d+\.\d+:8080" outbound\|8080\|v1\|payments/,
    trace: (sim) =>
      spans(sim).some(
        (e) => e.pod === 'payments-v1-b' && e.kind === 'server' && e.end - e.start > 300_000,
      ),
  },
  'failing-pod': {
    service: 'payments',
    metric: (s, d) => s.errorRate > 0.2 && d.errorRate > 0.2,
    log: / 503 - via_upstream /,
    trace: (sim) =>
      spans(sim).some((e) => e.pod === 'payments-v1-a' && e.kind === 'server' && e.code === 503),
  },
  'killed-pod': {
    service: 'inventory',
    metric: (s, d) => s.errorRate > 0.9 && d.requests === 0,
    log: / 503 (UH no_healthy_upstream|UF,URX upstream_reset_before_response_started\{remote_connection_failure)/,
    trace: (sim) =>
      spans(sim).some(
        (e) => e.kind === 'client' && e.name.startsWith('inventory.') && e.code === 503,
      ),
  },
  'fault-delay': {
    service: 'inventory',
    metric: (s, d) => (s.p90Ms ?? 0) > 900 && (d.p90Ms ?? 0) < 100,
    log: / 200 DI via_upstream /,
    trace: (sim) =>
      spans(sim).some(
        (e) =>
          e.kind === 'client' && e.name.startsWith('inventory.') && e.end - e.start >= 1_000_000,
      ),
  },
  'fault-abort': {
    service: 'payments',
    metric: (s, d) => s.errorRate > 0.3 && d.errorRate === 0 && d.requests < s.requests,
    log: / 503 FI fault_filter_abort - "-" 0 0 \d+ - .* "payments:8080" "-" outbound\|8080\|v[12]\|payments\.shop\.svc\.cluster\.local - /,
    trace: (sim) =>
      spans(sim).some(
        (e) => e.kind === 'client' && e.name.startsWith('payments.') && e.code === 503,
      ),
  },
  'route-timeout': {
    service: 'payments',
    metric: (s) => s.errorRate > 0.05,
    log: / 504 UT response_timeout /,
    trace: (sim) =>
      spans(sim).some(
        (e) => e.kind === 'client' && e.name.startsWith('payments.') && e.code === 504,
      ),
  },
  'no-route': {
    service: 'inventory',
    metric: (s, d) => s.errorRate > 0.9 && d.requests === 0,
    log: / 404 NR route_not_found /,
    trace: (sim) =>
      spans(sim).some(
        (e) => e.kind === 'client' && e.name.startsWith('inventory.') && e.code === 404,
      ),
  },
  breaker: {
    service: 'payments',
    metric: (s, d) => s.errorRate > 0.2 && d.errorRate === 0,
    log: / 503 UO upstream_reset_before_response_started\{overflow\} /,
    trace: (sim) =>
      spans(sim).some((e) => e.kind === 'client' && e.pod === 'cart-1' && e.code === 503),
  },
  'istiod-down': {
    service: 'payments',
    metric: (s, d) => s.errorRate === 0 && d.errorRate === 0 && s.rps > 5,
    log: / 200 - via_upstream /,
    trace: (sim) => (traceView(sim).traces[0]?.hops ?? 0) >= 5,
  },
  'strict-plaintext': {
    service: 'cart',
    metric: (s, d) => s.requests === 0 && d.requests === 0,
    log: /"- - -" 0 NR filter_chain_not_found /,
    trace: (sim) =>
      spans(sim).filter((e) => e.t > sim.now - 5 * SECOND && e.kind === 'server').length === 0,
  },
};

function spans(sim: MeshSim) {
  return (sim.trace.recent() as MeshTrace[]).filter(
    (e): e is Extract<MeshTrace, { type: 'span' }> => e.type === 'span',
  );
}

describe('scene 13, headless', () => {
  it.each(CHAOS_FAULTS.map((f) => f.id))(
    'chaos fault %s shows up in the metrics, the trace and the access log',
    (id) => {
      const p = healthy();
      const f = chaosFault(id)!;
      for (const c of f.inject) p.sim.command(c);
      p.sim.advanceTo(p.sim.now + 12 * SECOND);
      const x = EXPECT[id]!;
      const g = signals(p.sim, x.service);
      expect(x.metric(g.source, g.destination), JSON.stringify(g)).toBe(true);
      expect(x.trace(p.sim)).toBe(true);
      const lines = accessRecords(p.sim).map((r) => r.line);
      expect(lines.some((l) => x.log.test(l))).toBe(true);
      expect(f.active(p.sim.state)).toBe(true);
      for (const c of f.heal) p.sim.command(c);
      expect(f.active(p.sim.state)).toBe(false);
    },
    60_000,
  );

  it('each call is counted once per reporter: healthy, both reporters agree', () => {
    const p = healthy();
    const t = p.sim.state.traffic.requestsTotal;
    const sum = (r: string) =>
      Object.entries(t)
        .filter(([k]) => k.startsWith(`${r}|`))
        .reduce((a, [, n]) => a + n, 0);
    expect(sum('source')).toBeGreaterThan(400);
    expect(sum('destination')).toBe(sum('source'));
    for (const g of goldenSignalsByReporter(p.sim, 10))
      expect(g.destination.requests).toBe(g.source.requests);
  });

  it('access-log lines follow Istio’s default format, with an x-request-id UUID shared along a forwarded trace', () => {
    const p = healthy();
    const recs = accessRecords(p.sim);
    const line = recs.find((r) => r.side === 'outbound' && r.code === 200)!.line;
    expect(line).toMatch(
      /^\[2026-05-09T18:00:\d\d\.\d{3}Z\] "GET \/ HTTP\/1\.1" 200 - via_upstream - "-" 0 0 \d+ \d+ "-" "-" "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" "\w+:8080" "[\d.]+:8080" outbound\|8080\|\S*\|\w+\.shop\.svc\.cluster\.local [\d.:]+ - [\d.:]+ - default$/,
    );
    const byTrace = new Map<number, Set<string>>();
    for (const r of recs)
      if (r.traceId !== null)
        (byTrace.get(r.traceId) ?? byTrace.set(r.traceId, new Set()).get(r.traceId)!).add(
          r.requestId,
        );
    const joined = [...byTrace.values()].filter((s) => s.size === 1);
    expect(joined.length).toBeGreaterThan(10);
  });

  it('the trace is one tree with forwarded headers and one-hop traces without; the predictions read the run', () => {
    const p = healthy();
    const v = traceView(p.sim);
    expect(v.traces).toHaveLength(1);
    expect(v.traces[0]!.hops).toBe(5);
    expect(v.traces[0]!.spans.map((s) => s.depth)).toEqual([0, 1, 0, 1, 0, 1, 2, 3, 2, 3]);
    expect(v.traces[0]!.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(splitPrediction.answer(p.sim)).toBe('same');
    p.sim.command({ kind: 'tracing.set', forwardHeaders: false });
    p.sim.advanceTo(p.sim.now + 3 * SECOND);
    const after = traceView(p.sim);
    expect(after.traces.length).toBeGreaterThan(1);
    expect(after.traces.every((t) => t.hops === 1 && t.spans.length === 2)).toBe(true);
    expect(splitPrediction.answer(p.sim)).toBe('split');
    const ids = splitPrediction.choices.map((c) => c.id);
    expect(ids).toContain(splitPrediction.answer(p.sim));
    expect(abortPrediction.choices.map((c) => c.id)).toContain('source');
  });

  it('the scene’s steps: the abort is source-only, the failing app is at both reporters, the tree splits', () => {
    const p = new Player(scene13);
    p.goToStep(1);
    expect(abortPrediction.answer(p.sim)).toBe('source');
    p.goToStep(2);
    const pay = signals(p.sim, 'payments');
    expect(pay.destination.errorRate).toBeGreaterThan(0.2);
    p.goToStep(4);
    expect(splitPrediction.answer(p.sim)).toBe('split');
  }, 60_000);

  it('find the cause: the mystery is recorded, replays, never repeats itself, and checks the answer with evidence', () => {
    const p = new Player(scene13);
    p.goToStep(scene13.steps.length - 1);
    const m = p.sim.state.mystery!;
    expect(m.round).toBe(1);
    expect(CHAOS_FAULTS.map((f) => f.id)).toContain(m.fault);
    expect(mysteryView(p.sim)?.fault).toBeNull();
    // The log does not give it away.
    const log = p.sim.state.log;
    const at = log.findIndex((l) => /^Mystery 1: one fault was injected/.test(l.text));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(log.slice(at + 1).filter((l) => l.kind === 'fault')).toEqual([]);
    // The same seed and commands pick the same fault.
    const q = new Player(scene13);
    q.goToStep(scene13.steps.length - 1);
    expect(q.sim.state.mystery!.fault).toBe(m.fault);
    p.sim.advanceTo(p.sim.now + 12 * SECOND);
    const wrong = CHAOS_FAULTS.find((f) => f.id !== m.fault)!.id;
    p.sim.command({ kind: 'mystery.guess', fault: wrong });
    let v = mysteryView(p.sim)!;
    expect(v.solved).toBe(false);
    expect(v.fault).toBe(m.fault);
    expect(v.evidence.length).toBeGreaterThan(0);
    p.sim.command({ kind: 'mystery.guess', fault: m.fault });
    v = mysteryView(p.sim)!;
    expect(v.solved).toBe(true);
    expect(v.guesses.map((g) => g.correct)).toEqual([false, true]);
    // Ten more mysteries: never the same fault twice in a row, and only one fault active each time.
    let prev = m.fault;
    const seen = new Set([prev]);
    for (let k = 0; k < 10; k++) {
      p.sim.command({ kind: 'mystery.inject' });
      p.sim.advanceTo(p.sim.now + 2 * SECOND);
      const f = p.sim.state.mystery!.fault;
      expect(f).not.toBe(prev);
      const active = CHAOS_FAULTS.filter((x) => x.active(p.sim.state)).map((x) => x.id);
      expect(active).toEqual([f]);
      seen.add(f);
      prev = f;
    }
    expect(seen.size).toBeGreaterThan(4);
  }, 120_000);
});
