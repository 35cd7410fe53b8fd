import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { istiodView, walkable, type MeshSource } from '../../src/engine/mesh/views';
import { iptablesSave } from '../../src/engine/mesh/walk';
import { defineScene } from '../../src/scene/types';
import { outboundMachine, rulesMachine } from './machines';
import { meta } from './meta';
import { injectWithoutIstiod } from './predict';
import onOutboundSrc from './snippets/onOutbound.py?raw';

type Hop = Extract<MeshTrace, { type: 'walk.hop' }>;

/** The rules panel is the model's own `iptables-save` output, with anchors on the deciding rules [1]. */
const RULE_ANCHORS: Record<string, string> = {
  'PREROUTING 1': 'prerouting',
  'OUTPUT 1': 'output',
  'ISTIO_INBOUND 5': 'to_in_redirect',
  'ISTIO_IN_REDIRECT 1': 'redirect_15006',
  'ISTIO_OUTPUT 1': 'envoy_to_app',
  'ISTIO_OUTPUT 4': 'uid_1337',
  'ISTIO_OUTPUT 9': 'to_redirect',
  'ISTIO_REDIRECT 1': 'redirect_15001',
};
const rulesSrc = iptablesSave(true)
  .map((l) => {
    const a = l.rule !== null ? RULE_ANCHORS[`${l.chain} ${l.rule}`] : undefined;
    return a ? `${l.text}  # @anchor ${a}` : l.text;
  })
  .join('\n');

const walk = (from: string, to: string, port = 8080): MeshCommand => ({
  kind: 'request.walk',
  from,
  to,
  port,
  detail: 'hops',
});
const hopWhere =
  (test: (h: Hop) => boolean) =>
  (e: MeshTrace): boolean =>
    e.type === 'walk.hop' && test(e);
const ipt = (pod: string, rule: string) =>
  hopWhere((h) => h.stage === 'iptables' && h.pod === pod && h.rule === rule);
/** Every sidecar has its listeners, and web-1’s Envoy knows checkout-1 as a ready endpoint. */
const listening = (sim: MeshSource) =>
  walkable(sim, 'web-1', 'outbound|8080||checkout.shop.svc.cluster.local');
/** The call every step follows: web-1’s app to checkout:8080 (one endpoint: checkout-1). */
const CALL = walk('web-1', 'checkout');

/** Scene 2 as data: one connection, followed through both pods’ nat tables and Envoys. */
export const scene2 = defineScene(meshSceneModel)({
  meta,
  // [2] No background traffic: the only connections are the ones the learner follows.
  setup: {
    seed: 42,
    options: { perEdgeRps: 0 },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'web-1',
    selection: { param: 'pod', noun: 'pod' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Each pod runs its app and an istio-proxy container (Envoy plus the istio-agent). Before both started, the init container istio-init wrote the nat rules in the panel into the pod’s network namespace: they decide which connections reach Envoy.',
      highlights: {},
      waitFor: { type: 'xds.ack', until: listening },
    },
    {
      caption:
        'web-1’s app calls checkout:8080 as it would without a mesh: DNS gives the ClusterIP 10.96.0.13 and the app, an ordinary user (UID 1000), connects. The first packet meets OUTPUT → ISTIO_OUTPUT; no exemption applies (not UID 1337, not localhost), so the last rule sends it to ISTIO_REDIRECT: REDIRECT to port 15001, where Envoy listens.',
      highlights: { rules: 'redirect_15001' },
      commands: [CALL],
      waitFor: { type: 'walk.hop', where: ipt('web-1', 'ISTIO_REDIRECT 1') },
    },
    {
      caption:
        'Envoy’s virtualOutbound listener on 15001 accepts; the kernel kept the address the app dialled (SO_ORIGINAL_DST), and use_original_dst hands the connection to 0.0.0.0_8080. Its route table (RDS "8080") sends checkout:8080 to cluster outbound|8080||checkout.shop.svc.cluster.local, whose one endpoint (EDS) is checkout-1 at 10.244.1.14:8080.',
      highlights: { onOutbound: 'pick' },
      waitFor: {
        type: 'walk.hop',
        where: hopWhere((h) => h.stage === 'upstream.connect' && h.pod === 'web-1'),
      },
    },
    {
      caption:
        'Envoy’s own connection passes the same OUTPUT chain — and ISTIO_OUTPUT’s rule 4, -m owner --uid-owner 1337 -j RETURN, lets it out untouched. Envoy runs as UID 1337; without that rule it would redirect its own traffic back to itself forever.',
      highlights: { rules: 'uid_1337', onOutbound: 'connect' },
      waitFor: { type: 'walk.hop', where: ipt('web-1', 'ISTIO_OUTPUT 4') },
    },
    {
      caption:
        'At checkout-1, the arriving connection enters PREROUTING → ISTIO_INBOUND. Port 8080 is not one of the excluded ports (15008, 15090, 15021, 15020), so ISTIO_IN_REDIRECT sends it to 15006, Envoy’s inbound port.',
      highlights: { rules: 'redirect_15006' },
      select: 'checkout-1',
      waitFor: { type: 'walk.hop', where: ipt('checkout-1', 'ISTIO_IN_REDIRECT 1') },
    },
    {
      caption:
        'virtualInbound accepts on 15006 and ends mTLS. Envoy then opens a plain connection to the app at 10.244.1.14:8080 from source 127.0.0.6 — and ISTIO_OUTPUT’s first rule returns that one untouched, so it reaches the app instead of looping back.',
      highlights: { rules: 'envoy_to_app' },
      select: 'checkout-1',
      waitFor: { type: 'walk.hop', where: ipt('checkout-1', 'ISTIO_OUTPUT 1') },
    },
    {
      caption:
        'checkout-1’s app answers 200 and web-1’s app gets it. Neither app changed a line: each talked to an ordinary address, and conntrack undid every redirect on the way back.',
      highlights: { onOutbound: 'reply' },
      select: 'web-1',
      waitFor: { type: 'walk.hop', where: hopWhere((h) => h.stage === 'done') },
    },
    {
      caption:
        'The proxy’s own control connection: web-1’s istio-agent, also UID 1337, dials istiod:15012 for config and certificates. The same rule 4 returns it, so xDS itself is never captured.',
      highlights: { rules: 'uid_1337' },
      commands: [walk('web-1', 'istiod', 15012)],
      waitFor: { type: 'walk.hop', where: hopWhere((h) => h.stage === 'done') },
    },
    {
      caption:
        'Remove web-1’s sidecar: the pod is recreated without istio-init and istio-proxy, so its nat table is empty. Follow the same call: no redirect; on the node, kube-proxy DNATs the ClusterIP to checkout-1, whose Envoy accepts plaintext because mTLS is PERMISSIVE.',
      highlights: {},
      commands: [{ kind: 'pod.inject', pod: 'web-1', injected: false }, CALL],
      waitFor: { type: 'walk.hop', where: hopWhere((h) => h.stage === 'done') },
    },
    {
      caption:
        'Kill Istiod, then ask for web-1 with a sidecar again. Injection happens when a pod is created, in Istiod’s webhook (failurePolicy: Fail); the API server cannot reach it, so it refuses the new pod and web-1 keeps running without one.',
      predict: injectWithoutIstiod,
      highlights: {},
      ensure: (sim) => (istiodView(sim).up ? [] : [{ kind: 'istiod.restore' }]),
      commands: [{ kind: 'istiod.kill' }, { kind: 'pod.inject', pod: 'web-1', injected: true }],
      waitFor: {
        type: 'config.rejected',
        where: (e) =>
          e.type === 'config.rejected' && e.webhook === 'namespace.sidecar-injector.istio.io',
      },
    },
  ],
  panels: [
    {
      id: 'rules',
      title: 'Netfilter.natTable',
      subtitle: 'iptables-save -t nat, as istio-init wrote it; lit: the rule that decided',
      source: rulesSrc,
      follows: 'selected',
      following: (a) => `${a}’s nat table`,
      machine: rulesMachine,
    },
    {
      id: 'onOutbound',
      title: 'Sidecar.onOutbound',
      subtitle: 'Envoy takes the redirected connection and sends it on',
      source: onOutboundSrc,
      follows: 'selected',
      following: (a) => `${a}’s Envoy`,
      machine: outboundMachine,
    },
  ],
  tryThis: [
    {
      kind: 'button',
      id: 'follow',
      label: 'Follow one request',
      help: 'The selected pod’s app calls checkout:8080 (checkout-1 calls payments:8080). Step with ▶ or the . key to go hop by hop.',
      perActor: true,
      command: (pod) => walk(pod, pod === 'checkout-1' ? 'payments' : 'checkout'),
    },
    {
      kind: 'button',
      id: 'uninject',
      label: 'Remove the sidecar',
      help: 'Recreates the selected pod without istio-init and istio-proxy (a pod labelled sidecar.istio.io/inject: "false" skips the webhook). Then follow a request.',
      perActor: true,
      command: (pod) => ({ kind: 'pod.inject', pod, injected: false }),
    },
    {
      kind: 'button',
      id: 'inject',
      label: 'Inject a sidecar',
      help: 'Recreates the selected pod through Istio’s injection webhook; while Istiod is down the API server refuses it.',
      perActor: true,
      command: (pod) => ({ kind: 'pod.inject', pod, injected: true }),
    },
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'With Istiod down, requests still flow on the sidecars’ last config, but no new pod can get a sidecar: the injection webhook is unreachable.',
      key: 'k',
      param: { name: 'istiod', on: 'down', off: 'up' },
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (sim) => !istiodView(sim).up,
      on: () => ({ kind: 'istiod.kill' }),
      off: { kind: 'istiod.restore' },
    },
  ],
  simplified: [
    'REDIRECT mode as istio-init installs it; the Istio CNI plugin writes the same rules without an init container. IPv6 and the DNS-capture rules (off by default) are left out.',
    'each followed request opens a new connection; real Envoys reuse pooled connections to the same endpoint.',
    'apps run as UID 1000 here; any user but 1337 is captured the same way.',
    'a real Deployment deletes the old pod first, so with Istiod down it is left with no pod at all; the model keeps the old pod running.',
  ],
});

// [1] The panel text is `iptablesSave(true)` of src/engine/mesh/walk/iptables.ts: what the model
//     evaluates is exactly what the learner reads.
// [2] docs/fidelity.md §4.1 (ports, chains, UID 1337); the walk is `request.walk`.
