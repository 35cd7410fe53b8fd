import { PRESETS } from '../../src/engine/config/presets';
import type { MeshCommand } from '../../src/engine/mesh/contract';
import type { Knob } from '../../src/ui/graph/plotRuns';

/** The pod this scene slows down, and by how much. */
export const SLOW_POD = 'payments-v1-b';
export const SLOW_MS = 200;
/** User requests per second at web-1 (each makes one payments call through checkout-1). */
export const USER_RPS = 50;

/** The load-balancing policies the scene switches between, each a DestinationRule. */
export const POLICIES = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RING_HASH'] as const;
export type Policy = (typeof POLICIES)[number];
export const POLICY_YAML: Record<Policy, string> = {
  ROUND_ROBIN: PRESETS['lb-round-robin'],
  LEAST_REQUEST: PRESETS['lb-least-request'],
  RING_HASH: PRESETS['lb-ring-hash'],
};

/** The policy a command applies (null: the command sets none). */
export function policyOf(c: MeshCommand): Policy | 'custom DestinationRule' | null {
  if (c.kind !== 'config.apply') return null;
  const p = POLICIES.find((x) => POLICY_YAML[x] === c.yaml);
  if (p) return p;
  return /kind:\s*DestinationRule/.test(c.yaml) ? 'custom DestinationRule' : null;
}

/** What a run of the plot was measured under: the policy, the slow pod, the user rate [1]. */
export const KNOBS: Knob<MeshCommand>[] = [
  { id: 'policy', initial: 'LEAST_REQUEST', read: policyOf },
  {
    id: 'slow',
    initial: 'all pods healthy',
    read: (c) =>
      c.kind === 'pod.slow' && c.pod === SLOW_POD
        ? c.extraMs > 0
          ? `v1-b +${c.extraMs} ms`
          : 'all pods healthy'
        : null,
  },
  {
    id: 'users',
    initial: `${USER_RPS} users/s`,
    read: (c) => (c.kind === 'traffic.users' ? `${c.rps} users/s` : null),
  },
];

// [1] Read back from the input log for each statistics window (src/ui/graph/plotRuns.ts).
