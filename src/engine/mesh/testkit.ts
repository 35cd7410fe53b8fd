/**
 * Helpers for the mesh's tests: random command schedules (fast-check arbitraries) and checks.
 * Not used by the model itself.
 */
import fc from 'fast-check';
import { CAST, type MeshCommand } from './contract';

/** A command the fuzzers may apply. */
export const commandArb: fc.Arbitrary<MeshCommand> = fc.oneof(
  fc.constant<MeshCommand>({ kind: 'istiod.kill' }),
  fc.constant<MeshCommand>({ kind: 'istiod.restore' }),
  fc.constantFrom(...CAST).map((pod): MeshCommand => ({ kind: 'pod.kill', pod })),
  fc.constantFrom(...CAST).map((pod): MeshCommand => ({ kind: 'pod.restore', pod })),
  fc
    .record({ pod: fc.constantFrom(...CAST), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map((r): MeshCommand => ({ kind: 'pod.fail', ...r })),
  fc
    .record({ pod: fc.constantFrom(...CAST), extraMs: fc.integer({ min: 0, max: 300 }) })
    .map((r): MeshCommand => ({ kind: 'pod.slow', ...r })),
  fc.constantFrom(...CAST).map((pod): MeshCommand => ({ kind: 'sidecar.cut', pod })),
  fc.constantFrom(...CAST).map((pod): MeshCommand => ({ kind: 'sidecar.uncut', pod })),
  fc
    .record({ v1: fc.integer({ min: 0, max: 100 }), v2: fc.integer({ min: 0, max: 100 }) })
    .map((r): MeshCommand => ({ kind: 'canary.weights', ...r })),
  fc.constantFrom(...CAST).map((pod): MeshCommand => ({ kind: 'config.pushBad', pod })),
  fc.constant<MeshCommand>({ kind: 'config.revertBad' }),
  fc.constant<MeshCommand>({ kind: 'ca.stop' }),
  fc.constant<MeshCommand>({ kind: 'ca.start' }),
  fc
    .integer({ min: 0, max: 30 })
    .map((perEdgeRps): MeshCommand => ({ kind: 'traffic.rate', perEdgeRps })),
  fc
    .integer({ min: 0, max: 4 })
    .map((replicas): MeshCommand => ({ kind: 'service.scale', service: 'payments', replicas })),
  fc
    .record({ pod: fc.constantFrom(...CAST), injected: fc.boolean() })
    .map((r): MeshCommand => ({ kind: 'pod.inject', ...r })),
  fc
    .record({
      from: fc.constantFrom(...CAST),
      service: fc.constantFrom('payments', 'cart'),
      count: fc.integer({ min: 0, max: 60 }),
    })
    .map((r): MeshCommand => ({ kind: 'traffic.send', ...r })),
);

/** A schedule: commands with the simulated milliseconds to run after each. */
export const scheduleArb = fc.array(
  fc.record({ command: commandArb, afterMs: fc.integer({ min: 0, max: 4000 }) }),
  { maxLength: 12 },
);

/** Chi-square statistic of observed counts against expected shares. */
export function chiSquare(observed: readonly number[], shares: readonly number[]): number {
  const n = observed.reduce((a, b) => a + b, 0);
  let x = 0;
  observed.forEach((o, i) => {
    const e = n * (shares[i] ?? 0);
    x += ((o - e) * (o - e)) / e;
  });
  return x;
}
