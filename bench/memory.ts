/**
 * Memory over hours (issue 14). Each figure is measured in its own Node process (`--expose-gc`),
 * so the other benchmarks' garbage and caches do not count:
 * - mem_heap_10min_mb, mem_heap_6h_mb: heap used after garbage collection, steady scenario (the
 *   8-pod cast at default rates, no commands) with the players' checkpoint settings (every 5 s of
 *   simulated time, at most 128 kept), after 10 simulated minutes and after 6 hours (one run).
 *   Target: 6 h at most 1.25 × the 10-minute figure.
 * - mem_blobs_after_4000_edits_mb: heap held by the content-addressed resource store and the
 *   caches over it after 4,000 distinct canary weights (one every 500 ms of simulated time, each
 *   pushed to every sidecar): the heap after GC, minus the heap after GC once the store and its
 *   caches are emptied. Target: under 5 MB.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));

function child(which: 'steady' | 'blobs'): Record<string, number> {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, which], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

/** Runs the memory benchmarks, prints a small table, returns the figures. */
export function benchMemory(log: (line: string) => void): {
  mem_heap_10min_mb: number;
  mem_heap_6h_mb: number;
  mem_blobs_after_4000_edits_mb: number;
} {
  const steady = child('steady');
  const blobs = child('blobs');
  const out = {
    mem_heap_10min_mb: steady['heap10min'] ?? NaN,
    mem_heap_6h_mb: steady['heap6h'] ?? NaN,
    mem_blobs_after_4000_edits_mb: blobs['blobsMb'] ?? NaN,
  };
  const ratio = out.mem_heap_6h_mb / out.mem_heap_10min_mb;
  log('Memory (heap after GC, each in its own process)');
  log('');
  log('| figure | value | target |');
  log('|---|---:|---:|');
  log(`| steady, 5 s checkpoints: heap at 10 simulated min (MB) | ${out.mem_heap_10min_mb} | - |`);
  log(
    `| steady, 5 s checkpoints: heap at 6 simulated h (MB), ${ratio.toFixed(2)}× the 10-min figure | ${out.mem_heap_6h_mb} | <= 1.25× |`,
  );
  log(
    `| resource store + caches after 4,000 distinct canary edits (MB; ${blobs['blobs']} resources) | ${out.mem_blobs_after_4000_edits_mb} | < 5 |`,
  );
  return out;
}
