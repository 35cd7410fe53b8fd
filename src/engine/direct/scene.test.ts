import { describe, expect, it } from 'vitest';
import { CAST_NAMESPACE, CAST_PODS, CAST_PORT, CAST_SERVICES } from '../config/cast';
import { SECOND } from '../core/time';
import {
  CALLERS,
  CALLER_IPS,
  NAMESPACE,
  PAYMENTS_CLUSTER_IP,
  PORT,
  POD_SPECS,
  describeEntry,
  directSceneModel,
  type DirectTrace,
  type DirectTraceType,
} from './index';
import { scripted } from './testkit';

const t = 1_000;
/** One entry of every type (the mapped type makes the compiler check that none is missing). */
const SAMPLES: { [K in DirectTraceType]: Extract<DirectTrace, { type: K }> } = {
  command: { t, type: 'command', command: { kind: 'pod.kill', pod: 'payments-v1-a' } },
  'call.start': {
    t,
    type: 'call.start',
    caller: 'web-1',
    id: 1,
    url: 'http://10.244.2.21:8080/charge',
  },
  'call.resolve': {
    t,
    type: 'call.resolve',
    caller: 'checkout-1',
    id: 2,
    name: 'payments',
    address: '10.96.0.15:8080',
    how: 'cluster-ip',
  },
  'dns.refresh': {
    t,
    type: 'dns.refresh',
    caller: 'cart-1',
    name: 'payments-headless.shop.svc.cluster.local',
    addresses: ['10.244.3.22:8080'],
    ttlMs: 30_000,
  },
  'call.connect': {
    t,
    type: 'call.connect',
    caller: 'checkout-1',
    id: 2,
    attempt: 1,
    address: '10.96.0.15:8080',
    ip: '10.244.2.21',
    pod: 'payments-v1-a',
  },
  'call.tls': { t, type: 'call.tls', caller: 'cart-1', id: 3, attempt: 1, pod: 'payments-v2-a' },
  'call.send': { t, type: 'call.send', caller: 'cart-1', id: 3, attempt: 1, pod: 'payments-v2-a' },
  'call.attemptFailed': {
    t,
    type: 'call.attemptFailed',
    caller: 'cart-1',
    id: 3,
    attempt: 1,
    address: '10.244.2.21:8080',
    ip: '10.244.2.21',
    pod: 'payments-v1-a',
    reason: 'connect timeout',
  },
  'call.retry': { t, type: 'call.retry', caller: 'cart-1', id: 3, attempt: 2, backoffMs: 100 },
  'call.done': {
    t,
    type: 'call.done',
    caller: 'web-1',
    id: 1,
    ok: false,
    code: null,
    error: 'connect timeout',
    attempts: 1,
    latencyMs: 10_000,
    pod: null,
  },
  'probe.failed': { t, type: 'probe.failed', pod: 'payments-v1-a', failures: 2, threshold: 3 },
  'probe.passed': { t, type: 'probe.passed', pod: 'payments-v1-a' },
  'endpoints.update': {
    t,
    type: 'endpoints.update',
    service: 'payments',
    ready: ['payments-v1-b'],
    addresses: ['10.244.3.22'],
  },
  'kubeproxy.sync': {
    t,
    type: 'kubeproxy.sync',
    service: 'payments',
    clusterIP: '10.96.0.15',
    endpoints: [],
  },
  'pod.down': { t, type: 'pod.down', pod: 'payments-v1-a', ip: '10.244.2.21' },
  'pod.up': { t, type: 'pod.up', pod: 'payments-v1-a', ip: '10.244.2.21' },
};

const KILL_RESTORE = [
  { at: 5 * SECOND, command: { kind: 'pod.kill' as const, pod: 'payments-v1-a' } },
  { at: 45 * SECOND, command: { kind: 'pod.restore' as const, pod: 'payments-v1-a' } },
];

describe('directSceneModel', () => {
  it('describes every trace type in one sentence', () => {
    for (const e of Object.values(SAMPLES)) {
      const s = directSceneModel.describe(e);
      expect(s).toMatch(/^[\w-].*\.$/);
      expect(s).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('emits every trace type in a kill/restore run, and describes each entry', () => {
    const run = scripted(4, KILL_RESTORE, 70 * SECOND);
    expect(new Set(run.entries.map((e) => e.type))).toEqual(new Set(Object.keys(SAMPLES)));
    for (const e of run.entries) expect(describeEntry(e)).toMatch(/\.$/);
  });

  it('names the actors of each entry: the caller, the pod, or the whole model', () => {
    expect(directSceneModel.actorsOf(SAMPLES['call.connect'])).toEqual(['checkout-1']);
    expect(directSceneModel.actorsOf(SAMPLES['call.tls'])).toEqual(['cart-1']);
    expect(directSceneModel.actorsOf(SAMPLES['dns.refresh'])).toEqual(['cart-1']);
    expect(directSceneModel.actorsOf(SAMPLES['pod.down'])).toEqual(['payments-v1-a']);
    expect(directSceneModel.actorsOf(SAMPLES['probe.failed'])).toEqual(['payments-v1-a']);
    expect(directSceneModel.actorsOf(SAMPLES['endpoints.update'])).toBeNull();
    expect(directSceneModel.actorsOf(SAMPLES['kubeproxy.sync'])).toBeNull();
    expect(directSceneModel.actorsOf(SAMPLES.command)).toBeNull();
  });

  it('creates a simulation with engine options and lists the three callers', () => {
    const sim = directSceneModel.create({
      seed: 3,
      checkpointEvery: 2 * SECOND,
      traceReducers: [],
      perCallerRps: 2,
    });
    sim.advanceTo(10 * SECOND);
    expect(directSceneModel.actors(sim)).toEqual(['web-1', 'cart-1', 'checkout-1']);
    const calls = CALLERS.map((c) => sim.state.callers[c].counters.calls);
    for (const n of calls) {
      expect(n).toBeGreaterThan(8);
      expect(n).toBeLessThan(35);
    }
    expect(directSceneModel.log(sim).length).toBeGreaterThan(0);
    expect(directSceneModel.name).toBe('direct');
  });
});

describe('the cast matches the mesh cast', () => {
  it('uses the same namespace, port, pod IPs and ClusterIP', () => {
    expect(NAMESPACE).toBe(CAST_NAMESPACE);
    expect(PORT).toBe(CAST_PORT);
    const ipOf = (pod: string) => CAST_PODS.find((p) => p.pod === pod)?.ip;
    for (const p of POD_SPECS) expect(p.ip).toBe(ipOf(p.name));
    for (const c of CALLERS) expect(CALLER_IPS[c]).toBe(ipOf(c));
    expect(PAYMENTS_CLUSTER_IP).toBe(CAST_SERVICES.find((s) => s.name === 'payments')?.clusterIP);
  });
});
