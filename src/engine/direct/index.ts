/**
 * Scene 1's model, "services talking directly — why a mesh": no proxies, no control plane; every
 * app carries its own client library and they all differ. See README.md.
 */
import type { SceneModel } from '../core/sceneModel';
import { Simulation } from '../core/simulation';
import type { SimTime } from '../core/time';
import type { TraceReducer } from '../core/trace';
import { directModel } from './model';
import { parseDirectCommand } from './commands';
import { describeEntry } from './text';
import { log } from './views';
import { directSummary } from './summary';
import {
  CALLERS,
  type DirectCommand,
  type DirectOptions,
  type DirectSim,
  type DirectTrace,
} from './types';

export * from './types';
export {
  PROFILES,
  POD_SPECS,
  CALLER_IPS,
  PAYMENTS_CLUSTER_IP,
  PAYMENTS_HEADLESS,
  PAYMENTS_SERVICE,
  NAMESPACE,
  PORT,
  type ClientProfile,
  type PodSpec,
  type TlsMode,
} from './cast';
export { directModel } from './model';
export { DEFAULT_RPS, PROBE_DEFAULTS, LOG_MAX, RECENT_MAX } from './state';
export { describeEntry, formatDuration } from './text';
export {
  callers,
  pods,
  inFlight,
  recentOutcomes,
  log,
  counters,
  type CallerView,
  type PodView,
  type InFlightView,
  type CountersView,
} from './views';

/** Options for `createDirect`: the model's own and the engine's. */
export interface CreateDirectOptions extends DirectOptions {
  seed: number;
  /** Simulated time between checkpoints (default 1 s; 0 turns them off). */
  checkpointEvery?: SimTime;
  traceReducers?: readonly TraceReducer<DirectTrace>[];
  /** Trace ring size (default 4096). */
  traceCapacity?: number;
}

/** A new direct simulation; traffic starts at t = 0 with every payments pod up and ready. */
export function createDirect(options: CreateDirectOptions): DirectSim {
  return new Simulation(directModel(options), {
    seed: options.seed,
    ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
    ...(options.traceCapacity !== undefined ? { traceCapacity: options.traceCapacity } : {}),
    ...(options.traceReducers ? { traceReducers: options.traceReducers } : {}),
  });
}

/** The entry types whose actor is the calling pod. */
function isCallEntry(e: DirectTrace): e is Extract<DirectTrace, { caller: string }> {
  return 'caller' in e;
}

/** Scene 1's model as scenes use it. */
export const directSceneModel: SceneModel<DirectCommand, DirectTrace, DirectSim, DirectOptions> = {
  name: 'direct',
  create: (o) => createDirect(o),
  actorsOf(e) {
    if (isCallEntry(e)) return [e.caller];
    if ('pod' in e) return [e.pod];
    return null;
  },
  actors: () => CALLERS,
  log: (sim) => log(sim),
  describe: (e) => describeEntry(e),
  parseCommand: parseDirectCommand,
  summary: directSummary,
};
