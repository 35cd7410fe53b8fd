/**
 * Istiod → sidecar DiscoveryResponses. State of the world: CDS and LDS always carry every
 * resource (a missing one means delete); EDS/RDS carry whole named resources. Delta: only the
 * resources whose version changed, plus `removed_resources`. Every response of one push carries
 * the PushContext version; each gets its own nonce. Types go out in Istiod's push order
 * CDS → EDS → LDS → RDS; when CDS changes a cluster, its EDS is sent too (Envoy needs a new
 * ClusterLoadAssignment to finish warming, envoy#13009).
 */
import { TYPE_URL, type XdsType } from '../contract';
import { PUSH_ORDER, type ProxyResources, type XdsResource } from '../envoy';
import { makeNonce } from '../format';
import { sendXds } from '../network';
import type { MeshSim } from '../types';
import { endpointsOfHosts, generateFor } from '../resources';
import { typesFor } from './scope';
import type { Connection, PushRequest } from './types';

/** What Istiod would send to `pod` now. */
export function resourcesFor(sim: MeshSim, pod: string): ProxyResources {
  return generateFor(sim.state, pod);
}

const hashCache = new WeakMap<Record<string, XdsResource>, Record<string, string>>();

/**
 * Name → hash maps that respond() copied for one connection: referenced by that connection's
 * TypeSync alone, so they may be updated in place. A checkpoint's clone is a different object (not
 * in the set) and is copied again before its first write, so a restored state never shares one.
 */
const ownMaps = new WeakSet<Record<string, string>>();

/** name → hash of a whole resource set (memoised per set object; treat as read-only). */
function hashesOf(all: Record<string, XdsResource>): Record<string, string> {
  let h = hashCache.get(all);
  if (!h) {
    h = {};
    for (const n in all) h[n] = (all[n] as XdsResource).hash;
    hashCache.set(all, h);
  }
  return h;
}

/**
 * Sends one response of `type` on `conn`. `names` limits EDS to some clusters (incremental push).
 * `initial` answers a (re)subscription even when nothing changed. Returns resources sent.
 */
export function respond(
  sim: MeshSim,
  conn: Connection,
  type: XdsType,
  res: ProxyResources,
  opts: {
    names?: readonly string[];
    initial: boolean;
    pushId: number;
    force?: ReadonlySet<string>;
  },
): number {
  const i = sim.state.istiod;
  const delta = sim.state.options.delta;
  const sync = conn.types[type];
  const all = res[type] as Record<string, XdsResource>;
  const names = opts.names ?? Object.keys(all);
  const send: XdsResource[] = [];
  let removed: string[] = [];
  if (delta) {
    for (const n of names) {
      const r = all[n];
      if (r && (sync.sentHashes[n] !== r.hash || opts.force?.has(n))) send.push(r);
    }
    if (!opts.names) removed = Object.keys(sync.sentHashes).filter((n) => !all[n]);
    if (send.length === 0 && removed.length === 0 && !opts.initial) return 0;
  } else {
    for (const n of names) {
      const r = all[n];
      if (r) send.push(r);
    }
    if (type === 'EDS' && send.length === 0 && !opts.initial) return 0;
  }
  if (!delta && !opts.names) {
    // The whole set was sent: share one (never mutated) name → hash map per resource set.
    sync.sentHashes = hashesOf(all);
  } else {
    // Copy on write: the map may be shared with other connections. A copy made here belongs to
    // this one connection only, so later writes go into it in place (same keys, same order).
    let next = sync.sentHashes;
    if (!ownMaps.has(next)) {
      next = { ...next };
      ownMaps.add(next);
    }
    for (const r of send) next[r.name] = r.hash;
    for (const n of removed) delete next[n];
    sync.sentHashes = next;
  }
  const version = i.pushVersion ?? '';
  const nonce = makeNonce(version, sim.rng);
  let bytes = 64;
  for (const r of send) bytes += r.bytes;
  sync.sentNonce = nonce;
  sync.sentVersion = version;
  sync.sentAt = sim.now;
  i.metrics.pilot_xds_pushes[type] = (i.metrics.pilot_xds_pushes[type] ?? 0) + 1;
  i.metrics.pilot_xds_config_size_bytes = bytes;
  sendXds(sim, {
    pod: conn.pod,
    streamId: conn.streamId,
    direction: 'down',
    kind: 'DiscoveryResponse',
    xds: type,
    versionInfo: version,
    nonce,
    resources: send.map((r) => r.hash),
    removed,
    delta,
    bytes,
    pushId: opts.pushId,
  });
  const shown = send.length > 20 ? send.slice(0, 20) : send;
  sim.emit({
    t: sim.now,
    type: 'xds.response',
    pod: conn.pod,
    xds: type,
    typeUrl: TYPE_URL[type],
    version,
    nonce,
    resources: shown.map((r) => r.name),
    resourceCount: send.length,
    removed: removed.length,
    bytes,
    delta,
    pushId: opts.pushId,
  });
  return send.length;
}

/** Pushes one merged request to one proxy; returns the time the push holds its throttle slot. */
export function pushToProxy(sim: MeshSim, conn: Connection, req: PushRequest): number {
  const types = typesFor(req);
  let edsNames: string[] | undefined;
  let res: ProxyResources;
  if (!req.full) {
    // Incremental (EDS-only) push: only the changed services' endpoints are computed and sent.
    const eds = endpointsOfHosts(sim.state, conn.pod, req.services);
    res = { CDS: {}, EDS: eds, LDS: {}, RDS: {} };
    edsNames = Object.keys(eds);
  } else res = resourcesFor(sim, conn.pod);
  // Clusters this CDS push changes warm until they get a ClusterLoadAssignment: send EDS for
  // them even when their endpoints did not change (Istio's WarmingDependencies, envoy#13009).
  let warming: Set<string> | undefined;
  if (req.full && types.has('CDS') && conn.types.CDS.watched) {
    const cds = conn.types.CDS.sentHashes;
    const changed = Object.keys(res.EDS).filter((n) => res.CDS[n] && cds[n] !== res.CDS[n]?.hash);
    if (changed.length) {
      warming = new Set(changed);
      if (!types.has('EDS')) {
        types.add('EDS');
        edsNames = changed;
      }
    }
  }
  let count = 0;
  const pushId = ++sim.state.istiod.pushId;
  for (const t of PUSH_ORDER) {
    if (!types.has(t) || !conn.types[t].watched) continue;
    const opts: {
      names?: readonly string[];
      initial: boolean;
      pushId: number;
      force?: ReadonlySet<string>;
    } = { initial: false, pushId };
    if (t === 'EDS' && edsNames) opts.names = edsNames;
    if (t === 'EDS' && warming) opts.force = warming;
    count += respond(sim, conn, t, res, opts);
  }
  return 150 + 2 * count;
}
