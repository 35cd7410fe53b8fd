/**
 * `pod.readiness`: the kubelet's readiness probe of a pod's app fails (`ready: false`) or passes
 * again. The container keeps running and keeps its sidecar and its ADS stream; only the pod's
 * Ready condition changes, so its endpoint turns not ready in the EndpointSlice and Istiod,
 * after its debounce, pushes EDS only: by default Istio leaves a not-ready endpoint out of the
 * ClusterLoadAssignment (docs/fidelity.md §2, "Not-ready endpoints"). Passing again, the pod is
 * ready once its sidecar is (the istio-agent's own check: one CDS and one LDS applied).
 * Simplified: the kubelet's verdict is immediate (a real probe fails `failureThreshold` times,
 * 3 by default, `periodSeconds` apart, 10 s by default, before the pod turns not ready).
 */
import { logLine } from '../mesh/log';
import { onSidecarConfigChanged, setReady } from '../mesh/registry';
import type { MeshSim } from '../mesh/types';

/** Makes `pod`'s readiness probe fail (`ready` false) or pass again (`ready` true). */
export function setReadiness(sim: MeshSim, pod: string, ready: boolean): void {
  const p = sim.state.pods[pod];
  if (!p || !p.probeFailing === ready) return;
  p.probeFailing = !ready;
  if (!ready) {
    setReady(sim, p, false);
    logLine(sim, 'fault', `${pod}’s readiness probe fails: the pod is running but not ready`);
    return;
  }
  logLine(sim, 'fault', `${pod}’s readiness probe passes again`);
  if (!p.up) return;
  // Without a sidecar the app alone decides; with one, the agent's check must pass as well.
  if (!p.injected) setReady(sim, p, true);
  else onSidecarConfigChanged(sim, pod);
}
