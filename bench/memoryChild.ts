/** One memory measurement in a fresh process (run by bench/memory.ts); prints one JSON line. */
import { ms, sec } from '../src/engine/core/time';
import { blobCount, forgetAllBlobsForBench } from '../src/engine/mesh/blobs';
import { createMesh } from '../src/engine/mesh';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Heap used after full garbage collection, in MB (one decimal). */
function heapMb(): number {
  for (let i = 0; i < 3; i++) gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
}

/** The players' checkpoint settings: every 5 s of simulated time (the engine keeps at most 128). */
const PLAYER_CHECKPOINTS = sec(5);

function steady(): Record<string, number> {
  const sim = createMesh({ seed: 1, checkpointEvery: PLAYER_CHECKPOINTS });
  sim.advanceTo(sec(10 * 60));
  const heap10min = heapMb();
  sim.advanceTo(sec(6 * 3600));
  const heap6h = heapMb();
  return { heap10min, heap6h, checkpoints: sim.checkpointCount };
}

function blobs(): Record<string, number> {
  const sim = createMesh({ seed: 1, checkpointEvery: PLAYER_CHECKPOINTS });
  sim.advanceTo(sec(10));
  for (let i = 0; i < 4000; i++) {
    sim.command({ kind: 'canary.weights', v1: 1 + i, v2: 4000 - i });
    sim.advanceTo(sim.now + ms(500));
  }
  const generation = sim.state.configGeneration;
  if (generation < 4000) throw new Error(`bench: only ${generation} edits were accepted`);
  const count = blobCount();
  const withStore = heapMb();
  forgetAllBlobsForBench();
  const without = heapMb();
  return { blobsMb: Math.round((withStore - without) * 10) / 10, blobs: count };
}

const which = process.argv[2];
console.log(JSON.stringify(which === 'steady' ? steady() : blobs()));
