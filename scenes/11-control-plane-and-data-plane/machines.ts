import { setup } from 'xstate';

/**
 * The machines behind scene 11's three code panels. Their events are the engine's trace entries
 * (`xds.ack`, `stream.closed`...) [1]; each state names the snippet line it is on in `meta.anchor`
 * [2]. They never drive the engine: they only read what it did.
 */
type TraceEvent = { type: string; [k: string]: unknown };

/** Sidecar.subscribeXds — one sidecar's ADS client (follows the selected sidecar). */
export const subscribeXdsMachine = setup({ types: { events: {} as TraceEvent } }).createMachine({
  id: 'subscribeXds',
  initial: 'connecting',
  on: {
    'stream.closed': '.backoff', // [3]
    'stream.retry': '.backoff',
    'stream.open': '.subscribed',
    'xds.response': '.received',
    'xds.ack': '.acked',
    'xds.nack': '.nacked',
  },
  states: {
    connecting: { meta: { anchor: 'connect' } },
    subscribed: { meta: { anchor: 'subscribe' } },
    received: { meta: { anchor: 'recv' } },
    acked: { meta: { anchor: 'ack' } },
    nacked: { meta: { anchor: 'nack' } }, // [4]
    backoff: { meta: { anchor: 'backoff' } },
  },
});

const isOperatorEdit = ({ event }: { event: TraceEvent }) => {
  const c = event['command'] as { kind?: string } | undefined;
  return c?.kind === 'canary.weights' || c?.kind === 'config.apply' || c?.kind === 'config.pushBad';
};

/** ControlPlane.onYamlChange — Istiod, mesh-wide (follows every sidecar's stream). */
export const onYamlChangeMachine = setup({
  types: { events: {} as TraceEvent },
  guards: { isOperatorEdit },
}).createMachine({
  id: 'onYamlChange',
  initial: 'idle',
  on: {
    command: { guard: 'isOperatorEdit', target: '.change' },
    'config.accepted': '.change',
    'push.debounced': '.debouncing',
    'xds.response': '.sending',
    'xds.ack': '.acked',
    'xds.nack': '.nacked',
    'istiod.down': '.down',
  },
  states: {
    idle: {},
    change: { meta: { anchor: 'change' } },
    debouncing: { meta: { anchor: 'debounce' } },
    sending: { meta: { anchor: 'send' } },
    acked: { meta: { anchor: 'ack' } },
    nacked: { meta: { anchor: 'nack' } },
    down: { on: { 'istiod.up': 'idle' } }, // [5]
  },
});

/** DataPlane.whenControlPlaneDies — one sidecar's data path (follows the selected sidecar). */
export const whenControlPlaneDiesMachine = setup({ types: { events: {} as TraceEvent } }).createMachine({
  id: 'whenControlPlaneDies',
  initial: 'serving',
  on: {
    'request.done': '.serving',
    'stream.open': '.serving', // [6]
    'stream.closed': '.lost',
    'stream.retry': '.retrying',
  },
  states: {
    serving: { meta: { anchor: 'forward' } },
    lost: { meta: { anchor: 'lost' } },
    retrying: { meta: { anchor: 'retry' } },
  },
});

// [1] A trace entry { type: 'xds.ack', pod, ... } is a valid xstate event as it stands.
// [2] Anchors name lines in snippets/*.py (`# @anchor ack`), so editing a snippet never breaks
//     the highlight; a test checks every anchor used here exists in its snippet.
// [3] Root-level transitions: whatever the client was doing, a closed stream sends it to backoff.
// [4] A NACK carries the PREVIOUS version_info and the rejected response's nonce (fidelity §1.2).
// [5] While Istiod is down no line of its code runs, so no line is highlighted.
// [6] Back on a stream, the sidecar is simply serving again (a leaf pod sends no requests of
//     its own, so without this its panel would stay on the retry line).
