/** The text alternative of the diagram: the last 200 sentences, oldest first. */
import type { LogLine } from '../types';
import { memoBySim, type MeshSource } from './memo';

/** The log (a copy; lines themselves are never mutated). */
export const logLines: (sim: MeshSource) => LogLine[] = memoBySim((sim) => sim.state.log.slice());
