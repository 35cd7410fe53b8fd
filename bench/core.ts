/**
 * Engine-core benchmark: the same workload in the engine core, SIM.JS and a bare flatqueue loop.
 * 1,000,000 events; each processed event schedules one more; N events pending throughout.
 */
import FlatQueue from 'flatqueue';
import { createRequire } from 'node:module';
import { Simulation, nextU32, seedRng, type ModelDef, type RngState } from '../src/engine/core';

export const EVENTS = 1_000_000;

/**
 * SIM.JS ships a browserify bundle that only exposes itself on `window.Sim`; give it one to load.
 */
function loadSimjs(): typeof import('simjs') {
  const g = globalThis as { window?: { Sim?: typeof import('simjs') } };
  g.window = {};
  createRequire(import.meta.url)('simjs');
  const lib = g.window.Sim;
  delete g.window;
  if (!lib) throw new Error('could not load simjs');
  return lib;
}
const { Entity, Sim } = loadSimjs();

/** The shared delay source: uniform 1 µs to 1 s from the same PRNG in all three implementations. */
function delays(seed: number): () => number {
  const s: RngState = seedRng(seed);
  return () => 1 + (nextU32(s) % 1_000_000);
}

type Tick = { type: 'tick' };
const TICK: Tick = { type: 'tick' };

export function runEngine(pending: number): number {
  const next = delays(1);
  const def: ModelDef<null, Tick, never, { t: number; type: string }> = {
    init(sim) {
      for (let i = 0; i < pending; i++) sim.schedule(next(), TICK);
      return null;
    },
    handle(sim) {
      sim.schedule(next(), TICK);
    },
    applyCommand() {},
  };
  const sim = new Simulation(def, { seed: 1, checkpointEvery: 0 });
  const t0 = performance.now();
  sim.runEvents(EVENTS);
  const dt = performance.now() - t0;
  if (sim.processed !== EVENTS) throw new Error('engine processed ' + sim.processed);
  return dt;
}

export function runSimjs(pending: number): number {
  const next = delays(1);
  let processed = 0;
  class Ticker extends Entity {
    start(): void {
      for (let i = 0; i < pending; i++) this.arm();
    }
    arm(): void {
      this.setTimer(next()).done(this.onTick, this);
    }
    onTick(): void {
      processed++;
      this.arm();
    }
  }
  const sim = new Sim();
  sim.addEntity(Ticker);
  const t0 = performance.now();
  sim.simulate(Infinity, EVENTS);
  const dt = performance.now() - t0;
  if (processed !== EVENTS) throw new Error('simjs processed ' + processed);
  return dt;
}

export function runFlatqueue(pending: number): number {
  const next = delays(1);
  const q = new FlatQueue<number>();
  for (let i = 0; i < pending; i++) q.push(i, next());
  const t0 = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const t = q.peekValue() as number;
    const id = q.pop() as number;
    q.push(id, t + next());
  }
  return performance.now() - t0;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Retained heap growth (MB) of the engine holding `pending` events after a full run. */
export function engineHeapGrowth(pending: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const next = delays(2);
  const def: ModelDef<null, Tick, never, { t: number; type: string }> = {
    init(sim) {
      for (let i = 0; i < pending; i++) sim.schedule(next(), TICK);
      return null;
    },
    handle(sim) {
      sim.schedule(next(), TICK);
    },
    applyCommand() {},
  };
  const sim = new Simulation(def, { seed: 1, checkpointEvery: 0 });
  sim.runEvents(EVENTS);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (sim.pending !== pending) throw new Error('pending drifted');
  return (after - before) / 1e6;
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export interface CoreBench {
  engine_events_per_s_1k: number;
  engine_events_per_s_100k: number;
  simjs_events_per_s_1k: number;
  simjs_events_per_s_100k: number;
  flatqueue_events_per_s_1k: number;
  flatqueue_events_per_s_100k: number;
  engine_vs_simjs_1k: number;
  engine_vs_simjs_100k: number;
  engine_vs_flatqueue_1k: number;
  engine_vs_flatqueue_100k: number;
  engine_heap_growth_mb_100k: number;
}

/**
 * Runs the three implementations back to back, five times per size, and takes medians. The ratios
 * are medians of per-round ratios, so a load spike from another process hits both sides of a ratio
 * alike instead of skewing one median.
 */
export function benchCore(log: (line: string) => void): CoreBench {
  const ROUNDS = 5;
  const rate = (ms: number): number => Math.round(EVENTS / (ms / 1000));
  const ratio = (x: number): number => Math.round(x * 100) / 100;
  const out: Record<string, number> = {};
  for (const [label, pending] of [
    ['1k', 1_000],
    ['100k', 100_000],
  ] as const) {
    const e: number[] = [];
    const s: number[] = [];
    const f: number[] = [];
    runEngine(pending); // warm-up
    runFlatqueue(pending);
    for (let i = 0; i < ROUNDS; i++) {
      e.push(runEngine(pending));
      s.push(runSimjs(pending));
      f.push(runFlatqueue(pending));
    }
    out[`engine_events_per_s_${label}`] = rate(median(e));
    out[`simjs_events_per_s_${label}`] = rate(median(s));
    out[`flatqueue_events_per_s_${label}`] = rate(median(f));
    out[`engine_vs_simjs_${label}`] = ratio(median(e.map((x, i) => (s[i] as number) / x)));
    out[`engine_vs_flatqueue_${label}`] = ratio(median(e.map((x, i) => (f[i] as number) / x)));
    log(
      `  ${label} pending, ms per round: engine ${e.map((x) => x.toFixed(0)).join(' ')}; ` +
        `simjs ${s.map((x) => x.toFixed(0)).join(' ')}; flatqueue ${f.map((x) => x.toFixed(0)).join(' ')}`,
    );
  }
  return {
    ...(out as unknown as CoreBench),
    engine_heap_growth_mb_100k: Math.round(engineHeapGrowth(100_000) * 10) / 10,
  };
}
