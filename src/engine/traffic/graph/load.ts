/**
 * A fortio-like load generator (`fortio load -c C -qps Q -n N http://service:8080/`) in one pod's
 * app: C loops start together; each sends a call through the pod's sidecar, waits for its answer,
 * then sends the next one (paced as loadStats.ts says). A new run replaces the one running.
 * Source: fortio/fortio periodic/periodic.go (`Run`, `runOne`).
 */
import { logLine } from '../../mesh/log';
import type { MeshSim } from '../../mesh/types';
import { startRequest } from '../request';
import { endLoad, nextCall } from './loadStats';
import type { LoadRun } from './types';

/** Starts a run. */
export function startLoad(
  sim: MeshSim,
  from: string,
  service: string,
  connections: number,
  qps: number,
  requests: number,
): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  if (g.load) stopLoad(sim);
  const c = Math.max(1, Math.floor(connections));
  const n = Math.max(0, Math.floor(requests));
  const perLoop =
    n > 0 ? Array.from({ length: c }, (_, i) => Math.floor(n / c) + (i === 0 ? n % c : 0)) : [];
  const r: LoadRun = {
    id: g.nextLoad++,
    from,
    service,
    connections: c,
    qps: Math.max(0, qps),
    requests: n,
    start: sim.now,
    perLoop,
    made: new Array<number>(c).fill(0),
    sent: 0,
    done: 0,
    byCode: {},
    latency: {},
    stopped: false,
    end: null,
  };
  g.load = r;
  logLine(
    sim,
    'traffic',
    `fortio load -c ${c} -qps ${r.qps} -n ${n} http://${service}:8080/ from ${from}`,
  );
  for (let loop = 0; loop < c; loop++) nextCall(sim, r, loop);
}

/** Stops the run: no more calls; the summary is what finished so far. */
export function stopLoad(sim: MeshSim): void {
  const r = sim.state.traffic.graph?.load;
  if (!r || r.end !== null) return;
  r.stopped = true;
  endLoad(sim, r);
}

/** Loop `loop` of run `run` sends its next call. */
export function onLoadNext(sim: MeshSim, run: number, loop: number): void {
  const r = sim.state.traffic.graph?.load;
  if (!r || r.id !== run || r.stopped || r.end !== null) return;
  if (!sim.state.pods[r.from]?.up) {
    logLine(sim, 'traffic', `${r.from} is down: the load run stops`);
    stopLoad(sim);
    return;
  }
  r.made[loop] = (r.made[loop] ?? 0) + 1;
  r.sent++;
  startRequest(sim, r.from, r.service, { load: { run, loop } });
}
