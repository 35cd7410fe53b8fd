/** Initial certificate state and the checks a TLS handshake makes. */
import { hours, type SimTime } from '../../core/time';
import type { CaState, CertState, RootCert } from './types';

/** Workload cert TTL (SECRET_TTL / DEFAULT_WORKLOAD_CERT_TTL). */
export const WORKLOAD_TTL = hours(24);
/** Self-signed root TTL (CITADEL_SELF_SIGNED_CA_CERT_TTL, 3650 days). */
export const ROOT_TTL = hours(24 * 3650);
/** SECRET_GRACE_PERIOD_RATIO: renew when this share of the lifetime is left. */
export const GRACE_RATIO = 0.5;
/** SECRET_GRACE_PERIOD_RATIO_JITTER (±0.01 of the ratio). */
export const GRACE_JITTER = 0.01;

/** An agent that has no certificate yet. */
export function emptyCert(): CertState {
  return {
    cert: null,
    trust: [],
    trustVersion: null,
    trustUpdatedAt: null,
    rotateAt: null,
    csrPending: false,
    csrAttempts: 0,
    issued: 0,
  };
}

/** Istiod's self-signed CA with one root. */
export function newCa(): CaState {
  return {
    stopped: false,
    roots: [{ id: 'root-1', createdAt: 0, expiresAt: ROOT_TTL }],
    signingRootId: 'root-1',
    bundle: ['root-1'],
    nextSerial: 1,
    signed: 0,
    ttl: WORKLOAD_TTL,
  };
}

/** The key a root signs with (its own unless it was re-issued from an existing key). */
export const keyOf = (roots: readonly RootCert[], rootId: string): string =>
  roots.find((r) => r.id === rootId)?.key ?? rootId;

/**
 * Why `own` cannot be presented to a peer trusting `peerTrust` at `now` (null = fine). The
 * signature is checked by key: a certificate verifies against any trusted root with the key that
 * signed it, so a root re-issued with the same key still verifies older certificates.
 */
export function certProblem(
  own: CertState,
  peerTrust: readonly string[],
  now: SimTime,
  roots: readonly RootCert[] = [],
): string | null {
  const c = own.cert;
  if (!c) return 'no certificate (SDS secret "default" not received)';
  if (now >= c.expiresAt) return 'certificate expired';
  const key = keyOf(roots, c.rootId);
  if (!peerTrust.some((id) => keyOf(roots, id) === key))
    return 'certificate signed by an untrusted root';
  return null;
}
