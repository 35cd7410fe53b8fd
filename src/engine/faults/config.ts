/**
 * Operator config commands. `config.apply` parses the YAML as kubectl does (what it cannot decode
 * never leaves the client) and validates it as Istio's admission webhook would (an invalid
 * document changes nothing); accepted objects land in the Kubernetes API at once and reach the
 * sidecars through Istiod's debounced push. While Istiod is down the API server cannot reach that
 * webhook (failurePolicy Fail) and refuses every change (./admission.ts); an apply that changes
 * nothing is "unchanged" and needs no admission. `canary.weights` is the 90/10 slider (the
 * payments VirtualService); `config.pushBad` is a config Istiod accepts but one sidecar's Envoy
 * rejects (NACK); `config.revertBad` removes it.
 */
import {
  applyDocs,
  formatError,
  makeEnvoyRejectedConfig,
  NACK_TARGET_LABEL,
  objectKey,
  parseMeshYaml,
  setCanaryWeights,
  validateIstio,
  type MeshConfig,
  type VirtualService,
} from '../config';
import { onConfigEvent } from '../mesh/istiod/debounce';
import { refusedConfig } from './admission';
import { logLine } from '../mesh/log';
import { configChanged, configKey } from '../mesh/resources';
import type { MeshSim } from '../mesh/types';

/**
 * Stores the new config. Like `kubectl apply` of an unchanged object ("unchanged": no request,
 * no watch event), a change that leaves the content as it was triggers no push; a real change
 * while Istiod is down is refused by the API server. Returns false in both cases.
 */
function commit(sim: MeshSim, next: MeshConfig, keys: string[]): boolean {
  const s = sim.state;
  const before = configKey(s);
  const prev = s.config;
  s.config = next;
  configChanged(s);
  if (configKey(s) === before) {
    logLine(sim, 'config', `${named(keys)} unchanged: no push`);
    return false;
  }
  if (refusedConfig(sim)) {
    s.config = prev;
    configChanged(s);
    return false;
  }
  s.configGeneration++;
  for (const key of keys) {
    const [kind = '', , name = ''] = key.split('/');
    sim.emit({
      t: sim.now,
      type: 'config.accepted',
      kind,
      name,
      version: String(s.configGeneration),
    });
  }
  onConfigEvent(sim, { full: true, configs: keys, services: [], forced: false, reason: keys });
  return true;
}

/** Object names for a log line: at most three, then "and N more". */
function named(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).join(', ');
  return keys.length > 3 ? `${shown} and ${keys.length - 3} more` : shown;
}

/** Validation failed: nothing changed. */
function rejectInvalid(sim: MeshSim, msgs: string[]): void {
  sim.emit({ t: sim.now, type: 'config.rejected', errors: msgs });
  logLine(
    sim,
    'config',
    `Rejected by validation: ${msgs[0] ?? ''}${msgs.length > 1 ? ` (+${msgs.length - 1} more)` : ''}`,
  );
}

/** Applies operator YAML (all documents or nothing). */
export function applyYaml(sim: MeshSim, yaml: string): void {
  const { docs, errors } = parseMeshYaml(yaml);
  if (errors.length || docs.length === 0) {
    rejectInvalid(sim, errors.length ? errors.map(formatError) : ['no Istio object in the YAML']);
    return;
  }
  // The webhook validates; while Istiod is down it cannot, and `commit` refuses any change.
  const invalid = sim.state.istiod.up ? validateIstio(docs) : [];
  if (invalid.length) {
    rejectInvalid(sim, invalid.map(formatError));
    return;
  }
  // A file may hold one object several times (kubectl applies each in turn; the last one wins).
  const keys = [...new Set(docs.map(objectKey))];
  if (!commit(sim, applyDocs(sim.state.config, docs), keys)) return;
  logLine(sim, 'config', `Applied ${named(keys)}`);
}

/** The canary slider: payments v1/v2 weights (relative). */
export function setCanary(sim: MeshSim, v1: number, v2: number): void {
  if (!(v1 >= 0 && v2 >= 0 && v1 + v2 > 0)) {
    if (!refusedConfig(sim)) rejectInvalid(sim, ['total destination weight = 0']);
    return;
  }
  if (!commit(sim, setCanaryWeights(sim.state.config, v1, v2), ['VirtualService/shop/payments']))
    return;
  logLine(sim, 'config', `Canary weights set: payments v1 ${v1} / v2 ${v2}`);
}

/** A config that `pod`'s Envoy will NACK (an oversized RE2 regex for that pod only). */
export function pushBad(sim: MeshSim, pod: string): void {
  if (!sim.state.config.pods.some((p) => p.name === pod)) return;
  if (
    !commit(sim, makeEnvoyRejectedConfig(sim.state.config, pod), [
      'VirtualService/shop/payments',
      `Pod/shop/${pod}`,
    ])
  )
    return;
  logLine(
    sim,
    'config',
    `Applied a VirtualService rule Istio accepts but ${pod}'s Envoy will reject`,
  );
}

/** Removes the rejected rule and the target label. */
export function revertBad(sim: MeshSim): void {
  const c = sim.state.config;
  const vss: VirtualService[] = c.virtualServices.map((vs) => ({
    ...vs,
    spec: { ...vs.spec, http: (vs.spec.http ?? []).filter((r) => r.name !== 'user-name-check') },
  }));
  const pods = c.pods.map((p) => {
    if (!(NACK_TARGET_LABEL in p.labels)) return p;
    const labels = { ...p.labels };
    delete labels[NACK_TARGET_LABEL];
    return { ...p, labels };
  });
  if (!commit(sim, { ...c, virtualServices: vss, pods }, ['VirtualService/shop/payments'])) return;
  logLine(sim, 'config', 'Removed the rule the sidecar rejected');
}
