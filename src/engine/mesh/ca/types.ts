/** Certificate state: Istiod's CA and each istio-agent's workload cert and trust bundle. */
import type { SimTime } from '../../core/time';

/** A CA root. */
export interface RootCert {
  id: string;
  createdAt: SimTime;
  expiresAt: SimTime;
  /**
   * The root's signing key when it is another root's (`GenRootCertFromExistingKey`: the
   * self-signed root re-issued with the same key); absent = a key of its own, named like the root.
   */
  key?: string;
}

/** A signed workload certificate (the SDS `default` secret). */
export interface WorkloadCert {
  serial: number;
  spiffe: string;
  issuedAt: SimTime;
  expiresAt: SimTime;
  /** The root that signed it. */
  rootId: string;
  /** SDS version_info Envoy reports for the secret. */
  version: string;
}

/** The agent/Envoy side of one pod. */
export interface CertState {
  /** Current `default` secret held by Envoy (null before the first SDS push). */
  cert: WorkloadCert | null;
  /** `ROOTCA`: root ids Envoy trusts. */
  trust: string[];
  trustVersion: string | null;
  trustUpdatedAt: SimTime | null;
  /** When the agent plans to renew. */
  rotateAt: SimTime | null;
  /** CSR in flight or scheduled. */
  csrPending: boolean;
  csrAttempts: number;
  /** Issued certificates so far (rotations). */
  issued: number;
}

/** Istiod's CA. */
export interface CaState {
  /** Signing is stopped (`ca.stop`) — Istiod down also stops it. */
  stopped: boolean;
  roots: RootCert[];
  /** The root that signs new certificates. */
  signingRootId: string;
  /** Roots distributed to workloads (both during a rotation overlap). */
  bundle: string[];
  nextSerial: number;
  signed: number;
  /** Workload cert TTL (24 h). */
  ttl: SimTime;
}
