/**
 * Istiod's debounce (pilot/pkg/xds/discovery.go): events are merged into one PushRequest; the
 * push starts once no event arrived for PILOT_DEBOUNCE_AFTER (100 ms), or PILOT_DEBOUNCE_MAX
 * (10 s) after the first event under continuous churn. Endpoint events are debounced too
 * (PILOT_ENABLE_EDS_DEBOUNCE=true).
 */
import { ms, sec } from '../../core/time';
import { logLine } from '../log';
import type { MeshSim } from '../types';
import { enqueuePush } from './queue';
import { mergeRequests, proxyNeedsPush } from './scope';
import { nextVersion } from './state';
import type { PushRequest } from './types';

/** PILOT_DEBOUNCE_AFTER. */
export const DEBOUNCE_AFTER = ms(100);
/** PILOT_DEBOUNCE_MAX. */
export const DEBOUNCE_MAX = sec(10);

/** A config or registry event reaches Istiod (ignored while Istiod is down: it rereads on start). */
export function onConfigEvent(sim: MeshSim, req: Omit<PushRequest, 'start'>): void {
  const i = sim.state.istiod;
  if (!i.up) return;
  const d = i.debounce;
  d.req = mergeRequests(d.req, { ...req, start: sim.now });
  d.lastAt = sim.now;
  d.events++;
  i.metrics.pilot_push_triggers++;
  if (d.timer === null) {
    d.firstAt = sim.now;
    d.timer = sim.schedule(DEBOUNCE_AFTER, { type: 'istiod.debounce', epoch: i.epoch });
  }
}

/** The debounce timer fired. */
export function onDebounceTimer(sim: MeshSim, epoch: number): void {
  const i = sim.state.istiod;
  if (!i.up || epoch !== i.epoch) return;
  const d = i.debounce;
  d.timer = null;
  const req = d.req;
  if (!req) return;
  if (sim.now < i.busyUntil) {
    // Only one push at a time: events wait until the current PushContext is built.
    d.timer = sim.scheduleAt(i.busyUntil, { type: 'istiod.debounce', epoch: i.epoch });
    return;
  }
  const quiet = sim.now - d.lastAt;
  const total = sim.now - d.firstAt;
  if (quiet < DEBOUNCE_AFTER && total < DEBOUNCE_MAX) {
    const next = Math.min(d.lastAt + DEBOUNCE_AFTER, d.firstAt + DEBOUNCE_MAX);
    d.timer = sim.scheduleAt(next, { type: 'istiod.debounce', epoch: i.epoch });
    return;
  }
  d.req = null;
  const events = d.events;
  d.events = 0;
  pushAll(
    sim,
    req,
    `Push debounce stable[${i.metrics.pushes_debounced + 1}] ${events} for config ${req.reason.join(', ')}: ${(quiet / 1000).toFixed(0)}ms since last change, ${(total / 1000).toFixed(0)}ms since first`,
  );
}

/** Time to build a new PushContext (modelled: 1 ms + 20 µs per service). */
function pushContextCost(sim: MeshSim): number {
  return ms(1) + 20 * sim.state.config.services.length;
}

/**
 * Starts a push. A full push first builds a new PushContext (a new version); an EDS-only push
 * reuses the current one. Then every affected proxy is queued.
 */
export function pushAll(sim: MeshSim, req: PushRequest, why: string): void {
  const s = sim.state;
  const i = s.istiod;
  i.metrics.pushes_debounced++;
  let proxies = 0;
  for (const pod of s.order) {
    const c = i.conns[pod];
    const p = s.pods[pod];
    if (c && p && proxyNeedsPush(p, req)) proxies++;
  }
  sim.emit({
    t: sim.now,
    type: 'push.debounced',
    reason: req.reason.join(', '),
    full: req.full,
    proxies,
    why,
  });
  logLine(
    sim,
    'config',
    `Istiod pushes ${req.full ? 'full' : 'EDS-only'} config (${shortList(req.reason)}) to ${proxies} proxies`,
  );
  if (!req.full) {
    enqueueAffected(sim, req);
    return;
  }
  nextVersion(sim);
  i.busyUntil = sim.now + pushContextCost(sim);
  sim.scheduleAt(i.busyUntil, { type: 'istiod.pushReady', epoch: i.epoch, req });
}

/** At most three names, then "and N more" (a file of many objects keeps the log line short). */
function shortList(items: readonly string[]): string {
  return items.length <= 3
    ? items.join(', ')
    : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

/** The PushContext is ready: queue every proxy whose scope depends on the change. */
export function onPushReady(sim: MeshSim, epoch: number, req: PushRequest): void {
  if (!sim.state.istiod.up || epoch !== sim.state.istiod.epoch) return;
  enqueueAffected(sim, req);
}

function enqueueAffected(sim: MeshSim, req: PushRequest): void {
  const s = sim.state;
  for (const pod of s.order) {
    const c = s.istiod.conns[pod];
    const p = s.pods[pod];
    if (c && p && proxyNeedsPush(p, req)) enqueuePush(sim, pod, req);
  }
}
