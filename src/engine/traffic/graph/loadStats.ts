/**
 * The load generator's bookkeeping when one of its calls finishes: count it, then pace the loop
 * as fortio does (`periodic.go`, `runOne`): with `-qps`, each of the `-c` loops runs at qps / c
 * and its k-th call starts no earlier than k × c / qps after the run began (a late loop does not
 * sleep: it catches up); without it (qps 0) the next call starts as soon as the previous one
 * finished. A loop stops after its share of `-n` (the remainder goes to the first loop).
 */
import { SECOND } from '../../core/time';
import { logLine } from '../../mesh/log';
import type { MeshSim } from '../../mesh/types';
import { percentilesMs, record } from './stats';
import type { GraphState, LoadRun } from './types';

/** App ↔ its own sidecar over localhost, there and back. */
const LOCAL_HOP = 500;

/** Calls a loop may make in all. */
const limitOf = (r: LoadRun, loop: number): number =>
  r.requests > 0 ? (r.perLoop[loop] ?? 0) : Infinity;

/** Ends the run: fortio's summary as a `load.done` entry and a log line. */
export function endLoad(sim: MeshSim, r: LoadRun): void {
  if (r.end !== null) return;
  r.end = sim.now;
  const [p50, p90, p99] = percentilesMs(r.latency, [50, 90, 99]);
  const secs = Math.max(1e-6, (r.end - r.start) / SECOND);
  const qps = Math.round((r.done / secs) * 10) / 10;
  sim.emit({
    t: sim.now,
    type: 'load.done',
    pod: r.from,
    service: r.service,
    requests: r.done,
    byCode: { ...r.byCode },
    p50Ms: p50 ?? 0,
    p90Ms: p90 ?? 0,
    p99Ms: p99 ?? 0,
    qps,
  });
  const codes = Object.keys(r.byCode)
    .sort()
    .map((c) => {
      const n = r.byCode[c] ?? 0;
      return `Code ${c} : ${n} (${r.done ? ((100 * n) / r.done).toFixed(1) : '0.0'} %)`;
    });
  logLine(
    sim,
    'traffic',
    `fortio from ${r.from} to ${r.service}: ${r.done} calls, qps=${qps}; ${codes.join('; ') || 'no calls'}`,
  );
}

/** Schedules loop `loop`'s next call, or ends the run when every loop is done. */
export function nextCall(sim: MeshSim, r: LoadRun, loop: number): void {
  const made = r.made[loop] ?? 0;
  if (made >= limitOf(r, loop)) {
    if (r.done >= r.sent && r.made.every((m, i) => m >= limitOf(r, i))) endLoad(sim, r);
    return;
  }
  // The app hears its answer and sends again no sooner than one local hop later (an overflow's
  // local reply is instant in the sidecar: without it a loop would spin in zero time).
  let at = made === 0 ? sim.now : sim.now + LOCAL_HOP;
  if (r.qps > 0) at = Math.max(at, r.start + Math.round((made * SECOND * r.connections) / r.qps));
  sim.scheduleAt(at, { type: 'load.next', run: r.id, loop });
}

/** A call of run `run`, loop `loop`, finished with `code` after `us`. */
export function loadCallDone(
  sim: MeshSim,
  g: GraphState,
  run: number,
  loop: number,
  code: number,
  us: number,
): void {
  const r = g.load;
  if (!r || r.id !== run) return;
  r.done++;
  r.byCode[code] = (r.byCode[code] ?? 0) + 1;
  record(r.latency, us);
  if (r.stopped) return;
  nextCall(sim, r, loop);
}
