/**
 * Structural schemas of the modelled Istio specs (names as in istio/api), used by `parseMeshYaml`.
 */
import { AUTHZ_ACTIONS, CLIENT_TLS_MODES, MTLS_MODES, SIMPLE_LB, type IstioKind } from './istio';
import {
  arr,
  bool,
  dur,
  enumOf,
  int32,
  mapOf,
  num,
  obj,
  str,
  uint32,
  type Decoder,
} from './schema';

const NET = 'istio.networking.v1alpha3';
const SEC = 'istio.security.v1beta1';

const percent = obj({ value: num }, `${NET}.Percent`);
const stringMatch = obj({ exact: str, prefix: str, regex: str }, `${NET}.StringMatch`);

const httpMatch = obj(
  { name: str, uri: stringMatch, headers: mapOf(stringMatch), sourceLabels: mapOf(str) },
  `${NET}.HTTPMatchRequest`,
);

const destination = obj(
  { host: str, subset: str, port: obj({ number: uint32 }, `${NET}.PortSelector`) },
  `${NET}.Destination`,
);

const routeDestination = obj({ destination, weight: int32 }, `${NET}.HTTPRouteDestination`);

const retry = obj(
  {
    attempts: int32,
    perTryTimeout: dur,
    retryOn: str,
    backoff: dur,
    retryIgnorePreviousHosts: bool,
  },
  `${NET}.HTTPRetry`,
);

const fault = obj(
  {
    delay: obj({ fixedDelay: dur, percentage: percent }, `${NET}.HTTPFaultInjection.Delay`),
    abort: obj({ httpStatus: int32, percentage: percent }, `${NET}.HTTPFaultInjection.Abort`),
  },
  `${NET}.HTTPFaultInjection`,
);

const httpRoute = obj(
  {
    name: str,
    match: arr(httpMatch),
    route: arr(routeDestination),
    timeout: dur,
    retries: retry,
    fault,
  },
  `${NET}.HTTPRoute`,
);

const virtualService = obj(
  { hosts: arr(str), gateways: arr(str), http: arr(httpRoute) },
  `${NET}.VirtualService`,
);

const trafficPolicy = obj(
  {
    loadBalancer: obj(
      {
        simple: enumOf(SIMPLE_LB, `${NET}.LoadBalancerSettings.SimpleLB`),
        consistentHash: obj(
          {
            httpHeaderName: str,
            useSourceIp: bool,
            httpCookie: obj(
              { name: str, ttl: dur },
              `${NET}.LoadBalancerSettings.ConsistentHashLB.HTTPCookie`,
            ),
          },
          `${NET}.LoadBalancerSettings.ConsistentHashLB`,
        ),
      },
      `${NET}.LoadBalancerSettings`,
    ),
    connectionPool: obj(
      {
        tcp: obj(
          { maxConnections: int32, connectTimeout: dur },
          `${NET}.ConnectionPoolSettings.TCPSettings`,
        ),
        http: obj(
          {
            http1MaxPendingRequests: int32,
            http2MaxRequests: int32,
            maxRequestsPerConnection: int32,
            maxRetries: int32,
          },
          `${NET}.ConnectionPoolSettings.HTTPSettings`,
        ),
      },
      `${NET}.ConnectionPoolSettings`,
    ),
    outlierDetection: obj(
      {
        consecutive5xxErrors: uint32,
        consecutiveGatewayErrors: uint32,
        interval: dur,
        baseEjectionTime: dur,
        maxEjectionPercent: int32,
        minHealthPercent: int32,
      },
      `${NET}.OutlierDetection`,
    ),
    tls: obj(
      { mode: enumOf(CLIENT_TLS_MODES, `${NET}.ClientTLSSettings.TLSmode`) },
      `${NET}.ClientTLSSettings`,
    ),
  },
  `${NET}.TrafficPolicy`,
);

const destinationRule = obj(
  {
    host: str,
    trafficPolicy,
    subsets: arr(obj({ name: str, labels: mapOf(str), trafficPolicy }, `${NET}.Subset`)),
  },
  `${NET}.DestinationRule`,
);

const selector = obj({ matchLabels: mapOf(str) }, 'istio.type.v1beta1.WorkloadSelector');

const peerAuthentication = obj(
  {
    selector,
    mtls: obj(
      { mode: enumOf(MTLS_MODES, `${SEC}.PeerAuthentication.MutualTLS.Mode`) },
      `${SEC}.PeerAuthentication.MutualTLS`,
    ),
  },
  `${SEC}.PeerAuthentication`,
);

const authorizationPolicy = obj(
  {
    selector,
    action: enumOf(AUTHZ_ACTIONS, `${SEC}.AuthorizationPolicy.Action`),
    rules: arr(
      obj(
        {
          from: arr(
            obj(
              { source: obj({ principals: arr(str), namespaces: arr(str) }, `${SEC}.Source`) },
              `${SEC}.Rule.From`,
            ),
          ),
          to: arr(
            obj(
              { operation: obj({ paths: arr(str), methods: arr(str) }, `${SEC}.Operation`) },
              `${SEC}.Rule.To`,
            ),
          ),
        },
        `${SEC}.Rule`,
      ),
    ),
  },
  `${SEC}.AuthorizationPolicy`,
);

/** API group and accepted versions per kind (served versions of the Istio CRDs). */
export const KINDS: Record<
  IstioKind,
  { group: string; versions: readonly string[]; spec: Decoder }
> = {
  VirtualService: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    spec: virtualService,
  },
  DestinationRule: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    spec: destinationRule,
  },
  PeerAuthentication: {
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    spec: peerAuthentication,
  },
  AuthorizationPolicy: {
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    spec: authorizationPolicy,
  },
};

/** Real Istio kinds this simulator does not model (so the message can say so). */
export const UNMODELLED_KINDS: Record<string, string> = {
  Gateway: 'networking.istio.io',
  ServiceEntry: 'networking.istio.io',
  Sidecar: 'networking.istio.io',
  WorkloadEntry: 'networking.istio.io',
  WorkloadGroup: 'networking.istio.io',
  EnvoyFilter: 'networking.istio.io',
  ProxyConfig: 'networking.istio.io',
  RequestAuthentication: 'security.istio.io',
  Telemetry: 'telemetry.istio.io',
  WasmPlugin: 'extensions.istio.io',
};
