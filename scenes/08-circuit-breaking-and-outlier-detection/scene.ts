import { PRESETS } from '../../src/engine/config/presets';
import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { poolView, sidecarEds, sidecarViews, type MeshSource } from '../../src/engine/mesh/views';
import { outlierView } from '../../src/engine/mesh/views/graphOutlier';
import { defineScene } from '../../src/scene/types';
import { admitMachine, outlierMachine } from './machines';
import { meta } from './meta';
import { twoAtOnce } from './predict';
import admitSrc from './snippets/admit.py?raw';
import onResponseSrc from './snippets/onResponse.py?raw';

/** The one payments cluster (the VirtualService sends to all three pods). */
export const PAYMENTS = 'outbound|8080||payments.shop.svc.cluster.local';
/** The broken pod, the caller whose users see it, and fortio's pod. */
const BROKEN = 'payments-v1-a';
const CALLER = 'checkout-1';
const FORTIO = 'cart-1';

const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
const fail = (share: number): MeshCommand => ({ kind: 'pod.fail', pod: BROKEN, share });
/** fortio load -c C -qps 0 -n N http://payments:8080/ in `from`'s app (the task's runs). */
export const fortio = (from: string, c: number, n = 10 * c): MeshCommand => ({
  kind: 'load.start',
  from,
  service: 'payments',
  connections: c,
  qps: 0,
  requests: n,
});

/** maxEjectionPercent of the payments DestinationRule the operator applied (null: none). */
export const appliedMep = (sim: MeshSource): number | null =>
  sim.state.config.destinationRules.find((d) => d.metadata.name === 'payments')?.spec.trafficPolicy
    ?.outlierDetection?.maxEjectionPercent ?? null;
const broken = (sim: MeshSource): boolean => (sim.state.pods[BROKEN]?.failShare ?? 0) > 0;
/** Re-applies the scene's DestinationRule with `mep` unless the operator's is already that. */
const ensureMep = (mep: number) => (sim: MeshSource) =>
  appliedMep(sim) === mep
    ? []
    : [apply(PRESETS[mep === 10 ? 'breaker-demo-mep10' : 'breaker-demo'])];

/** Every sidecar has the task's limits for payments (CDS applied) and its three endpoints (EDS). */
const limitsEverywhere = (sim: MeshSource): boolean =>
  sidecarViews(sim).every(
    (s) =>
      poolView(sim, s.pod, PAYMENTS).limits?.max_connections === 1 &&
      sidecarEds(sim, s.pod, 'payments')
        .find((c) => c.cluster === PAYMENTS)
        ?.endpoints.filter((e) => e.health === 'HEALTHY').length === 3,
  );
const doneIn = (pod: string) => (e: MeshTrace) => e.type === 'load.done' && e.pod === pod;
const ejectedBy =
  (pod: string, minMultiplier = 1) =>
  (e: MeshTrace) =>
    e.type === 'outlier.ejected' &&
    e.pod === pod &&
    e.host === BROKEN &&
    (e.multiplier ?? 0) >= minMultiplier;

/** Scene 8 as data: the caller's circuit breakers under fortio, then outlier ejection. */
export const scene8 = defineScene(meshSceneModel)({
  meta,
  // [1] The call graph with per-attempt entries; payments' VirtualService sends to one cluster
  //     of all three pods, so a detector has three endpoints to judge.
  setup: {
    seed: 42,
    options: { traffic: { mode: 'graph', detail: true, userRps: 10 } },
    commands: [apply(PRESETS['payments-all-pods'])],
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: FORTIO,
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'The operator applies the DestinationRule of Istio’s circuit-breaking task to payments: tcp.maxConnections 1, http.http1MaxPendingRequests 1, maxRequestsPerConnection 1, plus outlier detection. Istiod compiles it into the payments cluster’s circuit_breakers and pushes CDS; the step ends when every sidecar has ACKed it. The limits are each caller’s own: nothing changes at payments.',
      highlights: { admit: 'limits' },
      commands: [apply(PRESETS['breaker-demo'])],
      waitFor: { type: 'xds.ack', until: limitsEverywhere },
    },
    {
      caption:
        'fortio in cart-1 (a pod that never calls payments itself, like the task’s fortio pod): -c 1 -qps 0 -n 20, one call at a time. maxRequestsPerConnection 1 closes each connection after its call, so every call is the one pending request while a new connection opens — no limit is passed: Code 200 : 20 (100.0 %).',
      highlights: { admit: 'dequeue', outlier: 'reset' },
      commands: [fortio(FORTIO, 1, 20)],
      waitFor: { type: 'load.done', where: doneIn(FORTIO) },
    },
    {
      caption:
        'Now -c 2 -n 20: two calls at once. While one call is pending (its connection still opening), the other finds the one pending slot taken: max_pending_requests is reached, and cart-1’s Envoy answers 503 with flag UO at once — the call never leaves the pod (upstream_rq_pending_overflow + 1).',
      predict: twoAtOnce,
      highlights: { admit: 'pendingOverflow', outlier: 'reset' },
      commands: [fortio(FORTIO, 2)],
      waitFor: {
        type: 'pool.overflow',
        where: (e) => e.type === 'pool.overflow' && e.pod === FORTIO && e.result === '503 UO',
      },
    },
    {
      caption:
        'The -c 2 run ends. Compare fortio’s “Code 503” line with the UO count of max_pending_requests: every 503 is an overflow. The outlier detector ignores them: a 503 UO is a local reply, no host answered it.',
      highlights: { admit: 'dequeue', outlier: 'reset' },
      waitFor: { type: 'load.done', where: doneIn(FORTIO) },
    },
    {
      caption:
        'fortio -c 3 -n 30: three loops compete for one pending slot, so a larger share fails with 503 UO. A call that finds maxConnections reached is not failed: it waits as pending for a connection (upstream_cx_overflow counts it).',
      highlights: { admit: 'dequeue', outlier: 'reset' },
      commands: [fortio(FORTIO, 3)],
      waitFor: { type: 'load.done', where: doneIn(FORTIO) },
    },
    {
      caption:
        'Break payments-v1-a: its app answers 503 to every call. checkout-1 serves user requests and calls payments; its Envoy does not retry a 503 (Istio’s default), so users see the failures — until checkout-1’s outlier detector has counted 3 consecutive 5xx from that host and ejects it for 5 s (base ejection time × 1).',
      highlights: { outlier: 'eject' },
      select: CALLER,
      ensure: ensureMep(100),
      commands: [fail(1)],
      waitFor: { type: 'outlier.ejected', where: ejectedBy(CALLER) },
    },
    {
      caption:
        'payments-v1-a returns at the first 1 s interval tick once its 5 s are over, and it still fails: three more 503s eject it again. Each ejection raises its multiplier by one and each tick it spends back in the set lowers it, so when the failures come quickly it is out for 2 × 5 s = 10 s. The step ends at its first 10 s ejection.',
      highlights: { outlier: 'eject' },
      select: CALLER,
      ensure: (sim) => [...ensureMep(100)(sim), ...(broken(sim) ? [] : [fail(1)])],
      waitFor: { type: 'outlier.ejected', where: ejectedBy(CALLER, 2) },
      runForMs: 20_000,
    },
    {
      caption:
        'Heal payments-v1-a. It stays out until its 10 s are over and returns at the next tick; each tick after that finds it clean and lowers its multiplier by one, so a host that stays healthy starts again from 1 ×.',
      highlights: { outlier: 'decrement' },
      select: CALLER,
      commands: [fail(0)],
      waitFor: {
        type: 'outlier.decremented',
        where: (e) => e.type === 'outlier.decremented' && e.pod === CALLER && e.host === BROKEN,
      },
      runForMs: 30_000,
    },
    {
      caption:
        'Set maxEjectionPercent back to Istio’s default, 10%. The demo needed 100: Envoy (1.28 and later) ejects a host only if (ejected + 1) / hosts ≤ max_ejection_percent, and with three endpoints 1/3 = 33% > 10%.',
      highlights: { admit: 'limits' },
      select: CALLER,
      commands: [apply(PRESETS['breaker-demo-mep10'])],
      waitFor: {
        type: 'xds.ack',
        where: (e) => e.type === 'xds.ack' && e.pod === CALLER && e.xds === 'CDS',
        until: (sim) => outlierView(sim, CALLER, PAYMENTS).config?.maxEjectionPercent === 10,
      },
    },
    {
      caption:
        'Break payments-v1-a again. The detector counts 3 consecutive 5xx and would eject it, but one ejection would pass max_ejection_percent: the host stays in the load-balancing set and users keep getting its 503s.',
      highlights: { outlier: 'maxPercent' },
      select: CALLER,
      ensure: ensureMep(10),
      commands: [fail(1)],
      waitFor: {
        type: 'outlier.response',
        where: (e) =>
          e.type === 'outlier.response' && e.pod === CALLER && e.decision === 'maxEjectionPercent',
      },
    },
  ],
  panels: [
    {
      id: 'admit',
      title: 'ConnectionPool.admit',
      subtitle: 'HTTP/1.1: one pool per host, circuit breakers per cluster',
      source: admitSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: admitMachine,
    },
    {
      id: 'outlier',
      title: 'OutlierDetector.onResponse',
      subtitle: 'consecutive 5xx eject inline; the interval tick brings hosts back',
      source: onResponseSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: outlierMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'break',
      label: 'payments-v1-a',
      help: 'Its app answers 503 to every call. Each caller’s own detector counts and ejects it; the ejection timeline shows when it returns.',
      key: 'b',
      param: { name: 'v1a', on: 'broken', off: 'ok' },
      onLabel: 'Heal payments-v1-a',
      offLabel: 'Break payments-v1-a',
      isOn: broken,
      on: () => fail(1),
      off: fail(0),
    },
    {
      kind: 'button',
      id: 'fortio2',
      label: 'fortio -c 2 -qps 0 -n 20',
      help: 'Two closed loops from the selected pod’s app to payments:8080, as in Istio’s task. From checkout-1 they share the pool with user calls.',
      key: '2',
      perActor: true,
      command: (pod) => fortio(pod, 2),
    },
    {
      kind: 'button',
      id: 'fortio3',
      label: 'fortio -c 3 -qps 0 -n 30',
      help: 'Three loops: more calls find the pending slot taken (503 UO).',
      key: '3',
      perActor: true,
      command: (pod) => fortio(pod, 3),
    },
    {
      kind: 'toggle',
      id: 'mep',
      label: 'maxEjectionPercent',
      help: 'Applies the same DestinationRule with maxEjectionPercent 10 (Istio’s default) or 100. With 10 and three endpoints nothing is ejected.',
      param: { name: 'mep', on: '10', off: '100' },
      onLabel: 'Set maxEjectionPercent to 100',
      offLabel: 'Set maxEjectionPercent to 10 (Istio’s default)',
      isOn: (sim) => appliedMep(sim) === 10,
      on: () => apply(PRESETS['breaker-demo-mep10']),
      off: apply(PRESETS['breaker-demo']),
    },
  ],
  simplified: [
    'payments’ VirtualService sends every call to one cluster of all three pods (no 90/10 canary), so each detector judges three endpoints.',
    'the DestinationRule is the task’s connection pool with demo outlier timings: 3 consecutive 5xx, 1 s interval, 5 s base ejection time (the task: 1 error, 3 min), maxEjectionPercent 100 as in the task.',
    'fortio runs inside a cast pod’s app (the task has its own fortio pod); its loops are paced without jitter.',
    'a DestinationRule change keeps each sidecar’s ejections and multipliers as they were (the model does not rebuild the cluster’s detector).',
    'HTTP/1.1 everywhere; connections are never closed for idleness; user requests enter web-1 directly.',
  ],
});

// [1] docs/fidelity.md §4.6 (pools and limits) and §4.7 (outlier detection); the measured
//     shares of 503 under the task's settings are in src/engine/mesh/README.md.
