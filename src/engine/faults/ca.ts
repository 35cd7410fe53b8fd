/** `ca.stop` / `ca.start` (no signing: renewals fail until it starts) and root rotation commands. */
import { dropOldRoots, rotateRoot } from '../mesh/ca/ca';
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';

/** Stops or starts the CA. */
export function setCaStopped(sim: MeshSim, stopped: boolean): void {
  sim.state.ca.stopped = stopped;
  logLine(
    sim,
    'fault',
    stopped ? 'The CA stopped signing: renewals will fail' : 'The CA signs again',
  );
}

export { dropOldRoots, rotateRoot };
