/**
 * Typed Istio objects as they come out of YAML after decoding: the whole v1 API of the four kinds
 * the simulator reads (VirtualService, DestinationRule, PeerAuthentication, AuthorizationPolicy),
 * with the YAML (JSON) field names of istio/api. The spec types live in istioVirtualService.ts,
 * istioDestinationRule.ts and istioSecurity.ts; `parseMeshYaml` rejects any other field as
 * unknown, as `istioctl validate` does for a field missing from the proto.
 */
import type { DestinationRuleSpec } from './istioDestinationRule';
import type { AuthorizationPolicySpec, PeerAuthenticationSpec } from './istioSecurity';
import type { VirtualServiceSpec } from './istioVirtualService';

export type * from './istioVirtualService';
export type * from './istioDestinationRule';
export type * from './istioSecurity';
export { CLIENT_TLS_MODES, SIMPLE_LB } from './istioDestinationRule';
export { AUTHZ_ACTIONS, MTLS_MODES } from './istioSecurity';

/** Where a document came from: its index in the YAML stream and a line for each field path. */
export interface SourceInfo {
  /** 0-based index of the document in the multi-document YAML text. */
  doc: number;
  /** 1-based line of `apiVersion`/`kind` (the document start). */
  line: number;
  /** 1-based line of each field path (`spec.http[0].route[1].weight` → 12). */
  lines: Record<string, number>;
}

/** Kubernetes object metadata (the fields used). */
export interface ObjectMeta {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  /** Only string values are kept (Istio reads a few: `istio.io/dry-run`, `internal.istio.io/*`). */
  annotations?: Record<string, string>;
}

interface Base<K extends string, S> {
  apiVersion: string;
  kind: K;
  metadata: ObjectMeta;
  spec: S;
  /** Present when the object was read from YAML (for line numbers in messages). */
  source?: SourceInfo;
}

/** A VirtualService object. */
export type VirtualService = Base<'VirtualService', VirtualServiceSpec>;
/** A DestinationRule object. */
export type DestinationRule = Base<'DestinationRule', DestinationRuleSpec>;
/** A PeerAuthentication object. */
export type PeerAuthentication = Base<'PeerAuthentication', PeerAuthenticationSpec>;
/** An AuthorizationPolicy object. */
export type AuthorizationPolicy = Base<'AuthorizationPolicy', AuthorizationPolicySpec>;

/** Any Istio object the simulator understands. */
export type IstioObject =
  VirtualService | DestinationRule | PeerAuthentication | AuthorizationPolicy;
/** The kinds the simulator models. */
export type IstioKind = IstioObject['kind'];

/** One validation or parse error, as the CLI and the scene print it. */
export interface ConfigError {
  /** Field path, e.g. `spec.http[0].route[1].weight` (empty for document-level errors). */
  path: string;
  message: string;
  /** 0-based document index in the YAML stream. */
  doc?: number;
  /** 1-based line in the YAML text. */
  line?: number;
  /** 1-based column, for YAML syntax errors. */
  column?: number;
  /** `Kind/namespace/name` when known. */
  object?: string;
}

/** `Kind/namespace/name`, the key `applyDocs` replaces by. */
export function objectKey(o: IstioObject): string {
  return `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
}
