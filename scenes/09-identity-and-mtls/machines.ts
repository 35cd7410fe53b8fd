import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** IstioAgent.requestCertificate: the selected pod's agent, CSR to SDS [1]. */
export const agentMachine = anchorTable<MeshTrace>({
  id: 'istioAgentRequestCertificate',
  initial: null,
  on: {
    'cert.csr': 'csr',
    'cert.csrFailed': 'wait',
    'sds.push': [
      { to: 'sds_default', when: (e) => e.type === 'sds.push' && e.resource === 'default' },
      { to: 'sds_root', when: (e) => e.type === 'sds.push' && e.resource === 'ROOTCA' },
    ],
  },
});

/** CA.sign: Istiod's CA, for every pod. */
export const caMachine = anchorTable<MeshTrace>({
  id: 'caSign',
  initial: null,
  on: { 'cert.csr': 'authn', 'cert.issued': 'sign' },
});

/** Sidecar.handshake: the selected sidecar's handshakes and authorization decisions. */
export const handshakeMachine = anchorTable<MeshTrace>({
  id: 'sidecarHandshake',
  initial: null,
  on: {
    'tls.handshake': 'done',
    'tls.handshakeFailed': 'failed',
    'rbac.decision': [
      {
        to: 'deny',
        when: (e) => e.type === 'rbac.decision' && !e.allowed && e.action === 'DENY',
      },
      { to: 'no_allow', when: (e) => e.type === 'rbac.decision' && !e.allowed },
      { to: 'allowed', when: (e) => e.type === 'rbac.decision' && e.allowed },
    ],
  },
});

// [1] The agent's CSR, the CA's signature and the two SDS pushes are trace entries of the mesh
//     model (src/engine/mesh/ca); handshakes and RBAC decisions are traced with `traceSecurity`.
