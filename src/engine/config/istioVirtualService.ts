/**
 * VirtualService types: the whole v1 API of istio/api `networking/v1alpha3/virtual_service.proto`
 * (v1 and v1beta1 are aliases of it), with the YAML (JSON) field names. Which of these fields the
 * compiler models is `unmodelledFields`' business (unmodelled.ts).
 */

/** `Percent`: a double in [0, 100]. */
export interface Percent {
  value?: number;
}

/** `exact`, `prefix` or `regex`: exactly one must be set (Istio's StringMatch oneof). */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** `HTTPMatchRequest`: conditions AND-ed inside one match; matches of a rule are OR-ed. */
export interface HTTPMatchRequest {
  name?: string;
  uri?: StringMatch;
  scheme?: StringMatch;
  method?: StringMatch;
  authority?: StringMatch;
  headers?: Record<string, StringMatch>;
  port?: number;
  /** Only sidecars whose pod has these labels get this match (applied when Istiod builds routes). */
  sourceLabels?: Record<string, string>;
  gateways?: string[];
  queryParams?: Record<string, StringMatch>;
  ignoreUriCase?: boolean;
  withoutHeaders?: Record<string, StringMatch>;
  sourceNamespace?: string;
  statPrefix?: string;
}

/** `PortSelector`. */
export interface PortSelector {
  number?: number;
}

/** `Destination`: a service host, optional subset and port. */
export interface Destination {
  host: string;
  subset?: string;
  port?: PortSelector;
}

/** `Headers.HeaderOperations`. */
export interface HeaderOperations {
  set?: Record<string, string>;
  add?: Record<string, string>;
  remove?: string[];
}

/** `Headers`: request and response header manipulation. */
export interface Headers {
  request?: HeaderOperations;
  response?: HeaderOperations;
}

/** `HTTPRouteDestination`: a destination and its relative weight. */
export interface HTTPRouteDestination {
  destination: Destination;
  /** Relative weight (Istio ≥ 1.15: no sum-to-100 rule). Absent means 0 when several exist. */
  weight?: number;
  headers?: Headers;
}

/** `RouteDestination` (TCP and TLS routes). */
export interface RouteDestination {
  destination: Destination;
  weight?: number;
}

/** `HTTPRetry`. Absent `attempts` means 0 (retries disabled), as in proto3. */
export interface HTTPRetry {
  attempts?: number;
  perTryTimeout?: string;
  retryOn?: string;
  retryRemoteLocalities?: boolean;
  /** Retry on another host (previous_hosts); default true unless the route hashes. */
  retryIgnorePreviousHosts?: boolean;
  /** Base interval of Envoy's retry backoff (Envoy's default when unset: 25 ms). */
  backoff?: string;
}

/** `HTTPFaultInjection.Delay`: `fixedDelay` or `exponentialDelay` (a oneof). */
export interface FaultDelay {
  /** Deprecated integer percent. */
  percent?: number;
  fixedDelay?: string;
  exponentialDelay?: string;
  percentage?: Percent;
}

/** `HTTPFaultInjection.Abort`: `httpStatus`, `grpcStatus` or `http2Error` (a oneof). */
export interface FaultAbort {
  httpStatus?: number;
  grpcStatus?: string;
  http2Error?: string;
  percentage?: Percent;
}

/** `HTTPFaultInjection`: a delay and/or an abort, each for a percentage. */
export interface HTTPFaultInjection {
  delay?: FaultDelay;
  abort?: FaultAbort;
}

/** `HTTPRedirect`. */
export interface HTTPRedirect {
  uri?: string;
  authority?: string;
  port?: number;
  derivePort?: 'FROM_PROTOCOL_DEFAULT' | 'FROM_REQUEST_PORT';
  scheme?: string;
  redirectCode?: number;
  prefixRewrite?: string;
}

/** `HTTPDirectResponse`. */
export interface HTTPDirectResponse {
  status?: number;
  body?: { string?: string; bytes?: string };
}

/** `HTTPRewrite`. */
export interface HTTPRewrite {
  uri?: string;
  authority?: string;
  uriRegexRewrite?: { match?: string; rewrite?: string };
}

/** `HTTPMirrorPolicy`. */
export interface HTTPMirrorPolicy {
  destination?: Destination;
  percentage?: Percent;
}

/** `CorsPolicy`. */
export interface CorsPolicy {
  /** Deprecated: use `allowOrigins`. */
  allowOrigin?: string[];
  allowOrigins?: StringMatch[];
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAge?: string;
  allowCredentials?: boolean;
  unmatchedPreflights?: 'UNSPECIFIED' | 'FORWARD' | 'IGNORE';
}

/** `Delegate`: the VirtualService an HTTP rule hands its traffic to. */
export interface Delegate {
  name?: string;
  namespace?: string;
}

/** `HTTPRoute`: one rule of a VirtualService (first match wins). */
export interface HTTPRoute {
  name?: string;
  match?: HTTPMatchRequest[];
  route?: HTTPRouteDestination[];
  redirect?: HTTPRedirect;
  directResponse?: HTTPDirectResponse;
  delegate?: Delegate;
  rewrite?: HTTPRewrite;
  timeout?: string;
  retries?: HTTPRetry;
  fault?: HTTPFaultInjection;
  mirror?: Destination;
  mirrors?: HTTPMirrorPolicy[];
  /** Deprecated: use `mirrorPercentage`. */
  mirrorPercent?: number;
  mirrorPercentage?: Percent;
  corsPolicy?: CorsPolicy;
  headers?: Headers;
}

/** `L4MatchAttributes` (TCP routes). */
export interface L4MatchAttributes {
  destinationSubnets?: string[];
  port?: number;
  sourceSubnet?: string;
  sourceLabels?: Record<string, string>;
  gateways?: string[];
  sourceNamespace?: string;
}

/** `TLSMatchAttributes` (TLS routes, matched on SNI). */
export interface TLSMatchAttributes {
  sniHosts?: string[];
  destinationSubnets?: string[];
  port?: number;
  sourceLabels?: Record<string, string>;
  gateways?: string[];
  sourceNamespace?: string;
}

/** `TCPRoute`. */
export interface TCPRoute {
  match?: L4MatchAttributes[];
  route?: RouteDestination[];
}

/** `TLSRoute`. */
export interface TLSRoute {
  match?: TLSMatchAttributes[];
  route?: RouteDestination[];
}

/** `VirtualService` spec. No hosts = a delegate VirtualService. */
export interface VirtualServiceSpec {
  hosts: string[];
  gateways?: string[];
  http?: HTTPRoute[];
  tls?: TLSRoute[];
  tcp?: TCPRoute[];
  exportTo?: string[];
}
