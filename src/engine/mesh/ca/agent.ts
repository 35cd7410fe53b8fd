/**
 * The istio-agent's certificate loop (docs/fidelity.md §3): generate a key and a CSR, call
 * `istio.v1.auth.IstioCertificateService/CreateCertificate` on Istiod (15012), hand the signed
 * chain to Envoy over SDS (secrets `default` and `ROOTCA`, on the local UDS), and renew when 50%
 * ± 1% of the lifetime is left. When Istiod or its CA is unavailable the CSR is retried with
 * exponential backoff from 100 ms (10% jitter). Simplified: after the agent's 5 attempts the loop
 * keeps retrying with the interval capped at 60 s, and the key/CSR generation takes a fixed 20 ms.
 */
import { ms, sec } from '../../core/time';
import type { PodName } from '../contract';
import { spiffeId } from '../cast';
import { rfc3339 } from '../format';
import { logLine } from '../log';
import type { MeshSim } from '../types';
import { GRACE_JITTER, GRACE_RATIO } from './state';
import type { WorkloadCert } from './types';

/** The RPC the agent calls. */
export const CSR_RPC = 'istio.v1.auth.IstioCertificateService/CreateCertificate';
const KEYGEN = ms(20);

/** Starts (or restarts) a CSR for `pod`. */
export function requestCert(sim: MeshSim, pod: PodName, delay = KEYGEN): void {
  const sc = sim.state.sidecars[pod];
  const p = sim.state.pods[pod];
  if (!sc || !p || !p.up || sc.cert.csrPending) return;
  sc.cert.csrPending = true;
  sc.cert.csrAttempts = 0;
  sim.emit({ t: sim.now, type: 'cert.csr', pod, rpc: CSR_RPC, spiffe: spiffeId(p) });
  sim.schedule(delay + ms(1) + sim.rng.int(ms(2)), {
    type: 'ca.csr',
    pod,
    gen: p.generation,
    attempt: 0,
  });
}

/** Delay before CSR attempt n+1 after a failure. */
export function csrRetryDelay(sim: MeshSim, attempt: number): number {
  const base = Math.min(ms(100) * 2 ** Math.min(attempt, 20), sec(60));
  const jitter = Math.floor(base * 0.1);
  return base - jitter + sim.rng.int(2 * jitter + 1);
}

/** Istiod's CA signed: the agent pushes SDS `default` and `ROOTCA` to Envoy, plans renewal. */
export function onIssued(sim: MeshSim, pod: PodName, gen: number, cert: WorkloadCert): void {
  const sc = sim.state.sidecars[pod];
  const p = sim.state.pods[pod];
  if (!sc || !p || p.generation !== gen || !p.up) return;
  const cs = sc.cert;
  cs.cert = cert;
  cs.csrPending = false;
  cs.csrAttempts = 0;
  cs.issued++;
  setTrust(sim, pod, sim.state.ca.bundle);
  sim.emit({ t: sim.now, type: 'sds.push', pod, resource: 'default', version: cert.version });
  const ttl = cert.expiresAt - cert.issuedAt;
  const ratio = GRACE_RATIO - GRACE_JITTER + sim.rng.float() * 2 * GRACE_JITTER;
  cs.rotateAt = cert.expiresAt - Math.round(ttl * ratio);
  sim.scheduleAt(cs.rotateAt, { type: 'ca.rotate', pod, gen, serial: cert.serial });
  sim.emit({
    t: sim.now,
    type: 'cert.issued',
    pod,
    spiffe: cert.spiffe,
    expiresAt: cert.expiresAt,
    serial: cert.serial,
  });
  logLine(
    sim,
    'cert',
    `${pod} got certificate #${cert.serial} for ${cert.spiffe} (valid ${Math.round(ttl / 3_600_000_000)} h)`,
  );
}

/** The agent updates Envoy's `ROOTCA` secret. */
export function setTrust(sim: MeshSim, pod: PodName, bundle: readonly string[]): void {
  const sc = sim.state.sidecars[pod];
  if (!sc) return;
  if (sc.cert.trust.join(',') === bundle.join(',')) return;
  sc.cert.trust = [...bundle];
  sc.cert.trustVersion = rfc3339(sim.now);
  sc.cert.trustUpdatedAt = sim.now;
  sim.emit({
    t: sim.now,
    type: 'sds.push',
    pod,
    resource: 'ROOTCA',
    version: sc.cert.trustVersion,
    roots: [...bundle],
  });
}

/** Renewal time came. */
export function onRotate(sim: MeshSim, pod: PodName, gen: number, serial: number): void {
  const sc = sim.state.sidecars[pod];
  const p = sim.state.pods[pod];
  if (!sc || !p || p.generation !== gen || sc.cert.cert?.serial !== serial) return;
  logLine(
    sim,
    'cert',
    `${pod}: certificate #${serial} reached its renewal point; the agent sends a new CSR`,
  );
  requestCert(sim, pod);
}

/** The SPIFFE id the CA signs for a pod. */
export function identityOf(sim: MeshSim, pod: PodName): string {
  const p = sim.state.pods[pod];
  return p ? spiffeId(p) : '';
}
