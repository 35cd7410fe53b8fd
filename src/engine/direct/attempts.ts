/**
 * One attempt of a call: dial (through kube-proxy for a ClusterIP), connect or hang, TLS in the
 * app, send, response or timeout, then retry with the library's backoff or give up.
 */
import { ms, MILLISECOND } from '../core/time';
import { OS_CONNECT_LIMIT, PROFILES, podOfIp } from './cast';
import { finishCall } from './finish';
import { clearPending, clearTimer, current, emit, podByIp, recordOutcome } from './state';
import type { DirectEvent, AttemptFailure, CallState, DirectSim } from './types';

/** The engine events of an attempt. */
export type AttemptEvent = Extract<DirectEvent, { id: number }>;

/** Dials the next address: the SYN gets an answer after one RTT, or hangs (dead pod) until the connect timeout; kube-proxy rejects when it has no endpoint. */
export function startAttempt(sim: DirectSim, call: CallState): void {
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

/** Connected: arms the response timeout and starts the in-app TLS handshake (or sends at once). */
export function onConnected(sim: DirectSim, call: CallState): void {
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

/** Sends the request; the response comes after one RTT plus the pod's service time, unless the pod is down. */
export function send(sim: DirectSim, call: CallState): void {
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

/** Records a failed attempt, then retries (after the library's backoff) or gives up. */
export function attemptFailed(sim: DirectSim, call: CallState, reason: AttemptFailure): void {
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

/** The events of one attempt; stale ones (an older attempt, another phase) are ignored. */
export function handleAttemptEvent(sim: DirectSim, ev: AttemptEvent): void {
  switch (ev.type) {
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
  }
}
