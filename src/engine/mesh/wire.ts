/**
 * What travels on an ADS stream: the in-flight message record and the NACK code. A leaf module
 * (contract types only), so Istiod's and the sidecar's sides of the stream both import it
 * without importing each other.
 */
import type { XdsMessageView } from './contract';

/** Envoy's `error_detail.code` for a rejected update (google.rpc.Code INTERNAL). */
export const NACK_CODE = 13;

/** A message in flight on an ADS stream: the view's fields plus what the model needs. */
export interface XdsMessage extends Pick<
  XdsMessageView,
  | 'id'
  | 'pod'
  | 'direction'
  | 'kind'
  | 'xds'
  | 'versionInfo'
  | 'nonce'
  | 'errorDetail'
  | 'sentAt'
  | 'arriveAt'
> {
  streamId: number;
  /** Responses: hashes of the resources carried (SotW: all for LDS/CDS), removed names (Delta). */
  resources?: string[];
  removed?: string[];
  delta: boolean;
  bytes: number;
  /** Requests: resource names subscribed (empty = wildcard). */
  resourceNames?: string[];
  /** Delta requests after a reconnect: `initial_resource_versions` (name → version). */
  initialVersions?: Record<string, string>;
  /** Istiod push this response belongs to (for convergence metrics). */
  pushId?: number;
}
