/**
 * Structural schema of the VirtualService spec: every field of istio/api
 * `networking/v1alpha3/virtual_service.proto` (message names as in the proto, for the
 * `unknown field … in istio.networking.v1alpha3.<Message>` error).
 */
import {
  arr,
  bool,
  bytes,
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

export const NET = 'istio.networking.v1alpha3';

export const percent = obj({ value: num }, `${NET}.Percent`);

export const stringMatch = obj({ exact: str, prefix: str, regex: str }, `${NET}.StringMatch`, [
  { fields: ['exact', 'prefix', 'regex'], label: 'StringMatch' },
]);

export const portSelector = obj({ number: uint32 }, `${NET}.PortSelector`);

const strings = arr(str);
const labels = mapOf(str);

const httpMatch = obj(
  {
    name: str,
    uri: stringMatch,
    scheme: stringMatch,
    method: stringMatch,
    authority: stringMatch,
    headers: mapOf(stringMatch),
    port: uint32,
    sourceLabels: labels,
    gateways: strings,
    queryParams: mapOf(stringMatch),
    ignoreUriCase: bool,
    withoutHeaders: mapOf(stringMatch),
    sourceNamespace: str,
    statPrefix: str,
  },
  `${NET}.HTTPMatchRequest`,
);

const destination = obj({ host: str, subset: str, port: portSelector }, `${NET}.Destination`);

const headerOperations = obj(
  { set: labels, add: labels, remove: strings },
  `${NET}.Headers.HeaderOperations`,
);
const headers = obj({ request: headerOperations, response: headerOperations }, `${NET}.Headers`);

const routeDestination = obj(
  { destination, weight: int32, headers },
  `${NET}.HTTPRouteDestination`,
);

const retry = obj(
  {
    attempts: int32,
    perTryTimeout: dur,
    retryOn: str,
    retryRemoteLocalities: bool,
    retryIgnorePreviousHosts: bool,
    backoff: dur,
  },
  `${NET}.HTTPRetry`,
);

const fault = obj(
  {
    delay: obj(
      { percent: int32, fixedDelay: dur, exponentialDelay: dur, percentage: percent },
      `${NET}.HTTPFaultInjection.Delay`,
      [{ fields: ['fixedDelay', 'exponentialDelay'], label: 'Delay.http_delay_type' }],
    ),
    abort: obj(
      { httpStatus: int32, grpcStatus: str, http2Error: str, percentage: percent },
      `${NET}.HTTPFaultInjection.Abort`,
      [{ fields: ['httpStatus', 'grpcStatus', 'http2Error'], label: 'Abort.error_type' }],
    ),
  },
  `${NET}.HTTPFaultInjection`,
);

const redirect = obj(
  {
    uri: str,
    authority: str,
    port: uint32,
    derivePort: enumOf(
      ['FROM_PROTOCOL_DEFAULT', 'FROM_REQUEST_PORT'],
      `${NET}.HTTPRedirect.RedirectPortSelection`,
    ),
    scheme: str,
    redirectCode: uint32,
    prefixRewrite: str,
  },
  `${NET}.HTTPRedirect`,
  [{ fields: ['port', 'derivePort'], label: 'HTTPRedirect.redirect_port' }],
);

const directResponse = obj(
  {
    status: uint32,
    body: obj({ string: str, bytes }, `${NET}.HTTPBody`, [
      { fields: ['string', 'bytes'], label: 'HTTPBody.specifier' },
    ]),
  },
  `${NET}.HTTPDirectResponse`,
);

const rewrite = obj(
  {
    uri: str,
    authority: str,
    uriRegexRewrite: obj({ match: str, rewrite: str }, `${NET}.RegexRewrite`),
  },
  `${NET}.HTTPRewrite`,
);

const corsPolicy = obj(
  {
    allowOrigin: strings,
    allowOrigins: arr(stringMatch),
    allowMethods: strings,
    allowHeaders: strings,
    exposeHeaders: strings,
    maxAge: dur,
    allowCredentials: bool,
    unmatchedPreflights: enumOf(
      ['UNSPECIFIED', 'FORWARD', 'IGNORE'],
      `${NET}.CorsPolicy.UnmatchedPreflights`,
    ),
  },
  `${NET}.CorsPolicy`,
);

const httpRoute = obj(
  {
    name: str,
    match: arr(httpMatch),
    route: arr(routeDestination),
    redirect,
    directResponse,
    delegate: obj({ name: str, namespace: str }, `${NET}.Delegate`),
    rewrite,
    timeout: dur,
    retries: retry,
    fault,
    mirror: destination,
    mirrors: arr(obj({ destination, percentage: percent }, `${NET}.HTTPMirrorPolicy`)),
    mirrorPercent: uint32,
    mirrorPercentage: percent,
    corsPolicy,
    headers,
  },
  `${NET}.HTTPRoute`,
);

const l4Destination = arr(obj({ destination, weight: int32 }, `${NET}.RouteDestination`));

const tcpRoute = obj(
  {
    match: arr(
      obj(
        {
          destinationSubnets: strings,
          port: uint32,
          sourceSubnet: str,
          sourceLabels: labels,
          gateways: strings,
          sourceNamespace: str,
        },
        `${NET}.L4MatchAttributes`,
      ),
    ),
    route: l4Destination,
  },
  `${NET}.TCPRoute`,
);

const tlsRoute = obj(
  {
    match: arr(
      obj(
        {
          sniHosts: strings,
          destinationSubnets: strings,
          port: uint32,
          sourceLabels: labels,
          gateways: strings,
          sourceNamespace: str,
        },
        `${NET}.TLSMatchAttributes`,
      ),
    ),
    route: l4Destination,
  },
  `${NET}.TLSRoute`,
);

export const virtualService: Decoder = obj(
  {
    hosts: strings,
    gateways: strings,
    http: arr(httpRoute),
    tls: arr(tlsRoute),
    tcp: arr(tcpRoute),
    exportTo: strings,
  },
  `${NET}.VirtualService`,
);
