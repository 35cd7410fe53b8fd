/**
 * `npm run bench`: prints a readable table, then, as the very last line, one JSON object with every
 * figure. Other benchmark modules add their keys here.
 */
import { benchCore } from './core';
import { benchMemory } from './memory';
import { benchMesh } from './mesh';

const fmt = (n: number): string => n.toLocaleString('en-US');
const log = (line: string): void => console.log(line);

log('Engine core: 1,000,000 events, each schedules one more (5 rounds, medians)');
const core = benchCore(log);
log('');
log('| implementation | 1,000 pending (events/s) | 100,000 pending (events/s) |');
log('|---|---:|---:|');
log(
  `| engine core (typed-array heap, ties in order) | ${fmt(core.engine_events_per_s_1k)} | ${fmt(core.engine_events_per_s_100k)} |`,
);
log(
  `| SIM.JS (simjs) | ${fmt(core.simjs_events_per_s_1k)} | ${fmt(core.simjs_events_per_s_100k)} |`,
);
log(
  `| bare flatqueue loop (no ties, no payload) | ${fmt(core.flatqueue_events_per_s_1k)} | ${fmt(core.flatqueue_events_per_s_100k)} |`,
);
log('');
log(
  `engine vs SIM.JS: ${core.engine_vs_simjs_1k}x (1k, target >= 3), ${core.engine_vs_simjs_100k}x (100k, target >= 8)`,
);
log(
  `engine vs flatqueue: ${core.engine_vs_flatqueue_1k}x (1k, target >= 0.6), ${core.engine_vs_flatqueue_100k}x (100k)`,
);
log(
  `engine retained heap growth with 100k pending: ${core.engine_heap_growth_mb_100k} MB (target < 20)`,
);

const result: Record<string, number> = {
  ...core,
  ...(log(''), benchMesh(log)),
  ...(log(''), benchMemory(log)),
};
console.log(JSON.stringify(result));
