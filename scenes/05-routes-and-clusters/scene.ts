import { CAST, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { picks, sidecarViews, type MeshSource } from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { canarySlider } from '../../src/ui/mesh/canarySlider';
import { matchMachine, pickMachine } from './machines';
import { meta } from './meta';
import { whoRoutes } from './predict';
import matchSrc from './snippets/match.py?raw';
import pickSrc from './snippets/pick.py?raw';

const ackRds = (pod: string) => (e: MeshTrace) =>
  e.type === 'xds.ack' && e.pod === pod && e.xds === 'RDS';
const pickBy = (pod: string) => (e: MeshTrace) => e.type === 'route.pick' && e.pod === pod;
/** Every request of `pod`'s last send has been routed (its draws are all in). */
const sent = (pod: string, n: number) => (sim: MeshSource) =>
  (picks(sim, pod).sinceSend?.total ?? 0) >= n;
/** Every sidecar has applied its routes and clusters (so any of them can route a request). */
const allRouted = (sim: MeshSource) =>
  sidecarViews(sim).every((s) => s.status.RDS === 'SYNCED' && s.status.CDS === 'SYNCED');
const send = (from: string, count: number) => ({
  kind: 'traffic.send' as const,
  from,
  service: 'payments',
  count,
});

/** Scene 5 as data: the route table of a sidecar, and the weighted pick made per request. */
export const scene5 = defineScene(meshSceneModel)({
  meta,
  // [1] No background traffic: every request in this scene is one the learner (or a step) sends.
  setup: {
    seed: 42,
    options: { perEdgeRps: 0 },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'checkout-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Every Envoy has its route configuration "8080" (RDS) and its clusters (CDS); here is checkout-1’s. For payments:8080 its virtual host has one route, prefix "/", whose weighted clusters send 90 to outbound|8080|v1|payments.shop.svc.cluster.local and 10 to the v2 cluster — the 90/10 canary.',
      highlights: { match: 'load', pick: 'total' },
      waitFor: { type: 'xds.ack', until: allRouted },
    },
    {
      caption:
        'checkout-1’s app calls payments:8080 once. Its own sidecar routes it: the Host header selects the virtual host, the first route that matches wins, and the weighted clusters draw a number below 100 — under 90 is v1 (blue), the rest v2 (green).',
      highlights: { match: 'route', pick: 'choose' },
      commands: [send('checkout-1', 1)],
      waitFor: { type: 'route.pick', where: pickBy('checkout-1') },
    },
    {
      caption:
        'Send 100 requests. Every request gets its own draw, so 100 of them land near 90/10 but rarely exactly on it — compare the bars with the dashed 90 % and 10 % marks.',
      highlights: { pick: 'choose' },
      commands: [send('checkout-1', 100)],
      waitFor: { type: 'route.pick', until: sent('checkout-1', 100) },
    },
    {
      caption:
        'Send 1,000 requests. With ten times the draws, the shares close in on the configured weights: the pick is random per request, the split is only true on average.',
      highlights: { pick: 'choose' },
      commands: [send('checkout-1', 1000)],
      waitFor: { type: 'route.pick', until: sent('checkout-1', 1000) },
      runForMs: 5_000,
    },
    {
      caption:
        'Move the canary to 50/50. Istiod recompiles the VirtualService and pushes new routes; checkout-1’s table changes only when its Envoy has applied and ACKed the new RDS — until then it keeps drawing 90/10.',
      highlights: { match: 'load', pick: 'total' },
      commands: [{ kind: 'canary.weights', v1: 50, v2: 50 }],
      waitFor: { type: 'xds.ack', where: ackRds('checkout-1') },
    },
    {
      caption:
        'Send 1,000 requests again: the new draws follow 50/50. Nothing changed at payments — only the table in the caller’s sidecar.',
      highlights: { pick: 'choose' },
      commands: [send('checkout-1', 1000)],
      waitFor: { type: 'route.pick', until: sent('checkout-1', 1000) },
      runForMs: 5_000,
    },
    {
      caption:
        'Routing is the caller’s job. web-1 sends 100 requests: web-1’s own sidecar draws them, from its own copy of the same route table. The payments sidecars never choose a version.',
      predict: whoRoutes,
      highlights: { match: 'route', pick: 'choose' },
      commands: [send('web-1', 100)],
      select: 'web-1',
      waitFor: { type: 'route.pick', until: sent('web-1', 100) },
    },
  ],
  panels: [
    {
      id: 'match',
      title: 'RouteTable.match',
      subtitle: 'listener → route configuration → virtual host → first matching route',
      source: matchSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: matchMachine,
    },
    {
      id: 'pick',
      title: 'WeightedClusters.pick',
      subtitle: 'a fresh draw per request, in the caller’s sidecar',
      source: pickSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: pickMachine,
    },
  ],
  tryThis: [
    {
      kind: 'button',
      id: 'send100',
      label: 'Send 100 requests',
      help: 'Exactly 100 requests to payments:8080 from the selected sidecar’s app, one per millisecond; the histogram counts their draws.',
      perActor: true,
      command: (pod) => send(pod, 100),
    },
    {
      kind: 'button',
      id: 'send1000',
      label: 'Send 1,000 requests',
      help: 'Exactly 1,000 requests from the selected sidecar’s app: the shares come closer to the weights.',
      perActor: true,
      command: (pod) => send(pod, 1000),
    },
    canarySlider(
      'Changes the payments VirtualService; the table and the draws change once the caller’s Envoy has applied the new routes (Istiod must be up).',
    ),
  ],
  simplified: [
    'no background traffic in this scene: only the requests you send (and the steps send) are drawn.',
    'every request has Host payments:8080 and path /, so the one prefix "/" route matches; header and path matches are left to scene 10.',
    'Envoy draws a 64-bit random number per request; the model draws 32 bits (the same share for weights that sum to 100).',
  ],
});

// [1] Istio's default VirtualService weights are compiled into Envoy's `weighted_clusters`
//     (docs/fidelity.md §4.3); the pick happens in the caller's router filter per request.
