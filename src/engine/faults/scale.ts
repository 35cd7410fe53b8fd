/**
 * `service.scale`: the Deployment of a service goes to `replicas` pods. New pods copy the first
 * pod's labels (so they join its subset), get the next free IP, start an empty Envoy, and become
 * endpoints once ready; removed pods (newest first) leave the registry at once. While Istiod is
 * down a scale-up is refused: new pods need the sidecar injector webhook (./admission.ts).
 * Simplified: in a cluster the Deployment's new replica count is stored and its ReplicaSet keeps
 * retrying (FailedCreate events with this message) until Istiod is back; the model drops it.
 */
import { ms } from '../core/time';
import { podState } from '../mesh/cast';
import { requestCert } from '../mesh/ca/agent';
import { logLine } from '../mesh/log';
import { addPod, removePod } from '../mesh/registry';
import { breakStream } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';
import { onPodDied } from '../traffic/podFailure';
import { refusedPod } from './admission';

/** Scales `service` to `replicas` pods. */
export function scaleService(sim: MeshSim, service: string, replicas: number): void {
  const s = sim.state;
  const mine = s.order.filter((n) => s.pods[n]?.service === service);
  const first = s.config.pods.find((p) => p.name === mine[0]);
  const target = Math.max(0, Math.floor(replicas));
  if (target > mine.length && first && refusedPod(sim, `${service} stays at ${mine.length} pod(s)`))
    return;
  let n = mine.length;
  while (n < target && first) {
    let k = n + 1;
    while (s.pods[`${service}-scaled-${k}`]) k++;
    const name = `${service}-scaled-${k}`;
    const idx = s.config.pods.length + 1;
    const mp = { ...first, name, ip: `10.244.9.${(idx % 250) + 1}`, ready: false };
    const p = podState(s.config, mp);
    addPod(sim, p, mp);
    sim.schedule(ms(100), { type: 'stream.connect', pod: name, gen: 0 });
    requestCert(sim, name);
    n++;
  }
  while (n > target && mine.length) {
    const name = mine.pop() as string;
    const p = s.pods[name];
    if (p) p.up = false;
    breakStream(sim, name, 'pod deleted', false);
    onPodDied(sim, name);
    removePod(sim, name);
    n--;
  }
  logLine(sim, 'fault', `${service} scaled to ${target} pod(s)`);
}
