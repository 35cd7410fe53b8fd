import type { MeshTrace, MeshTraceOf } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** The payments cluster of this scene's route: all three pods, no subset. */
export const PAYMENTS_ALL = 'outbound|8080||payments.shop.svc.cluster.local';

type Pick = MeshTraceOf<'lb.pick'>;

/** A pick for a payments call with `policy` (the scene's panels follow payments calls only) [1]. */
export const paymentsPick =
  (policy?: string) =>
  (e: MeshTrace): e is Pick =>
    e.type === 'lb.pick' && e.cluster === PAYMENTS_ALL && (!policy || e.policy === policy);

/** LEAST_REQUEST's second draw won: it had strictly fewer active requests than the first. */
export const secondWins = (e: Pick): boolean => {
  const [a, b] = e.sampled ?? [];
  const n = (h: string | undefined) => e.hosts.find((x) => x.host === h)?.active ?? 0;
  return a !== undefined && b !== undefined && e.chosen === b && n(b) < n(a);
};

const lr = paymentsPick('LEAST_REQUEST');

/** LeastRequest.pick — the line that decided each pick; unlit while another policy picks [2]. */
export const leastRequestMachine = anchorTable<MeshTrace>({
  id: 'leastRequestPick',
  initial: null,
  on: {
    'lb.pick': [
      { to: 'second', when: (e) => lr(e) && secondWins(e) },
      { to: 'first', when: lr },
      { to: 'other', when: paymentsPick() },
    ],
  },
  dark: ['other'],
});

/** RoundRobin.pick — every ROUND_ROBIN pick takes the next pod; unlit under another policy. */
export const roundRobinMachine = anchorTable<MeshTrace>({
  id: 'roundRobinPick',
  initial: null,
  on: {
    'lb.pick': [
      { to: 'next', when: paymentsPick('ROUND_ROBIN') },
      { to: 'other', when: paymentsPick() },
    ],
  },
  dark: ['other'],
});

// [1] checkout-1 also picks for inventory (one pod, nothing to choose): those picks move nothing.
// [2] The DestinationRule changes the payments cluster's lb_policy (CDS): the panel of the policy
//     no longer in force has no line running.
