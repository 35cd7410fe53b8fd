import { callsTo, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

/** Asked before STRICT mTLS is turned on while web-1, without a sidecar, keeps calling. */
export const strictPlaintext: Prediction<MeshSource> = {
  question:
    'Next, STRICT mTLS is turned on for namespace shop while web-1, which has no sidecar, keeps calling payments in plaintext. What do its calls get?',
  choices: [
    { id: 'ok', label: '200: calls that worked before keep working' },
    { id: 'denied', label: '403 “RBAC: access denied”' },
    { id: 'reset', label: 'Their connections are reset once payments has the new listeners' },
  ],
  answer: (sim) => {
    const c = callsTo(sim, 'web-1', 'payments');
    if (c.reset > 0) return 'reset';
    if (c.denied > 0) return 'denied';
    return c.ok > 0 ? 'ok' : null;
  },
  evidence: 'The calls table: web-1’s calls turn from 200 to reset (code 0) after the push.',
};
