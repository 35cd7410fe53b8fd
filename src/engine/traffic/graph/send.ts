/**
 * An attempt leaves on its connection: the per-try timer starts (Envoy arms it when the request
 * goes upstream), the attempt is counted for its host, and it reaches the destination sidecar
 * one network leg later: RBAC there may answer 403, else the destination app starts a job
 * (`job.start`). A connection whose pod has gone is reset (a reply with code 0: 503 UC).
 */
import { ms } from '../../core/time';
import type { MeshSim } from '../../mesh/types';
import { updateView } from '../finish';
import { inboundCheck } from '../inbound';
import type { Request } from '../types';
import { NET } from './state';

/** Sends the current attempt of `rq` (it holds a connection to `rq.host`). */
export function sendAttempt(sim: MeshSim, rq: Request): void {
  const s = sim.state;
  const g = s.traffic.graph;
  const host = rq.host;
  if (!g || host === null) return;
  rq.attemptSentAt = sim.now;
  rq.reached = false;
  rq.outcome = null;
  const perTry = rq.retry?.perTryMs ?? 0;
  if (perTry > 0)
    rq.perTryTimer = sim.schedule(ms(perTry), {
      type: 'rq.perTry',
      id: rq.id,
      attempt: rq.attempt,
    });
  const target = s.pods[host];
  const tsc = s.sidecars[host];
  const service = target?.service ?? rq.to;
  const w = g.window;
  w.attempts[service] = (w.attempts[service] ?? 0) + 1;
  const hs = (w.hosts[host] ??= { service, attempts: 0, ok: 0, latency: {} });
  hs.attempts++;
  if (rq.attempt > 0) w.retries++;
  updateView(sim, rq, host, sim.now + NET);
  if (!target || !target.up || !tsc) {
    sim.schedule(NET, { type: 'rq.reply', id: rq.id, attempt: rq.attempt, code: 0 });
    return;
  }
  rq.reached = target.injected;
  const denied = target.injected ? inboundCheck(sim, rq.from, tsc) : null;
  if (denied !== null) {
    sim.schedule(2 * NET, { type: 'rq.reply', id: rq.id, attempt: rq.attempt, code: denied });
    return;
  }
  sim.schedule(NET, { type: 'job.start', rq: rq.id, attempt: rq.attempt });
}
