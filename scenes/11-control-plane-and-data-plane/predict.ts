import { requestViews, sidecarViews, type MeshSource } from '../../src/engine/mesh/views';
import type { Prediction } from '../../src/scene/types';

/** A second after Istiod died: a request that succeeds later shows no cached config ran out. */
const GRACE_US = 1_000_000;

/**
 * Asked once Istiod has been killed, before the step that watches checkout-1's requests with the
 * control plane down. Read from the requests checkout-1 sent after the mesh lost Istiod.
 */
export const istiodKilled: Prediction<MeshSource> = {
  question:
    'Istiod is dead and will stay down. Over the next seconds, what happens to the requests between the services?',
  choices: [
    { id: 'flow', label: 'They keep completing' },
    { id: 'fail', label: 'They all fail: nothing can route them' },
    { id: 'expire', label: 'They work briefly, then fail as the sidecars’ config expires' },
  ],
  answer: (sim) => {
    const stale = sidecarViews(sim).flatMap((s) => (s.staleSince === null ? [] : [s.staleSince]));
    const down = stale.length > 0 ? Math.min(...stale) : 0;
    const after = requestViews(sim).filter((r) => r.sentAt >= down && r.code !== undefined);
    if (after.length === 0) return null;
    const okLate = after.some((r) => r.code === 200 && r.sentAt >= down + GRACE_US);
    if (okLate) return 'flow';
    return after.some((r) => r.code === 200) ? 'expire' : 'fail';
  },
  evidence:
    'The Completed requests count keeps rising with Istiod down; each sidecar routes from its cached config.',
};
