/**
 * Apps in the call-graph mode. An app serving a request (a job) first does its own work (its mean
 * service time, drawn exponentially, plus `pod.slow`); a request the app fails (`pod.fail`,
 * `service.fail`) is answered 503 right after that, without calling anyone. Otherwise the app
 * runs its plan (state.ts): the calls of a stage go out together through its sidecar and the app
 * waits for all of them; the first failed call decides the answer — the app passes that call's
 * status on (502 when the call got no response at all) and skips the later stages; else it
 * answers 200. The answer travels one network leg back to the caller's sidecar. With `workers`
 * set, an app does its own work for at most that many requests at once (the others wait in line,
 * oldest first); waiting for downstream calls holds no worker (asynchronous I/O). Simplified: an
 * app does not notice that its caller gave up (a timed-out request's downstream calls still run).
 */
import { ms } from '../../core/time';
import type { MeshSim } from '../../mesh/types';
import { failShare } from '../failShare';
import { startRequest } from '../request';
import { NET } from './state';
import { record } from './stats';
import type { Job } from './types';

/** Creates a job at `pod` (its app receives the request now). */
function newJob(
  sim: MeshSim,
  pod: string,
  rq: number,
  attempt: number,
  user: string,
  traceId: number | null,
  spanId: number,
): void {
  const s = sim.state;
  const g = s.traffic.graph;
  const p = s.pods[pod];
  if (!g || !p) return;
  const id = g.nextJob++;
  const share = failShare(s.traffic, p);
  const fail = share > 0 && sim.rng.float() < share;
  const job: Job = {
    id,
    pod,
    service: p.service,
    rq,
    attempt,
    start: sim.now,
    stage: 0,
    waiting: 0,
    failCode: fail ? 503 : 0,
    user,
    traceId,
    spanId,
  };
  g.jobs[id] = job;
  if (g.workers > 0 && (g.busy[pod] ?? 0) >= g.workers) {
    (g.queue[pod] ??= []).push(id);
    return;
  }
  beginWork(sim, pod, id);
}

/** The app starts its own work on job `id` (a worker is busy until it is done). */
function beginWork(sim: MeshSim, pod: string, id: number): void {
  const s = sim.state;
  const g = s.traffic.graph;
  const p = s.pods[pod];
  if (!g || !p) return;
  if (g.workers > 0) g.busy[pod] = (g.busy[pod] ?? 0) + 1;
  sim.schedule(sim.rng.exp(p.serviceTimeUs) + ms(p.extraMs), { type: 'job.step', id });
}

/** A worker of `pod` is free: the next waiting job starts. */
function endWork(sim: MeshSim, pod: string): void {
  const g = sim.state.traffic.graph;
  if (!g || g.workers === 0) return;
  g.busy[pod] = Math.max(0, (g.busy[pod] ?? 0) - 1);
  const q = g.queue[pod];
  for (let id = q?.shift(); id !== undefined; id = q?.shift()) {
    if (!g.jobs[id]) continue;
    beginWork(sim, pod, id);
    return;
  }
}

/** A user request arrives at the entry pod's app. */
export function startUserRequest(sim: MeshSim): void {
  const s = sim.state;
  const g = s.traffic.graph;
  if (!g) return;
  g.window.users.issued++;
  const t = s.traffic;
  const user = `user-${sim.rng.int(100)}`;
  let traceId: number | null = null;
  if (t.samplingPercent > 0 && sim.rng.float() * 100 < t.samplingPercent) traceId = t.nextId++; // the user request's own id
  newJob(sim, g.entry, 0, 0, user, traceId, 0);
}

/** An attempt of request `rqId` reached its destination pod's app. */
export function onJobStart(sim: MeshSim, rqId: number, attempt: number): void {
  const rq = sim.state.traffic.requests[rqId];
  if (!rq || rq.attempt !== attempt || rq.host === null || rq.connId === 0) return;
  newJob(sim, rq.host, rq.id, attempt, rq.user, rq.traceId, rq.spanId + 1);
}

function respond(sim: MeshSim, job: Job, code: number): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  delete g.jobs[job.id];
  if (job.rq !== 0) {
    sim.schedule(NET, { type: 'rq.reply', id: job.rq, attempt: job.attempt, code });
    return;
  }
  const u = g.window.users;
  u.done++;
  if (code >= 200 && code < 400) u.ok++;
  u.byCode[code] = (u.byCode[code] ?? 0) + 1;
  record(g.window.userLatency, sim.now - job.start);
}

function runStage(sim: MeshSim, job: Job): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  if (job.failCode !== 0) return respond(sim, job, job.failCode);
  const stages = g.plan[job.service] ?? [];
  while (job.stage < stages.length) {
    const calls = stages[job.stage++] ?? [];
    if (calls.length === 0) continue;
    job.waiting = calls.length;
    const parentSpan = job.spanId === 0 ? null : job.spanId;
    for (const service of calls)
      startRequest(sim, job.pod, service, {
        job: job.id,
        user: job.user,
        traceId: job.traceId,
        parentSpan,
      });
    return;
  }
  respond(sim, job, 200);
}

/** The app finished its own work: start calling (or answer). */
export function onJobStep(sim: MeshSim, id: number): void {
  const job = sim.state.traffic.graph?.jobs[id];
  if (!job) return;
  endWork(sim, job.pod);
  runStage(sim, job);
}

/** One of the job's calls finished with `code`. */
export function onCallDone(sim: MeshSim, id: number, code: number): void {
  const job = sim.state.traffic.graph?.jobs[id];
  if (!job) return;
  job.waiting--;
  if (!(code >= 200 && code < 400) && job.failCode === 0) job.failCode = code === 0 ? 502 : code;
  if (job.waiting <= 0) runStage(sim, job);
}

/** The pod died: its jobs are gone (a user request it was serving fails). */
export function dropJobs(sim: MeshSim, pod: string): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  delete g.busy[pod];
  delete g.queue[pod];
  for (const key of Object.keys(g.jobs)) {
    const job = g.jobs[Number(key)];
    if (!job || job.pod !== pod) continue;
    delete g.jobs[job.id];
    if (job.rq === 0) {
      g.window.users.done++;
      g.window.users.byCode[0] = (g.window.users.byCode[0] ?? 0) + 1;
    }
  }
}
