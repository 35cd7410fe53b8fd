/**
 * PeerAuthentication and AuthorizationPolicy types: the whole v1 API of istio/api
 * `security/v1beta1/peer_authentication.proto` and `authorization_policy.proto`.
 */
import type { WorkloadSelector } from './istioDestinationRule';

/** `PeerAuthentication.MutualTLS.Mode`. */
export type MutualTLSMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';
/** Values of `MutualTLSMode`. */
export const MTLS_MODES: readonly MutualTLSMode[] = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'];

/** `PeerAuthentication` spec. `portLevelMtls` keys are port numbers (as strings, from YAML). */
export interface PeerAuthenticationSpec {
  selector?: WorkloadSelector;
  mtls?: { mode?: MutualTLSMode };
  portLevelMtls?: Record<string, { mode?: MutualTLSMode }>;
}

/** `AuthorizationPolicy.Action`. */
export type AuthorizationAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
/** Values of `AuthorizationAction`. */
export const AUTHZ_ACTIONS: readonly AuthorizationAction[] = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'];

/** `Source`: who sends the request (all the lists are OR-ed inside, AND-ed together). */
export interface AuthorizationSource {
  principals?: string[];
  notPrincipals?: string[];
  requestPrincipals?: string[];
  notRequestPrincipals?: string[];
  namespaces?: string[];
  notNamespaces?: string[];
  serviceAccounts?: string[];
  notServiceAccounts?: string[];
  ipBlocks?: string[];
  notIpBlocks?: string[];
  remoteIpBlocks?: string[];
  notRemoteIpBlocks?: string[];
  trustDomains?: string[];
  notTrustDomains?: string[];
}

/** `Operation`: what the request does. */
export interface AuthorizationOperation {
  hosts?: string[];
  notHosts?: string[];
  ports?: string[];
  notPorts?: string[];
  methods?: string[];
  notMethods?: string[];
  paths?: string[];
  notPaths?: string[];
}

/** `Condition` (`when`). */
export interface AuthorizationCondition {
  key?: string;
  values?: string[];
  notValues?: string[];
}

/** `Rule`: `from` sources, `to` operations and `when` conditions. */
export interface AuthorizationRule {
  from?: { source: AuthorizationSource }[];
  to?: { operation: AuthorizationOperation }[];
  when?: AuthorizationCondition[];
}

/** `istio.type.v1beta1.PolicyTargetReference`. */
export interface PolicyTargetReference {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** `AuthorizationPolicy` spec. */
export interface AuthorizationPolicySpec {
  selector?: WorkloadSelector;
  targetRef?: PolicyTargetReference;
  targetRefs?: PolicyTargetReference[];
  action?: AuthorizationAction;
  provider?: { name?: string };
  rules?: AuthorizationRule[];
}
