import { CAST, type MeshTrace, type XdsType } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import type { MeshSim } from '../../src/engine/mesh/types';
import { istiodView, sidecarViews } from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { canarySlider } from '../../src/ui/mesh/canarySlider';
import { onYamlChange, subscribeXds, whenControlPlaneDies } from './machines';
import { meta } from './meta';
import { istiodKilled } from './predict';
import onYamlChangeSrc from './snippets/onYamlChange.py?raw';
import subscribeXdsSrc from './snippets/subscribeXds.py?raw';
import whenControlPlaneDiesSrc from './snippets/whenControlPlaneDies.py?raw';

/** Every sidecar connected and SYNCED for every type (the end of a resync). */
const allSynced = (sim: MeshSim): boolean =>
  sidecarViews(sim).every(
    (s) => s.connected && Object.values(s.status).every((x) => x === 'SYNCED'),
  );

/** Every sidecar has been cut off from Istiod for at least `us` of simulated time. */
const downFor = (us: number) => (sim: MeshSim) =>
  sidecarViews(sim).every((s) => s.staleSince !== null && sim.now - s.staleSince >= us);

/** Entries about one pod (and, for xDS entries, one type). */
const about = (pod: string, xds?: XdsType) => (e: MeshTrace) =>
  'pod' in e && e.pod === pod && (xds === undefined || ('xds' in e && e.xds === xds));
const from = (pod: string) => (e: MeshTrace) => e.type === 'request.done' && e.from === pod;

/** Scene 11 as data: setup, narrative steps, code panels, "Try this". */
export const scene11 = defineScene(meshSceneModel)({
  meta,
  setup: {
    seed: 42,
    options: {},
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'web-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'Each Envoy opens ONE long-lived ADS stream (through the istio-agent in its pod) and subscribes to CDS, EDS, LDS and RDS. Istiod answers with the full config; each sidecar applies it and ACKs with the version_info and nonce it received. The step ends when all eight are SYNCED.',
      highlights: { subscribe: 'ack' },
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
        'The operator moves the payments canary from 90/10 to 50/50. Istiod debounces (100 ms), recompiles, and pushes CDS, LDS and RDS (a VirtualService change skips EDS). The step stops while checkout-1’s new routes are on the wire: proxy-status says STALE for its RDS — sent, not yet ACKed — until its ACK arrives.',
      highlights: { subscribe: 'recv', control: 'send' },
      commands: [{ kind: 'canary.weights', v1: 50, v2: 50 }],
      select: 'checkout-1',
      waitFor: { type: 'xds.response', where: about('checkout-1', 'RDS') },
    },
    {
      caption:
        'Kill Istiod. Every ADS stream drops; each sidecar is disconnected but keeps serving its cached config, and retries with jittered backoff, 500 ms doubling up to 30 s.',
      highlights: { subscribe: 'backoff', dataplane: 'retry' },
      ensure: (sim) => (istiodView(sim).up ? [{ kind: 'istiod.kill' }] : []),
      select: 'checkout-1',
      waitFor: { type: 'stream.retry', where: about('checkout-1') },
    },
    {
      caption:
        'With Istiod down, requests still complete — watch the Completed requests count keep rising. What stops is config: kubectl apply is refused, because Istio’s validating webhook runs in Istiod — and nobody could compile or push the change anyway.',
      predict: istiodKilled,
      highlights: { dataplane: 'forward' },
      select: 'checkout-1',
      ensure: (sim) => (istiodView(sim).up ? [{ kind: 'istiod.kill' }] : []),
      // The first request checkout-1 completes once the mesh has been without Istiod for 3 s.
      waitFor: { type: 'request.done', where: from('checkout-1'), until: downFor(3_000_000) },
    },
    {
      caption:
        'Restore Istiod. Each sidecar reconnects when its backoff timer fires (Istiod admits new streams at a limited rate), gets the full state again and ACKs it. The step ends when proxy-status shows every sidecar SYNCED.',
      highlights: { subscribe: 'ack' },
      ensure: (sim) => (istiodView(sim).up ? [] : [{ kind: 'istiod.restore' }]),
      select: 'checkout-1',
      waitFor: { type: 'xds.ack', until: allSynced },
    },
    {
      caption:
        'Push a config that payments-v2-a’s Envoy rejects. It NACKs: error_detail set, version_info still the last good one, the rejected nonce. It keeps serving its last good config; proxy-status shows ERROR; Istiod does not resend.',
      highlights: { subscribe: 'nack', control: 'nack' },
      commands: [{ kind: 'config.pushBad', pod: 'payments-v2-a' }],
      ensure: (sim) => (istiodView(sim).up ? [] : [{ kind: 'istiod.restore' }]),
      select: 'payments-v2-a',
      waitFor: { type: 'xds.nack', where: about('payments-v2-a') },
    },
  ],
  panels: [
    {
      id: 'subscribe',
      title: 'Sidecar.subscribeXds',
      subtitle: 'long-lived gRPC stream — server pushes, sidecar acks',
      source: subscribeXdsSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: subscribeXds,
    },
    {
      id: 'control',
      title: 'ControlPlane.onYamlChange',
      subtitle: 'operator edits a VirtualService — Istiod fans out new config',
      source: onYamlChangeSrc,
      follows: 'all',
      following: () => 'every sidecar’s stream',
      machine: onYamlChange,
    },
    {
      id: 'dataplane',
      title: 'DataPlane.whenControlPlaneDies',
      subtitle: 'why traffic survives the loss of Istiod',
      source: whenControlPlaneDiesSrc,
      follows: 'selected',
      following: (a) => `${a}’s sidecar`,
      machine: whenControlPlaneDies,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'Traffic keeps flowing; operator edits are refused (the validating webhook is down); each sidecar shows DISCONNECTED (serving its cached config) and retries with backoff. Restore it and every sidecar resyncs.',
      key: 'k',
      param: { name: 'istiod', on: 'down', off: 'up' },
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (sim) => !istiodView(sim).up,
      on: () => ({ kind: 'istiod.kill' }),
      off: { kind: 'istiod.restore' },
    },
    canarySlider(
      'Changes the payments VirtualService; Istiod pushes the new routes (while it is up).',
    ),
    {
      kind: 'toggle',
      id: 'bad',
      label: 'Bad config',
      help: 'Istiod accepts it; the selected sidecar’s Envoy NACKs it and keeps its last good config (ERROR in proxy-status). Revert it and the sidecar ACKs again.',
      onLabel: 'Revert the bad config',
      offLabel: 'Push a config this sidecar rejects',
      perActor: true,
      isOn: (sim) => sidecarViews(sim).some((s) => s.lastError !== null),
      on: (pod) => ({ kind: 'config.pushBad', pod }),
      off: { kind: 'config.revertBad' },
    },
  ],
  simplified: [
    'this scene runs state-of-the-world ADS; Istio 1.22+ defaults to the Delta variant (DeltaAggregatedResources) on the same single stream.',
    'the istio-agent’s proxying of the stream (Envoy → UDS → agent → istiod:15012) is drawn as one line.',
    'one Istiod replica. Istiod closes each stream after about 30 minutes (max connection age) and the sidecar reconnects at once, as in a real mesh.',
    'Sidecar.subscribeXds shows the four subscriptions as one loop; a fresh Envoy asks for CDS first and for LDS once its clusters are warm (the model does this).',
  ],
});
