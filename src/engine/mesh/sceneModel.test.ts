/**
 * The mesh as a scene model: every trace entry type has a sentence and its actors; the model
 * creates runs from the platform's engine options and exposes pods and the log.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import type { TraceReducer } from '../core/trace';
import type { MeshTrace, MeshTraceType } from './contract';
import { describeMeshEntry, meshSceneModel } from './sceneModel';
import { TRACE_SAMPLES } from './traceSamples';

const SAMPLES = TRACE_SAMPLES;
const ALL: MeshTrace[] = Object.values(SAMPLES).flat();

describe('meshSceneModel', () => {
  it('describes every trace entry type in one sentence', () => {
    expect(Object.keys(SAMPLES)).toHaveLength(36);
    for (const e of ALL) {
      const text = meshSceneModel.describe(e);
      expect(text, e.type).toBeTypeOf('string');
      expect(text?.length, e.type).toBeGreaterThan(10);
      expect(text, e.type).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(describeMeshEntry(SAMPLES['xds.ack'][0]!)).toBe(
      'checkout-1’s Envoy ACKs RDS version 2026-05-09T18:00:05Z/3 (nonce n1)',
    );
    expect(describeMeshEntry(SAMPLES['push.debounced'][0]!)).toBe(
      'Istiod debounces: full push to 8 proxies (VirtualService/shop/payments)',
    );
    expect(describeMeshEntry(SAMPLES['route.pick'][0]!)).toBe(
      'checkout-1’s Envoy sends request #17 to v1: random % 100 = 37 (weights v1 90 / v2 10)',
    );
    expect(describeMeshEntry(SAMPLES.command[0]!)).toBe(
      'Operator: checkout-1 sends 100 requests to payments',
    );
  });

  it('words the subscription requests, the backoff and the API server’s refusals', () => {
    expect(SAMPLES['xds.request'].map(describeMeshEntry)).toEqual([
      'web-1’s Envoy subscribes to CDS with a DiscoveryRequest (wildcard, no version yet)',
      'web-1’s Envoy subscribes to EDS with a DiscoveryRequest (1 name, holding version 2026-05-09T18:00:00Z/1)',
      'web-1’s Envoy subscribes to LDS with a DeltaDiscoveryRequest (wildcard, 12 resources already held)',
    ]);
    expect(describeMeshEntry(SAMPLES['stream.retry'][0]!)).toBe(
      'web-1’s Envoy retries its ADS stream in 612 ms (jittered backoff), at 0.612 s',
    );
    expect(SAMPLES['config.rejected'].map(describeMeshEntry)).toEqual([
      'Validation rejects the config: total destination weight = 0 (+1 more)',
      'The API server refuses the change: Istio’s validating webhook (validation.istio.io) is unreachable because Istiod is down; nothing was stored',
      'The API server refuses to create the pod: the sidecar injector webhook (namespace.sidecar-injector.istio.io) is unreachable because Istiod is down',
    ]);
  });

  it('actorsOf: the entry’s pod, else its caller (`from`), else the whole mesh (null)', () => {
    const expected: Record<MeshTraceType, readonly string[] | null> = {
      'config.accepted': null,
      'config.rejected': null,
      'push.debounced': null,
      'xds.request': ['web-1'],
      'xds.response': ['checkout-1'],
      'xds.ack': ['checkout-1'],
      'xds.nack': ['payments-v1-a'],
      'stream.open': ['web-1'],
      'stream.closed': ['web-1'],
      'stream.retry': ['web-1'],
      'istiod.down': null,
      'istiod.up': null,
      'cert.csr': ['cart-1'],
      'cert.csrFailed': ['cart-1'],
      'cert.issued': ['cart-1'],
      'sds.push': ['cart-1'],
      'tls.handshakeFailed': ['web-1'],
      'outlier.ejected': ['checkout-1'],
      'outlier.returned': ['checkout-1'],
      'outlier.response': ['checkout-1'],
      'outlier.decremented': ['checkout-1'],
      'lb.pick': ['checkout-1'],
      'pool.admit': ['web-1'],
      'pool.overflow': ['web-1'],
      'attempt.done': ['checkout-1'],
      'load.done': ['web-1'],
      'endpoints.changed': ['payments-scaled-4'],
      'route.pick': ['checkout-1'],
      'walk.hop': ['checkout-1'],
      'tls.handshake': ['checkout-1', 'payments-v1-a'],
      'rbac.decision': ['payments-v1-a', 'web-1'],
      span: ['checkout-1'],
      'request.done': ['checkout-1'],
      'mystery.injected': null,
      'mystery.checked': null,
      command: null,
    };
    for (const e of ALL) expect(meshSceneModel.actorsOf(e), e.type).toEqual(expected[e.type]);
  });

  it('creates a mesh from engine options, lists the pods, exposes the log, and describes a real run', () => {
    const acks: TraceReducer<MeshTrace, number> = {
      initial: 0,
      reduce: (n, e) => (e.type === 'xds.ack' ? n + 1 : n),
    };
    const sim = meshSceneModel.create({
      seed: 3,
      checkpointEvery: sec(5),
      traceReducers: [acks],
      perEdgeRps: 2,
    });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'traffic.send', from: 'checkout-1', service: 'payments', count: 5 });
    sim.advanceTo(sec(2) + ms(100));
    expect(meshSceneModel.name).toBe('mesh');
    expect(meshSceneModel.actors(sim)).toEqual([
      'web-1',
      'catalog-1',
      'cart-1',
      'checkout-1',
      'inventory-1',
      'payments-v1-a',
      'payments-v1-b',
      'payments-v2-a',
    ]);
    expect(meshSceneModel.log(sim)).toEqual(sim.state.log);
    expect(sim.trace.fold(0)).toBe(sim.trace.counter('xds.ack'));
    const types = new Set<string>();
    for (const e of sim.trace.recent()) {
      types.add(e.type);
      expect(meshSceneModel.describe(e)).toBeTruthy();
    }
    expect(types).toContain('route.pick');
    expect(types).toContain('xds.ack');
  });
});
