/** The end of a call: counters, the `call.done` entry, the caller's last outcome and the log. */
import { MILLISECOND } from '../core/time';
import { clearPending, clearTimer, emit, log } from './state';
import { callSentence, outcomeText } from './text';
import type { CallFailure, CallState, DirectSim } from './types';

/** Ends a call: counters, `call.done`, the last outcome, the log (plain successes once in a row). */
export function finishCall(
  sim: DirectSim,
  call: CallState,
  ok: boolean,
  error: CallFailure | null,
): void {
  const s = sim.state;
  const caller = s.callers[call.caller];
  clearPending(sim, call);
  clearTimer(sim, call);
  delete s.calls[call.id];
  caller.counters.inFlight--;
  if (ok) caller.counters.ok++;
  else caller.counters.failed++;
  const latencyUs = sim.now - call.startedAt;
  emit(sim, {
    t: sim.now,
    type: 'call.done',
    caller: call.caller,
    id: call.id,
    ok,
    code: ok ? 200 : null,
    error,
    attempts: call.attempt,
    latencyMs: latencyUs / MILLISECOND,
    pod: ok ? call.pod : null,
  });
  caller.lastOk = ok;
  caller.lastOutcome = outcomeText(ok, call.pod, latencyUs, call.attempt, error);
  const plain = ok && call.failures.length === 0;
  if (plain && caller.quiet) return;
  log(sim, 'traffic', callSentence(call, ok, latencyUs));
  caller.quiet = plain;
}
