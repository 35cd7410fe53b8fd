/**
 * Istiod's CA: signs CSRs for `spiffe://cluster.local/ns/<ns>/sa/<sa>` with a 24 h TTL; nothing is
 * signed while Istiod is down or the CA is stopped (`ca.stop`). Root rotation two ways: the
 * self-signed root re-issued with the SAME key (`GenRootCertFromExistingKey`: older certificates
 * still verify, even once the old root is gone), or a new CA with a NEW key (a plug-in CA): the
 * bundle holds both roots during the overlap, and dropping the old root before every workload has
 * renewed breaks handshakes. Simplified: the bundle reaches every running agent at once (it
 * travels in real Istio via the `istio-ca-root-cert` ConfigMap and the CSR response chain).
 */
import { hours, ms } from '../../core/time';
import type { PodName } from '../contract';
import { rfc3339 } from '../format';
import { logLine } from '../log';
import type { MeshSim } from '../types';
import { csrRetryDelay, identityOf, onIssued, setTrust } from './agent';
import { keyOf, ROOT_TTL } from './state';

/** A CSR reached Istiod (or failed to). */
export function onCsr(sim: MeshSim, pod: PodName, gen: number, attempt: number): void {
  const s = sim.state;
  const sc = s.sidecars[pod];
  const p = s.pods[pod];
  if (!sc || !p || p.generation !== gen || !p.up) return;
  if (!s.istiod.up || s.ca.stopped || sc.cut) {
    sc.cert.csrAttempts = attempt + 1;
    sim.schedule(csrRetryDelay(sim, attempt), { type: 'ca.csr', pod, gen, attempt: attempt + 1 });
    if (attempt === 0)
      logLine(
        sim,
        'cert',
        `${pod}: CreateCertificate failed (CA unavailable); retrying with backoff`,
      );
    sim.emit({ t: sim.now, type: 'cert.csrFailed', pod, attempt });
    return;
  }
  const ca = s.ca;
  const serial = ca.nextSerial++;
  ca.signed++;
  const cert = {
    serial,
    spiffe: identityOf(sim, pod),
    issuedAt: sim.now,
    expiresAt: sim.now + ca.ttl,
    rootId: ca.signingRootId,
    version: rfc3339(sim.now),
  };
  sim.schedule(ms(1) + sim.rng.int(ms(2)), { type: 'ca.issued', pod, gen, serial, cert });
}

/** `ca.issued` event: deliver the chain to the agent. */
export { onIssued };

/**
 * Starts a root rotation: a new root joins the bundle and signs new certificates. `sameKey`: it
 * is the signing root re-issued with the same private key; otherwise it has a key of its own.
 */
export function rotateRoot(sim: MeshSim, sameKey = false): void {
  const ca = sim.state.ca;
  const id = `root-${ca.roots.length + 1}`;
  const root = { id, createdAt: sim.now, expiresAt: sim.now + ROOT_TTL };
  const key = keyOf(ca.roots, ca.signingRootId);
  ca.roots.push(sameKey ? { ...root, key } : root);
  ca.signingRootId = id;
  ca.bundle = [...ca.bundle, id];
  distributeBundle(sim);
  logLine(
    sim,
    'cert',
    `CA: new root ${id} (${sameKey ? `same key as ${ca.roots.at(-2)?.id ?? key}` : 'new key'}); trust bundle now holds ${ca.bundle.join(' + ')}`,
  );
}

/** Ends the overlap: drops every root except the signing one from the bundle. */
export function dropOldRoots(sim: MeshSim): void {
  const ca = sim.state.ca;
  ca.bundle = [ca.signingRootId];
  distributeBundle(sim);
  logLine(sim, 'cert', `CA: trust bundle now holds only ${ca.signingRootId}`);
}

function distributeBundle(sim: MeshSim): void {
  for (const pod of sim.state.order)
    if (sim.state.pods[pod]?.up) setTrust(sim, pod, sim.state.ca.bundle);
}

/** Shortens the workload TTL (scene 12 runs hours per second; default 24 h). */
export function setTtlHours(sim: MeshSim, h: number): void {
  sim.state.ca.ttl = hours(h);
}
