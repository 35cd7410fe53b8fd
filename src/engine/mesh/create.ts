/** `createMesh`: a deterministic mesh Simulation for the given options. */
import { Simulation } from '../core/simulation';
import { sweepBlobsIfDue, trackBlobHolder } from './blobs';
import type { MeshCommand, MeshOptions, MeshTrace } from './contract';
import { meshModel } from './model';
import type { MeshEvent, MeshSim, MeshState } from './types';

/**
 * Default checkpoint interval: 10 s of simulated time. A seek restores the nearest checkpoint and
 * replays at most 10 s (about 10–20 ms of wall time at default rates), while checkpoints (a clone
 * of the state) cost little of the run.
 */
export const DEFAULT_CHECKPOINT_EVERY = 10_000_000;

/** Creates a mesh simulation. */
export function createMesh(options: MeshOptions): MeshSim {
  const sim = new Simulation<MeshState, MeshEvent, MeshCommand, MeshTrace>(meshModel(options), {
    seed: options.seed,
    checkpointEvery: options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY,
    traceCapacity: options.traceCapacity ?? 4096,
    traceReducers: options.traceReducers ?? [],
    upkeep: sweepBlobsIfDue,
  });
  trackBlobHolder(sim);
  return sim;
}
