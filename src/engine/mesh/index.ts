/**
 * The mesh model (Istiod, sidecars with ADS clients, istio-agents and CA, traffic, faults).
 * `createMesh(options)` returns a deterministic Simulation that, from t = 0, connects every
 * sidecar, pushes the initial config, issues certificates and starts traffic.
 * See README.md in this folder for the model, its simplifications and the CLI.
 */
import { Simulation } from '../core/simulation';
import type { MeshCommand, MeshModule, MeshOptions, MeshTrace } from './contract';
import { meshModel } from './model';
import type { MeshEvent, MeshSim, MeshState } from './types';
import { meshView } from './view';

export * from './contract';
export type { MeshState, MeshEvent, MeshSim, SidecarState, PodState, XdsMessage } from './types';
export { meshView, type MeshViewExt, type SidecarViewExt } from './view';
export { proxyStatusRows, formatProxyStatus, type ProxyStatusRow } from './status';
export { configDump } from './configDump';
export { SCENARIOS, type Scenario, type ScenarioPhase } from './scenarios';
export { rfc3339, pushVersion, makeNonce, VERSION_RE, NONCE_RE } from './format';

/**
 * Default checkpoint interval: 5 s of simulated time. A seek restores the nearest checkpoint and
 * replays at most 5 s (a few ms of wall time), while checkpoints cost little of the run.
 */
export const DEFAULT_CHECKPOINT_EVERY = 5_000_000;

/** Creates a mesh simulation. */
export function createMesh(options: MeshOptions): MeshSim {
  const sim = new Simulation<MeshState, MeshEvent, MeshCommand, MeshTrace>(meshModel(options), {
    seed: options.seed,
    checkpointEvery: options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY,
    traceCapacity: options.traceCapacity ?? 4096,
  });
  return sim;
}

/** The module as the contract describes it. */
export const meshModule: MeshModule<MeshState> = {
  createMesh: (o) => createMesh(o) as unknown as ReturnType<MeshModule<MeshState>['createMesh']>,
  meshView: (sim) => meshView(sim as unknown as MeshSim),
};
