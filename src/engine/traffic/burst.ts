/**
 * `traffic.send`: the app of one pod sends a fixed number of requests to a service, one every
 * 1 ms of simulated time (scene 5 counts the weighted picks of exactly N requests). Each request
 * enters the caller's sidecar like generator traffic (`startRequest`: route, weighted pick, LB,
 * retries). While the pod is down (or after it was removed) a request is not sent; the burst
 * counts it and says so when it ends.
 */
import { ms } from '../core/time';
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';
import { startRequest } from './request';

/** Time between two requests of a burst. */
export const BURST_INTERVAL = ms(1);

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Starts a burst: the first request goes out now (as the next event), then one per ms. */
export function startBurst(sim: MeshSim, from: string, service: string, count: number): void {
  const t = sim.state.traffic;
  const n = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  if (n === 0) {
    logLine(sim, 'traffic', `${from} sends no requests to ${service} (count ${count})`);
    return;
  }
  t.pickBase[from] = { at: sim.now, count: n, picks: { ...(t.picks[from] ?? {}) } };
  const id = t.nextBurstId++;
  t.bursts[id] = { from, service, count: n, sent: 0, skipped: 0 };
  logLine(sim, 'traffic', `${from} sends ${plural(n, 'request')} to ${service}`);
  sim.schedule(0, { type: 'traffic.burst', id });
}

/** One tick of burst `id`: send (or skip) one request, schedule the next, or finish. */
export function onBurstTick(sim: MeshSim, id: number): void {
  const s = sim.state;
  const b = s.traffic.bursts[id];
  if (!b) return;
  const pod = s.pods[b.from];
  if (pod?.up) {
    b.sent++;
    startRequest(sim, b.from, b.service);
  } else {
    b.skipped++;
    if (b.skipped === 1)
      logLine(sim, 'traffic', `${b.from} is down: its requests to ${b.service} are not sent`);
  }
  if (b.sent + b.skipped < b.count) {
    sim.schedule(BURST_INTERVAL, { type: 'traffic.burst', id });
    return;
  }
  delete s.traffic.bursts[id];
  const notSent = b.skipped > 0 ? `; ${plural(b.skipped, 'request')} not sent (pod down)` : '';
  logLine(
    sim,
    'traffic',
    `${b.from} has sent ${plural(b.sent, 'request')} to ${b.service}${notSent}`,
  );
}
