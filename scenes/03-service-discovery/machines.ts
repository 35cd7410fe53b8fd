import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** Scene 3's panels, as tables "trace entry → line". */
const eds = (e: MeshTrace) => 'xds' in e && e.xds === 'EDS';

/**
 * Registry.onPodChange — the registry and Istiod, mesh-wide (follows every entry): a new pod
 * joins not ready (no push); any other endpoint change starts Istiod's debounce [1]; the
 * EDS-only push sends the new assignments [2].
 */
export const onPodChange = anchorTable<MeshTrace>({
  id: 'onPodChange',
  initial: null,
  on: {
    'endpoints.changed': [
      { to: 'added', when: (e) => e.type === 'endpoints.changed' && e.change === 'added' },
      'debounce',
    ],
    'push.debounced': { to: 'push', when: (e) => e.type === 'push.debounced' && !e.full },
  },
});

/** Sidecar.applyEndpoints — one sidecar's EDS: a response arrives, its ACK reaches Istiod. */
export const applyEndpoints = anchorTable<MeshTrace>({
  id: 'applyEndpoints',
  initial: null,
  on: {
    'xds.response': { to: 'recv', when: eds },
    'xds.ack': { to: 'ack', when: eds },
  },
});

// [1] The EndpointSlice changes at once; Istiod then waits for 100 ms without another event
//     (PILOT_DEBOUNCE_AFTER), at most 10 s (PILOT_DEBOUNCE_MAX): the lit line is what runs now.
// [2] The push and its responses happen in one engine event, so `push` is lit from the debounce's
//     end until the next endpoint change. A full push (a new service) is not this code: no move.
