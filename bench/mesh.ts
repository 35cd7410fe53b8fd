/**
 * Mesh-model benchmark:
 * - mesh_steady_speedup: simulated seconds per wall second for `steady` (the 8-pod cast, default
 *   rates, default checkpoints), target ≥ 360 (an hour of mesh in 10 s);
 * - mesh_push_1000_ms: wall ms for a full push (a VirtualService change) to reach 1,000 sidecars
 *   (100 services) until every one ACKed the new RDS, median of 3 pushes, target ≤ 1000;
 * - mesh_vs_core_events: mesh events per wall second relative to the bare engine core;
 * - mesh_graph_100rps_speedup: simulated seconds per wall second of the call-graph traffic model
 *   (scenes 6–8) at 100 user requests per second with its detail entries on (no target yet).
 */
import { sec } from '../src/engine/core/time';
import { createMesh } from '../src/engine/mesh';
import { EVENTS, runEngine } from './core';

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function steady(): { speedup: number; eventsPerS: number } {
  const sim = createMesh({ seed: 1 });
  sim.advanceTo(sec(5));
  const e0 = sim.processed;
  const t0 = performance.now();
  sim.advanceTo(sec(605));
  const wall = (performance.now() - t0) / 1000;
  return { speedup: 600 / wall, eventsPerS: (sim.processed - e0) / wall };
}

/** The call-graph model at 100 user requests/s (500 calls/s), detail entries on: 60 s. */
function graph100(): number {
  const sim = createMesh({ seed: 1, traffic: { mode: 'graph', userRps: 100, detail: true } });
  sim.advanceTo(sec(5));
  const t0 = performance.now();
  sim.advanceTo(sec(65));
  return 60 / ((performance.now() - t0) / 1000);
}

const vs = (timeout: number): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: svc-0
  namespace: ns-0
spec:
  hosts: [svc-0]
  http:
  - route:
    - destination:
        host: svc-0
    timeout: ${timeout}s
`;

/** Three full pushes (VirtualService changes) to 1,000 connected sidecars; wall ms of each. */
function push1000(): { wallMs: number[]; simMs: number } {
  const sim = createMesh({
    seed: 1,
    perEdgeRps: 0,
    checkpointEvery: 0,
    topology: { sidecars: 1000, services: 100 },
  });
  sim.advanceTo(sec(60));
  if (Object.keys(sim.state.istiod.conns).length !== 1000)
    throw new Error('bench: not every sidecar connected');
  const wallMs: number[] = [];
  let simMs = 0;
  for (const timeout of [2, 3, 4]) {
    const acked = new Set<string>();
    let target = '';
    const off = sim.trace.subscribe((e) => {
      const a = e;
      if (a.type === 'xds.ack' && a.xds === 'RDS' && a.version === target) acked.add(a.pod);
    });
    const before = sim.state.istiod.versionNum;
    const t0 = performance.now();
    const s0 = sim.now;
    sim.command({ kind: 'config.apply', yaml: vs(timeout) });
    sim.runUntil((s) => {
      if (!target && s.state.istiod.versionNum > before) target = s.state.istiod.pushVersion ?? '';
      return acked.size >= 1000;
    }, 2_000_000);
    wallMs.push(performance.now() - t0);
    simMs = (sim.now - s0) / 1000;
    off();
    if (acked.size < 1000) throw new Error(`bench: push reached ${acked.size} sidecars`);
    sim.advanceTo(sim.now + sec(1));
  }
  return { wallMs, simMs };
}

/** Runs the mesh benchmarks, prints a small table, returns the figures. */
export function benchMesh(log: (line: string) => void): {
  mesh_steady_speedup: number;
  mesh_push_1000_ms: number;
  mesh_vs_core_events: number;
  mesh_graph_100rps_speedup: number;
} {
  const runs = [steady(), steady(), steady()];
  const speedup = median(runs.map((r) => r.speedup));
  const meshEps = median(runs.map((r) => r.eventsPerS));
  const coreEps = EVENTS / (median([runEngine(1000), runEngine(1000), runEngine(1000)]) / 1000);
  const push = push1000();
  const out = {
    mesh_steady_speedup: Math.round(speedup),
    mesh_push_1000_ms: Math.round(median(push.wallMs)),
    mesh_vs_core_events: Math.round((meshEps / coreEps) * 1000) / 1000,
    mesh_graph_100rps_speedup: Math.round(median([graph100(), graph100(), graph100()])),
  };
  log('Mesh model (median of 3 for steady)');
  log('');
  log('| figure | value | target |');
  log('|---|---:|---:|');
  log(
    `| steady (8 sidecars, default rates): simulated s per wall s | ${out.mesh_steady_speedup} | >= 360 |`,
  );
  log(
    `| full push to 1,000 sidecars (100 services), median of 3: wall ms (sim ${push.simMs.toFixed(0)} ms) | ${out.mesh_push_1000_ms} | <= 1000 |`,
  );
  log(
    `| mesh events/s (${Math.round(meshEps).toLocaleString('en-US')}) vs bare core (${Math.round(coreEps).toLocaleString('en-US')}) | ${out.mesh_vs_core_events} | - |`,
  );
  log(
    `| call graph (scenes 6–8), 100 user requests/s, detail on, median of 3: simulated s per wall s | ${out.mesh_graph_100rps_speedup} | - |`,
  );
  return out;
}
