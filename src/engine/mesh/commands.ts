/** The mesh's commands as a schema: what a shared link may carry (see core/commandSchema.ts). */
import { nameRule, parseWithSchema, type CommandSchema } from '../core/commandSchema';
import type { MeshCommand } from './contract';

const pod = { pod: nameRule };
const SCHEMA: CommandSchema = {
  'istiod.kill': {},
  'istiod.restore': {},
  'pod.kill': pod,
  'pod.restore': pod,
  'pod.slow': { ...pod, extraMs: { type: 'number', min: 0, max: 60_000 } },
  'pod.fail': { ...pod, share: { type: 'number', min: 0, max: 1 } },
  'sidecar.cut': pod,
  'sidecar.uncut': pod,
  'ca.stop': {},
  'ca.start': {},
  'config.apply': { yaml: { type: 'string', max: 64_000 } },
  'canary.weights': {
    v1: { type: 'number', min: 0, max: 1000, integer: true },
    v2: { type: 'number', min: 0, max: 1000, integer: true },
  },
  'config.pushBad': pod,
  'traffic.rate': { perEdgeRps: { type: 'number', min: 0, max: 1000 } },
  'config.revertBad': {},
  'ca.rotateRoot': { 'sameKey?': { type: 'boolean' } },
  'ca.dropOldRoots': {},
  'tracing.set': {
    'forwardHeaders?': { type: 'boolean' },
    'samplingPercent?': { type: 'number', min: 0, max: 100 },
  },
  'pod.inject': { ...pod, injected: { type: 'boolean' } },
  'pod.readiness': { ...pod, ready: { type: 'boolean' } },
  'service.scale': {
    service: nameRule,
    replicas: { type: 'number', min: 0, max: 50, integer: true },
  },
  'traffic.send': {
    from: nameRule,
    service: nameRule,
    count: { type: 'number', min: 0, max: 100_000, integer: true },
  },
  'service.fail': { service: nameRule, share: { type: 'number', min: 0, max: 1 } },
  'traffic.users': { rps: { type: 'number', min: 0, max: 2000 } },
  'load.start': {
    from: nameRule,
    service: nameRule,
    connections: { type: 'number', min: 1, max: 64, integer: true },
    qps: { type: 'number', min: 0, max: 5000 },
    requests: { type: 'number', min: 0, max: 1_000_000, integer: true },
  },
  'load.stop': {},
  'traffic.mark': { 'label?': { type: 'string', max: 80 } },
  'request.walk': {
    from: nameRule,
    to: nameRule,
    port: { type: 'number', min: 1, max: 65_535, integer: true },
    detail: { type: 'string', max: 6, pattern: /^(hops|stages)$/ },
  },
  'mystery.inject': {},
  'mystery.guess': { fault: nameRule },
  'mesh.outboundTrafficPolicy': {
    mode: { type: 'string', max: 13, pattern: /^(ALLOW_ANY|REGISTRY_ONLY)$/ },
  },
};

/** A mesh command read from outside, or null when it is not exactly one. */
export const parseMeshCommand = (value: unknown): MeshCommand | null =>
  parseWithSchema<MeshCommand>(SCHEMA, value);
