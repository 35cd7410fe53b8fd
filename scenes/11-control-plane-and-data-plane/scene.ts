import type { MeshView } from '../../src/engine/mesh/contract';
import type { SceneDef } from '../types';
import { onYamlChangeMachine, subscribeXdsMachine, whenControlPlaneDiesMachine } from './machines';
import onYamlChange from './snippets/onYamlChange.py?raw';
import subscribeXds from './snippets/subscribeXds.py?raw';
import whenControlPlaneDies from './snippets/whenControlPlaneDies.py?raw';

/** Every sidecar connected and SYNCED for every type (the end of a resync). */
const allSynced = (v: MeshView): boolean =>
  v.sidecars.every((s) => s.connected && Object.values(s.status).every((x) => x === 'SYNCED'));

/** Every sidecar has been cut off from Istiod for at least `us` of simulated time. */
const downFor =
  (us: number) =>
  (v: MeshView): boolean =>
    v.sidecars.every((s) => s.staleSince !== null && v.now - s.staleSince >= us);

/** Scene 11 as data: setup, narrative steps, code panels, "Try this". */
export const scene11: SceneDef = {
  number: 11,
  slug: 'control-plane-and-data-plane',
  title: 'Control plane and data plane',
  subtitle: 'config over gRPC',
  caption:
    'Sidecars (data plane) handle traffic; the control plane (Istiod) streams listener, route, cluster and endpoint config to them over xDS. Kill the control plane and traffic keeps flowing.',
  previously:
    'Certs came from a central CA, route tables came from a central operator — there has to be one process responsible for fanning all of that out to every sidecar live, and that role splits the mesh into two planes.',
  setup: { seed: 42, timeScale: 'realtime', speed: 1, select: 'web-1' },
  steps: [
    {
      caption:
        'Each Envoy opens ONE long-lived ADS stream (through the istio-agent in its pod) and subscribes to CDS, EDS, LDS and RDS. Istiod answers with the full config; each sidecar applies it and ACKs with the version_info and nonce it received. The step ends when all eight are SYNCED.',
      highlights: { subscribe: 'ack', control: 'ack' },
      select: 'web-1',
      waitFor: { type: 'xds.ack', until: allSynced },
    },
    {
      caption:
        'Requests flow sidecar to sidecar below the row. The caller’s Envoy routes each one from its cached config; Istiod is NOT on the request path.',
      highlights: { dataplane: 'forward' },
      select: 'web-1',
      waitFor: { type: 'request.done' },
    },
    {
      caption:
        'The operator moves the payments canary from 90/10 to 50/50. Istiod debounces (100 ms), recompiles, and pushes CDS, LDS and RDS (a VirtualService change skips EDS). Sidecar by sidecar, each ACKs the new version: until its ACK arrives, proxy-status says STALE.',
      highlights: { subscribe: 'ack', control: 'ack' },
      commands: [{ kind: 'canary.weights', v1: 50, v2: 50 }],
      select: 'checkout-1',
      waitFor: { type: 'xds.ack', pod: 'checkout-1', xds: 'RDS' },
    },
    {
      caption:
        'Kill Istiod. Every ADS stream drops; each sidecar keeps its last config (“stale since t”) and retries with jittered backoff, 500 ms doubling up to 30 s.',
      highlights: { subscribe: 'backoff', dataplane: 'retry' },
      commands: [{ kind: 'istiod.kill' }],
      select: 'checkout-1',
      waitFor: { type: 'stream.retry', pod: 'checkout-1' },
    },
    {
      caption:
        'With Istiod down, requests still complete — watch the Completed requests count keep rising. What stalls is config: an operator edit now has nobody to compile and push it.',
      highlights: { dataplane: 'forward' },
      select: 'checkout-1',
      // The first request checkout-1 completes once the mesh has been without Istiod for 3 s.
      waitFor: { type: 'request.done', from: 'checkout-1', until: downFor(3_000_000) },
    },
    {
      caption:
        'Restore Istiod. Each sidecar reconnects when its backoff timer fires (Istiod admits new streams at a limited rate), gets the full state again and ACKs it. The step ends when proxy-status shows every sidecar SYNCED.',
      highlights: { subscribe: 'ack' },
      commands: [{ kind: 'istiod.restore' }],
      select: 'checkout-1',
      waitFor: { type: 'xds.ack', until: allSynced },
    },
    {
      caption:
        'Push a config that payments-v2-a’s Envoy rejects. It NACKs: error_detail set, version_info still the last good one, the rejected nonce. It keeps serving its last good config; proxy-status shows ERROR; Istiod does not resend.',
      highlights: { subscribe: 'nack', control: 'nack' },
      commands: [{ kind: 'config.pushBad', pod: 'payments-v2-a' }],
      select: 'payments-v2-a',
      waitFor: { type: 'xds.nack', pod: 'payments-v2-a' },
    },
  ],
  panels: [
    {
      id: 'subscribe',
      title: 'Sidecar.subscribeXds',
      subtitle: 'long-lived gRPC stream — server pushes, sidecar acks',
      source: subscribeXds,
      followsSidecar: true,
      machine: subscribeXdsMachine,
    },
    {
      id: 'control',
      title: 'ControlPlane.onYamlChange',
      subtitle: 'operator edits a VirtualService — Istiod fans out new config',
      source: onYamlChange,
      followsSidecar: false,
      machine: onYamlChangeMachine,
    },
    {
      id: 'dataplane',
      title: 'DataPlane.whenControlPlaneDies',
      subtitle: 'why traffic survives the loss of Istiod',
      source: whenControlPlaneDies,
      followsSidecar: true,
      machine: whenControlPlaneDiesMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'Traffic keeps flowing; operator edits stall; each sidecar shows “stale since t” and retries with backoff. Restore it and every sidecar resyncs.',
      key: 'k',
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (v) => !v.istiod.up,
      on: { kind: 'istiod.kill' },
      off: { kind: 'istiod.restore' },
    },
    {
      kind: 'slider',
      id: 'canary',
      label: 'Canary weight (payments v2)',
      help: 'Changes the payments VirtualService; Istiod pushes the new routes (while it is up).',
      min: 0,
      max: 100,
      step: 10,
      initial: 10,
      format: (v) => `v1 ${100 - v} / v2 ${v}`,
      command: (v) => ({ kind: 'canary.weights', v1: 100 - v, v2: v }),
      fromCommand: (c) => (c.kind === 'canary.weights' ? Math.round((100 * c.v2) / Math.max(1, c.v1 + c.v2)) : null),
    },
    {
      kind: 'toggle',
      id: 'bad',
      label: 'Bad config',
      help: 'Istiod accepts it; the selected sidecar’s Envoy NACKs it and keeps its last good config (ERROR in proxy-status). Revert it and the sidecar ACKs again.',
      onLabel: 'Revert the bad config',
      offLabel: 'Push a config this sidecar rejects',
      isOn: (v) => v.sidecars.some((s) => s.lastError !== null),
      on: (pod) => ({ kind: 'config.pushBad', pod }),
      off: { kind: 'config.revertBad' },
    },
  ],
  senders: {
    DiscoveryResponse: { panel: 'control', anchor: 'send' },
    DiscoveryRequest: { panel: 'subscribe', anchor: 'subscribe' },
    ACK: { panel: 'subscribe', anchor: 'ack' },
    NACK: { panel: 'subscribe', anchor: 'nack' },
  },
  simplified: [
    'this scene runs state-of-the-world ADS; Istio 1.22+ defaults to the Delta variant (DeltaAggregatedResources) on the same single stream.',
    'the istio-agent’s proxying of the stream (Envoy → UDS → agent → istiod:15012) is drawn as one line.',
    'one Istiod replica; no 30-minute connection recycling.',
    'Sidecar.subscribeXds shows the four subscriptions as one loop; a fresh Envoy asks for CDS first and for LDS once its clusters are warm (the model does this).',
  ],
};
