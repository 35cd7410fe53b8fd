/**
 * The mesh model (Istiod, sidecars with ADS clients, istio-agents and CA, traffic, faults).
 * `createMesh(options)` returns a deterministic Simulation that, from t = 0, connects every
 * sidecar, pushes the initial config, issues certificates and starts traffic.
 * See README.md in this folder for the model, its simplifications and the CLI.
 */

export * from './contract';
export type { MeshState, MeshEvent, MeshSim, SidecarState, PodState, XdsMessage } from './types';
export { meshView, type MeshViewExt, type SidecarViewExt } from './view';
export * as views from './views';
export { meshSceneModel, type MeshSceneOptions } from './sceneModel';
export { proxyStatusRows, formatProxyStatus, type ProxyStatusRow } from './status';
export { configDump } from './configDump';
export { goldenSignals, accessLog, type ServiceSignals } from './observability';
export { SCENARIOS, type Scenario, type ScenarioPhase } from './scenarios';
export { rfc3339, pushVersion, makeNonce, VERSION_RE, NONCE_RE } from './format';
export { createMesh, DEFAULT_CHECKPOINT_EVERY } from './create';
export {
  runScenario,
  type ScenarioReport,
  type PhaseReport,
  type SidecarReport,
  type RequestStats,
} from './runScenario';
