import { castConfigYaml, PRESETS } from '../../src/engine/config';
import { CAST, type MeshCommand, type MeshTrace } from '../../src/engine/mesh/contract';
import { meshSceneModel } from '../../src/engine/mesh/sceneModel';
import {
  istiodView,
  paymentsOutcomes,
  routeTable,
  sidecarViews,
  type MeshSource,
} from '../../src/engine/mesh/views';
import { defineScene } from '../../src/scene/types';
import { compileMachine, validateMachine } from './machines';
import { meta } from './meta';
import { negativeWeight } from './predict';
import compileSrc from './snippets/compile.py?raw';
import validateSrc from './snippets/validate.py?raw';

const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
/** A learner’s slip: a negative weight (Istio’s rule: every weight ≥ 0). */
export const NEGATIVE_WEIGHT = castConfigYaml.replace('weight: 10', 'weight: -10');
const ackRds = (e: MeshTrace) => e.type === 'xds.ack' && e.pod === 'checkout-1' && e.xds === 'RDS';
const flagged = (flag: string) => (e: MeshTrace) =>
  e.type === 'request.done' && e.from === 'checkout-1' && e.flags.includes(flag);
/** Every sidecar has applied its routes and clusters. */
const allRouted = (sim: MeshSource) =>
  sidecarViews(sim).every((s) => s.status.RDS === 'SYNCED' && s.status.CDS === 'SYNCED');
/** checkout-1's Envoy serves these weights (`v1 50, v2 50`) for payments. */
const serves = (sim: MeshSource, weights: string) =>
  (routeTable(sim, 'checkout-1')?.routes[0]?.clusters ?? [])
    .map((c) => `${c.subset} ${c.weight}`)
    .join(', ') === weights;
/** Enough of checkout-1's requests have finished since its routes changed to read the split. */
const seen = (n: number) => (sim: MeshSource) => paymentsOutcomes(sim, 'checkout-1').total >= n;
const doneFromCheckout = (e: MeshTrace) => e.type === 'request.done' && e.from === 'checkout-1';

/** Scene 10 as data: the operator’s YAML, the webhook’s verdict, the compiled routes, the traffic. */
export const scene10 = defineScene(meshSceneModel)({
  meta,
  // [1] Background traffic at 20 requests/s per edge: checkout-1 → payments shows the split and
  //     the faults within a second or two of each change.
  setup: {
    seed: 42,
    options: { perEdgeRps: 20 },
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'checkout-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption:
        'The operator’s two objects are in the editor: the payments VirtualService (90 to subset v1, 10 to v2) and the DestinationRule that defines the subsets by label. Istiod compiled them into route configuration "8080" of every sidecar.',
      highlights: {},
      waitFor: { type: 'request.done', until: (sim) => allRouted(sim) && seen(30)(sim) },
    },
    {
      caption:
        'Apply the 50/50 canary. The API server sends it to Istio’s validating webhook, which accepts; Istiod debounces, compiles the VirtualService into each proxy’s routes and pushes RDS. The table on the right shows each sidecar’s route change once it has ACKed.',
      highlights: { validate: 'push', compile: 'send' },
      commands: [apply(PRESETS['canary-50-50'])],
      waitFor: {
        type: 'request.done',
        where: doneFromCheckout,
        until: (sim) => serves(sim, 'v1 50, v2 50') && seen(30)(sim),
      },
    },
    {
      caption:
        'Apply 0/100: every request goes to v2. Istio keeps a weight-0 destination out of the compiled weighted clusters, so the route names only v2’s cluster.',
      highlights: { validate: 'push', compile: 'send' },
      commands: [apply(PRESETS['canary-0-100'])],
      waitFor: {
        type: 'request.done',
        where: doneFromCheckout,
        until: (sim) => serves(sim, 'v2 100') && seen(30)(sim),
      },
    },
    {
      caption:
        'A slip: weight -10. The webhook rejects the document with Istio’s message at its line and field — "weight -10 < 0" — and nothing is stored: no push, no sidecar changes, traffic keeps its 0/100 routes.',
      predict: negativeWeight,
      highlights: { validate: 'reject', compile: 'send' },
      commands: [apply(NEGATIVE_WEIGHT)],
      waitFor: { type: 'config.rejected' },
    },
    {
      caption:
        'Fault injection: delay half of the requests to payments by 2 s (back at 90/10). The caller’s own sidecar waits before sending; the delayed requests finish with response flag DI.',
      highlights: { validate: 'push', compile: 'send' },
      commands: [apply(PRESETS['fault-delay'])],
      waitFor: { type: 'request.done', where: flagged('DI') },
    },
    {
      caption:
        'Now abort 10% with HTTP 503. Those requests never leave checkout-1: its sidecar answers 503 itself, with flag FI (fault injected).',
      highlights: { validate: 'push', compile: 'send' },
      commands: [apply(PRESETS['fault-abort'])],
      waitFor: { type: 'request.done', where: flagged('FI') },
    },
    {
      caption:
        'Kill Istiod and apply 50/50 again. The webhook runs inside Istiod, so the API server cannot reach it and — failurePolicy: Fail — refuses the change. Nothing is stored; the sidecars keep their routes.',
      highlights: { validate: 'webhook_down' },
      commands: [{ kind: 'istiod.kill' }, apply(PRESETS['canary-50-50'])],
      waitFor: {
        type: 'config.rejected',
        where: (e) => e.type === 'config.rejected' && e.webhook === 'validation.istio.io',
      },
    },
    {
      caption:
        'Restore Istiod and reset to the deployed 90/10. The sidecars reconnect, the change is accepted and pushed, and every route table is back where the scene began.',
      highlights: { compile: 'send' },
      commands: [{ kind: 'istiod.restore' }, apply(castConfigYaml)],
      waitFor: { type: 'xds.ack', where: ackRds },
    },
  ],
  panels: [
    {
      id: 'validate',
      title: 'ControlPlane.validate',
      subtitle: 'the admission webhook’s answer to every kubectl apply',
      source: validateSrc,
      follows: 'all',
      following: () => 'every apply',
      machine: validateMachine,
    },
    {
      id: 'compile',
      title: 'ControlPlane.compileRoutes',
      subtitle: 'a VirtualService becomes route configuration "8080"',
      source: compileSrc,
      follows: 'selected',
      following: (a) => `the routes Istiod sends ${a}`,
      machine: compileMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'With Istiod down every apply is refused (its webhook is unreachable); traffic keeps the routes the sidecars have.',
      key: 'k',
      param: { name: 'istiod', on: 'down', off: 'up' },
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (sim) => !istiodView(sim).up,
      on: () => ({ kind: 'istiod.kill' }),
      off: { kind: 'istiod.restore' },
    },
    {
      kind: 'button',
      id: 'reset',
      label: 'Apply the deployed 90/10',
      help: 'Applies the scene’s starting VirtualService and DestinationRule again (the editor’s “90/10” button only fills the editor).',
      perActor: false,
      command: () => apply(castConfigYaml),
    },
  ],
  simplified: [
    'one VirtualService and one DestinationRule for payments; the editor takes any Istio networking or security object, and the model compiles the fields it simulates (routes, weights, matches, faults, timeouts, retries, load balancing, connection pools, outlier detection).',
    'the webhook’s checks are Istio’s validation rules as src/engine/config implements them; istioctl analyze’s cross-object checks are not run on apply.',
    'a delete (kubectl delete) is not offered: apply a new version instead.',
  ],
});

// [1] docs/fidelity.md §3 (webhooks), §4.3 (routes, weights, subsets), §4.4 (faults and timeouts).
