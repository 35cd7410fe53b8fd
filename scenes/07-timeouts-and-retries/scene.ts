import { PRESETS } from '../../src/engine/config/presets';
import { CAST } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import { defineScene } from '../../src/scene/types';
import { routerMachine, shouldRetryMachine } from './machines';
import { meta } from './meta';
import { defaultRetries } from './predict';
import { CHECKOUT_DEFAULT, CHECKOUT_RETRY, PAY_ROUTES, SLOW_MS, USER_RPS } from './runs';
import {
  apply,
  checkoutRetries,
  code,
  ensure,
  fail,
  failShare,
  isSlow,
  mark,
  P,
  payRouteNow,
  payYaml,
  slow,
  tryEnd,
  users,
  ut,
} from './state';
import sendWithRetriesSrc from './snippets/sendWithRetries.py?raw';
import shouldRetrySrc from './snippets/shouldRetry.py?raw';

/** Scene 7 as data: retries and timeouts at each hop of the call graph, and what they multiply. */
export const scene7 = defineScene(meshSceneModel)({
  meta,
  // [1] The call graph at 30 user requests/s: web-1 → checkout-1 → payments (one cluster of the
  //     three pods); the per-try entries (detail) drive the panels.
  setup: {
    seed: 42,
    options: { traffic: { mode: 'graph', userRps: USER_RPS, detail: true } },
    commands: [apply(PRESETS['payments-all-pods'])],
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
        'Users call web-1 30 times a second; web-1 calls checkout, and checkout-1 calls payments (one cluster of all three pods). Every route carries Istio’s default retry policy: 2 retries on connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes, another pod each time (previous_hosts), a 25 ms base backoff — and no route timeout (0s). Everything succeeds; the first row measures it.',
      highlights: { router: 'return', retry: 'ok' },
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'return', code(200)),
        until: users(150),
      },
    },
    {
      caption:
        'Make every payments pod answer 503 to 30% of its requests. Since Istio 1.24 the default list of retriable status codes is empty, so checkout-1’s Envoy hands the 503 back; checkout’s app answers 503, web-1’s Envoy passes it on. About 30% of users fail, and each user request costs payments exactly one try.',
      predict: defaultRetries,
      highlights: { router: 'return', retry: 'notRetriable' },
      ensure: ensure({ pay: 'default', chk: false, fail: 0, slow: false }),
      commands: [fail(P), mark],
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'return', code(503)),
        until: users(300),
      },
    },
    {
      caption:
        'Retry 5xx at checkout → payments: the payments VirtualService gets retries { attempts: 2, retryOn: 5xx }, and Istiod pushes the new route (RDS). Here is checkout-1’s first retry: the 503 is retriable now, one retry is used, and the next try waits a random backoff below 25 ms, then goes to another pod.',
      highlights: { router: 'backoff', retry: 'retry' },
      ensure: ensure({ pay: 'default', chk: false, fail: P, slow: false }),
      commands: [apply(payYaml('5xx')), mark],
      waitFor: { type: 'attempt.done', where: tryEnd('checkout-1', 'payments', 'retry') },
    },
    {
      caption:
        'Measure it. A payments call now fails only when all three tries fail (0.3³ ≈ 2.7%): users see about 97% success, and payments gets (1 − p³)/(1 − p) ≈ 1.39 tries per user request. The step stops where three tries failed: no retries left, the 503 goes back with flag URX.',
      highlights: { router: 'return', retry: 'exhausted' },
      ensure: ensure({ pay: '5xx', chk: false, fail: P, slow: false }),
      commands: [mark],
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'exhausted'),
        until: users(300),
      },
    },
    {
      caption:
        'Retry 5xx at web → checkout too (a checkout VirtualService). web-1’s Envoy now retries checkout’s 503s — and each retry is a new request to checkout’s app, which calls payments again, through a sidecar that retries again.',
      highlights: { router: 'backoff', retry: 'retry' },
      select: 'web-1',
      ensure: ensure({ pay: '5xx', chk: false, fail: P, slow: false }),
      commands: [apply(CHECKOUT_RETRY), mark],
      waitFor: { type: 'attempt.done', where: tryEnd('web-1', 'checkout', 'retry') },
    },
    {
      caption:
        'Retries multiply along the chain. With both hops retrying, one user request can cost payments up to 3 × 3 = 9 tries; on average (1 − p³)/(1 − p) × (1 − q³)/(1 − q) with q = p³, about 1.43 at p = 0.3. Compare the measured factor with the expected one. Users almost never fail now.',
      highlights: { router: 'backoff', retry: 'retry' },
      select: 'checkout-1',
      ensure: ensure({ pay: '5xx', chk: true, fail: P, slow: false }),
      commands: [mark],
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'retry'),
        until: users(300),
      },
    },
    {
      caption:
        'Make payments-v1-b slow (+200 ms) and give the payments route a 100 ms timeout (its retries back to Istio’s default). A call that lands on v1-b is still waiting when the route timeout fires: checkout-1’s Envoy answers 504 with flag UT and does not retry — the route timeout covers every try.',
      highlights: { router: 'routeTimeout' },
      ensure: ensure({ pay: '5xx', chk: true, fail: P, slow: false }),
      commands: [slow(SLOW_MS), apply(payYaml('timeout')), mark],
      waitFor: { type: 'attempt.done', where: tryEnd('checkout-1', 'payments', 'routeTimeout') },
    },
    {
      caption:
        'Measure it: about one payments call in five lands on v1-b and times out (least request sends it fewer than a third), on top of the 30% that fail. web-1’s Envoy retries checkout’s 503s and 504s (both are 5xx), so users still mostly succeed — each retry starting a new call through checkout.',
      highlights: { router: 'routeTimeout' },
      ensure: ensure({ pay: 'timeout', chk: true, fail: P, slow: true }),
      commands: [mark],
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'routeTimeout'),
        until: users(150),
      },
    },
    {
      caption:
        'A per-try timeout instead: retries on 5xx with perTryTimeout 40 ms and no route timeout. A try to v1-b is reset after 40 ms (504 UT) and retried on another pod, so the slow pod barely shows to users.',
      highlights: { router: 'perTry', retry: 'retry' },
      ensure: ensure({ pay: 'timeout', chk: true, fail: P, slow: true }),
      commands: [apply(payYaml('perTry')), mark],
      waitFor: { type: 'attempt.done', where: tryEnd('checkout-1', 'payments', 'retry', ut) },
    },
    {
      caption:
        'Measure it: users succeed again, but payments takes more tries per user request than with retries alone — every timed-out try was real work sent to a pod. Retries and timeouts trade load for success; set them per hop with the whole chain in mind.',
      highlights: { router: 'perTry', retry: 'retry' },
      ensure: ensure({ pay: 'perTry', chk: true, fail: P, slow: true }),
      commands: [mark],
      waitFor: {
        type: 'attempt.done',
        where: tryEnd('checkout-1', 'payments', 'retry', ut),
        until: users(150),
      },
    },
  ],
  panels: [
    {
      id: 'router',
      title: 'Router.sendWithRetries',
      subtitle: 'each try: pick a pod, send, decide; backoff; the route timeout',
      source: sendWithRetriesSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar, every call it makes`,
      machine: routerMachine,
    },
    {
      id: 'retry',
      title: 'RetryPolicy.shouldRetry',
      subtitle: 'Envoy’s verdict on each try’s outcome',
      source: shouldRetrySrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar, every call it makes`,
      machine: shouldRetryMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'fail',
      label: 'payments failing',
      help: 'Every payments pod answers 503 to 30% of its requests (service.fail). Istio’s default policy does not retry a 503.',
      key: 'f',
      param: { name: 'fail', on: '30', off: '0' },
      onLabel: 'Heal payments',
      offLabel: 'Make payments fail 30%',
      isOn: (sim) => failShare(sim) > 0,
      on: () => fail(P),
      off: fail(0),
    },
    {
      kind: 'slider',
      id: 'pay',
      label: 'checkout → payments route',
      help: 'The payments VirtualService: Istio’s default retries, retries on 5xx, retries with a 40 ms per-try timeout, or a 100 ms route timeout. checkout-1’s Envoy uses it once the new RDS has arrived.',
      param: 'pay',
      min: 0,
      max: PAY_ROUTES.length - 1,
      step: 1,
      initial: 0,
      format: (v) => PAY_ROUTES[v]?.text ?? PAY_ROUTES[0].text,
      command: (v) => apply(PAY_ROUTES[v]?.yaml ?? PAY_ROUTES[0].yaml),
      fromCommand: (c) => {
        const i = c.kind === 'config.apply' ? PAY_ROUTES.findIndex((r) => r.yaml === c.yaml) : -1;
        return i >= 0 ? i : null;
      },
      value: (sim) => {
        const i = PAY_ROUTES.findIndex((r) => r.id === payRouteNow(sim));
        return i >= 0 ? i : null;
      },
    },
    {
      kind: 'toggle',
      id: 'chk',
      label: 'web → checkout retries',
      help: 'The checkout VirtualService with retries { attempts: 2, retryOn: 5xx }: web-1’s Envoy retries checkout’s 5xx, and every retry makes checkout call payments again.',
      key: 'c',
      param: { name: 'chk', on: '5xx', off: 'default' },
      onLabel: 'web → checkout: back to Istio’s default',
      offLabel: 'web → checkout: retry 5xx',
      isOn: checkoutRetries,
      on: () => apply(CHECKOUT_RETRY),
      off: apply(CHECKOUT_DEFAULT),
    },
    {
      kind: 'toggle',
      id: 'slow',
      label: 'Slow pod',
      help: 'payments-v1-b’s app takes 200 ms more per request: the timeouts have something to cut.',
      key: 's',
      param: { name: 'slow', on: 'on', off: 'off' },
      onLabel: 'Heal payments-v1-b',
      offLabel: 'Slow payments-v1-b (+200 ms)',
      isOn: isSlow,
      on: () => slow(SLOW_MS),
      off: slow(0),
    },
  ],
  simplified: [
    'the payments route sends every call to one cluster of all three pods (no v1/v2 canary split), so previous_hosts always has another pod to pick.',
    'payments fails each request independently (a share of 503s, not an outage); the expected factor assumes exactly that and no timeouts.',
    'an app does not notice that its caller gave up: the work of a timed-out try still runs to the end (and its downstream calls too).',
    'user requests enter web-1’s app directly (no ingress gateway), so the first retrying hop is web → checkout.',
  ],
});

// [1] docs/fidelity.md §4.4 (timeouts) and §4.5 (retries, and how they multiply along a chain).
