import { SECOND } from '../../src/engine/core/time';
import { CHAOS_YAML, healAll } from '../../src/engine/faults/chaos';
import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import type { MeshSim } from '../../src/engine/mesh/types';
import { goldenSignalsByReporter } from '../../src/engine/mesh/views/observe';
import { traceView } from '../../src/engine/mesh/views/observeTrace';
import { defineScene, type Prediction } from '../../src/scene/types';
import { forwardMachine, recordMachine } from './machines';
import { meta } from './meta';
import forwardSrc from './snippets/forwardTraceHeaders.py?raw';
import recordSrc from './snippets/recordMetrics.py?raw';

/** The caller the panels follow: it calls inventory, then payments, for every user request. */
export const CALLER = 'checkout-1';

const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
const forward = (on: boolean): MeshCommand => ({ kind: 'tracing.set', forwardHeaders: on });
/** payments' golden signals over the last 10 s. */
export const paymentsSignals = (sim: MeshSim) =>
  goldenSignalsByReporter(sim, 10).find((s) => s.service === 'payments');
const doneBy =
  (pred: (e: Extract<MeshTrace, { type: 'request.done' }>) => boolean) => (e: MeshTrace) =>
    e.type === 'request.done' && e.from === CALLER && pred(e);
const clientSpan = (joined: boolean) => (e: MeshTrace) =>
  e.type === 'span' && e.pod === CALLER && e.kind === 'client' && (e.parentId !== null) === joined;

/** Asked before the abort: which reporter sees the errors? */
export const abortPrediction: Prediction<MeshSim> = {
  question:
    'A VirtualService now aborts half of the calls to payments with 503, in the caller’s sidecar. Which reporter’s error rate for payments rises?',
  choices: [
    { id: 'source', label: 'Only reporter="source" (the caller’s sidecar)' },
    { id: 'destination', label: 'Only reporter="destination" (the payments sidecar)' },
    { id: 'both', label: 'Both' },
  ],
  answer: (sim) => {
    const p = paymentsSignals(sim);
    if (!p) return null;
    const src = p.source.errorRate > 0.2;
    const dst = p.destination.errorRate > 0.2;
    return src && dst ? 'both' : src ? 'source' : dst ? 'destination' : null;
  },
  evidence:
    'The golden-signals table: payments’ errors at reporter source against reporter destination, and the access log’s “503 FI fault_filter_abort”.',
};

/** Asked before the apps stop forwarding the trace headers. */
export const splitPrediction: Prediction<MeshSim> = {
  question: 'The apps stop forwarding the trace headers. What does the next trace look like?',
  choices: [
    { id: 'same', label: 'The same tree: Envoy links the spans itself' },
    { id: 'split', label: 'Separate one-hop traces, one per call' },
    { id: 'none', label: 'No spans at all' },
  ],
  answer: (sim) => {
    const v = traceView(sim);
    const first = v.traces[0];
    return !first ? 'none' : first.hops > 1 ? 'same' : 'split';
  },
  evidence:
    'The trace panel: each call becomes its own trace id (a client span and its server span), and the x-request-id differs per hop.',
};

/** How long the mystery step runs after the injection: longer than the golden signals' 10 s window. */
const MYSTERY_SETTLE_US = 11 * SECOND;

/** Scene 13 as data: metrics per reporter, the trace, the access log, then chaos and a mystery. */
export const scene13 = defineScene(meshSceneModel)({
  meta,
  // [1] The call graph with the sidecars' per-reporter metrics; every request sampled.
  setup: {
    seed: 42,
    options: { traffic: { mode: 'graph', userRps: 10, observe: true } },
    commands: [{ kind: 'tracing.set', forwardHeaders: true, samplingPercent: 100 }],
    checkpointEvery: 5 * SECOND,
    timeScale: 'realtime',
    speed: 1,
    select: CALLER,
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Users send 10 requests/s to web-1; each makes five calls. Every call is counted twice in istio_requests_total: by the caller’s sidecar (reporter="source") and by the callee’s (reporter="destination"). The table shows each service’s rate over the last 10 s, its errors and p50/p90/p99 computed from Envoy’s histogram buckets, as Prometheus’ histogram_quantile does. Healthy, both reporters agree.',
      highlights: { record: 'count' },
      waitFor: {
        type: 'request.done',
        where: doneBy((e) => e.code === 200 && e.flags === '-'),
        until: (sim) => sim.now >= 11 * SECOND,
      },
    },
    {
      caption:
        'A VirtualService aborts 50% of the calls to payments with 503 (scene 10’s fault injection). checkout-1’s Envoy answers those calls itself: reporter="source" counts the errors, but the payments sidecar never sees them — its rate drops instead. The access log says why: “503 FI fault_filter_abort”, and no upstream host.',
      predict: abortPrediction,
      highlights: { record: 'flagged' },
      commands: [apply(CHAOS_YAML.paymentsAbort)],
      waitFor: {
        type: 'request.done',
        where: doneBy((e) => e.flags === 'FI'),
        until: (sim) => (paymentsSignals(sim)?.source.errorRate ?? 0) >= 0.3,
      },
    },
    {
      caption:
        'Remove the abort and make payments-v1-a’s app answer 503 instead (scene 7). Now the callee’s sidecar sees the errors too: both reporters count them, and the access-log line reads “503 - via_upstream” — no flag, the status came from the app. checkout-1 passes the 503 up, so checkout’s errors rise as well: the deepest service with errors at the destination reporter is the cause.',
      highlights: { record: 'error' },
      commands: [
        apply(CHAOS_YAML.paymentsPlain),
        { kind: 'pod.fail', pod: 'payments-v1-a', share: 1 },
      ],
      waitFor: {
        type: 'request.done',
        where: doneBy((e) => e.code === 503 && e.flags === '-'),
        until: (sim) => (paymentsSignals(sim)?.destination.errorRate ?? 0) >= 0.2,
      },
    },
    {
      caption:
        'Heal payments-v1-a and look at one user request’s trace. Every sidecar made a span (client in the caller, server in the callee); they form one tree because each app copied the trace headers (x-request-id, traceparent or the B3 set) from its request onto its own calls. checkout’s calls hang under checkout’s server span.',
      highlights: { forward: 'forward' },
      ensure: (sim) => [
        ...healAll(sim.state),
        ...(sim.state.traffic.forwardHeaders ? [] : [forward(true)]),
      ],
      commands: [{ kind: 'pod.fail', pod: 'payments-v1-a', share: 0 }],
      waitFor: {
        type: 'span',
        where: clientSpan(true),
        until: (sim) => {
          const t = traceView(sim).traces[0];
          return t !== undefined && t.hops >= 5 && !t.error;
        },
      },
    },
    {
      caption:
        'The apps stop forwarding the headers. Envoy cannot link an incoming request to the calls the app makes next, so each caller’s sidecar starts a new trace: the tree falls apart into one-hop traces, each with its own trace id and x-request-id.',
      predict: splitPrediction,
      highlights: { forward: 'newTrace' },
      commands: [forward(false)],
      waitFor: {
        type: 'span',
        where: clientSpan(false),
        until: (sim) => {
          const v = traceView(sim);
          return v.traces.length >= 2 && v.traces.every((x) => x.hops === 1);
        },
      },
    },
    {
      caption:
        'Forward again, and kill inventory-1 (scene 3): its endpoint leaves EDS and checkout-1’s Envoy has no host left — “503 UH no_healthy_upstream”, counted only by reporter="source"; the destination reporter falls to zero. The chaos panel below holds every fault of the earlier scenes: try them, and compare the flags.',
      highlights: { record: 'flagged' },
      commands: [forward(true), { kind: 'pod.kill', pod: 'inventory-1' }],
      waitFor: { type: 'request.done', where: doneBy((e) => e.flags.split(',').includes('UH')) },
    },
    {
      caption:
        'Find the cause. Everything is healed and one fault of the chaos panel is injected without saying which; the step runs 11 s, so the golden signals’ 10 s window holds only the mystery. Read the golden signals (which service, which reporter), the trace and the access log’s flags, then name the fault below and press Check. “New mystery” picks another.',
      highlights: { record: 'count' },
      commands: [{ kind: 'mystery.inject' }],
      // The golden signals cover the last 10 s: the step runs until they hold only the mystery.
      waitFor: {
        type: 'request.done',
        until: (sim) => sim.now >= (sim.state.mystery?.at ?? 0) + MYSTERY_SETTLE_US,
      },
    },
  ],
  panels: [
    {
      id: 'record',
      title: 'Sidecar.recordMetrics',
      subtitle: 'Istio’s stats filter: one count per reporter, then the access-log line',
      source: recordSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar as reporter="source"`,
      machine: recordMachine,
    },
    {
      id: 'forward',
      title: 'App.forwardTraceHeaders',
      subtitle: 'the app’s job: Envoy cannot join spans without it',
      source: forwardSrc,
      follows: 'selected',
      following: (a) => `${a}’s app`,
      machine: forwardMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'forward',
      label: 'Trace headers',
      help: 'Apps copy x-request-id, traceparent and the B3 headers onto their calls (or not). Watch the trace fall apart into one-hop traces.',
      key: 'f',
      param: { name: 'fwd', on: 'on', off: 'off' },
      onLabel: 'Stop forwarding trace headers',
      offLabel: 'Forward trace headers',
      isOn: (sim) => sim.state.traffic.forwardHeaders,
      on: () => forward(true),
      off: forward(false),
    },
    {
      kind: 'button',
      id: 'mystery',
      label: 'New mystery',
      help: 'Heals every fault and injects one picked by the run, without saying which. Name it in “Find the cause”.',
      key: 'm',
      perActor: false,
      command: () => ({ kind: 'mystery.inject' }),
    },
  ],
  simplified: [
    'every request is sampled (Istio’s default is 1%; the demo profile samples 100%), and spans are kept only in the trace window.',
    'metrics are kept per destination service in one-second bins of the last 30 s; a real Prometheus scrapes every 15 s and keeps every label (source workload, response code, flags...).',
    'an error is any status ≥ 400 or no response; users enter web-1 directly (no ingress gateway), so web’s own requests are not reported.',
    'access-log byte counts are 0, user agent and forwarded-for “-”; ids and ports are derived from the model’s numbers.',
    'a retried call shows only its final outcome in the log and the metrics.',
    'the mystery heals every chaos fault before injecting a new one; the fortio load of the circuit-breaker fault runs from cart-1.',
  ],
});

// [1] docs/fidelity.md §5 (metrics, reporters, buckets, tracing headers, access-log format).
