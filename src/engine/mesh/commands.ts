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
  'ca.rotateRoot': {},
  'ca.dropOldRoots': {},
  'tracing.set': {
    'forwardHeaders?': { type: 'boolean' },
    'samplingPercent?': { type: 'number', min: 0, max: 100 },
  },
  'pod.inject': { ...pod, injected: { type: 'boolean' } },
  'service.scale': {
    service: nameRule,
    replicas: { type: 'number', min: 0, max: 50, integer: true },
  },
  'traffic.send': {
    from: nameRule,
    service: nameRule,
    count: { type: 'number', min: 0, max: 100_000, integer: true },
  },
};

/** A mesh command read from outside, or null when it is not exactly one. */
export const parseMeshCommand = (value: unknown): MeshCommand | null =>
  parseWithSchema<MeshCommand>(SCHEMA, value);
