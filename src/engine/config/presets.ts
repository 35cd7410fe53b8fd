/**
 * Ready-made operator YAML for the scenes' "Try this" controls (scenes 7–10), each valid for
 * Istio and modelled on the settings of Istio's own tasks where one exists. Apply with
 * `parseMeshYaml` + `applyDocs` (or the mesh's `config.apply` command).
 */

const vs = (http: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: payments
  namespace: shop
spec:
  hosts:
  - payments
  http:
${http}`;

const split = (v1: number, v2: number): string => `    route:
    - destination:
        host: payments
        subset: v1
      weight: ${v1}
    - destination:
        host: payments
        subset: v2
      weight: ${v2}
`;

/** A VirtualService sending every call for `service` to its one cluster (all its pods). */
const allPods = (service: string, extra = ''): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${service}
  namespace: shop
spec:
  hosts:
  - ${service}
  http:
  - route:
    - destination:
        host: ${service}
${extra}`;

/** The payments DestinationRule (the cast's subsets kept) with a load-balancer setting. */
const paymentsLb = (lb: string): string => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    loadBalancer:
${lb}  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

const retry5xx = (perTry = ''): string =>
  `    retries:\n      attempts: 2\n      retryOn: 5xx\n${perTry ? `      perTryTimeout: ${perTry}\n` : ''}`;

/** Named YAML documents (see the module note). */
export const PRESETS = {
  /** Scenes 6–7: every payments call to the one cluster of all three pods (no canary split). */
  'payments-all-pods': allPods('payments'),
  /** Scene 6: round robin over the payments pods (Envoy's own default). */
  'lb-round-robin': paymentsLb('      simple: ROUND_ROBIN\n'),
  /** Scene 6: least request, two random choices (Istio's default since 1.14), written out. */
  'lb-least-request': paymentsLb('      simple: LEAST_REQUEST\n'),
  /** Scene 6: consistent hashing on the x-user header (Envoy RING_HASH). */
  'lb-ring-hash': paymentsLb('      consistentHash:\n        httpHeaderName: x-user\n'),
  /** Scene 7: checkout → payments retries a 5xx twice (Istio's default does not retry a 503). */
  'payments-retry-5xx': allPods('payments', retry5xx()),
  /** Scene 7: retries on 5xx with a 40 ms per-try timeout (a slow try is reset and retried). */
  'payments-per-try-timeout': allPods('payments', retry5xx('40ms')),
  /** Scene 7: a 100 ms route timeout on payments (504 UT; it covers every try). */
  'payments-route-timeout': allPods('payments', '    timeout: 100ms\n'),
  /** Scene 7: web → checkout with Istio's default retry policy (no retries field). */
  'checkout-default': allPods('checkout'),
  /** Scene 7: web → checkout retries a 5xx twice. */
  'checkout-retry-5xx': allPods('checkout', retry5xx()),
  /** Scene 10: the canary at 50/50. */
  'canary-50-50': vs(`  -\n${split(50, 50)}`),
  /** Scene 10: all traffic to the canary (v1 weight 0 is dropped from the compiled route). */
  'canary-0-100': vs(`  -\n${split(0, 100)}`),
  /** Scene 10: a 2 s delay on half of the requests (Istio's fault-injection task uses 7 s on all). */
  'fault-delay': vs(`  - fault:
      delay:
        fixedDelay: 2s
        percentage:
          value: 50
${split(90, 10)}`),
  /** Scene 10: an HTTP 503 abort on 10% of the requests. */
  'fault-abort': vs(`  - fault:
      abort:
        httpStatus: 503
        percentage:
          value: 10
${split(90, 10)}`),
  /** Scene 7: a 1 s route timeout with 3 attempts of 300 ms each, retrying 5xx too. */
  'timeout-retries': vs(`  - timeout: 1s
    retries:
      attempts: 3
      perTryTimeout: 300ms
      retryOn: 5xx,connect-failure,refused-stream
${split(90, 10)}`),
  /** Scene 7: retries off (attempts 0), to compare against Istio's default 2 retries. */
  'no-retries': vs(`  - retries:
      attempts: 0
${split(90, 10)}`),
  /**
   * Scene 8: Istio's circuit-breaking task settings (1 connection, 1 pending request, eject after
   * 1 error, 1 s interval, 3 min base ejection, maxEjectionPercent 100 so that ejection is possible
   * with the cast's three payments endpoints).
   */
  'circuit-breaker': `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1
      http:
        http1MaxPendingRequests: 1
        maxRequestsPerConnection: 1
    outlierDetection:
      consecutive5xxErrors: 1
      interval: 1s
      baseEjectionTime: 3m
      maxEjectionPercent: 100
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`,
  /**
   * Scene 8: the circuit-breaking task's connection pool (1 connection, 1 pending request, 1
   * request per connection) and outlier detection with demo timings: eject after 3 consecutive
   * 5xx, 1 s interval, 5 s base ejection, maxEjectionPercent 100 (three endpoints can be ejected).
   */
  'breaker-demo': breakerDemo(100),
  /** Scene 8: the same with Istio's default maxEjectionPercent 10: three endpoints, no ejection. */
  'breaker-demo-mep10': breakerDemo(10),
  /** Scene 9: mesh-wide STRICT mTLS for namespace shop. */
  'mtls-strict': `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: STRICT
`,
  /** Scene 9: only checkout's identity may call payments. */
  'authz-only-checkout': `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments-only-checkout
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/shop/sa/checkout
`,
  /** Scene 9: deny web → payments (a DENY policy is checked before ALLOW policies). */
  'authz-deny-web': `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments-deny-web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  action: DENY
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/shop/sa/web
`,
} as const;

/** A preset's name. */
export type PresetName = keyof typeof PRESETS;

/** Scene 8's payments DestinationRule (the cast's subsets kept) with `mep` maxEjectionPercent. */
function breakerDemo(mep: number): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1
      http:
        http1MaxPendingRequests: 1
        maxRequestsPerConnection: 1
    outlierDetection:
      consecutive5xxErrors: 3
      interval: 1s
      baseEjectionTime: 5s
      maxEjectionPercent: ${mep}
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;
}
