/**
 * Kubernetes as the apps meet it: the kubelet's readiness probe, the EndpointSlice (which DNS for
 * the headless Service follows), kube-proxy's ClusterIP rules, and the kill/restore faults.
 */
import { ms } from '../core/time';
import { PAYMENTS_CLUSTER_IP, PAYMENTS_SERVICE, SYN_RETRANSMITS, hostPort } from './cast';
import { clearPending, emit, log, podByName, readyIps } from './state';
import { formatDuration } from './text';
import type { DirectSim } from './types';

/** The EndpointSlice lists the ready pods again; kube-proxy syncs shortly after. */
export function updateEndpoints(sim: DirectSim, change: string): void {
  const s = sim.state;
  const ready = s.pods.filter((p) => p.ready);
  s.endpoints = ready.map((p) => p.name);
  emit(sim, {
    t: sim.now,
    type: 'endpoints.update',
    service: PAYMENTS_SERVICE,
    ready: ready.map((p) => p.name),
    addresses: ready.map((p) => p.ip),
  });
  log(
    sim,
    'dns',
    `EndpointSlice for payments: ${change}. Ready: ${s.endpoints.length > 0 ? s.endpoints.join(', ') : 'none'}. DNS answers change now; kube-proxy follows on its next sync.`,
  );
  // kube-proxy watches EndpointSlices and rewrites its iptables rules shortly after.
  if (s.kubeProxySync === null)
    s.kubeProxySync = sim.schedule(sim.rng.between(ms(50), ms(300)), { type: 'kubeproxy.sync' });
}

/** A readiness probe: passes at once on a live pod, hangs until timeoutSeconds on a dead one. */
export function onProbeTick(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod) return;
  sim.schedule(s.probe.periodUs, { type: 'probe.tick', pod: name });
  if (!pod.up) {
    // The probe's connection hangs like everyone else's, until timeoutSeconds.
    sim.schedule(s.probe.timeoutUs, { type: 'probe.result', pod: name });
    return;
  }
  pod.failures = 0;
  if (!pod.ready) {
    pod.ready = true;
    emit(sim, { t: sim.now, type: 'probe.passed', pod: name });
    log(sim, 'fault', `kubelet: ${name} passed its readiness probe; it is Ready again.`);
    updateEndpoints(sim, `${name} is ready again`);
  }
}

/** A probe timed out; at failureThreshold in a row the pod is no longer ready. */
export function onProbeFailed(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod) return;
  pod.failures++;
  const threshold = s.probe.failureThreshold;
  emit(sim, { t: sim.now, type: 'probe.failed', pod: name, failures: pod.failures, threshold });
  if (pod.failures <= threshold)
    log(
      sim,
      'fault',
      `kubelet: readiness probe of ${name} got no answer in ${formatDuration(s.probe.timeoutUs)} (${pod.failures} of ${threshold}).`,
    );
  if (pod.failures >= threshold && pod.ready) {
    pod.ready = false;
    updateEndpoints(sim, `${name} (${pod.ip}) is no longer ready`);
  }
}

/** kube-proxy rewrites the ClusterIP rules from the EndpointSlice. */
export function onKubeProxySync(sim: DirectSim): void {
  const s = sim.state;
  s.kubeProxySync = null;
  s.kubeProxy = readyIps(s);
  const endpoints = s.kubeProxy.map(hostPort);
  emit(sim, {
    t: sim.now,
    type: 'kubeproxy.sync',
    service: PAYMENTS_SERVICE,
    clusterIP: PAYMENTS_CLUSTER_IP,
    endpoints,
  });
  log(
    sim,
    'dns',
    endpoints.length > 0
      ? `kube-proxy rewrote the rules for ${hostPort(PAYMENTS_CLUSTER_IP)}: a random pick among ${endpoints.join(', ')}.`
      : `kube-proxy rewrote the rules for ${hostPort(PAYMENTS_CLUSTER_IP)}: no endpoints, connections are rejected.`,
  );
}

// Commands

/** The pod stops answering; attempts waiting on it stall. */
export function killPod(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod || !pod.up) return;
  pod.up = false;
  emit(sim, { t: sim.now, type: 'pod.down', pod: pod.name, ip: pod.ip });
  log(
    sim,
    'fault',
    `${pod.name} (${pod.ip}) stops answering: packets to it are dropped and nothing replies, so connections hang until each client's own timeout.`,
  );
  for (const call of Object.values(s.calls)) {
    if (call.ip !== pod.ip || call.phase === 'backoff' || call.stalled) continue;
    clearPending(sim, call);
    call.arriveAt = null;
    call.stalled = true;
  }
}

/** The same pod answers again; connects in progress complete at their next SYN retransmission. */
export function restorePod(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod || pod.up) return;
  pod.up = true;
  emit(sim, { t: sim.now, type: 'pod.up', pod: pod.name, ip: pod.ip });
  log(
    sim,
    'fault',
    `${pod.name} (${pod.ip}) answers again. Its readiness probe passes at its next period; until then Kubernetes still lists it as not ready.`,
  );
  // Connects in progress succeed at their next SYN retransmission, if it comes before the
  // client's timeout. Requests already sent were lost: the pod does not know them.
  for (const call of Object.values(s.calls)) {
    if (call.ip !== pod.ip || call.phase !== 'connecting' || !call.stalled) continue;
    const next = SYN_RETRANSMITS.map((d) => call.connectStartedAt + d).find((t) => t >= sim.now);
    if (next === undefined) continue;
    const at = next + call.rttUs;
    if (call.timeoutAt !== null && at >= call.timeoutAt) continue;
    call.pending = sim.scheduleAt(at, {
      type: 'attempt.connected',
      id: call.id,
      attempt: call.attempt,
    });
    call.arriveAt = at;
    call.stalled = false;
  }
}
