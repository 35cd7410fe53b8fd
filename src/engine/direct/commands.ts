/** Scene 1's commands as a schema: what a shared link may carry (see core/commandSchema.ts). */
import { nameRule, parseWithSchema, type CommandSchema } from '../core/commandSchema';
import type { DirectCommand } from './types';

const SCHEMA: CommandSchema = {
  'pod.kill': { pod: nameRule },
  'pod.restore': { pod: nameRule },
  'traffic.rate': { perCallerRps: { type: 'number', min: 0, max: 100 } },
};

/** A direct-model command read from outside, or null when it is not exactly one. */
export const parseDirectCommand = (value: unknown): DirectCommand | null =>
  parseWithSchema<DirectCommand>(SCHEMA, value);
