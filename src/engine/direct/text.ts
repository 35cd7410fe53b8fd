/** Words: durations, the closing sentence of a call, and one sentence per trace entry. */
import { MILLISECOND, SECOND } from '../core/time';
import { PORT, PROFILES } from './cast';
import type { CallState, CallerName, DirectTrace } from './types';

/** `0.4 ms`, `5.2 ms`, `100 ms`, `1.1 s`, `10 s`. */
export function formatDuration(us: number): string {
  if (us >= SECOND) {
    const s = Math.round((us / SECOND) * 10) / 10;
    return `${s} s`;
  }
  const m = us / MILLISECOND;
  if (m >= 10) return `${Math.round(m)} ms`;
  return `${Math.round(m * 10) / 10} ms`;
}

/** `10.96.0.15:8080 (kube-proxy → payments-v1-a)`, `10.244.2.21:8080 (payments-v1-a)`. */
export function describeTarget(
  caller: CallerName,
  address: string,
  ip: string | null,
  pod: string | null,
): string {
  if (PROFILES[caller].discovery === 'cluster-ip') {
    if (ip === null) return `${address} (kube-proxy: no ready endpoint)`;
    return `${address} (kube-proxy → ${pod ?? ip})`;
  }
  return pod ? `${address} (${pod})` : address;
}

/**
 * The log sentence for a finished call, e.g. "cart-1 → 10.244.2.21:8080 (payments-v1-a):
 * connect timeout after 1 s; retry 1 after 100 ms → 10.244.3.22:8080 (payments-v1-b): 200 OK,
 * 1.1 s in all."
 */
export function callSentence(call: CallState, ok: boolean, latencyUs: number): string {
  const profile = PROFILES[call.caller];
  const parts: string[] = [];
  call.failures.forEach((f, i) => {
    const target = describeTarget(call.caller, f.address, addressIp(f.address), f.pod);
    const head = i === 0 ? `${call.caller} → ${target}` : target;
    parts.push(`${head}: ${f.reason} after ${formatDuration(f.tookUs)}`);
  });
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    text += parts[i];
    if (i < parts.length - 1 || ok) {
      const backoff = profile.backoffMs[i] ?? 0;
      text += `; retry ${i + 1} ${backoff > 0 ? `after ${backoff} ms` : 'at once'} → `;
    }
  }
  if (ok) {
    const target = describeTarget(call.caller, call.address, call.ip, call.pod);
    const head = call.failures.length === 0 ? `${call.caller} → ${target}` : target;
    const tail =
      call.failures.length === 0
        ? `in ${formatDuration(latencyUs)}`
        : `${formatDuration(latencyUs)} in all`;
    return `${text}${head}: 200 OK${call.failures.length === 0 ? ' ' : ', '}${tail}.`;
  }
  if (profile.retries === 0) {
    const why = profile.discovery === 'hard-coded' ? ' (hard-coded address, no retry)' : '';
    return `${text}${why}; the call fails.`;
  }
  return `${text}; gave up after ${call.failures.length} attempts (${formatDuration(latencyUs)} in all).`;
}

/** A short "last outcome" for a caller's card. */
export function outcomeText(
  ok: boolean,
  pod: string | null,
  latencyUs: number,
  attempts: number,
  error: string | null,
): string {
  if (ok) {
    const retries = attempts - 1;
    const r = retries > 0 ? ` after ${retries} retr${retries === 1 ? 'y' : 'ies'}` : '';
    return `200 from ${pod ?? '?'} in ${formatDuration(latencyUs)}${r}`;
  }
  if (attempts === 0) return `failed: ${error ?? 'error'}`;
  return `failed after ${attempts} attempt${attempts === 1 ? '' : 's'} (${formatDuration(latencyUs)}): ${error ?? 'error'}`;
}

function addressIp(address: string): string {
  const i = address.lastIndexOf(':');
  return i < 0 ? address : address.slice(0, i);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function resolveSentence(e: Extract<DirectTrace, { type: 'call.resolve' }>): string {
  switch (e.how) {
    case 'hard-coded':
      return `${e.caller} uses the address written in its config, ${e.address}.`;
    case 'cached-dns':
      return `${e.caller} takes ${e.address} from its cached DNS answer for ${e.name}.`;
    case 'fresh-dns':
      return `${e.caller} looked ${e.name} up again and will dial ${e.address}.`;
    case 'cluster-ip':
      return `${e.caller} resolves ${e.name} to the ClusterIP ${e.address}; kube-proxy will pick a pod.`;
  }
}

/** One English sentence per trace entry (event stepping says which event ran). */
export function describeEntry(e: DirectTrace): string {
  switch (e.type) {
    case 'command': {
      const c = e.command;
      if (c.kind === 'pod.kill') return `Command: kill ${c.pod} (its IP stops answering).`;
      if (c.kind === 'pod.restore') return `Command: restore ${c.pod} (same pod, same IP).`;
      return `Command: each caller now makes ${c.perCallerRps} calls per second.`;
    }
    case 'call.start':
      return `${e.caller} starts call #${e.id} to ${e.url}.`;
    case 'call.resolve':
      return resolveSentence(e);
    case 'dns.refresh':
      return e.addresses.length > 0
        ? `${e.caller} looked up ${e.name}: ${e.addresses.join(', ')} (cached for ${formatDuration(e.ttlMs * MILLISECOND)}).`
        : `${e.caller} looked up ${e.name}: no such host (cached for ${formatDuration(e.ttlMs * MILLISECOND)}).`;
    case 'call.connect': {
      const n = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
      if (PROFILES[e.caller].discovery === 'cluster-ip') {
        if (e.ip === null)
          return `${e.caller} dials ${e.address}${n}; kube-proxy has no ready endpoint and rejects it.`;
        return `${e.caller} dials ${e.address}${n}; kube-proxy sends the connection to ${e.pod ?? e.ip}.`;
      }
      return `${e.caller} dials ${e.address}${e.pod ? ` (${e.pod})` : ''}${n}.`;
    }
    case 'call.tls':
      return `${e.caller} completed the TLS handshake with ${e.pod} in its own code and accepted the certificate.`;
    case 'call.send':
      return `${e.caller} sends the charge request to ${e.pod}.`;
    case 'call.attemptFailed':
      return `${e.caller}'s attempt ${e.attempt} to ${e.address}${e.pod ? ` (${e.pod})` : ''} failed: ${e.reason}.`;
    case 'call.retry':
      return `${e.caller} retries (attempt ${e.attempt}) ${e.backoffMs > 0 ? `after a ${e.backoffMs} ms backoff` : 'at once, no backoff'}.`;
    case 'call.done':
      return e.ok
        ? `${e.caller}'s call #${e.id} got 200 from ${e.pod ?? '?'} in ${formatDuration(e.latencyMs * MILLISECOND)} (${plural(e.attempts, 'attempt')}).`
        : `${e.caller} gave up on call #${e.id} after ${plural(e.attempts, 'attempt')}: ${e.error ?? 'error'}.`;
    case 'probe.failed':
      return `The kubelet's readiness probe of ${e.pod} got no answer (${e.failures} of ${e.threshold} failures).`;
    case 'probe.passed':
      return `${e.pod} passed its readiness probe and is ready again.`;
    case 'endpoints.update':
      return `The ${e.service} EndpointSlice now lists ${e.ready.length > 0 ? e.ready.join(', ') : 'no pod'} as ready.`;
    case 'kubeproxy.sync':
      return `kube-proxy reprogrammed ${e.clusterIP}:${PORT}: ${e.endpoints.length > 0 ? e.endpoints.join(', ') : 'REJECT, no endpoints'}.`;
    case 'pod.down':
      return `${e.pod} (${e.ip}) stops answering: packets to it are dropped.`;
    case 'pod.up':
      return `${e.pod} (${e.ip}) answers again.`;
  }
}
