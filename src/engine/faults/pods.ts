/**
 * Pod faults: `pod.kill` (the container dies: its endpoint leaves the registry, its ADS stream
 * ends, requests it was serving are reset), `pod.restore` (a new Envoy with no dynamic config and
 * no certificate: it must reach Istiod before it is ready), `pod.slow`, `pod.fail`.
 */
import { ms } from '../core/time';
import { requestCert } from '../mesh/ca/agent';
import { logLine } from '../mesh/log';
import { newSidecar, setReady } from '../mesh/registry';
import { breakStream } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';
import { onPodDied } from '../traffic/podFailure';
import { refusedPod } from './admission';

/** Kills a pod. */
export function killPod(sim: MeshSim, pod: string): void {
  const p = sim.state.pods[pod];
  if (!p || !p.up) return;
  p.up = false;
  breakStream(sim, pod, 'pod terminated', false);
  const sc = sim.state.sidecars[pod];
  if (sc?.retryTimer !== null && sc?.retryTimer !== undefined) sim.cancel(sc.retryTimer);
  setReady(sim, p, false);
  onPodDied(sim, pod);
  logLine(sim, 'fault', `${pod} was killed`);
}

/** Restarts a killed pod: empty Envoy, new stream, new certificate. */
export function restorePod(sim: MeshSim, pod: string): void {
  const p = sim.state.pods[pod];
  if (!p || p.up) return;
  p.up = true;
  p.generation++;
  if (!p.injected) {
    // No sidecar: the app is ready as soon as it runs.
    setReady(sim, p, true);
    logLine(sim, 'fault', `${pod} restarted (no sidecar)`);
    return;
  }
  // A new Envoy, but the network (a `sidecar.cut`) is the pod's: it stays as it was.
  const cut = sim.state.sidecars[pod]?.cut ?? false;
  sim.state.sidecars[pod] = { ...newSidecar(pod), cut };
  sim.schedule(ms(100), { type: 'stream.connect', pod, gen: p.generation });
  requestCert(sim, pod);
  logLine(sim, 'fault', `${pod} restarted: its new Envoy has no config until it reaches Istiod`);
}

/**
 * Restarts a pod with or without its sidecar (a new pod replaces it). Without one, the app's
 * calls bypass Envoy (plain TCP to a ClusterIP endpoint picked by kube-proxy) and nothing proxies
 * its inbound traffic. A new pod that needs injection cannot be created while Istiod is down (the
 * injector webhook fails closed, ./admission.ts): the command is refused and the old pod stays.
 * One labelled `sidecar.istio.io/inject: "false"` skips the webhook and is created.
 * Simplified: a real Deployment deletes the old pod first and its replacement stays uncreated
 * until Istiod is back; the model keeps the old pod.
 */
export function injectPod(sim: MeshSim, pod: string, injected: boolean): void {
  const p = sim.state.pods[pod];
  if (!p || p.injected === injected) return;
  if (injected && refusedPod(sim, `${pod} keeps running as it is`)) return;
  if (p.up) killPod(sim, pod);
  p.injected = injected;
  if (injected) {
    restorePod(sim, pod);
    return;
  }
  p.up = true;
  p.generation++;
  sim.state.sidecars[pod] = newSidecar(pod);
  setReady(sim, p, true);
  logLine(
    sim,
    'fault',
    `${pod} restarted without a sidecar: its traffic is plaintext and bypasses the mesh`,
  );
}

/** Adds latency to a pod's app. */
export function slowPod(sim: MeshSim, pod: string, extraMs: number): void {
  const p = sim.state.pods[pod];
  if (!p) return;
  p.extraMs = Math.max(0, extraMs);
  logLine(sim, 'fault', `${pod} answers ${p.extraMs} ms slower`);
}

/** Makes a pod's app answer 503 to a share of requests. */
export function failPod(sim: MeshSim, pod: string, share: number): void {
  const p = sim.state.pods[pod];
  if (!p) return;
  p.failShare = Math.min(1, Math.max(0, share));
  logLine(sim, 'fault', `${pod} fails ${Math.round(p.failShare * 100)}% of requests with 503`);
}
