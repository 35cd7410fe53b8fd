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
    'xds.request': 'subscribe',
    'xds.response': 'recv',
    'xds.ack': 'ack',
    'xds.nack': 'nack', // [3]
  },
});

const OPERATOR_EDITS = new Set([
  'canary.weights',
  'config.apply',
  'config.pushBad',
  'config.revertBad',
]);

/** A push that a config object caused (not an endpoint or Service change, not a reconnect). */
const configPush = (e: MeshTrace) =>
  e.type === 'push.debounced' &&
  e.reason.split(', ').some((r) => !/^(Endpoints|Service)\//.test(r));

/**
 * ControlPlane.onYamlChange — Istiod, mesh-wide (follows every sidecar's stream). Only a push that
 * an operator's edit caused walks its lines [4]: responses, ACKs and NACKs move the highlight only
 * while such a push is under way, so an endpoint push or a reconnect's full push lights nothing.
 */
export const onYamlChange = anchorTable<MeshTrace>({
  id: 'onYamlChange',
  initial: null,
  on: {
    command: {
      to: 'change',
      when: (e) => e.type === 'command' && OPERATOR_EDITS.has(e.command.kind),
    },
    'config.accepted': 'change',
    'push.debounced': [{ to: 'debounce', when: configPush }, 'idle'],
    'istiod.down': 'down',
  },
  dark: ['down'], // [5]
  from: {
    down: { 'istiod.up': 'idle' },
    debounce: { 'xds.response': 'send' },
    send: { 'xds.response': 'send', 'xds.ack': 'ack', 'xds.nack': 'nack' },
    ack: { 'xds.response': 'send', 'xds.ack': 'ack', 'xds.nack': 'nack' },
    nack: { 'xds.response': 'send', 'xds.ack': 'ack', 'xds.nack': 'nack' },
  },
});

/** DataPlane.whenControlPlaneDies — one sidecar's data path (follows the selected sidecar). */
export const whenControlPlaneDies = anchorTable<MeshTrace>({
  id: 'whenControlPlaneDies',
  initial: 'forward',
  on: {
    'request.done': 'forward',
    'stream.open': 'forward', // [6]
    'stream.closed': 'lost',
    'stream.retry': 'retry',
  },
});

// [1] Anchors name lines in snippets/*.py (`# @anchor ack`), so editing a snippet never breaks a
//     highlight; the curriculum test checks every anchor exists and every state is reachable.
// [2] From any line: whatever the client was doing, a closed stream sends it to backoff.
// [3] A NACK carries the PREVIOUS version_info and the rejected response's nonce (docs/fidelity.md §1.2).
// [4] The panel is the YAML-change loop; pushes with other causes run other code.
// [5] While Istiod is down no line of its code runs, so no line is lit.
// [6] Back on a stream, the sidecar is simply serving again (a leaf pod sends no requests of its
//     own, so without this its panel would stay on the retry line).
