/**
 * Scene 1's model: three apps call the payments pods directly, each through its own client
 * library (see cast.ts), with no proxy and no control plane. Kubernetes is here only as far as
 * the apps meet it: pod IPs, the readiness probe, the EndpointSlice, CoreDNS answers for a
 * headless Service, and kube-proxy's ClusterIP rules. See README.md for sources.
 */
import type { ModelDef } from '../core/simulation';
import { MILLISECOND, ms } from '../core/time';
import {
  OS_CONNECT_LIMIT,
  PAYMENTS_CLUSTER_IP,
  PAYMENTS_SERVICE,
  POD_SPECS,
  PROFILES,
  SYN_RETRANSMITS,
  hostPort,
  podOfIp,
} from './cast';
import { callSentence, formatDuration, outcomeText } from './text';
import {
  CALLERS,
  type AttemptFailure,
  type CallFailure,
  type CallState,
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

/** Log lines kept. */
export const LOG_MAX = 200;
/** Finished attempts kept for `recentOutcomes`. */
export const RECENT_MAX = 100;
/** Kubernetes' readiness probe defaults: periodSeconds 10, timeoutSeconds 1, failureThreshold 3. */
export const PROBE_DEFAULTS = { periodMs: 10_000, timeoutMs: 1_000, failureThreshold: 3 };
export const DEFAULT_RPS = 4;

type Kind = 'traffic' | 'fault' | 'dns';

function log(sim: DirectSim, kind: Kind, text: string): void {
  const rows = sim.state.log;
  rows.push({ t: sim.now, text, kind });
  if (rows.length > LOG_MAX) rows.splice(0, rows.length - LOG_MAX);
}

function emit(sim: DirectSim, entry: DirectTrace): void {
  sim.emit(entry);
}

function meanGapUs(rps: number): number {
  return Math.round(1_000_000 / rps);
}

function scheduleTick(sim: DirectSim, caller: CallerName, rps: number): number | null {
  if (!(rps > 0)) return null;
  return sim.schedule(sim.rng.exp(meanGapUs(rps)), { type: 'caller.tick', caller });
}

function podByName(s: DirectState, name: string): PodState | undefined {
  return s.pods.find((p) => p.name === name);
}

function podByIp(s: DirectState, ip: string | null): PodState | undefined {
  return ip === null ? undefined : s.pods.find((p) => p.ip === ip);
}

function readyIps(s: DirectState): string[] {
  return s.pods.filter((p) => p.ready).map((p) => p.ip);
}

function recordOutcome(sim: DirectSim, call: CallState, reason: AttemptFailure | null): void {
  const recent = sim.state.recent;
  recent.push({
    t: sim.now,
    caller: call.caller,
    id: call.id,
    attempt: call.attempt,
    address: call.address,
    ip: call.ip,
    pod: call.pod,
    ok: reason === null,
    reason,
  });
  if (recent.length > RECENT_MAX) recent.splice(0, recent.length - RECENT_MAX);
}

// ---------------------------------------------------------------------------------------------
// Calls

function startCall(sim: DirectSim, name: CallerName): void {
  const s = sim.state;
  const caller = s.callers[name];
  const profile = PROFILES[name];
  const id = s.nextId++;
  caller.counters.calls++;
  caller.counters.inFlight++;
  emit(sim, { t: sim.now, type: 'call.start', caller: name, id, url: profile.url });

  let addresses: string[];
  let first: string;
  let how: 'hard-coded' | 'cached-dns' | 'fresh-dns' | 'cluster-ip';
  if (profile.discovery === 'hard-coded') {
    addresses = [hostPort(profile.host)];
    first = addresses[0] as string;
    how = 'hard-coded';
  } else if (profile.discovery === 'cluster-ip') {
    addresses = [hostPort(PAYMENTS_CLUSTER_IP)];
    first = addresses[0] as string;
    how = 'cluster-ip';
  } else {
    const cache = caller.dns;
    if (cache && sim.now < cache.expiresAt) {
      how = 'cached-dns';
    } else {
      lookUp(sim, caller);
      how = 'fresh-dns';
    }
    addresses = (caller.dns?.addresses ?? []).slice();
    if (addresses.length === 0) {
      failUnknownHost(sim, caller, id);
      return;
    }
    first = addresses[caller.rr % addresses.length] as string;
  }
  emit(sim, {
    t: sim.now,
    type: 'call.resolve',
    caller: name,
    id,
    name: profile.host,
    address: first,
    how,
  });
  const call: CallState = {
    id,
    caller: name,
    startedAt: sim.now,
    attempt: 1,
    phase: 'connecting',
    addresses,
    address: first,
    ip: null,
    pod: null,
    since: sim.now,
    arriveAt: null,
    timeoutAt: null,
    stalled: false,
    rttUs: 0,
    connectStartedAt: sim.now,
    pending: null,
    timer: null,
    failures: [],
  };
  s.calls[id] = call;
  startAttempt(sim, call);
}

/** A DNS lookup of the headless Service: one A record per ready pod, cached by the JVM. */
function lookUp(sim: DirectSim, caller: CallerState): void {
  const profile = PROFILES[caller.name];
  const addresses = readyIps(sim.state).map(hostPort);
  const ttl = addresses.length > 0 ? profile.dnsTtl : profile.dnsNegativeTtl;
  caller.dns = { name: profile.host, addresses, resolvedAt: sim.now, expiresAt: sim.now + ttl };
  emit(sim, {
    t: sim.now,
    type: 'dns.refresh',
    caller: caller.name,
    name: profile.host,
    addresses,
    ttlMs: ttl / MILLISECOND,
  });
  caller.quiet = false;
  log(
    sim,
    'dns',
    addresses.length > 0
      ? `${caller.name} looked up ${profile.host}: ${addresses.join(', ')}; the JVM keeps this answer for ${formatDuration(ttl)}.`
      : `${caller.name} looked up ${profile.host}: no such host (no ready pod); the JVM remembers that for ${formatDuration(ttl)}.`,
  );
}

function failUnknownHost(sim: DirectSim, caller: CallerState, id: number): void {
  caller.counters.inFlight--;
  caller.counters.failed++;
  emit(sim, {
    t: sim.now,
    type: 'call.done',
    caller: caller.name,
    id,
    ok: false,
    code: null,
    error: 'unknown host',
    attempts: 0,
    latencyMs: 0,
    pod: null,
  });
  caller.lastOk = false;
  caller.lastOutcome = outcomeText(false, null, 0, 0, 'unknown host');
  caller.quiet = false;
  log(
    sim,
    'traffic',
    `${caller.name}: UnknownHostException for ${PROFILES[caller.name].host}; the call fails.`,
  );
}

function startAttempt(sim: DirectSim, call: CallState): void {
  const s = sim.state;
  const caller = s.callers[call.caller];
  const profile = PROFILES[call.caller];
  let address: string;
  let ip: string | null;
  if (profile.discovery === 'dns-cache') {
    address = call.addresses[caller.rr % call.addresses.length] as string;
    caller.rr++;
    ip = address.slice(0, address.lastIndexOf(':'));
  } else if (profile.discovery === 'cluster-ip') {
    address = call.addresses[0] as string;
    // kube-proxy (iptables mode): a random endpoint per new connection, among those it has
    // programmed; no endpoint at all: a REJECT rule.
    ip = s.kubeProxy.length > 0 ? sim.rng.pick(s.kubeProxy) : null;
  } else {
    address = call.addresses[0] as string;
    ip = profile.host;
  }
  const pod = podOfIp(ip)?.name ?? null;
  const rtt = sim.rng.between(200, 600);
  call.phase = 'connecting';
  call.address = address;
  call.ip = ip;
  call.pod = pod;
  call.since = sim.now;
  call.connectStartedAt = sim.now;
  call.rttUs = rtt;
  call.stalled = false;
  emit(sim, {
    t: sim.now,
    type: 'call.connect',
    caller: call.caller,
    id: call.id,
    attempt: call.attempt,
    address,
    ip,
    pod,
  });
  const ref = { id: call.id, attempt: call.attempt };
  if (ip === null) {
    const half = Math.max(1, Math.round(rtt / 2));
    call.pending = sim.schedule(half, { type: 'attempt.refused', ...ref });
    call.arriveAt = sim.now + half;
  } else if (podByIp(s, ip)?.up) {
    call.pending = sim.schedule(rtt, { type: 'attempt.connected', ...ref });
    call.arriveAt = sim.now + rtt;
  } else {
    // The SYN is dropped; the kernel retransmits it (1 s, 3 s, 7 s...) until the app gives up.
    call.pending = null;
    call.arriveAt = null;
    call.stalled = true;
  }
  const limit = Math.min(profile.connectTimeout, OS_CONNECT_LIMIT);
  call.timer = sim.schedule(limit, { type: 'attempt.timeout', ...ref, kind: 'connect' });
  call.timeoutAt = sim.now + limit;
}

function current(sim: DirectSim, id: number, attempt: number): CallState | undefined {
  const call = sim.state.calls[id];
  return call && call.attempt === attempt ? call : undefined;
}

function clearTimer(sim: DirectSim, call: CallState): void {
  if (call.timer !== null) sim.cancel(call.timer);
  call.timer = null;
  call.timeoutAt = null;
}

function clearPending(sim: DirectSim, call: CallState): void {
  if (call.pending !== null) sim.cancel(call.pending);
  call.pending = null;
}

function onConnected(sim: DirectSim, call: CallState): void {
  const profile = PROFILES[call.caller];
  clearTimer(sim, call);
  call.pending = null;
  if (profile.responseTimeout !== null) {
    call.timer = sim.schedule(profile.responseTimeout, {
      type: 'attempt.timeout',
      id: call.id,
      attempt: call.attempt,
      kind: 'response',
    });
    call.timeoutAt = sim.now + profile.responseTimeout;
  }
  if (profile.tls === 'none') {
    send(sim, call);
    return;
  }
  // TLS 1.3 in the app: one round trip plus the crypto and the certificate check.
  call.phase = 'tls';
  call.since = sim.now;
  const d = call.rttUs + sim.rng.between(800, 1500);
  call.pending = sim.schedule(d, { type: 'attempt.tlsDone', id: call.id, attempt: call.attempt });
  call.arriveAt = sim.now + d;
}

function send(sim: DirectSim, call: CallState): void {
  const pod = podByIp(sim.state, call.ip);
  const podName = pod?.name ?? call.pod ?? '?';
  emit(sim, {
    t: sim.now,
    type: 'call.send',
    caller: call.caller,
    id: call.id,
    attempt: call.attempt,
    pod: podName,
  });
  call.phase = 'request';
  call.since = sim.now;
  call.pending = null;
  if (!pod || !pod.up) {
    call.arriveAt = null;
    call.stalled = true;
    return;
  }
  const service = MILLISECOND + sim.rng.exp(Math.max(1, pod.serviceMeanUs - MILLISECOND));
  const d = call.rttUs + service;
  call.pending = sim.schedule(d, { type: 'attempt.response', id: call.id, attempt: call.attempt });
  call.arriveAt = sim.now + d;
}

function attemptFailed(sim: DirectSim, call: CallState, reason: AttemptFailure): void {
  const s = sim.state;
  const caller = s.callers[call.caller];
  const profile = PROFILES[call.caller];
  clearPending(sim, call);
  clearTimer(sim, call);
  emit(sim, {
    t: sim.now,
    type: 'call.attemptFailed',
    caller: call.caller,
    id: call.id,
    attempt: call.attempt,
    address: call.address,
    ip: call.ip,
    pod: call.pod,
    reason,
  });
  recordOutcome(sim, call, reason);
  call.failures.push({
    attempt: call.attempt,
    address: call.address,
    pod: call.pod,
    reason,
    tookUs: sim.now - call.connectStartedAt,
  });
  if (call.attempt <= profile.retries) {
    const backoffMs = profile.backoffMs[call.attempt - 1] ?? 0;
    call.attempt++;
    caller.counters.retries++;
    emit(sim, {
      t: sim.now,
      type: 'call.retry',
      caller: call.caller,
      id: call.id,
      attempt: call.attempt,
      backoffMs,
    });
    if (backoffMs > 0) {
      call.phase = 'backoff';
      call.since = sim.now;
      call.stalled = false;
      call.pending = sim.schedule(ms(backoffMs), {
        type: 'attempt.start',
        id: call.id,
        attempt: call.attempt,
      });
      call.arriveAt = sim.now + ms(backoffMs);
    } else {
      startAttempt(sim, call);
    }
    return;
  }
  finishCall(sim, call, false, reason);
}

function finishCall(sim: DirectSim, call: CallState, ok: boolean, error: CallFailure | null): void {
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

// ---------------------------------------------------------------------------------------------
// Kubernetes: readiness, EndpointSlice, kube-proxy

function updateEndpoints(sim: DirectSim, change: string): void {
  const s = sim.state;
  const ready = s.pods.filter((p) => p.ready);
  s.endpoints = ready.map((p) => p.name);
  emit(sim, {
    t: sim.now,
    type: 'endpoints.update',
    service: PAYMENTS_SERVICE,
    ready: ready.map((p) => p.name),
    addresses: ready.map((p) => p.ip),
  });
  log(
    sim,
    'dns',
    `EndpointSlice for payments: ${change}. Ready: ${s.endpoints.length > 0 ? s.endpoints.join(', ') : 'none'}. DNS answers change now; kube-proxy follows on its next sync.`,
  );
  // kube-proxy watches EndpointSlices and rewrites its iptables rules shortly after.
  if (s.kubeProxySync === null)
    s.kubeProxySync = sim.schedule(sim.rng.between(ms(50), ms(300)), { type: 'kubeproxy.sync' });
}

function onProbeTick(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod) return;
  sim.schedule(s.probe.periodUs, { type: 'probe.tick', pod: name });
  if (!pod.up) {
    // The probe's connection hangs like everyone else's, until timeoutSeconds.
    sim.schedule(s.probe.timeoutUs, { type: 'probe.result', pod: name });
    return;
  }
  pod.failures = 0;
  if (!pod.ready) {
    pod.ready = true;
    emit(sim, { t: sim.now, type: 'probe.passed', pod: name });
    log(sim, 'fault', `kubelet: ${name} passed its readiness probe; it is Ready again.`);
    updateEndpoints(sim, `${name} is ready again`);
  }
}

function onProbeFailed(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod) return;
  pod.failures++;
  const threshold = s.probe.failureThreshold;
  emit(sim, { t: sim.now, type: 'probe.failed', pod: name, failures: pod.failures, threshold });
  if (pod.failures <= threshold)
    log(
      sim,
      'fault',
      `kubelet: readiness probe of ${name} got no answer in ${formatDuration(s.probe.timeoutUs)} (${pod.failures} of ${threshold}).`,
    );
  if (pod.failures >= threshold && pod.ready) {
    pod.ready = false;
    updateEndpoints(sim, `${name} (${pod.ip}) is no longer ready`);
  }
}

function onKubeProxySync(sim: DirectSim): void {
  const s = sim.state;
  s.kubeProxySync = null;
  s.kubeProxy = readyIps(s);
  const endpoints = s.kubeProxy.map(hostPort);
  emit(sim, {
    t: sim.now,
    type: 'kubeproxy.sync',
    service: PAYMENTS_SERVICE,
    clusterIP: PAYMENTS_CLUSTER_IP,
    endpoints,
  });
  log(
    sim,
    'dns',
    endpoints.length > 0
      ? `kube-proxy rewrote the rules for ${hostPort(PAYMENTS_CLUSTER_IP)}: a random pick among ${endpoints.join(', ')}.`
      : `kube-proxy rewrote the rules for ${hostPort(PAYMENTS_CLUSTER_IP)}: no endpoints, connections are rejected.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Commands

function killPod(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod || !pod.up) return;
  pod.up = false;
  emit(sim, { t: sim.now, type: 'pod.down', pod: pod.name, ip: pod.ip });
  log(
    sim,
    'fault',
    `${pod.name} (${pod.ip}) stops answering: packets to it are dropped and nothing replies, so connections hang until each client's own timeout.`,
  );
  for (const call of Object.values(s.calls)) {
    if (call.ip !== pod.ip || call.phase === 'backoff' || call.stalled) continue;
    clearPending(sim, call);
    call.arriveAt = null;
    call.stalled = true;
  }
}

function restorePod(sim: DirectSim, name: string): void {
  const s = sim.state;
  const pod = podByName(s, name);
  if (!pod || pod.up) return;
  pod.up = true;
  emit(sim, { t: sim.now, type: 'pod.up', pod: pod.name, ip: pod.ip });
  log(
    sim,
    'fault',
    `${pod.name} (${pod.ip}) answers again. Its readiness probe passes at its next period; until then Kubernetes still lists it as not ready.`,
  );
  // Connects in progress succeed at their next SYN retransmission, if it comes before the
  // client's timeout. Requests already sent were lost: the pod does not know them.
  for (const call of Object.values(s.calls)) {
    if (call.ip !== pod.ip || call.phase !== 'connecting' || !call.stalled) continue;
    const next = SYN_RETRANSMITS.map((d) => call.connectStartedAt + d).find((t) => t >= sim.now);
    if (next === undefined) continue;
    const at = next + call.rttUs;
    if (call.timeoutAt !== null && at >= call.timeoutAt) continue;
    call.pending = sim.scheduleAt(at, {
      type: 'attempt.connected',
      id: call.id,
      attempt: call.attempt,
    });
    call.arriveAt = at;
    call.stalled = false;
  }
}

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

// ---------------------------------------------------------------------------------------------

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
        case 'attempt.start': {
          const call = current(sim, ev.id, ev.attempt);
          if (call && call.phase === 'backoff') {
            call.pending = null;
            startAttempt(sim, call);
          }
          return;
        }
        case 'attempt.connected': {
          const call = current(sim, ev.id, ev.attempt);
          if (call && call.phase === 'connecting') onConnected(sim, call);
          return;
        }
        case 'attempt.refused': {
          const call = current(sim, ev.id, ev.attempt);
          if (call && call.phase === 'connecting') {
            call.pending = null;
            attemptFailed(sim, call, 'connection refused');
          }
          return;
        }
        case 'attempt.tlsDone': {
          const call = current(sim, ev.id, ev.attempt);
          if (!call || call.phase !== 'tls') return;
          call.pending = null;
          emit(sim, {
            t: sim.now,
            type: 'call.tls',
            caller: call.caller,
            id: call.id,
            attempt: call.attempt,
            pod: call.pod ?? '?',
          });
          send(sim, call);
          return;
        }
        case 'attempt.response': {
          const call = current(sim, ev.id, ev.attempt);
          if (!call || call.phase !== 'request') return;
          call.pending = null;
          recordOutcome(sim, call, null);
          finishCall(sim, call, true, null);
          return;
        }
        case 'attempt.timeout': {
          const call = current(sim, ev.id, ev.attempt);
          if (!call || call.phase === 'backoff') return;
          if (ev.kind === 'connect' && call.phase !== 'connecting') return;
          call.timer = null;
          sim.state.callers[call.caller].counters.timeouts++;
          const reason: AttemptFailure =
            ev.kind === 'connect' ? 'connect timeout' : PROFILES[call.caller].responseTimeoutReason;
          attemptFailed(sim, call, reason);
          return;
        }
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
      emit(sim, { t: sim.now, type: 'command', command });
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
