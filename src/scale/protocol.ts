/** Messages between the scale page and its worker (the worker owns the simulation). */
import type { ScaleAction } from './constants';
import type { Snapshot } from './runner';

export type ToWorker =
  | { type: 'init'; seed: number; cores: number }
  | { type: 'advance'; us: number }
  | { type: 'act'; action: ScaleAction };

export type FromWorker =
  | { type: 'snapshot'; phase: 'starting' | 'ready'; snapshot: Snapshot }
  | { type: 'error'; message: string };
