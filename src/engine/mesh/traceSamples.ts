/**
 * Sample trace entries, one or more per `MeshTrace` type (for tests of code that must handle every
 * type: the scene model's sentences and actors, trace renderers). Not used by the model itself.
 */
import type { MeshTraceOf, MeshTraceType } from './contract';
import { GRAPH_SAMPLES } from './views/graphSamples';

const V1 = 'outbound|8080|v1|payments.shop.svc.cluster.local';

/**
 * One or more samples of every trace entry type; the mapped type makes a missing type a compile
 * error, so tests that must cover every type (sentences, actors, UI renderers) iterate these.
 */
export const TRACE_SAMPLES: { [K in MeshTraceType]: readonly MeshTraceOf<K>[] } = {
  'tls.handshake': [
    {
      t: 1,
      type: 'tls.handshake',
      from: 'checkout-1',
      to: 'payments-v1-a',
      client: 'spiffe://cluster.local/ns/shop/sa/checkout',
      server: 'spiffe://cluster.local/ns/shop/sa/payments',
      expected: ['spiffe://cluster.local/ns/shop/sa/payments'],
    },
  ],
  'rbac.decision': [
    {
      t: 1,
      type: 'rbac.decision',
      pod: 'payments-v1-a',
      from: 'web-1',
      principal: 'spiffe://cluster.local/ns/shop/sa/web',
      action: 'ALLOW',
      policy: null,
      allowed: false,
    },
  ],
  'walk.hop': [
    {
      t: 1,
      type: 'walk.hop',
      walk: 1,
      n: 2,
      of: 20,
      from: 'checkout-1',
      pod: 'checkout-1',
      side: 'kernel',
      stage: 'iptables',
      title: 'iptables OUTPUT: REDIRECT --to-ports 15001',
      verdict: 'REDIRECT --to-ports 15001',
      uid: 1000,
    },
    {
      t: 2,
      type: 'walk.hop',
      walk: 1,
      n: 9,
      of: 20,
      from: 'checkout-1',
      pod: null,
      side: 'network',
      stage: 'network',
      title: 'pod network → 10.244.2.21:8080',
    },
  ],
  'config.accepted': [
    { t: 1, type: 'config.accepted', kind: 'VirtualService', name: 'payments', version: '2' },
  ],
  'config.rejected': [
    { t: 1, type: 'config.rejected', errors: ['total destination weight = 0', 'x'] },
    {
      t: 1,
      type: 'config.rejected',
      errors: [
        'Internal error occurred: failed calling webhook "validation.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/validate?timeout=10s": dial tcp 10.96.187.42:443: connect: connection refused',
      ],
      webhook: 'validation.istio.io',
    },
    {
      t: 1,
      type: 'config.rejected',
      errors: [
        'Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": dial tcp 10.96.187.42:443: connect: connection refused',
      ],
      webhook: 'namespace.sidecar-injector.istio.io',
    },
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
  'xds.request': [
    {
      t: 1,
      type: 'xds.request',
      pod: 'web-1',
      xds: 'CDS',
      typeUrl: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
      versionInfo: '',
      nonce: '',
      resourceCount: 0,
      delta: false,
    },
    {
      t: 1,
      type: 'xds.request',
      pod: 'web-1',
      xds: 'EDS',
      typeUrl: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
      versionInfo: '2026-05-09T18:00:00Z/1',
      nonce: '',
      resourceNames: [V1],
      resourceCount: 1,
      delta: false,
    },
    {
      t: 1,
      type: 'xds.request',
      pod: 'web-1',
      xds: 'LDS',
      typeUrl: 'type.googleapis.com/envoy.config.listener.v3.Listener',
      versionInfo: '',
      nonce: '',
      resourceCount: 0,
      delta: true,
      initialResourceVersions: 12,
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
  'stream.retry': [{ t: 1, type: 'stream.retry', pod: 'web-1', backoffMs: 612, at: 612_001 }],
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
  ...GRAPH_SAMPLES,
  'endpoints.changed': [
    {
      t: 1,
      type: 'endpoints.changed',
      service: 'payments',
      namespace: 'shop',
      pod: 'payments-scaled-4',
      ip: '10.244.9.10',
      ready: true,
      change: 'updated',
    },
    {
      t: 1,
      type: 'endpoints.changed',
      service: 'payments',
      namespace: 'shop',
      pod: 'payments-scaled-4',
      ip: '10.244.9.10',
      ready: false,
      change: 'added',
    },
    {
      t: 1,
      type: 'endpoints.changed',
      service: 'payments',
      namespace: 'shop',
      pod: 'payments-scaled-4',
      ip: '10.244.9.10',
      ready: false,
      change: 'removed',
    },
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
  'mystery.injected': [{ t: 1, type: 'mystery.injected', round: 1 }],
  'mystery.checked': [
    {
      t: 2,
      type: 'mystery.checked',
      round: 1,
      guess: 'slow-pod',
      fault: 'killed-pod',
      correct: false,
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
