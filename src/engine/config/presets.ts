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

/** Named YAML documents (see the module note). */
export const PRESETS = {
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
