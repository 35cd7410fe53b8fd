/**
 * Istiod's push queue (pilot/pkg/xds/pushqueue.go): one pending push per proxy; a request for a
 * proxy already queued or being pushed is merged into it. At most PILOT_PUSH_THROTTLE =
 * min(15 + 5×cores, 100) pushes run at once (25 on 2 cores). A push holds its slot for the time
 * Istiod spends generating and sending (modelled: 150 µs + 2 µs per resource).
 */
import type { PodName } from '../contract';
import type { MeshSim } from '../types';
import { pushToProxy } from './push';
import { mergeRequests } from './scope';
import { cpuScaledLimit, type PushRequest } from './types';

/** Queues a push for one proxy, merging with any pending one. */
export function enqueuePush(sim: MeshSim, pod: PodName, req: PushRequest): void {
  const i = sim.state.istiod;
  const c = i.conns[pod];
  if (!c) return;
  const wasPending = c.pending !== null;
  c.pending = mergeRequests(c.pending, req);
  if (c.pushStartedAt === null) c.pushStartedAt = req.start;
  if (!c.pushing && !wasPending) i.queue.push(pod);
  drain(sim);
}

/** Starts queued pushes while throttle slots are free. */
export function drain(sim: MeshSim): void {
  const i = sim.state.istiod;
  const limit = cpuScaledLimit(i.cores);
  while (i.inProgress < limit && i.queue.length > 0) {
    const pod = i.queue.shift() as PodName;
    const c = i.conns[pod];
    if (!c || !c.pending) continue;
    const req = c.pending;
    c.pending = null;
    c.pushing = true;
    i.inProgress++;
    const cost = pushToProxy(sim, c, req);
    sim.schedule(cost, { type: 'istiod.proxyPushed', pod, epoch: i.epoch, streamId: c.streamId });
  }
}

/** A proxy's push finished sending: free the slot, re-queue a merged follow-up. */
export function onProxyPushed(sim: MeshSim, pod: PodName, epoch: number, streamId: number): void {
  const i = sim.state.istiod;
  if (!i.up || epoch !== i.epoch) return;
  i.inProgress = Math.max(0, i.inProgress - 1);
  const c = i.conns[pod];
  if (c && c.streamId === streamId) {
    c.pushing = false;
    if (c.pending) i.queue.push(pod);
  }
  drain(sim);
}
