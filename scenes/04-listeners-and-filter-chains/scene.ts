import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { outboundTrafficPolicy, walkable, type MeshSource } from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { acceptMachine, matchMachine } from './machines';
import { meta } from './meta';
import { unknownHost } from './predict';
import acceptSrc from './snippets/accept.py?raw';
import matchSrc from './snippets/match.py?raw';

type Hop = Extract<MeshTrace, { type: 'walk.hop' }>;

const walk = (from: string, to: string, port = 8080): MeshCommand => ({
  kind: 'request.walk',
  from,
  to,
  port,
  detail: 'stages',
});
const at =
  (pod: string, test: (h: Hop) => boolean) =>
  (e: MeshTrace): boolean =>
    e.type === 'walk.hop' && e.pod === pod && test(e);
/** Every sidecar has its listeners, and web-1’s Envoy knows checkout-1 as a ready endpoint. */
const ready = (sim: MeshSource) =>
  walkable(sim, 'web-1', 'outbound|8080||checkout.shop.svc.cluster.local');
const CALL = walk('web-1', 'checkout');

/** Scene 4 as data: one connection through the caller’s and the callee’s listeners, stage by stage. */
export const scene4 = defineScene(meshSceneModel)({
  meta,
  // [1] No background traffic: the only connections are the ones the learner follows.
  setup: {
    seed: 42,
    options: { perEdgeRps: 0 },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'web-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Istiod sent every sidecar its listeners over LDS. web-1’s are on the right: virtualOutbound on 15001 (where iptables sends the app’s connections), one 0.0.0.0_<port> listener per service port — here 0.0.0.0_8080 — and virtualInbound on 15006.',
      highlights: {},
      waitFor: { type: 'xds.ack', until: ready },
    },
    {
      caption:
        'web-1’s app calls checkout:8080 and iptables redirects the connection to 15001. Envoy’s virtualOutbound listener accepts it; the kernel kept the address the app dialled, 10.96.0.13:8080.',
      highlights: { accept: 'accept' },
      commands: [CALL],
      waitFor: {
        type: 'walk.hop',
        where: at('web-1', (h) => h.stage === 'listener.accept'),
      },
    },
    {
      caption:
        'virtualOutbound has use_original_dst: it hands the connection to the listener for the original port, 0.0.0.0_8080, which owns no socket (bind_to_port: false). Its listener filters read the first bytes: tls_inspector finds no TLS (raw_buffer), http_inspector finds HTTP/1.1.',
      highlights: { accept: 'inspect' },
      waitFor: {
        type: 'walk.hop',
        where: at('web-1', (h) => h.stage === 'listener.filters'),
      },
    },
    {
      caption:
        'FilterChain.match narrows the chains: no chain names a destination port here, transport_protocol raw_buffer and ALPN http/1.1 pick the HTTP chain. A TLS connection, or a protocol that is not HTTP, would fall to the default PassthroughFilterChain.',
      highlights: { accept: 'match', match: 'chosen' },
      waitFor: {
        type: 'walk.hop',
        where: at('web-1', (h) => h.stage === 'filterChain.match'),
      },
    },
    {
      caption:
        'The chain’s http_connection_manager decodes the request and runs Istio’s HTTP filters in Istio’s order: istio.metadata_exchange, grpc_stats, istio.alpn, fault, cors, istio.stats — then the router, always last.',
      highlights: { accept: 'filter' },
      waitFor: {
        type: 'walk.hop',
        where: at('web-1', (h) => h.filter === 'istio.stats'),
      },
    },
    {
      caption:
        'The router filter takes route configuration "8080" (RDS): virtual host checkout.shop.svc.cluster.local:8080, route default, cluster outbound|8080||checkout.shop.svc.cluster.local. The load balancer picks checkout-1 from EDS and Envoy connects over mTLS, offering ALPN istio-http/1.1.',
      highlights: { accept: 'route' },
      waitFor: {
        type: 'walk.hop',
        where: at('web-1', (h) => h.stage === 'upstream.connect'),
      },
    },
    {
      caption:
        'At checkout-1, iptables sends the connection to 15006. virtualInbound accepts; original_dst restores 10.244.1.14:8080, and tls_inspector reads the ClientHello: transport tls, ALPN istio-http/1.1.',
      highlights: { accept: 'inspect' },
      select: 'checkout-1',
      waitFor: {
        type: 'walk.hop',
        where: at('checkout-1', (h) => h.stage === 'listener.filters'),
      },
    },
    {
      caption:
        'Inbound, the destination port decides first: of the chains for 8080, transport tls and ALPN istio-http/1.1 choose 0.0.0.0_8080, the mTLS chain. Under PERMISSIVE the listener also keeps a plaintext chain for 8080, for callers without a sidecar.',
      highlights: { accept: 'match', match: 'chosen' },
      select: 'checkout-1',
      waitFor: {
        type: 'walk.hop',
        where: at('checkout-1', (h) => h.stage === 'filterChain.match'),
      },
    },
    {
      caption:
        'The inbound HTTP filters run (metadata exchange, any AuthorizationPolicy’s rbac, stats) and the router sends the request to inbound|8080||: Envoy connects to the app. web-1’s app gets its 200.',
      highlights: { accept: 'route' },
      select: 'checkout-1',
      waitFor: { type: 'walk.hop', where: (e) => e.type === 'walk.hop' && e.stage === 'done' },
    },
    {
      caption:
        'A port with no listener: web-1’s app dials api.partner.example:443, a host the registry does not know. No 0.0.0.0_443 listener exists, so the connection stays on virtualOutbound, whose catch-all chain proxies it to PassthroughCluster — meshConfig’s default outboundTrafficPolicy ALLOW_ANY. Try REGISTRY_ONLY.',
      predict: unknownHost,
      highlights: { accept: 'tcp', match: 'chosen' },
      select: 'web-1',
      commands: [walk('web-1', 'external', 443)],
      waitFor: { type: 'walk.hop', where: (e) => e.type === 'walk.hop' && e.stage === 'done' },
    },
  ],
  panels: [
    {
      id: 'accept',
      title: 'Listener.accept',
      subtitle: 'a connection through Envoy’s listener, filter chain and HTTP filters',
      source: acceptSrc,
      follows: 'selected',
      following: (a) => `${a}’s Envoy`,
      machine: acceptMachine,
    },
    {
      id: 'match',
      title: 'FilterChain.match',
      subtitle: 'the most specific chain wins, criterion by criterion',
      source: matchSrc,
      follows: 'selected',
      following: (a) => `${a}’s Envoy`,
      machine: matchMachine,
    },
  ],
  tryThis: [
    {
      kind: 'button',
      id: 'follow',
      label: 'Follow one request',
      help: 'The selected sidecar’s app calls checkout:8080 (checkout-1 calls payments:8080). Step through the stages with ▶ or the . key.',
      perActor: true,
      command: (pod) => walk(pod, pod === 'checkout-1' ? 'payments' : 'checkout'),
    },
    {
      kind: 'button',
      id: 'external',
      label: 'Call a port with no listener',
      help: 'The selected sidecar’s app dials api.partner.example:443, outside the registry: PassthroughCluster under ALLOW_ANY, BlackHoleCluster under REGISTRY_ONLY.',
      perActor: true,
      command: (pod) => walk(pod, 'external', 443),
    },
    {
      kind: 'toggle',
      id: 'registryOnly',
      label: 'outboundTrafficPolicy',
      help: 'Edits meshConfig in the istio ConfigMap. Istiod pushes new listeners: the catch-all chains then send unknown destinations to BlackHoleCluster.',
      param: { name: 'outbound', on: 'registry-only', off: 'allow-any' },
      onLabel: 'Back to ALLOW_ANY',
      offLabel: 'Set REGISTRY_ONLY',
      isOn: (sim) => outboundTrafficPolicy(sim) === 'REGISTRY_ONLY',
      on: () => ({ kind: 'mesh.outboundTrafficPolicy', mode: 'REGISTRY_ONLY' }),
      off: { kind: 'mesh.outboundTrafficPolicy', mode: 'ALLOW_ANY' },
    },
  ],
  simplified: [
    'the filters’ typed configs carry only the fields the simulator reads; access logs, tracing and stats settings are left out of the JSON.',
    'filter chain matching looks at destination port, transport protocol and ALPN; Envoy also matches destination IP, server names and source fields, which Istio’s sidecar chains here do not use.',
    'under REGISTRY_ONLY Istio also turns the allow_any virtual host into block_all (502 for unknown HTTP hosts); the model changes only the listeners.',
    'Istio names both inbound chains for a port 0.0.0.0_8080; the model calls the plaintext one 0.0.0.0_8080_plaintext to tell them apart.',
  ],
});

// [1] docs/fidelity.md §4.1 and §4.8; the walk is `request.walk` with detail "stages".
