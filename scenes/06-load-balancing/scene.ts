import { PRESETS } from '../../src/engine/config/presets';
import type { MeshCommand, MeshTrace } from '../../src/engine/mesh/contract';
import { CAST } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { hopPolicy, windowSummary, type MeshSource } from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { leastRequestMachine, paymentsPick, roundRobinMachine, secondWins } from './machines';
import { meta } from './meta';
import { slowPodShare } from './predict';
import { POLICIES, POLICY_YAML, SLOW_MS, SLOW_POD, USER_RPS, type Policy } from './runs';
import leastRequestSrc from './snippets/leastRequest.py?raw';
import roundRobinSrc from './snippets/roundRobin.py?raw';

const CALLER = 'checkout-1';
const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
const mark = (label: string): MeshCommand => ({ kind: 'traffic.mark', label });
const slow = (extraMs: number): MeshCommand => ({ kind: 'pod.slow', pod: SLOW_POD, extraMs });
/** A payments pick by checkout-1's Envoy under `policy` that `also` accepts. */
const pick =
  (policy: Policy, also: (e: Extract<MeshTrace, { type: 'lb.pick' }>) => boolean = () => true) =>
  (e: MeshTrace) =>
    paymentsPick(policy)(e) && e.pod === CALLER && also(e);
/** Calls to payments finished in the current run (statistics window). */
const calls = (n: number) => (sim: MeshSource) =>
  (windowSummary(sim, 'payments')?.service.calls.done ?? 0) >= n;
/** The slow pod is slow (a learner may have healed it). */
const slowed = (sim: MeshSource): MeshCommand[] =>
  (sim.state.pods[SLOW_POD]?.extraMs ?? 0) > 0 ? [] : [slow(SLOW_MS)];
/** The policy checkout-1's Envoy uses for payments now (its active CDS). */
export const policyNow = (sim: MeshSource): string | null =>
  hopPolicy(sim, CALLER, 'payments')?.lbPolicy ?? null;
/** The policy of the payments DestinationRule the API server stored (a refused edit changes nothing). */
const storedPolicy = (sim: MeshSource): Policy => {
  const lb = sim.state.config.destinationRules.find((d) => d.metadata.name === 'payments')?.spec
    .trafficPolicy?.loadBalancer;
  if (lb?.consistentHash) return 'RING_HASH';
  return lb?.simple === 'ROUND_ROBIN' ? 'ROUND_ROBIN' : 'LEAST_REQUEST';
};
/** The scene's calls per run: at 50 users/s, about ten seconds of calls. */
const RUN = 500;

/** Scene 6 as data: one cluster of three payments pods, one slow, three load-balancing policies. */
export const scene6 = defineScene(meshSceneModel)({
  meta,
  // [1] The call graph: users at web-1, checkout-1 calls payments once per user request; each
  //     app works on at most 4 requests at once, so a slow pod builds a queue under load.
  setup: {
    seed: 42,
    options: { traffic: { mode: 'graph', userRps: USER_RPS, detail: true, workers: 4 } },
    commands: [apply(PRESETS['payments-all-pods'])],
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: CALLER,
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Users call web-1 50 times a second; every request makes checkout-1 call payments once. This scene routes all payments calls to one cluster, outbound|8080||payments.shop.svc.cluster.local, with the three pods as endpoints. checkout-1’s Envoy picks a pod for each call with Istio’s default, LEAST_REQUEST: it draws two pods at random and keeps the one with fewer requests in flight — here the second draw had fewer. The plot’s first row measures the healthy pods (the step waits for 250 calls).',
      highlights: { lr: 'second' },
      waitFor: {
        type: 'lb.pick',
        where: pick('LEAST_REQUEST', secondWins),
        until: calls(RUN / 2),
      },
    },
    {
      caption:
        'Make payments-v1-b slow: 200 ms more per request. Its 4 workers stay busy, so its requests in flight pile up in checkout-1’s Envoy — and least request sees it: v1-b loses almost every draw against another pod, and still gets a call when both draws land on it (1 in 9). The plot’s new row measures calls to payments from now (the step waits for 500 calls).',
      predict: slowPodShare,
      highlights: { lr: 'second' },
      ensure: slowed,
      commands: [mark('LEAST_REQUEST')],
      waitFor: {
        type: 'lb.pick',
        where: pick('LEAST_REQUEST', (e) => e.sampled?.[0] === SLOW_POD && secondWins(e)),
        until: calls(RUN),
      },
    },
    {
      caption:
        'Switch to ROUND_ROBIN, Envoy’s own default. The DestinationRule’s loadBalancer compiles into the payments cluster’s lb_policy, so Istiod pushes CDS; the step stops at the first round-robin pick checkout-1’s Envoy makes with the new cluster.',
      highlights: { rr: 'next' },
      ensure: slowed,
      commands: [apply(POLICY_YAML.ROUND_ROBIN), mark('')],
      waitFor: { type: 'lb.pick', where: pick('ROUND_ROBIN') },
    },
    {
      caption:
        'Round robin gives every pod its turn, whatever it is doing: payments-v1-b still gets a third of the calls, its workers cannot keep up at that rate, and calls wait in its queue. Compare the new row with the LEAST_REQUEST one: the median changes little, the tail (p90, p99) grows.',
      highlights: { rr: 'next' },
      ensure: slowed,
      commands: [mark('ROUND_ROBIN')],
      waitFor: {
        type: 'lb.pick',
        where: pick('ROUND_ROBIN', (e) => e.chosen === SLOW_POD),
        until: calls(RUN),
      },
    },
    {
      caption:
        'Now ring hash: a DestinationRule consistentHash on the x-user header makes the cluster RING_HASH, and every route to it hashes that header. Each user lands on the same pod every time — neither panel’s code runs now; the line under the diagram shows the hash.',
      highlights: {},
      ensure: slowed,
      commands: [apply(POLICY_YAML.RING_HASH), mark('')],
      waitFor: { type: 'lb.pick', where: pick('RING_HASH') },
    },
    {
      caption:
        'Sticky is blind to load: the users whose key hashes to payments-v1-b are slow on every request, however busy it is. Least request is the policy that looks at the pods — which is why Istio made it the default in 1.14. Try the controls: heal the pod or change the load, and start a new row under the plot.',
      highlights: {},
      ensure: slowed,
      commands: [mark('RING_HASH')],
      waitFor: {
        type: 'lb.pick',
        where: pick('RING_HASH', (e) => e.chosen === SLOW_POD),
        until: calls(RUN),
      },
    },
  ],
  panels: [
    {
      id: 'lr',
      title: 'LeastRequest.pick',
      subtitle: 'two random draws, the one with fewer requests in flight',
      source: leastRequestSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar, calls to payments`,
      machine: leastRequestMachine,
    },
    {
      id: 'rr',
      title: 'RoundRobin.pick',
      subtitle: 'every pod in turn, whatever it is doing',
      source: roundRobinSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar, calls to payments`,
      machine: roundRobinMachine,
    },
  ],
  tryThis: [
    {
      kind: 'slider',
      id: 'lb',
      label: 'Load balancer for payments',
      help: 'Applies a payments DestinationRule (trafficPolicy.loadBalancer); checkout-1’s Envoy picks with it once the new CDS has arrived. Then start a new row under the plot to measure it on its own.',
      param: 'lb',
      min: 0,
      max: POLICIES.length - 1,
      step: 1,
      initial: 1,
      format: (v) => POLICIES[v] ?? 'LEAST_REQUEST',
      command: (v) => apply(POLICY_YAML[POLICIES[v] ?? 'LEAST_REQUEST']),
      fromCommand: (c) => {
        const i =
          c.kind === 'config.apply' ? POLICIES.findIndex((p) => POLICY_YAML[p] === c.yaml) : -1;
        return i >= 0 ? i : null;
      },
      value: (sim) => POLICIES.indexOf(storedPolicy(sim)),
    },
    {
      kind: 'toggle',
      id: 'slow',
      label: 'Slow pod',
      help: 'payments-v1-b’s app takes 200 ms more per request; with 4 workers it serves at most about 19 requests a second.',
      key: 's',
      param: { name: 'slow', on: 'on', off: 'off' },
      onLabel: 'Heal payments-v1-b',
      offLabel: 'Slow payments-v1-b (+200 ms)',
      isOn: (sim) => (sim.state.pods[SLOW_POD]?.extraMs ?? 0) > 0,
      on: () => slow(SLOW_MS),
      off: slow(0),
    },
    {
      kind: 'slider',
      id: 'users',
      label: 'User requests per second',
      help: 'Poisson arrivals at web-1. At low load every pod has spare workers and the policies look alike; near the slow pod’s limit round robin queues.',
      param: 'users',
      min: 10,
      max: 60,
      step: 10,
      initial: USER_RPS,
      format: (v) => `${v}/s`,
      command: (v) => ({ kind: 'traffic.users', rps: v }),
      fromCommand: (c) => (c.kind === 'traffic.users' ? c.rps : null),
      value: (sim) => sim.state.traffic.graph?.userRps ?? null,
    },
  ],
  simplified: [
    'the payments route sends every call to one cluster of all three pods (no v1/v2 canary split), so the load balancer chooses among three.',
    'each app works on at most 4 requests at once (its workers); the others wait in line. Waiting for its own downstream calls holds no worker.',
    'Envoy keeps load-balancer state per worker thread, and round robin starts at a random index; here each sidecar has one balancer and round robin starts at the first pod.',
    'ring hash is modelled as rendezvous hashing over the x-user header (each user sticks to one pod, as on Envoy’s ring); users are user-0 … user-99.',
  ],
});

// [1] docs/fidelity.md §4.2: LEAST_REQUEST is Istio's default since 1.14; its two random choices
//     compare rq_active in the caller's Envoy. Measured figures are in docs/curriculum.md.
