/**
 * The mesh as a scene model: every trace entry type has a sentence and its actors; the model
 * creates runs from the platform's engine options and exposes pods and the log.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import type { TraceReducer } from '../core/trace';
import type { MeshTrace, MeshTraceOf, MeshTraceType } from './contract';
import { describeMeshEntry, meshSceneModel } from './sceneModel';

const V1 = 'outbound|8080|v1|payments.shop.svc.cluster.local';

/** One or more samples of every entry type: the mapped type makes a missing type a compile error. */
const SAMPLES: { [K in MeshTraceType]: readonly MeshTraceOf<K>[] } = {
  'config.accepted': [
    { t: 1, type: 'config.accepted', kind: 'VirtualService', name: 'payments', version: '2' },
  ],
  'config.rejected': [
    { t: 1, type: 'config.rejected', errors: ['total destination weight = 0', 'x'] },
  ],
  'push.debounced': [
    {
      t: 1,
      type: 'push.debounced',
      reason: 'VirtualService/shop/payments',
      full: true,
      proxies: 8,
      why: 'quiet',
    },
  ],
  'xds.response': [
    {
      t: 1,
      type: 'xds.response',
      pod: 'checkout-1',
      xds: 'RDS',
      typeUrl: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
      version: '2026-05-09T18:00:05Z/3',
      nonce: 'n1',
      resources: ['8080'],
      resourceCount: 1,
      removed: 0,
      bytes: 900,
      delta: false,
      pushId: 4,
    },
  ],
  'xds.ack': [
    {
      t: 1,
      type: 'xds.ack',
      pod: 'checkout-1',
      xds: 'RDS',
      typeUrl: 'u',
      version: '2026-05-09T18:00:05Z/3',
      nonce: 'n1',
    },
  ],
  'xds.nack': [
    {
      t: 1,
      type: 'xds.nack',
      pod: 'payments-v1-a',
      xds: 'RDS',
      typeUrl: 'u',
      version: 'v2',
      nonce: 'n2',
      error: 'regex too large',
      errorCode: 13,
    },
  ],
  'stream.open': [{ t: 1, type: 'stream.open', pod: 'web-1' }],
  'stream.closed': [{ t: 1, type: 'stream.closed', pod: 'web-1', reason: 'istiod killed' }],
  'stream.retry': [{ t: 1, type: 'stream.retry', pod: 'web-1', backoffMs: 612.5 }],
  'istiod.down': [{ t: 1, type: 'istiod.down' }],
  'istiod.up': [{ t: 1, type: 'istiod.up' }],
  'cert.csr': [
    {
      t: 1,
      type: 'cert.csr',
      pod: 'cart-1',
      rpc: 'CreateCertificate',
      spiffe: 'spiffe://cluster.local/ns/shop/sa/cart',
    },
  ],
  'cert.csrFailed': [{ t: 1, type: 'cert.csrFailed', pod: 'cart-1', attempt: 0 }],
  'cert.issued': [
    {
      t: 1,
      type: 'cert.issued',
      pod: 'cart-1',
      spiffe: 'spiffe://cluster.local/ns/shop/sa/cart',
      expiresAt: 5,
      serial: 9,
    },
  ],
  'sds.push': [
    { t: 1, type: 'sds.push', pod: 'cart-1', resource: 'default', version: 'v' },
    {
      t: 1,
      type: 'sds.push',
      pod: 'cart-1',
      resource: 'ROOTCA',
      version: 'v',
      roots: ['root-1', 'root-2'],
    },
  ],
  'tls.handshakeFailed': [
    {
      t: 1,
      type: 'tls.handshakeFailed',
      from: 'web-1',
      to: 'cart-1',
      reason: 'certificate expired',
    },
  ],
  'outlier.ejected': [
    {
      t: 1,
      type: 'outlier.ejected',
      pod: 'checkout-1',
      cluster: V1,
      host: 'payments-v1-a',
      ejections: 1,
      untilMs: 31000,
    },
  ],
  'outlier.returned': [
    { t: 1, type: 'outlier.returned', pod: 'checkout-1', cluster: V1, host: 'payments-v1-a' },
  ],
  'route.pick': [
    {
      t: 1,
      type: 'route.pick',
      pod: 'checkout-1',
      id: 17,
      service: 'payments',
      routeConfig: '8080',
      vhost: 'payments.shop.svc.cluster.local:8080',
      route: 'prefix /',
      candidates: [
        { cluster: V1, weight: 90 },
        { cluster: 'outbound|8080|v2|payments.shop.svc.cluster.local', weight: 10 },
      ],
      total: 100,
      drawn: 37,
      cluster: V1,
    },
  ],
  span: [
    {
      t: 1,
      type: 'span',
      traceId: 3,
      spanId: 6,
      parentId: null,
      name: 'payments.shop.svc.cluster.local:8080/*',
      pod: 'checkout-1',
      kind: 'client',
      start: 0,
      end: 1,
      code: 200,
    },
  ],
  'request.done': [
    {
      t: 1,
      type: 'request.done',
      id: 17,
      from: 'checkout-1',
      to: 'payments-v1-a',
      code: 200,
      flags: '-',
      start: 0,
      cluster: V1,
    },
  ],
  command: [
    {
      t: 1,
      type: 'command',
      command: { kind: 'traffic.send', from: 'checkout-1', service: 'payments', count: 100 },
    },
  ],
};

const ALL: MeshTrace[] = Object.values(SAMPLES).flat();

describe('meshSceneModel', () => {
  it('describes every trace entry type in one sentence', () => {
    expect(Object.keys(SAMPLES)).toHaveLength(22);
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

  it('actorsOf: the entry’s pod, else its caller (`from`), else the whole mesh (null)', () => {
    const expected: Record<MeshTraceType, readonly string[] | null> = {
      'config.accepted': null,
      'config.rejected': null,
      'push.debounced': null,
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
      'route.pick': ['checkout-1'],
      span: ['checkout-1'],
      'request.done': ['checkout-1'],
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
