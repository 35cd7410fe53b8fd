/**
 * Sample entries of the call-graph traffic model (spread into `TRACE_SAMPLES`, ../traceSamples.ts):
 * one or more per type, for tests that must cover every entry type. Not used by the model.
 */
import type { MeshTraceOf } from '../contract';
import type { GraphEntry } from './graphText';

const ALL = 'outbound|8080||payments.shop.svc.cluster.local';

type Samples = { [K in GraphEntry['type']]: readonly MeshTraceOf<K>[] };

/** Samples per type. */
export const GRAPH_SAMPLES: Samples = {
  'outlier.response': (['reset', 'count', 'eject', 'maxEjectionPercent', 'ejected'] as const).map(
    (decision) => ({
      t: 1,
      type: 'outlier.response',
      pod: 'checkout-1',
      cluster: ALL,
      host: 'payments-v1-a',
      code: decision === 'reset' ? 200 : 503,
      consecutive: decision === 'count' ? 2 : 5,
      threshold: 5,
      decision,
    }),
  ),
  'outlier.decremented': [
    {
      t: 1,
      type: 'outlier.decremented',
      pod: 'checkout-1',
      cluster: ALL,
      host: 'payments-v1-a',
      multiplier: 1,
    },
  ],
  'lb.pick': [
    {
      t: 1,
      type: 'lb.pick',
      pod: 'checkout-1',
      id: 40,
      attempt: 0,
      cluster: ALL,
      policy: 'LEAST_REQUEST',
      hosts: [
        { host: 'payments-v1-a', active: 0 },
        { host: 'payments-v1-b', active: 3 },
        { host: 'payments-v2-a', active: 1 },
      ],
      sampled: ['payments-v1-b', 'payments-v2-a'],
      chosen: 'payments-v2-a',
    },
    {
      t: 1,
      type: 'lb.pick',
      pod: 'checkout-1',
      id: 41,
      attempt: 1,
      cluster: ALL,
      policy: 'ROUND_ROBIN',
      hosts: [
        { host: 'payments-v1-a', active: 0 },
        { host: 'payments-v1-b', active: 1 },
      ],
      avoided: ['payments-v1-a'],
      chosen: 'payments-v1-b',
    },
    {
      t: 1,
      type: 'lb.pick',
      pod: 'checkout-1',
      id: 42,
      attempt: 0,
      cluster: ALL,
      policy: 'RING_HASH',
      hosts: [{ host: 'payments-v1-a', active: 0 }],
      key: 'user-7',
      chosen: 'payments-v1-a',
    },
  ],
  'pool.admit': (['reuse', 'connect', 'queue', 'dequeue'] as const).map((decision) => ({
    t: 1,
    type: 'pool.admit',
    pod: 'web-1',
    id: 50,
    cluster: ALL,
    host: 'payments-v1-a',
    decision,
    active: 1,
    pending: decision === 'reuse' ? 0 : 1,
    connections: 1,
    ...(decision === 'dequeue' ? { waitedMs: 12.5 } : {}),
  })),
  'pool.overflow': (
    [
      ['max_pending_requests', '503 UO'],
      ['max_connections', 'queued'],
      ['max_retries', 'not retried'],
    ] as const
  ).map(([limit, result]) => ({
    t: 1,
    type: 'pool.overflow',
    pod: 'web-1',
    id: 51,
    cluster: ALL,
    host: 'payments-v1-a',
    limit,
    threshold: 1,
    current: 1,
    result,
  })),
  'attempt.done': [
    {
      t: 1,
      type: 'attempt.done',
      pod: 'checkout-1',
      id: 60,
      attempt: 0,
      cluster: ALL,
      host: 'payments-v1-a',
      code: 503,
      flags: '-',
      decision: 'retry',
      retriesLeft: 1,
      backoffMs: 17.3,
    },
    {
      t: 1,
      type: 'attempt.done',
      pod: 'checkout-1',
      id: 60,
      attempt: 2,
      cluster: ALL,
      host: 'payments-v2-a',
      code: 503,
      flags: '-',
      decision: 'exhausted',
      retriesLeft: 0,
    },
  ],
  'load.done': [
    {
      t: 1,
      type: 'load.done',
      pod: 'web-1',
      service: 'payments',
      requests: 20,
      byCode: { '200': 17, '503': 3 },
      p50Ms: 11.2,
      p90Ms: 14.9,
      p99Ms: 20.1,
      qps: 38.5,
    },
  ],
};
