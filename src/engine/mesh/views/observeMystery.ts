/**
 * Scene 13's "find the cause": the state of the current mystery and, once the learner has
 * answered, the evidence — sentences with this run's numbers from the golden signals (both
 * reporters) and the access log's response flags that single out the injected fault.
 */
import { chaosFault } from '../../faults/chaos';
import { accessRecords, type TracedSource } from '../observability';
import { goldenSignalsByReporter, type ReporterSignals } from './observe';

export interface MysteryView {
  round: number;
  /** The learner's answers so far (newest last). */
  guesses: { guess: string; label: string; correct: boolean }[];
  solved: boolean;
  /** Revealed once the learner has answered. */
  fault: string | null;
  label: string | null;
  evidence: string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const msOf = (x: number | null): string => (x === null ? 'no data' : `${Math.round(x)} ms`);
const rate = (r: ReporterSignals): string => `${r.rps.toFixed(1)}/s`;

/** The outbound log's flags for calls to `service` in the window: "503 UH × 40". */
function flagsFor(sim: TracedSource, service: string): string {
  const n = new Map<string, number>();
  for (const r of accessRecords(sim)) {
    if (
      r.side !== 'outbound' ||
      (sim.state.pods[r.peer]?.service !== service && r.peer !== service)
    )
      continue;
    if (r.flags === '-' && r.code < 400 && r.code !== 0) continue;
    const k = `${r.code} ${r.flags} ${r.details}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  const top = [...n.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
  return top.length ? top.map(([k, c]) => `“${k}” × ${c}`).join(', ') : 'no failed lines';
}

/** What the signals show for `fault` now (this run's numbers). */
export function evidenceFor(sim: TracedSource, fault: string): string[] {
  const g = goldenSignalsByReporter(sim, 10);
  const of = (s: string) => g.find((x) => x.service === s);
  const pay = of('payments');
  const inv = of('inventory');
  if (!pay || !inv) return [];
  switch (fault) {
    case 'slow-pod':
      return [
        `payments p99 is ${msOf(pay.source.p99Ms)} at the source reporter and ${msOf(pay.destination.p99Ms)} at the destination reporter — the time is spent inside payments, and nothing fails.`,
        'In the trace, the long server span is in payments-v1-b.',
      ];
    case 'failing-pod':
      return [
        `payments errors: ${pct(pay.source.errorRate)} at the source reporter and ${pct(pay.destination.errorRate)} at the destination reporter — the callee’s own sidecar saw them, so the app answered them.`,
        `Access log: ${flagsFor(sim, 'payments')} — no response flag: the 503 came from upstream.`,
      ];
    case 'killed-pod':
      return [
        `inventory: the source reporter counts ${rate(inv.source)} with ${pct(inv.source.errorRate)} errors, the destination reporter ${rate(inv.destination)} — no inventory sidecar answers.`,
        `Access log: ${flagsFor(sim, 'inventory')}.`,
      ];
    case 'fault-delay':
      return [
        `inventory p90: ${msOf(inv.source.p90Ms)} at the source reporter, ${msOf(inv.destination.p90Ms)} at the destination reporter — the delay is added in the caller’s sidecar, before the call leaves.`,
        'Access log: flag DI (delay injected) on the slow calls.',
      ];
    case 'fault-abort':
      return [
        `payments errors: ${pct(pay.source.errorRate)} at the source reporter, ${pct(pay.destination.errorRate)} at the destination reporter, which also counts fewer requests (${rate(pay.destination)} against ${rate(pay.source)}).`,
        `Access log: ${flagsFor(sim, 'payments')} — the caller’s Envoy answered itself.`,
      ];
    case 'route-timeout':
      return [
        `payments errors: ${pct(pay.source.errorRate)} at the source reporter; the slow tail is cut at the timeout.`,
        `Access log: ${flagsFor(sim, 'payments')}; the payments pod’s inbound line for the same request says DC: the caller hung up.`,
      ];
    case 'no-route':
      return [
        `inventory: ${pct(inv.source.errorRate)} errors at the source reporter, ${rate(inv.destination)} at the destination reporter — the calls never left checkout-1.`,
        `Access log: ${flagsFor(sim, 'inventory')}.`,
      ];
    case 'breaker':
      return [
        `payments: ${rate(pay.source)} at the source reporter with ${pct(pay.source.errorRate)} errors; the destination reporter sees ${pct(pay.destination.errorRate)} errors — the callers’ own pools refused the calls.`,
        `Access log: ${flagsFor(sim, 'payments')}.`,
      ];
    case 'istiod-down':
      return [
        `Every service still answers: payments ${rate(pay.source)} with ${pct(pay.source.errorRate)} errors. The control plane is not on the request path, so no data-plane signal shows it.`,
        'Only the diagram (Istiod down, sidecars stale) and proxy-status tell.',
      ];
    case 'strict-plaintext':
      return [
        `Every rate fell to zero at both reporters (payments ${rate(pay.source)} / ${rate(pay.destination)}): web-1 has no sidecar, so nothing reports its calls as a source, and STRICT mTLS refuses its plaintext connections.`,
        'The callee’s inbound access log shows “0 NR filter_chain_not_found” for them.',
      ];
  }
  return [];
}

/** The current mystery (null before the first). */
export function mysteryView(sim: TracedSource): MysteryView | null {
  const m = sim.state.mystery;
  if (!m) return null;
  const solved = m.guesses.some((g) => g.correct);
  const answered = m.guesses.length > 0;
  return {
    round: m.round,
    guesses: m.guesses.map((g) => ({ ...g, label: chaosFault(g.guess)?.label ?? g.guess })),
    solved,
    fault: answered ? m.fault : null,
    label: answered ? (chaosFault(m.fault)?.label ?? m.fault) : null,
    evidence: answered ? evidenceFor(sim, m.fault) : [],
  };
}
