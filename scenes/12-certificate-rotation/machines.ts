import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/**
 * The machines behind scene 12's three code panels, as tables "trace entry → line". They never
 * drive the engine: they only read what it did.
 */

const sds = (resource: 'default' | 'ROOTCA') => (e: MeshTrace) =>
  e.type === 'sds.push' && e.resource === resource;

/** IstioAgent.rotationLoop — the selected pod's agent: CSR, SDS, sleep until renewal [1]. */
export const rotationLoop = anchorTable<MeshTrace>({
  id: 'istioAgentRotationLoop',
  initial: null,
  on: {
    'cert.csr': 'csr',
    'cert.csrFailed': 'backoff',
    'sds.push': [
      { to: 'sds', when: sds('default') },
      { to: 'rootca', when: sds('ROOTCA') },
    ],
    'cert.issued': 'sleep',
  },
});

const rotate = (sameKey: boolean) => (e: MeshTrace) =>
  e.type === 'command' &&
  e.command.kind === 'ca.rotateRoot' &&
  (e.command.sameKey ?? false) === sameKey;

/** CA.rotateRoot — Istiod's CA, mesh-wide: the two kinds of rotation and the end of the overlap. */
export const rotateRoot = anchorTable<MeshTrace>({
  id: 'caRotateRoot',
  initial: null,
  on: {
    command: [
      { to: 'same_key', when: rotate(true) },
      { to: 'new_key', when: rotate(false) },
      { to: 'drop', when: (e) => e.type === 'command' && e.command.kind === 'ca.dropOldRoots' },
    ],
  },
  from: {
    same_key: { 'sds.push': 'publish' }, // [3]
    new_key: { 'sds.push': 'publish_new' },
  },
});

/** Sidecar.verifyPeer — the selected sidecar's new connections, and its pooled ones [2]. */
export const verifyPeer = anchorTable<MeshTrace>({
  id: 'sidecarVerifyPeer',
  initial: null,
  on: {
    'tls.handshake': 'ok',
    'tls.handshakeFailed': [
      {
        to: 'expired',
        when: (e) => e.type === 'tls.handshakeFailed' && e.reason === 'certificate expired',
      },
      {
        to: 'untrusted',
        when: (e) => e.type === 'tls.handshakeFailed' && /untrusted/.test(e.reason),
      },
    ],
    'request.done': {
      to: 'reuse',
      when: (e) => e.type === 'request.done' && e.code === 200,
    },
  },
});

// [1] onIssued pushes ROOTCA (when the bundle changed), then `default`, then traces cert.issued:
//     after a renewal the highlight rests on the sleep.
// [2] Handshakes are traced with `traceSecurity`; a completed request with no handshake before it
//     went over a pooled connection.
// [3] A rotation pushes ROOTCA to every agent at once, so the first SDS push after it is ROOTCA.
