import type { MeshTrace } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import type { Prediction } from '../../src/scene/types';

/** Asked before web-1, its certificate expired and Istiod still down, needs new connections. */
export const expiredHandshakes: Prediction<MeshSim> = {
  question:
    'Istiod is still down and web-1’s certificate has expired. Next, web-1 calls payments 20 times at once, which needs new connections. What happens to them?',
  choices: [
    { id: 'fail', label: 'Every new handshake fails: certificate expired' },
    { id: 'ok', label: 'They connect: inside the mesh an expired certificate still works' },
    { id: 'renewed', label: 'web-1’s agent renews the certificate by itself first' },
  ],
  answer: (sim) => {
    const mine = (sim.trace.recent(512) as MeshTrace[]).filter(
      (e) => (e.type === 'tls.handshakeFailed' || e.type === 'tls.handshake') && e.from === 'web-1',
    );
    const last = mine[mine.length - 1];
    if (!last) return null;
    if (last.type === 'tls.handshakeFailed') return /expired/i.test(last.reason) ? 'fail' : null;
    const issuedLately = (sim.trace.recent(512) as MeshTrace[]).some(
      (e) => e.type === 'cert.issued' && e.pod === 'web-1',
    );
    return issuedLately ? 'renewed' : 'ok';
  },
  evidence:
    'The log’s failed handshakes from web-1 (“certificate expired”) while its open connections carry on.',
};
