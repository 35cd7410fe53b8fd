import type { MeshCommand, MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import {
  edsSync,
  endpointSlice,
  probeFailing,
  replicasOf,
  sidecarEds,
  sidecarViews,
  type MeshSource,
} from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { applyEndpoints, onPodChange } from './machines';
import { meta } from './meta';
import { notReadyEndpoint } from './predict';
import applyEndpointsSrc from './snippets/applyEndpoints.py?raw';
import onPodChangeSrc from './snippets/onPodChange.py?raw';

const SERVICE = 'payments';
/** The pod whose readiness probe the scene fails, and the one it kills. */
const PROBED = 'payments-v1-a';
const KILLED = 'payments-v1-b';

/** The callers' row and the payments row (scaled-up pods join the payments row). */
const CALLERS = ['web-1', 'catalog-1', 'cart-1', 'checkout-1', 'inventory-1'];
const PAYMENTS = ['payments-v1-a', 'payments-v1-b', 'payments-v2-a'];

/** The pods in `pod`'s service-wide ClusterLoadAssignment for payments. */
export const claPods = (sim: MeshSource, pod: string): string[] =>
  sidecarEds(sim, pod, SERVICE)
    .find((c) => c.subset === null)
    ?.endpoints.map((e) => e.pod ?? e.address) ?? [];

/**
 * Every running caller sidecar serves exactly the EndpointSlice's ready pods, and Istiod got its
 * EDS ACK after the registry's last endpoint change.
 */
export const callersInSync = (sim: MeshSource): boolean => {
  const ready = endpointSlice(sim, SERVICE)
    .endpoints.filter((e) => e.ready)
    .map((e) => e.pod)
    .sort()
    .join();
  const sync = edsSync(sim, SERVICE);
  return sync.rows
    .filter((r) => !isPayments(r.pod) && r.state !== 'podDown')
    .every((r) => r.state === 'acked' && [...claPods(sim, r.pod)].sort().join() === ready);
};

const allSynced = (sim: MeshSource): boolean =>
  sidecarViews(sim).every((s) => Object.values(s.status).every((x) => x === 'SYNCED'));
const readyCount = (sim: MeshSource): number => endpointSlice(sim, SERVICE).readyCount;
const isPayments = (pod: string): boolean => pod.startsWith(`${SERVICE}-`);
const isEds = (e: MeshTrace): boolean => e.type === 'xds.ack' && e.xds === 'EDS';
const readiness = (ready: boolean): MeshCommand => ({ kind: 'pod.readiness', pod: PROBED, ready });
const scale = (replicas: number): MeshCommand => ({
  kind: 'service.scale',
  service: SERVICE,
  replicas,
});
const podUp = (sim: MeshSource, pod: string): boolean => sim.state.pods[pod]?.up === true;

/** Scene 3 as data: the registry's endpoint events and each caller's EDS after the debounce. */
export const scene3 = defineScene(meshSceneModel)({
  meta,
  // [1] No background traffic: the scene is about what reaches each sidecar's EDS.
  setup: {
    seed: 42,
    options: { perEdgeRps: 0 },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'checkout-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CALLERS, PAYMENTS] },
  steps: [
    {
      caption:
        'Kubernetes keeps an EndpointSlice for the payments Service: three pods, all ready. Istiod watches it and turns the ready ones into ClusterLoadAssignments (EDS), one per payments cluster — outbound|8080||payments.shop.svc.cluster.local and the v1 and v2 subsets — in every sidecar. The table lists what each caller’s Envoy serves: its load balancer picks a pod for each call from these lists.',
      highlights: { registry: 'push', apply: 'ack' },
      waitFor: {
        type: 'xds.ack',
        until: (sim) => allSynced(sim) && readyCount(sim) === 3 && callersInSync(sim),
      },
    },
    {
      caption:
        'payments-v1-a’s readiness probe fails. The container keeps running, but the kubelet marks the pod not ready and its endpoint turns ready: false in the EndpointSlice. Istiod hears the endpoint event and starts its debounce: it pushes once 100 ms pass with no other event (PILOT_DEBOUNCE_AFTER), 10 s at most (PILOT_DEBOUNCE_MAX).',
      highlights: { registry: 'debounce' },
      ensure: (sim) => [
        ...(podUp(sim, PROBED) ? [] : [{ kind: 'pod.restore' as const, pod: PROBED }]),
        ...(probeFailing(sim, PROBED) ? [readiness(true)] : []),
      ],
      commands: [readiness(false)],
      waitFor: {
        type: 'endpoints.changed',
        where: (e) => e.type === 'endpoints.changed' && e.pod === PROBED && !e.ready,
      },
    },
    {
      caption:
        '100 ms later, with no other event, Istiod pushes: an EDS-only push (full=false) that reuses its current PushContext. Each sidecar gets the ClusterLoadAssignments of payments’ clusters — and nothing else: no CDS, LDS or RDS.',
      highlights: { registry: 'push', apply: 'recv' },
      waitFor: {
        type: 'push.debounced',
        where: (e) => e.type === 'push.debounced' && !e.full,
      },
    },
    {
      caption:
        'Each Envoy replaces its endpoint lists and ACKs. payments-v1-a is simply gone from them: by default Istio leaves a not-ready endpoint out of the ClusterLoadAssignment rather than sending it as UNHEALTHY. The last column shows each ACK about 100 ms (the debounce) plus a few ms of network after the pod changed.',
      predict: notReadyEndpoint,
      highlights: { registry: 'push', apply: 'ack' },
      waitFor: { type: 'xds.ack', where: isEds, until: callersInSync },
    },
    {
      caption:
        'The probe passes again: the pod turns ready, the same path runs — endpoint event, 100 ms of debounce, EDS-only push — and payments-v1-a is back in every caller’s list.',
      highlights: { registry: 'push', apply: 'ack' },
      ensure: (sim) => (probeFailing(sim, PROBED) ? [] : [readiness(false)]),
      commands: [readiness(true)],
      waitFor: {
        type: 'xds.ack',
        where: isEds,
        until: (sim) => readyCount(sim) >= 3 && callersInSync(sim),
      },
    },
    {
      caption:
        'Scale payments to 4. The new pod payments-scaled-4 joins the EndpointSlice as not ready: its Envoy has no config yet. Istio pushes nothing for an endpoint that has never been ready.',
      highlights: { registry: 'added' },
      ensure: (sim) => (replicasOf(sim, SERVICE) === 3 ? [] : [scale(3)]),
      commands: [scale(4)],
      waitFor: {
        type: 'endpoints.changed',
        where: (e) => e.type === 'endpoints.changed' && e.change === 'added',
      },
    },
    {
      caption:
        'Its Envoy gets its clusters and listeners from Istiod; the istio-agent’s readiness check passes and the pod turns ready. Endpoint event, debounce, EDS-only push: every caller now has four endpoints, three of them in v1 (the new pod copies payments-v1-a’s labels).',
      highlights: { registry: 'push', apply: 'ack' },
      waitFor: {
        type: 'xds.ack',
        where: isEds,
        until: (sim) => readyCount(sim) >= 4 && callersInSync(sim),
      },
    },
    {
      caption:
        'Scale payments back to 3: payments-scaled-4 is deleted and its endpoint leaves the EndpointSlice. Same path: an EDS-only push about 100 ms later.',
      highlights: { registry: 'push', apply: 'ack' },
      ensure: (sim) => (replicasOf(sim, SERVICE) > 3 ? [] : [scale(4)]),
      commands: [scale(3)],
      waitFor: {
        type: 'xds.ack',
        where: isEds,
        until: (sim) => replicasOf(sim, SERVICE) === 3 && callersInSync(sim),
      },
    },
    {
      caption:
        'Kill payments-v1-b. Its container stops, the pod turns not ready, and every caller drops it after the debounce: from its ACK on, checkout-1’s Envoy no longer picks payments-v1-b.',
      highlights: { registry: 'push', apply: 'ack' },
      commands: [{ kind: 'pod.kill', pod: KILLED }],
      waitFor: {
        type: 'xds.ack',
        where: isEds,
        until: (sim) => !podUp(sim, KILLED) && callersInSync(sim),
      },
    },
  ],
  panels: [
    {
      id: 'registry',
      title: 'Registry.onPodChange',
      subtitle: 'EndpointSlice → endpoint event → debounce → EDS-only push',
      source: onPodChangeSrc,
      follows: 'all',
      following: () => 'the registry and Istiod',
      machine: onPodChange,
    },
    {
      id: 'apply',
      title: 'Sidecar.applyEndpoints',
      subtitle: 'a caller’s Envoy swaps in the new endpoint list and ACKs',
      source: applyEndpointsSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: applyEndpoints,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'probe',
      label: `Readiness probe of ${PROBED}`,
      help: 'The container keeps running; the pod turns not ready and leaves every caller’s endpoint list about 100 ms later (Istiod’s debounce). Let it pass again and it comes back the same way.',
      key: 'f',
      param: { name: 'probe', on: 'fail', off: 'pass' },
      onLabel: 'Let the probe pass again',
      offLabel: 'Fail the readiness probe',
      isOn: (sim) => probeFailing(sim, PROBED),
      on: () => readiness(false),
      off: readiness(true),
    },
    {
      kind: 'slider',
      id: 'replicas',
      label: 'payments replicas',
      help: 'New pods join not ready, then turn ready once their Envoy has its config; removed pods leave at once. Every change reaches the callers in an EDS-only push after the debounce.',
      param: 'replicas',
      min: 3,
      max: 6,
      step: 1,
      initial: 3,
      format: (v) => `${v} pods`,
      command: (v) => scale(v),
      fromCommand: (c) => (c.kind === 'service.scale' && c.service === SERVICE ? c.replicas : null),
      value: (sim) => replicasOf(sim, SERVICE),
    },
    {
      kind: 'toggle',
      id: 'kill',
      label: KILLED,
      help: 'Kill it: the pod turns not ready and callers drop it after the debounce. Restore it: a new Envoy must get its config from Istiod before the pod is ready again.',
      key: 'k',
      param: { name: 'v1b', on: 'down', off: 'up' },
      onLabel: `Restore ${KILLED}`,
      offLabel: `Kill ${KILLED}`,
      isOn: (sim) => !podUp(sim, KILLED),
      on: () => ({ kind: 'pod.kill', pod: KILLED }),
      off: { kind: 'pod.restore', pod: KILLED },
    },
  ],
  simplified: [
    'the model follows Istio’s defaults only: a not-ready endpoint is left out of the ClusterLoadAssignment. With PILOT_SEND_UNHEALTHY_ENDPOINTS on (or, from Istio 1.25, a Service that sets trafficDistribution) Istio would send it with health_status UNHEALTHY, and Envoy would not balance to it.',
    'the kubelet’s verdict is immediate: a real readiness probe must fail failureThreshold times (3 by default), periodSeconds apart (10 s by default), before the pod turns not ready; a killed container is not ready at once, and the model does not restart it.',
    'the EndpointSlice controller and Istiod’s watch are instant; in a cluster each adds a little delay before Istiod’s 100 ms debounce starts.',
    'a deleted pod leaves the EndpointSlice at once (a real one is first listed as terminating, then removed).',
    'the model scales one Deployment for all of payments and new pods copy payments-v1-a’s labels (v1); in a real mesh v1 and v2 would usually be two Deployments.',
  ],
});

// [1] Scene 6 sends requests through these lists (load balancing); here no requests run, so the
//     diagram shows only config: streams, messages and each sidecar's EDS.
