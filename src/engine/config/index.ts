/**
 * Istio config → Envoy config, as pure functions (Istiod's validation and config generation).
 * Public API for src/engine/mesh and the scenes; see README.md in this folder.
 */
export type * from './istio';
export { objectKey } from './istio';
export type * from './envoy';
export { MAX_UINT32 } from './envoy';
export type { MeshConfig, MeshPod, MeshService, ServicePort } from './mesh';
export {
  applyDocs,
  deleteObject,
  endpointsOf,
  labelsMatch,
  servicesOfPod,
  setPodReady,
  spiffeId,
} from './mesh';
export { parseMeshYaml, type ParseOptions, type ParseResult } from './parse';
export { formatError, istioWarnings, validateIstio } from './validate';
export { unmodelledFields, unmodelledNotes } from './unmodelled';
export { envoyRejects, envoyRejectsAny } from './envoyRejects';
export { buildProxyResources, nodeId, podByName } from './build';
export {
  CAST_NAMESPACE,
  CAST_PODS,
  CAST_PORT,
  CAST_SERVICES,
  castConfigYaml,
  castMesh,
  castRegistry,
  type CastPod,
} from './cast';
export {
  NACK_RULE_NAME,
  NACK_TARGET_LABEL,
  OVERSIZED_REGEX,
  makeEnvoyRejectedConfig,
  removeEnvoyRejectedConfig,
  setCanaryWeights,
} from './controls';
export { diffRoutes } from './diff';
export { clusterName, resolveHost } from './lookup';
export { effectiveMtlsMode, policiesFor } from './security';
export {
  DEFAULT_RETRY_ATTEMPTS,
  DEFAULT_RETRY_ON,
  ENVOY_RETRY_BASE_INTERVAL_MS,
  retryBaseIntervalMs,
} from './retry';
export { DEFAULT_CONNECT_TIMEOUT_MS } from './clusters';
export { durationMs, parseGoDuration, protoDuration } from './duration';
export { ISTIO_RE2_MAX_PROGRAM_SIZE, estimateRe2ProgramSize } from './regex';
export { analyzeMesh, formatAnalysis, type AnalysisMessage } from './analyze';
export {
  proxyConfigClusters,
  proxyConfigEndpoints,
  proxyConfigRoutes,
  tabulate,
} from './proxyConfig';
export { configDump, type DumpState } from './configDump';
export { upstreamTlsMode } from './tls';
export { PRESETS, type PresetName } from './presets';
