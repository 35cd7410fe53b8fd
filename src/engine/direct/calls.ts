/** The start of a call: the caller's way of finding payments (hard-coded, cached DNS, ClusterIP). */
import { MILLISECOND } from '../core/time';
import { PAYMENTS_CLUSTER_IP, PROFILES, hostPort } from './cast';
import { startAttempt } from './attempts';
import { emit, log, readyIps } from './state';
import { formatDuration, outcomeText } from './text';
import type { CallState, CallerName, CallerState, DirectSim } from './types';

/** Starts one call: finds the address the way this caller's library does, then dials. */
export function startCall(sim: DirectSim, name: CallerName): void {
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
export function lookUp(sim: DirectSim, caller: CallerState): void {
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

/** The lookup returned no address: the call fails before any attempt. */
export function failUnknownHost(sim: DirectSim, caller: CallerState, id: number): void {
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
