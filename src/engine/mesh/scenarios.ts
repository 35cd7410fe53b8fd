/**
 * Named scenarios for the headless CLI, the benchmark and the tests: each is options plus
 * phases; a phase runs for a duration after applying its commands.
 */
import { hours, sec, type SimTime } from '../core/time';
import type { MeshCommand, MeshOptions } from './contract';

/** One phase: commands applied at its start, then `duration` of simulated time. */
export interface ScenarioPhase {
  name: string;
  commands: MeshCommand[];
  duration: SimTime;
}

/** A scenario. */
export interface Scenario {
  name: string;
  description: string;
  options?: Partial<MeshOptions>;
  phases: ScenarioPhase[];
}

const settle: ScenarioPhase = { name: 'startup', commands: [], duration: sec(5) };

/** The scenarios `npm run sim -- --list` shows. */
export const SCENARIOS: Record<string, Scenario> = {
  steady: {
    name: 'steady',
    description: 'The cast at default rates: every sidecar connects, syncs, traffic flows.',
    phases: [settle, { name: 'steady', commands: [], duration: sec(115) }],
  },
  'istiod-outage': {
    name: 'istiod-outage',
    description:
      'Istiod dies for 60 s: traffic keeps flowing from cached config; sidecars reconnect with backoff and converge.',
    phases: [
      settle,
      { name: 'before', commands: [], duration: sec(25) },
      { name: 'istiod down', commands: [{ kind: 'istiod.kill' }], duration: sec(60) },
      { name: 'istiod back', commands: [{ kind: 'istiod.restore' }], duration: sec(30) },
    ],
  },
  'bad-push': {
    name: 'bad-push',
    description:
      "A config Istiod accepts but checkout-1's Envoy rejects (NACK): its last good routes stay, traffic is unaffected.",
    phases: [
      settle,
      { name: 'before', commands: [], duration: sec(25) },
      {
        name: 'bad push',
        commands: [{ kind: 'config.pushBad', pod: 'checkout-1' }],
        duration: sec(30),
      },
      { name: 'reverted', commands: [{ kind: 'config.revertBad' }], duration: sec(30) },
    ],
  },
  'canary-90-10': {
    name: 'canary-90-10',
    description:
      'The payments canary at 90/10, then 50/50, then 0/100 (weights relative, picked per request).',
    options: { perEdgeRps: 20 },
    phases: [
      settle,
      { name: '90/10', commands: [{ kind: 'canary.weights', v1: 90, v2: 10 }], duration: sec(60) },
      { name: '50/50', commands: [{ kind: 'canary.weights', v1: 50, v2: 50 }], duration: sec(60) },
      { name: '0/100', commands: [{ kind: 'canary.weights', v1: 0, v2: 100 }], duration: sec(60) },
    ],
  },
  'cert-expiry': {
    name: 'cert-expiry',
    description:
      'Istiod down for 26 h (longer than the 24 h cert life): existing connections continue, new handshakes fail after expiry.',
    options: { perEdgeRps: 0.2 },
    phases: [
      settle,
      {
        name: 'istiod down, certs valid',
        commands: [{ kind: 'istiod.kill' }],
        duration: hours(24) - sec(5),
      },
      { name: 'certs expired', commands: [], duration: hours(1) },
      {
        name: 'expired, load rises (new connections)',
        commands: [{ kind: 'traffic.rate', perEdgeRps: 5 }],
        duration: hours(1),
      },
      { name: 'istiod back', commands: [{ kind: 'istiod.restore' }], duration: sec(120) },
    ],
  },
  outlier: {
    name: 'outlier',
    description:
      'payments-v1-a fails every request; a DR with outlier detection (maxEjectionPercent 100) ejects it.',
    options: { perEdgeRps: 20 },
    phases: [
      settle,
      {
        name: 'outlier detection on',
        commands: [
          {
            kind: 'config.apply',
            yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 100
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`,
          },
        ],
        duration: sec(5),
      },
      {
        name: 'v1-a failing',
        commands: [{ kind: 'pod.fail', pod: 'payments-v1-a', share: 1 }],
        duration: sec(60),
      },
      {
        name: 'v1-a healed',
        commands: [{ kind: 'pod.fail', pod: 'payments-v1-a', share: 0 }],
        duration: sec(60),
      },
    ],
  },
};
