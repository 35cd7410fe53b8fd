/**
 * Structural schema of the DestinationRule spec: every field of istio/api
 * `networking/v1alpha3/destination_rule.proto`.
 */
import { CLIENT_TLS_MODES, SIMPLE_LB } from './istioDestinationRule';
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
  uint64,
  type Decoder,
} from './schema';
import { NET, portSelector } from './specsVirtualService';

const LB = `${NET}.LoadBalancerSettings`;
const strings = arr(str);

/** `istio.type.v1beta1.WorkloadSelector`. */
export const selector = obj({ matchLabels: mapOf(str) }, 'istio.type.v1beta1.WorkloadSelector');

const consistentHash = obj(
  {
    httpHeaderName: str,
    httpCookie: obj(
      {
        name: str,
        path: str,
        ttl: dur,
        attributes: arr(
          obj({ name: str, value: str }, `${LB}.ConsistentHashLB.HTTPCookie.Attribute`),
        ),
      },
      `${LB}.ConsistentHashLB.HTTPCookie`,
    ),
    useSourceIp: bool,
    httpQueryParameterName: str,
    ringHash: obj({ minimumRingSize: uint64 }, `${LB}.ConsistentHashLB.RingHash`),
    maglev: obj({ tableSize: uint64 }, `${LB}.ConsistentHashLB.MagLev`),
    minimumRingSize: uint64,
  },
  `${LB}.ConsistentHashLB`,
  [
    {
      fields: ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'],
      label: 'ConsistentHashLB.hash_key',
    },
    { fields: ['ringHash', 'maglev'], label: 'ConsistentHashLB.hash_algorithm' },
  ],
);

const failover = arr(obj({ from: str, to: str }, `${NET}.LocalityLoadBalancerSetting.Failover`));

const loadBalancer = obj(
  {
    simple: enumOf(SIMPLE_LB, `${LB}.SimpleLB`),
    consistentHash,
    localityLbSetting: obj(
      {
        distribute: arr(
          obj({ from: str, to: mapOf(uint32) }, `${NET}.LocalityLoadBalancerSetting.Distribute`),
        ),
        failover,
        failoverPriority: strings,
        enabled: bool,
      },
      `${NET}.LocalityLoadBalancerSetting`,
    ),
    zoneAwareLbSetting: obj(
      {
        enabled: bool,
        failover: arr(obj({ from: str, to: str }, `${NET}.ZoneAwareLoadBalancerSetting.Failover`)),
        failoverPriority: strings,
        minClusterSize: uint64,
      },
      `${NET}.ZoneAwareLoadBalancerSetting`,
    ),
    warmupDurationSecs: dur,
    warmup: obj(
      { duration: dur, minimumPercent: num, aggression: num },
      `${NET}.WarmupConfiguration`,
    ),
  },
  LB,
  [{ fields: ['simple', 'consistentHash'], label: 'LoadBalancerSettings.lb_policy' }],
);

const CP = `${NET}.ConnectionPoolSettings`;
const connectionPool = obj(
  {
    tcp: obj(
      {
        maxConnections: int32,
        connectTimeout: dur,
        tcpKeepalive: obj(
          { probes: uint32, time: dur, interval: dur },
          `${CP}.TCPSettings.TcpKeepalive`,
        ),
        maxConnectionDuration: dur,
        idleTimeout: dur,
      },
      `${CP}.TCPSettings`,
    ),
    http: obj(
      {
        http1MaxPendingRequests: int32,
        http2MaxRequests: int32,
        maxRequestsPerConnection: int32,
        maxRetries: int32,
        idleTimeout: dur,
        h2UpgradePolicy: enumOf(
          ['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE'],
          `${CP}.HTTPSettings.H2UpgradePolicy`,
        ),
        useClientProtocol: bool,
        maxConcurrentStreams: int32,
        http2KeepAlive: obj(
          { interval: dur, timeout: dur },
          `${CP}.HTTPSettings.ConnectionKeepalive`,
        ),
      },
      `${CP}.HTTPSettings`,
    ),
  },
  CP,
);

const outlierDetection = obj(
  {
    consecutiveErrors: int32,
    splitExternalLocalOriginErrors: bool,
    consecutiveLocalOriginFailures: uint32,
    consecutiveGatewayErrors: uint32,
    consecutive5xxErrors: uint32,
    interval: dur,
    baseEjectionTime: dur,
    maxEjectionPercent: int32,
    minHealthPercent: int32,
    outlierDetectionHttpErrorCodes: arr(uint32),
  },
  `${NET}.OutlierDetection`,
);

const tls = obj(
  {
    mode: enumOf(CLIENT_TLS_MODES, `${NET}.ClientTLSSettings.TLSmode`),
    clientCertificate: str,
    privateKey: str,
    caCertificates: str,
    credentialName: str,
    subjectAltNames: strings,
    sni: str,
    insecureSkipVerify: bool,
    caCrl: str,
  },
  `${NET}.ClientTLSSettings`,
);

const TP = `${NET}.TrafficPolicy`;
const trafficPolicy = obj(
  {
    loadBalancer,
    connectionPool,
    outlierDetection,
    tls,
    portLevelSettings: arr(
      obj(
        { port: portSelector, loadBalancer, connectionPool, outlierDetection, tls },
        `${TP}.PortTrafficPolicy`,
      ),
    ),
    tunnel: obj({ protocol: str, targetHost: str, targetPort: uint32 }, `${TP}.TunnelSettings`),
    proxyProtocol: obj(
      { version: enumOf(['V1', 'V2'], `${TP}.ProxyProtocol.VERSION`) },
      `${TP}.ProxyProtocol`,
    ),
    retryBudget: obj(
      { percent: num, minRetryConcurrency: uint32, budgetInterval: dur },
      `${TP}.RetryBudget`,
    ),
  },
  TP,
);

export const destinationRule: Decoder = obj(
  {
    host: str,
    trafficPolicy,
    subsets: arr(obj({ name: str, labels: mapOf(str), trafficPolicy }, `${NET}.Subset`)),
    exportTo: strings,
    workloadSelector: selector,
  },
  `${NET}.DestinationRule`,
);
