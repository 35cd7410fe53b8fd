/**
 * The service registry (Kubernetes' view of pods) and the events it sends Istiod. A pod is ready
 * when it runs and its sidecar applied at least one CDS and one LDS update (the istio-agent
 * readiness probe; simplified: the kubelet sees it at once, no probe period). Readiness changes
 * become EDS-only push requests after the debounce (a new service makes a full push).
 */
import { setPodReady, type MeshPod } from '../config';
import type { PodName } from './contract';
import { fqdn } from './cast';
import { onConfigEvent } from './istiod/debounce';
import { logLine } from './log';
import type { MeshSim, PodState, SidecarState } from './types';
import { configChanged } from './resources';
import { newSidecarTraffic } from '../traffic/state';
import { emptyCert } from './ca/state';

/** A fresh Envoy + agent (no config, no cert). */
export function newSidecar(pod: PodName): SidecarState {
  const xds = () => ({
    version: null,
    nonce: '',
    lastError: null,
    lastUpdated: null,
    requested: false,
    received: 0,
    updateSuccess: 0,
    updateRejected: 0,
  });
  return {
    pod,
    streamId: 0,
    connected: false,
    connecting: false,
    cut: false,
    staleSince: null,
    nextRetryAt: null,
    retryTimer: null,
    backoffAttempt: 0,
    xds: { CDS: xds(), EDS: xds(), LDS: xds(), RDS: xds() },
    active: { CDS: {}, EDS: {}, LDS: {}, RDS: {} },
    stamps: { CDS: {}, EDS: {}, LDS: {}, RDS: {} },
    warmingClusters: {},
    warmingListeners: {},
    cert: emptyCert(),
    traffic: newSidecarTraffic(),
  };
}

/**
 * The registry's endpoint event (`endpoints.changed`): a trace entry, and the last few kept in
 * the state for the views (a long run's trace ring may have dropped them).
 */
function endpointEvent(sim: MeshSim, p: PodState, change: 'added' | 'updated' | 'removed'): void {
  const e = {
    t: sim.now,
    type: 'endpoints.changed' as const,
    service: p.service,
    namespace: p.namespace,
    pod: p.name,
    ip: p.ip,
    ready: change !== 'removed' && p.ready,
    change,
  };
  sim.emit(e);
  sim.state.endpointEvents = [...(sim.state.endpointEvents ?? []).slice(-15), e];
}

/**
 * Sets a pod's readiness; on change, tells Istiod (EDS for its service). While the app's
 * readiness probe fails (`pod.readiness`) the pod cannot become ready.
 */
export function setReady(sim: MeshSim, p: PodState, want: boolean): void {
  const ready = want && !p.probeFailing;
  if (p.ready === ready) return;
  p.ready = ready;
  endpointEvent(sim, p, 'updated');
  // Readiness changes EDS only: the config key (clusters, listeners, routes) stays.
  sim.state.config = setPodReady(sim.state.config, p.name, ready);
  sim.state.readyKey = null;
  const host = fqdn(p.service, p.namespace);
  onConfigEvent(sim, {
    full: false,
    configs: [],
    services: [host],
    forced: false,
    reason: [`Endpoints/${p.namespace}/${p.service}`],
  });
  logLine(
    sim,
    'config',
    `${p.name} is ${ready ? 'ready' : 'not ready'}: endpoints of ${p.service} change`,
  );
}

/** Called after the sidecar applied config: the readiness probe may now pass. */
export function onSidecarConfigChanged(sim: MeshSim, pod: PodName): void {
  const p = sim.state.pods[pod];
  const sc = sim.state.sidecars[pod];
  if (!p || !sc || p.ready || !p.up || !p.injected) return;
  if (sc.xds.CDS.version !== null && sc.xds.LDS.version !== null) setReady(sim, p, true);
}

/** Adds a pod to the registry (scale up); a new service makes Istiod do a full push. */
export function addPod(sim: MeshSim, p: PodState, mp: MeshPod): void {
  const s = sim.state;
  const isNewService = !s.order.some(
    (n) => s.pods[n]?.service === p.service && s.pods[n]?.namespace === p.namespace,
  );
  s.pods[p.name] = p;
  s.order.push(p.name);
  s.sidecars[p.name] = newSidecar(p.name);
  s.config = { ...s.config, pods: [...s.config.pods, { ...mp, ready: false }] };
  configChanged(s);
  // A new endpoint that is not ready: Istio does not push it (endpointUpdateRequiresPush).
  endpointEvent(sim, p, 'added');
  if (isNewService)
    onConfigEvent(sim, {
      full: true,
      configs: [`Service/${p.namespace}/${p.service}`],
      services: [fqdn(p.service, p.namespace)],
      forced: false,
      reason: [`Service/${p.namespace}/${p.service}`],
    });
}

/** Removes a pod from the registry (scale down). */
export function removePod(sim: MeshSim, name: PodName): void {
  const s = sim.state;
  const p = s.pods[name];
  if (!p) return;
  delete s.pods[name];
  delete s.sidecars[name];
  s.order = s.order.filter((n) => n !== name);
  s.config = { ...s.config, pods: s.config.pods.filter((x) => x.name !== name) };
  configChanged(s);
  endpointEvent(sim, p, 'removed');
  onConfigEvent(sim, {
    full: false,
    configs: [],
    services: [fqdn(p.service, p.namespace)],
    forced: false,
    reason: [`Endpoints/${p.namespace}/${p.service}`],
  });
}
