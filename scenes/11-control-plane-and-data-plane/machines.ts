import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/**
 * The machines behind scene 11's three code panels, as tables "trace entry → line" [1]. They
 * never drive the engine: they only read what it did.
 */

/** Sidecar.subscribeXds — one sidecar's ADS client (follows the selected sidecar). */
export const subscribeXds = anchorTable<MeshTrace>({
  id: 'subscribeXds',
  initial: 'connect',
  on: {
    'stream.closed': 'backoff', // [2]
    'stream.retry': 'backoff',
    'stream.open': 'subscribe',
    'xds.response': 'recv',
    'xds.ack': 'ack',
    'xds.nack': 'nack', // [3]
  },
});

const OPERATOR_EDITS = new Set(['canary.weights', 'config.apply', 'config.pushBad']);

/** ControlPlane.onYamlChange — Istiod, mesh-wide (follows every sidecar's stream). */
export const onYamlChange = anchorTable<MeshTrace>({
  id: 'onYamlChange',
  initial: null,
  on: {
    command: {
      to: 'change',
      when: (e) => e.type === 'command' && OPERATOR_EDITS.has(e.command.kind),
    },
    'config.accepted': 'change',
    'push.debounced': 'debounce',
    'xds.response': 'send',
    'xds.ack': 'ack',
    'xds.nack': 'nack',
    'istiod.down': 'down',
  },
  dark: ['down'], // [4]
  from: { down: { 'istiod.up': 'idle' } },
});

/** DataPlane.whenControlPlaneDies — one sidecar's data path (follows the selected sidecar). */
export const whenControlPlaneDies = anchorTable<MeshTrace>({
  id: 'whenControlPlaneDies',
  initial: 'forward',
  on: {
    'request.done': 'forward',
    'stream.open': 'forward', // [5]
    'stream.closed': 'lost',
    'stream.retry': 'retry',
  },
});

// [1] Anchors name lines in snippets/*.py (`# @anchor ack`), so editing a snippet never breaks a
//     highlight; the curriculum test checks every anchor exists and every state is reachable.
// [2] From any line: whatever the client was doing, a closed stream sends it to backoff.
// [3] A NACK carries the PREVIOUS version_info and the rejected response's nonce (docs/fidelity.md §1.2).
// [4] While Istiod is down no line of its code runs, so no line is lit.
// [5] Back on a stream, the sidecar is simply serving again (a leaf pod sends no requests of its
//     own, so without this its panel would stay on the retry line).
