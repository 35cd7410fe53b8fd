import { PRESETS } from '../../src/engine/config';
import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import {
  authzRules,
  callsTo,
  mtlsMode,
  sidecarViews,
  type MeshSource,
} from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { agentMachine, caMachine, handshakeMachine } from './machines';
import { meta } from './meta';
import { strictPlaintext } from './predict';
import handshakeSrc from './snippets/handshake.py?raw';
import requestSrc from './snippets/requestCertificate.py?raw';
import signSrc from './snippets/sign.py?raw';

const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
/** web-1's app calls payments `count` times, one per ms (web does not call payments by itself). */
const webCalls = (count: number): MeshCommand => ({
  kind: 'traffic.send',
  from: 'web-1',
  service: 'payments',
  count,
});
const PERMISSIVE = PRESETS['mtls-strict'].replace('mode: STRICT', 'mode: PERMISSIVE');
/** A DENY policy with no rules denies nothing: how the toggle takes the deny back. */
const NO_DENY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments-deny-web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  action: DENY
`;
const fromWeb =
  (test: (e: Extract<MeshTrace, { type: 'request.done' }>) => boolean) =>
  (e: MeshTrace): boolean =>
    e.type === 'request.done' && e.from === 'web-1' && test(e);
const decision =
  (test: (e: Extract<MeshTrace, { type: 'rbac.decision' }>) => boolean) =>
  (e: MeshTrace): boolean =>
    e.type === 'rbac.decision' && e.from === 'web-1' && test(e);
const injected = (sim: MeshSource, pod: string) =>
  sidecarViews(sim).find((s) => s.pod === pod)?.injected ?? false;

/** Scene 9 as data: identities, certificates, handshakes, and policies that decide by identity. */
export const scene9 = defineScene(meshSceneModel)({
  meta,
  // [1] Every successful handshake and every RBAC decision is traced (`traceSecurity`).
  setup: {
    seed: 42,
    options: { traceSecurity: true },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'payments-v1-a',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Every workload’s identity is its Kubernetes service account, written as a SPIFFE ID: spiffe://cluster.local/ns/shop/sa/payments. At start payments-v1-a’s istio-agent made a key and a CSR for it; Istiod’s CA checked the pod’s token and signed; the agent gave Envoy “ROOTCA” (the trust bundle) and “default” (key and certificate) over SDS.',
      highlights: { agent: 'sds_default', ca: 'sign' },
      waitFor: {
        type: 'sds.push',
        where: (e) =>
          e.type === 'sds.push' && e.pod === 'payments-v1-a' && e.resource === 'default',
      },
    },
    {
      caption:
        'checkout-1 calls payments: its Envoy opens a connection to payments-v1-a and they handshake. The server shows a certificate for sa/payments, signed by a root checkout-1 trusts, and that identity is one the cluster expects for payments (secure naming); then checkout-1 proves sa/checkout the same way.',
      highlights: { handshake: 'done' },
      waitFor: {
        type: 'tls.handshake',
        where: (e) => e.type === 'tls.handshake' && e.to === 'payments-v1-a',
      },
    },
    {
      caption:
        'Take web-1’s sidecar away and let its app call payments: plaintext, no certificate. payments is PERMISSIVE (Istio’s default), so its inbound listener keeps a plaintext chain and the call succeeds — with no identity to check.',
      highlights: {},
      select: 'web-1',
      commands: [{ kind: 'pod.inject', pod: 'web-1', injected: false }, webCalls(3)],
      waitFor: { type: 'request.done', where: fromWeb((e) => e.code === 200) },
    },
    {
      caption:
        'Turn on STRICT for namespace shop (a PeerAuthentication) while web-1 keeps calling. Istiod pushes new listeners; once payments’ Envoys have them, only the mTLS chain is left and web-1’s plaintext connections are reset — the first calls still passed while the push was on its way.',
      predict: strictPlaintext,
      highlights: {},
      select: 'web-1',
      commands: [apply(PRESETS['mtls-strict']), webCalls(400)],
      waitFor: { type: 'request.done', where: fromWeb((e) => e.code === 0) },
    },
    {
      caption:
        'Give web-1 its sidecar back. The new pod’s istio-agent makes a key and a CSR for sa/web, Istiod’s CA signs it, and Envoy gets it over SDS: web-1 can speak mTLS again, as spiffe://cluster.local/ns/shop/sa/web.',
      highlights: { agent: 'sds_default', ca: 'sign' },
      select: 'web-1',
      commands: [{ kind: 'pod.inject', pod: 'web-1', injected: true }],
      waitFor: {
        type: 'xds.ack',
        where: (e) => e.type === 'xds.ack' && e.pod === 'web-1' && e.xds === 'RDS',
      },
    },
    {
      caption:
        'Allow only checkout to call payments: an AuthorizationPolicy with action ALLOW for principal cluster.local/ns/shop/sa/checkout. web-1 calls over mTLS; payments’ RBAC filter sees principal sa/web, no ALLOW rule matches, and web-1 gets 403 “RBAC: access denied”.',
      highlights: { handshake: 'no_allow' },
      select: 'payments-v1-a',
      commands: [apply(PRESETS['authz-only-checkout']), webCalls(400)],
      // Until web-1 has received a few of those 403s (the table below counts what it got).
      waitFor: {
        type: 'rbac.decision',
        where: decision((e) => !e.allowed),
        until: (sim) => callsTo(sim, 'web-1', 'payments').denied >= 3,
      },
    },
    {
      caption:
        'checkout-1’s calls still pass: its principal sa/checkout matches the ALLOW rule. The decision uses the identity from the handshake, not an IP address or a header the caller could forge.',
      highlights: { handshake: 'allowed' },
      select: 'payments-v1-a',
      waitFor: {
        type: 'rbac.decision',
        where: (e) =>
          e.type === 'rbac.decision' && e.from === 'checkout-1' && e.pod === 'payments-v1-a',
      },
    },
    {
      caption:
        'Add a DENY policy for sa/web. DENY policies are checked before ALLOW: web-1 is now refused by the DENY rule itself — still 403 “RBAC: access denied”, with the matched policy in Envoy’s response details.',
      highlights: { handshake: 'deny' },
      select: 'payments-v1-a',
      commands: [apply(PRESETS['authz-deny-web']), webCalls(400)],
      waitFor: { type: 'rbac.decision', where: decision((e) => e.action === 'DENY' && !e.allowed) },
    },
  ],
  panels: [
    {
      id: 'agent',
      title: 'IstioAgent.requestCertificate',
      subtitle: 'key and CSR in the pod; the certificate reaches Envoy over SDS',
      source: requestSrc,
      follows: 'selected',
      following: (a) => `${a}’s istio-agent`,
      machine: agentMachine,
    },
    {
      id: 'ca',
      title: 'CA.sign',
      subtitle: 'Istiod’s CA signs a pod’s own identity only',
      source: signSrc,
      follows: 'all',
      following: () => 'every CSR',
      machine: caMachine,
    },
    {
      id: 'handshake',
      title: 'Sidecar.handshake',
      subtitle: 'mTLS between two sidecars, then authorization by the peer’s identity',
      source: handshakeSrc,
      follows: 'selected',
      following: (a) => `${a}’s Envoy`,
      machine: handshakeMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'strict',
      label: 'mTLS mode',
      help: 'A PeerAuthentication for namespace shop: STRICT refuses plaintext (a caller without a sidecar is reset); PERMISSIVE accepts both.',
      param: { name: 'mtls', on: 'strict', off: 'permissive' },
      onLabel: 'Back to PERMISSIVE',
      offLabel: 'Turn on STRICT',
      isOn: (sim) => mtlsMode(sim, 'payments-v1-a') === 'STRICT',
      on: () => apply(PRESETS['mtls-strict']),
      off: apply(PERMISSIVE),
    },
    {
      kind: 'toggle',
      id: 'webSidecar',
      label: 'web-1’s sidecar',
      help: 'Recreates web-1 without or with its sidecar (injection). Without one its calls are plaintext and carry no identity.',
      onLabel: 'Inject web-1’s sidecar again',
      offLabel: 'Remove web-1’s sidecar',
      isOn: (sim) => !injected(sim, 'web-1'),
      on: () => ({ kind: 'pod.inject', pod: 'web-1', injected: false }),
      off: { kind: 'pod.inject', pod: 'web-1', injected: true },
    },
    {
      kind: 'button',
      id: 'webCalls',
      label: 'web-1 calls payments 20 times',
      help: 'web does not call payments on its own: this sends 20 requests from web-1’s app, one per millisecond. Watch the table for 200, 403 or reset.',
      perActor: false,
      command: () => webCalls(20),
    },
    {
      kind: 'toggle',
      id: 'denyWeb',
      label: 'Deny web → payments',
      help: 'An AuthorizationPolicy with action DENY for principal cluster.local/ns/shop/sa/web; turning it off applies the same policy with no rules, which denies nothing.',
      param: { name: 'deny', on: 'web', off: 'none' },
      onLabel: 'Lift the DENY',
      offLabel: 'Deny web → payments',
      isOn: (sim) => authzRules(sim, 'payments-v1-a').deny > 0,
      on: () => apply(PRESETS['authz-deny-web']),
      off: apply(NO_DENY),
    },
  ],
  simplified: [
    'one CA (Istiod’s self-signed root); scene 12 rotates it. Keys and signatures are not computed: the model checks who signed what and when it expires.',
    'the handshake is one step per connection; ciphers, TLS versions and session resumption are left out (Istio uses TLS 1.2 or later with ECDHE suites).',
    'requests are GET /; AuthorizationPolicy rules on paths, methods and headers work the same way in Envoy’s RBAC filter.',
  ],
});

// [1] docs/fidelity.md §3 (identity, CSR, SDS, mTLS) and the AuthorizationPolicy rows of §3.
