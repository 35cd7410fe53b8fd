/**
 * Scene 13's chaos catalog: every fault of the earlier scenes as the commands that cause it and
 * the commands that heal it, and how to tell from the state that it is in force. The chaos panel
 * sends these commands as they are; `mystery.inject` (./mystery.ts) applies one silently.
 * The YAML is ordinary Istio config (`config.apply`), so Istiod validates and pushes it.
 */
import { castConfigYaml } from '../config';
import type { MeshCommand } from '../mesh/contract';
import type { MeshState } from '../mesh/types';

/** A fault of the catalog. */
export interface ChaosFault {
  id: string;
  /** What the chaos panel's button says ("Slow payments-v1-b by 300 ms"). */
  label: string;
  /** The scene it comes from. */
  scene: number;
  inject: readonly MeshCommand[];
  heal: readonly MeshCommand[];
  active(s: MeshState): boolean;
}

const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });

const vsHead = (host: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${host}
  namespace: shop
spec:
  hosts:
  - ${host}
  http:
`;
/** The cast's payments canary route (90/10), with `extra` lines on the route. */
const payments = (extra = ''): string => `${vsHead('payments')}  - ${extra}route:
    - destination:
        host: payments
        subset: v1
      weight: 90
    - destination:
        host: payments
        subset: v2
      weight: 10
`;
/** inventory's one route (all its pods), with `extra` lines on the route. */
const inventory = (extra = ''): string => `${vsHead('inventory')}  - ${extra}route:
    - destination:
        host: inventory
`;
const CAST_DR = castConfigYaml.slice(
  castConfigYaml.indexOf('apiVersion: networking.istio.io/v1\nkind: DestinationRule'),
);
const BREAKER_DR = CAST_DR.replace(
  '  host: payments\n',
  '  host: payments\n  trafficPolicy:\n    connectionPool:\n      tcp:\n        maxConnections: 1\n      http:\n        http1MaxPendingRequests: 1\n        maxRequestsPerConnection: 1\n',
);
const peerAuth = (mode: string): string => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: ${mode}
`;

/** YAML the catalog applies (exported for tests and the scene's panels). */
export const CHAOS_YAML = {
  inventoryDelay: inventory(
    'fault:\n      delay:\n        fixedDelay: 1s\n        percentage:\n          value: 50\n    ',
  ),
  inventoryHeaderOnly: inventory(
    'match:\n    - headers:\n        x-canary:\n          exact: "true"\n    ',
  ),
  inventoryPlain: inventory(),
  paymentsAbort: payments(
    'fault:\n      abort:\n        httpStatus: 503\n        percentage:\n          value: 50\n    ',
  ),
  paymentsTimeout: payments('timeout: 15ms\n    '),
  paymentsPlain: payments(),
  breakerDr: BREAKER_DR,
  castDr: CAST_DR,
  strict: peerAuth('STRICT'),
  permissive: peerAuth('PERMISSIVE'),
} as const;

const vsOf = (s: MeshState, name: string) =>
  s.config.virtualServices.find((v) => v.metadata.name === name)?.spec.http?.[0];

/** The catalog, in the order the chaos panel lists it. */
export const CHAOS_FAULTS: readonly ChaosFault[] = [
  {
    id: 'slow-pod',
    label: 'Slow payments-v1-b by 300 ms',
    scene: 6,
    inject: [{ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 300 }],
    heal: [{ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 0 }],
    active: (s) => (s.pods['payments-v1-b']?.extraMs ?? 0) > 0,
  },
  {
    id: 'failing-pod',
    label: 'payments-v1-a answers 503',
    scene: 7,
    inject: [{ kind: 'pod.fail', pod: 'payments-v1-a', share: 1 }],
    heal: [{ kind: 'pod.fail', pod: 'payments-v1-a', share: 0 }],
    active: (s) => (s.pods['payments-v1-a']?.failShare ?? 0) > 0,
  },
  {
    id: 'killed-pod',
    label: 'Kill inventory-1',
    scene: 3,
    inject: [{ kind: 'pod.kill', pod: 'inventory-1' }],
    heal: [{ kind: 'pod.restore', pod: 'inventory-1' }],
    active: (s) => s.pods['inventory-1']?.up === false,
  },
  {
    id: 'fault-delay',
    label: 'VirtualService: 1 s delay on 50% of inventory calls',
    scene: 10,
    inject: [apply(CHAOS_YAML.inventoryDelay)],
    heal: [apply(CHAOS_YAML.inventoryPlain)],
    active: (s) => vsOf(s, 'inventory')?.fault?.delay !== undefined,
  },
  {
    id: 'fault-abort',
    label: 'VirtualService: abort 50% of payments calls with 503',
    scene: 10,
    inject: [apply(CHAOS_YAML.paymentsAbort)],
    heal: [apply(CHAOS_YAML.paymentsPlain)],
    active: (s) => vsOf(s, 'payments')?.fault?.abort !== undefined,
  },
  {
    id: 'route-timeout',
    label: 'VirtualService: 15 ms timeout on payments',
    scene: 7,
    inject: [apply(CHAOS_YAML.paymentsTimeout)],
    heal: [apply(CHAOS_YAML.paymentsPlain)],
    active: (s) => vsOf(s, 'payments')?.timeout !== undefined,
  },
  {
    id: 'no-route',
    label: 'VirtualService: inventory routes only x-canary: true',
    scene: 5,
    inject: [apply(CHAOS_YAML.inventoryHeaderOnly)],
    heal: [apply(CHAOS_YAML.inventoryPlain)],
    active: (s) => vsOf(s, 'inventory')?.match !== undefined,
  },
  {
    id: 'breaker',
    label: 'DestinationRule: payments pool of 1 connection, 1 pending; fortio -c 3 from cart-1',
    scene: 8,
    inject: [
      apply(CHAOS_YAML.breakerDr),
      {
        kind: 'load.start',
        from: 'cart-1',
        service: 'payments',
        connections: 3,
        qps: 0,
        requests: 0,
      },
    ],
    heal: [apply(CHAOS_YAML.castDr), { kind: 'load.stop' }],
    active: (s) =>
      s.config.destinationRules.some(
        (d) => d.metadata.name === 'payments' && d.spec.trafficPolicy?.connectionPool !== undefined,
      ),
  },
  {
    id: 'istiod-down',
    label: 'Kill Istiod',
    scene: 11,
    inject: [{ kind: 'istiod.kill' }],
    heal: [{ kind: 'istiod.restore' }],
    active: (s) => !s.istiod.up,
  },
  {
    id: 'strict-plaintext',
    label: 'STRICT mTLS, web-1 without a sidecar',
    scene: 9,
    inject: [apply(CHAOS_YAML.strict), { kind: 'pod.inject', pod: 'web-1', injected: false }],
    heal: [apply(CHAOS_YAML.permissive), { kind: 'pod.inject', pod: 'web-1', injected: true }],
    active: (s) =>
      s.pods['web-1']?.injected === false ||
      s.config.peerAuthentications.some((p) => p.spec.mtls?.mode === 'STRICT'),
  },
];

/** A fault by id. */
export const chaosFault = (id: string): ChaosFault | undefined =>
  CHAOS_FAULTS.find((f) => f.id === id);

/**
 * The commands that heal every fault in force (Istiod first: re-injecting a sidecar and applying
 * config need it).
 */
export function healAll(s: MeshState): MeshCommand[] {
  const order = [...CHAOS_FAULTS].sort(
    (a, b) => Number(b.id === 'istiod-down') - Number(a.id === 'istiod-down'),
  );
  return order.filter((f) => f.active(s)).flatMap((f) => f.heal);
}
