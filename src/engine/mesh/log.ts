/** The text alternative of the diagram: a bounded list of sentences, newest last. */
import type { LogLine, MeshSim } from './types';

/** Lines kept in the state. */
export const LOG_MAX = 200;

/** Appends a sentence to the log. */
export function logLine(sim: MeshSim, kind: LogLine['kind'], text: string): void {
  const log = sim.state.log;
  log.push({ t: sim.now, text, kind });
  if (log.length > LOG_MAX) log.splice(0, log.length - LOG_MAX);
  sim.state.logTotal++;
}
