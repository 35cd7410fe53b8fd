import { directSceneModel, pods, type DirectSim, type DirectTrace } from '../../src/engine/direct';
import { defineScene } from '../../src/scene/types';
import { callPaymentsMachine } from './machines';
import { meta } from './meta';
import { deadPod } from './predict';
import callPayments from './snippets/callPayments.py?raw';

const KILLED = 'payments-v1-a';

/** A finished call of one caller (ok or not). */
const done =
  (caller: string, ok: boolean, minAttempts = 1) =>
  (e: DirectTrace) =>
    e.type === 'call.done' && e.caller === caller && e.ok === ok && e.attempts >= minAttempts;
const of = (caller: string) => (e: DirectTrace) => 'caller' in e && e.caller === caller;
/** kube-proxy no longer sends connections to the killed pod. */
const removed = (sim: DirectSim) => pods(sim).some((p) => p.name === KILLED && !p.inKubeProxy);

/** Scene 1 as data: three apps, three client libraries, one dead pod. */
export const scene1 = defineScene(directSceneModel)({
  meta,
  setup: {
    seed: 42,
    options: {},
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'checkout-1',
    selection: { param: 'caller', noun: 'calling app' },
  },
  cast: {
    controlPlane: false,
    rows: [
      ['web-1', 'cart-1', 'checkout-1'],
      ['payments-v1-a', 'payments-v1-b', 'payments-v2-a'],
    ],
  },
  steps: [
    {
      caption:
        'Three apps call payments, each through its own client library. web-1 (Node.js) dials payments-v1-a’s pod IP, hard-coded; cart-1 (Java) resolves a DNS name and caches the answer for 30 s; checkout-1 (Python) calls the Service name and lets kube-proxy pick a pod for each connection. For now every call succeeds.',
      highlights: { call: 'ok' },
      waitFor: { type: 'call.done', where: done('checkout-1', true) },
    },
    {
      caption:
        'Inside checkout-1 everything is the app’s own code: it dials the address it resolved with its own 2 s timeout, inside its own retry loop (2 retries, no backoff), and then sets up TLS with a CA file baked into its image. web-1 and cart-1 each carry a different version of the same logic, in another language.',
      highlights: { call: 'connect' },
      waitFor: { type: 'call.connect', where: of('checkout-1') },
    },
    {
      caption:
        'Kill payments-v1-a. Its IP stops answering — no reply, not even a refusal — so a caller that dials it waits for its own connect timeout. checkout-1’s attempt fails after 2 s whenever kube-proxy happens to pick the dead pod, and its loop dials again at once, with no backoff.',
      predict: deadPod,
      highlights: { call: 'connect' },
      ensure: (sim) =>
        pods(sim).some((p) => p.name === KILLED && p.up) ? [{ kind: 'pod.kill', pod: KILLED }] : [],
      waitFor: { type: 'call.attemptFailed', where: of('checkout-1') },
      runForMs: 30_000,
    },
    {
      caption:
        'web-1 keeps dialling the dead, hard-coded address: every call waits 10 s (undici’s connect timeout) and fails, and no retry or other address can save it.',
      highlights: {},
      select: 'web-1',
      waitFor: { type: 'call.done', where: done('web-1', false) },
      runForMs: 30_000,
    },
    {
      caption:
        'cart-1’s cached DNS answer still lists the dead IP: a call that lands on it waits 1 s, backs off 100 ms and retries on the next address — it succeeds, but slowly, until the cache expires.',
      highlights: {},
      select: 'cart-1',
      waitFor: { type: 'call.done', where: done('cart-1', true, 2) },
      runForMs: 30_000,
    },
    {
      caption:
        'After three failed readiness probes (10 s apart) Kubernetes marks the pod not ready and kube-proxy stops choosing it: checkout-1’s calls succeed at the first attempt again. web-1 is still dialling the dead IP.',
      highlights: { call: 'ok' },
      select: 'checkout-1',
      waitFor: { type: 'call.done', where: done('checkout-1', true), until: removed },
      runForMs: 60_000,
    },
    {
      caption:
        'Three apps, three libraries, three different failures — and three sets of settings to change in three languages. A service mesh moves this logic out of the apps into one proxy beside each of them, configured from one place: that is scene 2.',
      highlights: {},
      runForMs: 2_000,
    },
  ],
  panels: [
    {
      id: 'call',
      title: 'CheckoutApp.callPayments',
      subtitle: 'checkout’s own client: address, retry loop, timeout and TLS inside the app',
      source: callPayments,
      follows: 'all',
      following: () => 'checkout-1’s calls',
      machine: callPaymentsMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'kill',
      label: 'payments-v1-a',
      help: 'Its IP stops answering. Watch each caller fail its own way: web-1 times out on its hard-coded address, cart-1 retries on the next cached address, checkout-1 fails when kube-proxy picks the dead pod — until the readiness probe removes it.',
      key: 'x',
      param: { name: 'v1a', on: 'down', off: 'up' },
      onLabel: 'Restore payments-v1-a',
      offLabel: 'Kill payments-v1-a',
      isOn: (sim) => pods(sim).some((p) => p.name === KILLED && !p.up),
      on: () => ({ kind: 'pod.kill', pod: KILLED }),
      off: { kind: 'pod.restore', pod: KILLED },
    },
    {
      kind: 'slider',
      id: 'rate',
      label: 'Calls per second from each app',
      help: 'More calls make the failure pattern show sooner.',
      param: 'rate',
      min: 1,
      max: 10,
      step: 1,
      initial: 4,
      format: (v) => `${v}/s`,
      command: (v) => ({ kind: 'traffic.rate', perCallerRps: v }),
      fromCommand: (c) => (c.kind === 'traffic.rate' ? c.perCallerRps : null),
    },
  ],
  simplified: [
    'every attempt opens a new connection (real clients keep a pool, and a pooled connection to a dead pod hangs on its next request instead).',
    '“kill” makes the pod’s IP silent (a hung pod or a lost node); a crashed process on a live pod would be refused at once.',
    'cart-1 reads a second, headless Service (payments-headless) so DNS returns pod IPs; the CoreDNS cache is left out.',
  ],
});
