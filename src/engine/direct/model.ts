/**
 * Scene 1's model: three apps call the payments pods directly, each through its own client
 * library (see cast.ts), with no proxy and no control plane. Kubernetes is here only as far as
 * the apps meet it: pod IPs, the readiness probe, the EndpointSlice, CoreDNS answers for a
 * headless Service, and kube-proxy's ClusterIP rules. See README.md for sources.
 */
import type { ModelDef } from '../core/simulation';
import { ms } from '../core/time';
import { POD_SPECS } from './cast';
import { handleAttemptEvent } from './attempts';
import { startCall } from './calls';
import { killPod, onKubeProxySync, onProbeFailed, onProbeTick, restorePod } from './kube';
import { DEFAULT_RPS, PROBE_DEFAULTS, log, scheduleTick } from './state';
import {
  CALLERS,
  type CallerName,
  type CallerState,
  type DirectCommand,
  type DirectEvent,
  type DirectOptions,
  type DirectSim,
  type DirectState,
  type DirectTrace,
  type PodState,
} from './types';

function setRate(sim: DirectSim, rps: number): void {
  const s = sim.state;
  s.perCallerRps = Math.max(0, rps);
  for (const name of CALLERS) {
    const c = s.callers[name];
    if (c.tick !== null) sim.cancel(c.tick);
    c.tick = scheduleTick(sim, name, s.perCallerRps);
  }
  log(sim, 'traffic', `Each caller now makes ${s.perCallerRps} calls per second.`);
}

/** The model definition for the given options. */
export function directModel(
  options: DirectOptions = {},
): ModelDef<DirectState, DirectEvent, DirectCommand, DirectTrace> {
  const rps = options.perCallerRps ?? DEFAULT_RPS;
  const probe = {
    periodUs: ms(options.probePeriodMs ?? PROBE_DEFAULTS.periodMs),
    timeoutUs: ms(PROBE_DEFAULTS.timeoutMs),
    failureThreshold: options.probeFailureThreshold ?? PROBE_DEFAULTS.failureThreshold,
  };
  return {
    init(sim) {
      const callers = {} as Record<CallerName, CallerState>;
      for (const name of CALLERS) {
        callers[name] = {
          name,
          counters: { calls: 0, ok: 0, failed: 0, retries: 0, timeouts: 0, inFlight: 0 },
          lastOutcome: null,
          lastOk: null,
          rr: 0,
          dns: null,
          tick: scheduleTick(sim, name, rps),
          quiet: false,
        };
      }
      const pods: PodState[] = POD_SPECS.map((p) => ({
        name: p.name,
        ip: p.ip,
        version: p.version,
        up: true,
        ready: true,
        failures: 0,
        serviceMeanUs: ms(p.serviceMs),
      }));
      // Each pod's probe runs on its own ticker, at a phase of its own.
      for (const p of pods)
        sim.schedule(sim.rng.int(probe.periodUs), { type: 'probe.tick', pod: p.name });
      return {
        perCallerRps: rps,
        callers,
        pods,
        endpoints: pods.map((p) => p.name),
        kubeProxy: pods.map((p) => p.ip),
        kubeProxySync: null,
        calls: {},
        nextId: 1,
        recent: [],
        log: [],
        probe,
      };
    },
    handle(sim, ev) {
      switch (ev.type) {
        case 'caller.tick': {
          const c = sim.state.callers[ev.caller];
          c.tick = scheduleTick(sim, ev.caller, sim.state.perCallerRps);
          startCall(sim, ev.caller);
          return;
        }
        case 'attempt.start':
        case 'attempt.connected':
        case 'attempt.refused':
        case 'attempt.tlsDone':
        case 'attempt.response':
        case 'attempt.timeout':
          handleAttemptEvent(sim, ev);
          return;
        case 'probe.tick':
          onProbeTick(sim, ev.pod);
          return;
        case 'probe.result':
          onProbeFailed(sim, ev.pod);
          return;
        case 'kubeproxy.sync':
          onKubeProxySync(sim);
          return;
      }
    },
    applyCommand(sim, command) {
      // The queue drops cancelled entries lazily, when its head is peeked. A live command comes
      // after advanceTo's last peek, a replayed one before it; peeking here first makes both
      // paths reuse the same queue slots, so event ids (kept in the state) replay exactly.
      sim.nextEventTime();
      sim.emit({ t: sim.now, type: 'command', command });
      switch (command.kind) {
        case 'pod.kill':
          killPod(sim, command.pod);
          return;
        case 'pod.restore':
          restorePod(sim, command.pod);
          return;
        case 'traffic.rate':
          setRate(sim, command.perCallerRps);
          return;
      }
    },
  };
}
