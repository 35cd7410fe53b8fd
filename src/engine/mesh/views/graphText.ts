/**
 * Sentences for the call-graph traffic model's commands and trace entries (scenes 6–8), with
 * Envoy's names. `describeMeshEntry` and `commandText` (../sceneModel.ts) delegate here.
 * Attempts are counted from 1 on screen (the entries count from 0).
 */
import type { MeshCommand, MeshTraceOf } from '../contract';

type GraphCommand = Extract<
  MeshCommand,
  { kind: 'service.fail' | 'traffic.users' | 'load.start' | 'load.stop' | 'traffic.mark' }
>;

/** The entries described here. */
export type GraphEntry = MeshTraceOf<
  | 'outlier.response'
  | 'outlier.decremented'
  | 'lb.pick'
  | 'pool.admit'
  | 'pool.overflow'
  | 'attempt.done'
  | 'load.done'
>;

const result = (code: number, flags: string): string =>
  `${code === 0 ? 'no response' : code}${flags !== '-' ? ` ${flags}` : ''}`;

/** A command in words. */
export function graphCommandText(c: GraphCommand): string {
  switch (c.kind) {
    case 'service.fail':
      return `make every ${c.service} pod answer 503 to ${Math.round(c.share * 100)}% of requests`;
    case 'traffic.users':
      return `set user traffic at web-1 to ${c.rps} requests/s`;
    case 'load.start':
      return `fortio in ${c.from}: -c ${c.connections} -qps ${c.qps} -n ${c.requests} http://${c.service}:8080/`;
    case 'load.stop':
      return 'stop the load generator';
    case 'traffic.mark':
      return `start a new statistics window${c.label ? ` “${c.label}”` : ''}`;
  }
}

function lbPick(e: MeshTraceOf<'lb.pick'>): string {
  const rq = `request #${e.id}${e.attempt > 0 ? ` (attempt ${e.attempt + 1})` : ''}`;
  const active = (h: string): number => e.hosts.find((x) => x.host === h)?.active ?? 0;
  const avoided = e.avoided?.length
    ? `, after re-picking away from ${e.avoided.join(', ')} (previous_hosts)`
    : '';
  const [a, b] = e.sampled ?? [];
  if (e.policy === 'LEAST_REQUEST' && a !== undefined && b !== undefined)
    return `${e.pod}’s Envoy (LEAST_REQUEST) draws ${a} (${active(a)} active) and ${b} (${active(b)} active) for ${rq}: ${e.chosen}${avoided}`;
  if (e.policy === 'RING_HASH' && e.key)
    return `${e.pod}’s Envoy (RING_HASH) hashes ${e.key} to ${e.chosen} for ${rq}${avoided}`;
  if (e.policy === 'ROUND_ROBIN')
    return `${e.pod}’s Envoy (ROUND_ROBIN) gives ${rq} to ${e.chosen}, the next of ${e.hosts.length} hosts${avoided}`;
  return `${e.pod}’s Envoy (${e.policy}) gives ${rq} to ${e.chosen}${avoided}`;
}

function outlierResponse(e: MeshTraceOf<'outlier.response'>): string {
  const head = `${e.pod}’s outlier detector sees ${e.code} from ${e.host}`;
  switch (e.decision) {
    case 'reset':
      return `${head}: a success, its consecutive 5xx count goes back to 0`;
    case 'count':
      return `${head}: ${e.consecutive} of ${e.threshold} consecutive 5xx`;
    case 'eject':
      return `${head}: ${e.threshold} consecutive 5xx, it ejects the host`;
    case 'maxEjectionPercent':
      return `${head}: ${e.threshold} consecutive 5xx, but one more ejection would pass max_ejection_percent, so the host stays`;
    case 'ejected':
      return `${head}: the host is already ejected`;
  }
}

function poolAdmit(e: MeshTraceOf<'pool.admit'>): string {
  const head = `${e.pod}’s connection pool to ${e.host}`;
  switch (e.decision) {
    case 'reuse':
      return `${head} puts request #${e.id} on an idle connection (${e.active} active)`;
    case 'connect':
      return `${head} opens a new connection; request #${e.id} is pending meanwhile (${e.pending} pending)`;
    case 'queue':
      return `${head} has no free connection: request #${e.id} waits as pending (${e.pending} pending, ${e.connections} connections)`;
    case 'dequeue':
      return `${head} gives request #${e.id} a connection after ${e.waitedMs ?? 0} ms pending`;
  }
}

function poolOverflow(e: MeshTraceOf<'pool.overflow'>): string {
  const head = `${e.pod}’s circuit breaker ${e.limit} (${e.threshold}) for ${e.cluster}`;
  if (e.result === 'queued')
    return `${head} is reached: no new connection to ${e.host}, request #${e.id} waits as pending (upstream_cx_overflow)`;
  if (e.result === 'not retried')
    return `${head} is reached: request #${e.id} is not retried, its response returns with UO (upstream_rq_retry_overflow)`;
  return `${head} overflows: request #${e.id} fails at once with 503 UO (upstream_rq_pending_overflow)`;
}

function attemptDone(e: MeshTraceOf<'attempt.done'>): string {
  const head = `Request #${e.id} from ${e.pod}, attempt ${e.attempt + 1} to ${e.host}`;
  switch (e.decision) {
    case 'retry':
      return `${head}: ${result(e.code, e.flags)}; retry in ${e.backoffMs ?? 0} ms (${e.retriesLeft} ${e.retriesLeft === 1 ? 'retry' : 'retries'} left)`;
    case 'return':
      return `${head}: ${result(e.code, e.flags)}, returned to the app`;
    case 'exhausted':
      return `${head}: ${result(e.code, e.flags)}; no retries left (URX)`;
    case 'overflow':
      return `${head}: ${result(e.code, e.flags)}; max_retries reached, returned with UO`;
    case 'routeTimeout':
      return `${head}: the route timeout ends it (504 UT)`;
  }
}

/** One sentence for one entry. */
export function describeGraphEntry(e: GraphEntry): string {
  switch (e.type) {
    case 'outlier.response':
      return outlierResponse(e);
    case 'outlier.decremented':
      return `${e.host} stayed in ${e.pod}’s load-balancing set for a whole interval: its ejection multiplier drops to ${e.multiplier}`;
    case 'lb.pick':
      return lbPick(e);
    case 'pool.admit':
      return poolAdmit(e);
    case 'pool.overflow':
      return poolOverflow(e);
    case 'attempt.done':
      return attemptDone(e);
    case 'load.done': {
      const codes = Object.keys(e.byCode)
        .sort()
        .map((c) => `${c} × ${e.byCode[c] ?? 0}`)
        .join(', ');
      return `fortio in ${e.pod} → ${e.service}: ${e.requests} calls at ${e.qps} qps, p50 ${e.p50Ms} ms, p99 ${e.p99Ms} ms (${codes || 'no calls'})`;
    }
  }
}
