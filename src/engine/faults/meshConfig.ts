/**
 * `mesh.outboundTrafficPolicy`: the operator edits meshConfig in the `istio` ConfigMap
 * (`outboundTrafficPolicy.mode`, default ALLOW_ANY; docs/fidelity.md §4.1). A ConfigMap is no
 * Istio object, so no Istio webhook is involved: the change is stored even while Istiod is down.
 * Istiod watches the mesh config and makes a full push; a down Istiod reads it when it starts.
 */
import { onConfigEvent } from '../mesh/istiod/debounce';
import { logLine } from '../mesh/log';
import { configChanged } from '../mesh/resources';
import type { MeshSim } from '../mesh/types';

/** Sets meshConfig.outboundTrafficPolicy.mode. */
export function setOutboundPolicy(sim: MeshSim, mode: 'ALLOW_ANY' | 'REGISTRY_ONLY'): void {
  const s = sim.state;
  if ((s.config.outboundTrafficPolicy ?? 'ALLOW_ANY') === mode) return;
  s.config = { ...s.config, outboundTrafficPolicy: mode };
  configChanged(s);
  s.configGeneration++;
  logLine(sim, 'config', `meshConfig outboundTrafficPolicy.mode set to ${mode} (ConfigMap istio)`);
  if (!s.istiod.up) return;
  onConfigEvent(sim, {
    full: true,
    configs: ['MeshConfig'],
    services: [],
    forced: false,
    reason: ['MeshConfig'],
  });
}
