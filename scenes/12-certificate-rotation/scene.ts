import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { certTimeline, istiodView, type MeshSource } from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { rotateRoot, rotationLoop, verifyPeer } from './machines';
import { meta } from './meta';
import { expiredHandshakes } from './predict';
import rotateRootSrc from './snippets/rotateRoot.py?raw';
import rotationLoopSrc from './snippets/rotationLoop.py?raw';
import verifyPeerSrc from './snippets/verifyPeer.py?raw';

const HOUR = 3_600_000_000;
/** Every step waits at most two simulated days for its entry (the default is 30 s). */
const LIMIT_MS = 48 * 3_600_000;
/** web-1's app calls payments `count` times, one per ms: enough at once to open new connections. */
const webCalls = (count: number): MeshCommand => ({
  kind: 'traffic.send',
  from: 'web-1',
  service: 'payments',
  count,
});
const row = (sim: MeshSource, pod: string) => certTimeline(sim).rows.find((r) => r.pod === pod);
const sdsTo =
  (pod: string, resource: 'default' | 'ROOTCA', test: (e: MeshTrace) => boolean = () => true) =>
  (e: MeshTrace) =>
    e.type === 'sds.push' && e.pod === pod && e.resource === resource && test(e);
const kill = (sim: MeshSource): MeshCommand[] =>
  istiodView(sim).up ? [{ kind: 'istiod.kill' }] : [];
const restore = (sim: MeshSource): MeshCommand[] =>
  istiodView(sim).up ? [] : [{ kind: 'istiod.restore' }];

/** Scene 12 as data: a day of certificates at hours per second, two root rotations, Istiod gone. */
export const scene12 = defineScene(meshSceneModel)({
  meta,
  // [1] Hours per second: little traffic (one request per 20 s per edge) and a checkpoint every
  //     5 simulated minutes (src/engine/mesh/README.md "Long runs"); handshakes are traced.
  setup: {
    seed: 42,
    options: { traceSecurity: true, perEdgeRps: 0.05 },
    checkpointEvery: 300_000_000,
    timeScale: 'hours',
    speed: 1,
    select: 'web-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'At start every istio-agent makes a key and a CSR, Istiod’s CA signs a certificate valid for 24 hours, and the agent hands it to Envoy over SDS. The chart draws each one: issued, renew-at (about half its life), expiry. Time runs at one hour per second.',
      highlights: { loop: 'sleep' },
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'cert.issued',
        until: (sim) => certTimeline(sim).rows.every((r) => r.serial !== null),
      },
    },
    {
      caption:
        'About 12 hours later (50% of the lifetime, ± 1% jitter so the pods do not all renew at once) web-1’s agent sends a new CSR, pushes the new certificate to Envoy over SDS and sleeps until the new renew-at. New handshakes use the new certificate; open connections keep the session they have. The old one would still be valid for 12 hours.',
      highlights: { loop: 'sleep' },
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'cert.issued',
        where: (e) => e.type === 'cert.issued' && e.pod === 'web-1' && e.t > HOUR,
      },
    },
    {
      caption:
        'Rotation one: Istio re-issues its self-signed root with the SAME private key (it does this by itself when 20% of the root’s 10 years are left). root-2 joins the trust bundle and signs from now on; every agent pushes the new ROOTCA to its Envoy.',
      highlights: { ca: 'publish', loop: 'rootca' },
      commands: [{ kind: 'ca.rotateRoot', sameKey: true }],
      ensure: restore,
      runForMs: LIMIT_MS,
      waitFor: { type: 'sds.push', where: sdsTo('web-1', 'ROOTCA') },
    },
    {
      caption:
        'Drop root-1 from the bundle right away, and let web-1 call payments (new connections, so new handshakes). Certificates signed before the re-issue still verify: the signature is checked with the root’s key, and root-2 has the same key.',
      highlights: { ca: 'drop', verify: 'ok' },
      commands: [{ kind: 'ca.dropOldRoots' }, webCalls(20)],
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'tls.handshake',
        where: (e) => e.type === 'tls.handshake' && e.from === 'web-1',
      },
    },
    {
      caption:
        'Rotation two: a plug-in CA with a NEW key (the cacerts Secret). Certificates signed by the old key verify only against the old root, so the bundle holds both — published in the istio-ca-root-cert ConfigMap of every namespace — and every Envoy gets ROOTCA with two roots.',
      highlights: { ca: 'publish_new', loop: 'rootca' },
      commands: [{ kind: 'ca.rotateRoot', sameKey: false }],
      ensure: restore,
      runForMs: LIMIT_MS,
      waitFor: { type: 'sds.push', where: sdsTo('web-1', 'ROOTCA') },
    },
    {
      caption:
        'Wait while every workload renews at its own renew-at: one by one the bars turn to the new root. The step ends when the last certificate signed by the old key has been replaced (about 12 hours).',
      highlights: { loop: 'sleep' },
      ensure: restore,
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'cert.issued',
        until: (sim) => {
          const v = certTimeline(sim);
          return v.rows.every((r) => r.rootId === v.signingRootId);
        },
      },
    },
    {
      caption:
        'Only now end the overlap: the bundle keeps the new root alone. No handshake fails, because no certificate signed by the old key is left. (Try dropping it early, right after a new-key rotation: handshakes fail with “signed by an untrusted root”.)',
      highlights: { ca: 'drop', loop: 'rootca' },
      commands: [{ kind: 'ca.dropOldRoots' }],
      runForMs: LIMIT_MS,
      waitFor: { type: 'sds.push', where: sdsTo('web-1', 'ROOTCA') },
    },
    {
      caption:
        'Kill Istiod. Nothing changes at first. At web-1’s renew-at its agent cannot get a certificate signed: CreateCertificate fails and it retries with backoff. Its current certificate still has about 12 hours left.',
      highlights: { loop: 'backoff' },
      ensure: kill,
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'cert.csrFailed',
        where: (e) => e.type === 'cert.csrFailed' && e.pod === 'web-1',
      },
    },
    {
      caption:
        'web-1’s certificate has expired, and its requests still complete: they travel on connections opened earlier, whose TLS sessions are never checked again. This is scene 11’s “traffic keeps flowing”, on borrowed time.',
      highlights: { verify: 'reuse' },
      ensure: kill,
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'request.done',
        where: (e) => e.type === 'request.done' && e.from === 'web-1' && e.code === 200,
        until: (sim) => row(sim, 'web-1')?.expired === true,
      },
    },
    {
      caption:
        'Now web-1 calls payments 20 times at once: that needs new connections, and every new handshake fails with “certificate expired”. Existing connections carry on; new ones cannot be made until Istiod is back (restore it: each agent’s next retry gets a certificate).',
      predict: expiredHandshakes,
      highlights: { verify: 'expired' },
      ensure: kill,
      commands: [webCalls(20)],
      runForMs: LIMIT_MS,
      waitFor: {
        type: 'tls.handshakeFailed',
        where: (e) => e.type === 'tls.handshakeFailed' && e.from === 'web-1',
      },
    },
  ],
  panels: [
    {
      id: 'loop',
      title: 'IstioAgent.rotationLoop',
      subtitle: 'renew at half the lifetime; keep the current cert when Istiod is away',
      source: rotationLoopSrc,
      follows: 'selected',
      following: (a) => `${a}’s istio-agent`,
      machine: rotationLoop,
    },
    {
      id: 'ca',
      title: 'CA.rotateRoot',
      subtitle: 'same key or new key — and when the old root may go',
      source: rotateRootSrc,
      follows: 'all',
      following: () => 'Istiod’s CA',
      machine: rotateRoot,
    },
    {
      id: 'verify',
      title: 'Sidecar.verifyPeer',
      subtitle: 'checked at each new handshake, never on an open connection',
      source: verifyPeerSrc,
      follows: 'selected',
      following: (a) => `${a}’s Envoy`,
      machine: verifyPeer,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'With Istiod down no certificate is signed: agents retry with backoff, certificates run out one by one, and after that new handshakes fail while open connections carry on. Restore it and each agent’s next retry succeeds.',
      key: 'k',
      param: { name: 'istiod', on: 'down', off: 'up' },
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (sim) => !istiodView(sim).up,
      on: () => ({ kind: 'istiod.kill' }),
      off: { kind: 'istiod.restore' },
    },
    {
      kind: 'button',
      id: 'newKey',
      label: 'New CA (new key)',
      help: 'A plug-in CA with a new key: the bundle holds old and new roots until you drop the old ones. Drop them before every workload renews and handshakes fail.',
      perActor: false,
      command: () => ({ kind: 'ca.rotateRoot', sameKey: false }),
    },
    {
      kind: 'button',
      id: 'drop',
      label: 'Drop the old roots',
      help: 'Ends the overlap: the trust bundle keeps only the signing root.',
      perActor: false,
      command: () => ({ kind: 'ca.dropOldRoots' }),
    },
    {
      kind: 'button',
      id: 'webCalls',
      label: 'web-1 calls payments 20 times',
      help: '20 requests one millisecond apart: web-1’s Envoy opens new connections to payments, so each needs a handshake.',
      perActor: false,
      command: () => webCalls(20),
    },
  ],
  simplified: [
    'the plug-in CA’s root signs workload certificates itself; a real cacerts Secret usually holds an intermediate (ca-cert.pem) signed by the root, and cert-chain.pem.',
    'little traffic (one request per 20 s on each edge) so that hours pass quickly; connections idle for an hour are closed and reopened with a new handshake.',
    'keys and signatures are not computed: the model records which key signed each certificate and which roots each Envoy trusts.',
    'the trust bundle reaches every running agent at once; in Istio it travels in the istio-ca-root-cert ConfigMap and the CA’s response chain, with the kubelet’s ConfigMap sync delay.',
    'the root re-issue happens in step 3 when the narrative says so; Istio checks its self-signed root every hour and re-issues it when 20% of its 10-year life is left.',
  ],
});

// [1] docs/fidelity.md §3 (TTL, renewal ratio and jitter, root re-issue, the overlap).
