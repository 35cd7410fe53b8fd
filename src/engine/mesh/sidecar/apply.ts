/**
 * How Envoy applies one DiscoveryResponse (docs/fidelity.md §1.2–1.4): validate; CDS applies the valid
 * clusters even when others fail (the response is still NACKed); unchanged clusters are skipped;
 * a new or updated EDS cluster warms until its ClusterLoadAssignment arrives (the old one keeps
 * serving); a listener whose route config is not there yet warms until RDS delivers it; routes
 * are not warmed; SotW CDS/LDS responses replace the whole set (missing = deleted). Any other
 * type that fails validation is rejected whole: the last good config stays.
 */
import { envoyRejects, type EnvoyResource } from '../../config';
import { mustResource } from '../blobs';
import type { XdsResource } from '../envoy';
import type { XdsType } from '../contract';
import type { SidecarState, XdsMessage } from '../types';

/** Envoy's verdict on one resource (the config module's `envoyRejects`), memoised by content. */
export function validate(r: XdsResource): string | null {
  let v = verdicts.get(r.hash);
  if (v === undefined) {
    v = envoyRejects(r.envoy as EnvoyResource) ?? '';
    verdicts.set(r.hash, v);
  }
  return v || null;
}
const verdicts = new Map<string, string>();

/**
 * Remembers the response that last changed a resource (`version_info` and `last_updated` per
 * resource in /config_dump; unchanged resources keep their old stamp).
 */
function stamp(sc: SidecarState, t: XdsType, name: string, msg: XdsMessage): void {
  sc.stamps[t][name] = `${msg.versionInfo}@${msg.arriveAt}`;
}

function removedNames(
  msg: XdsMessage,
  current: readonly string[],
  incoming: Record<string, unknown>,
): string[] {
  if (msg.delta) return msg.removed ?? [];
  return current.filter((n) => !(n in incoming));
}

function applyCds(sc: SidecarState, msg: XdsMessage): string | null {
  const incoming = new Set<string>();
  let errors: string[] | null = null;
  for (const h of msg.resources ?? []) {
    const r = mustResource<'CDS'>(h);
    const name = r.name;
    incoming.add(name);
    const err = validate(r);
    if (err) {
      (errors ??= []).push(`${name}: ${err}`);
      continue;
    }
    if (sc.active.CDS[name] === h) {
      if (sc.warmingClusters[name] !== undefined) delete sc.warmingClusters[name];
      continue;
    }
    stamp(sc, 'CDS', name, msg);
    if (r.body.type === 'EDS') sc.warmingClusters[name] = h;
    else sc.active.CDS[name] = h;
  }
  const gone = msg.delta
    ? (msg.removed ?? [])
    : [...Object.keys(sc.active.CDS), ...Object.keys(sc.warmingClusters)].filter(
        (n) => !incoming.has(n),
      );
  for (const name of gone) {
    if (errors?.some((e) => e.startsWith(name + ':'))) continue;
    delete sc.active.CDS[name];
    delete sc.warmingClusters[name];
    delete sc.active.EDS[name];
    delete sc.stamps.CDS[name];
    delete sc.stamps.EDS[name];
  }
  if (!errors) return null;
  return `Error adding/updating cluster(s) ${errors.join(', ')}`.slice(0, 512);
}

function incomingOf(msg: XdsMessage): Record<string, XdsResource> {
  const out: Record<string, XdsResource> = {};
  for (const h of msg.resources ?? []) {
    const r = mustResource(h);
    out[r.name] = r;
  }
  return out;
}

function applyEds(sc: SidecarState, msg: XdsMessage): null {
  for (const h of msg.resources ?? []) {
    const name = mustResource(h).name;
    if (sc.active.EDS[name] !== h) stamp(sc, 'EDS', name, msg);
    sc.active.EDS[name] = h;
    const warm = sc.warmingClusters[name];
    if (warm !== undefined) {
      sc.active.CDS[name] = warm;
      delete sc.warmingClusters[name];
    }
  }
  if (msg.delta) for (const n of msg.removed ?? []) delete sc.active.EDS[n];
  return null;
}

function applyLds(sc: SidecarState, msg: XdsMessage): null {
  const incoming = incomingOf(msg);
  for (const name of Object.keys(incoming)) {
    const r = incoming[name] as XdsResource<'LDS'>;
    if (sc.active.LDS[name] === r.hash) continue;
    const rds = r.body.rds_route_config_name;
    stamp(sc, 'LDS', name, msg);
    if (rds && sc.active.RDS[rds] === undefined) sc.warmingListeners[name] = r.hash;
    else sc.active.LDS[name] = r.hash;
  }
  const current = [
    ...new Set([...Object.keys(sc.active.LDS), ...Object.keys(sc.warmingListeners)]),
  ];
  for (const name of removedNames(msg, current, incoming)) {
    delete sc.active.LDS[name];
    delete sc.warmingListeners[name];
    delete sc.stamps.LDS[name];
  }
  return null;
}

function applyRds(sc: SidecarState, msg: XdsMessage): null {
  for (const h of msg.resources ?? []) {
    const name = mustResource(h).name;
    const old = sc.active.RDS[name];
    if (old !== h) {
      stamp(sc, 'RDS', name, msg);
      // The route configuration this one replaces: what "before → after" compares (scene 10).
      if (old !== undefined) (sc.replacedRoutes ??= {})[name] = old;
    }
    sc.active.RDS[name] = h;
    for (const [ln, lh] of Object.entries(sc.warmingListeners)) {
      if (mustResource<'LDS'>(lh).body.rds_route_config_name === name) {
        sc.active.LDS[ln] = lh;
        delete sc.warmingListeners[ln];
      }
    }
  }
  if (msg.delta) for (const n of msg.removed ?? []) delete sc.active.RDS[n];
  return null;
}

/** Applies a response; returns the NACK error text, or null when accepted. */
export function applyResponse(sc: SidecarState, msg: XdsMessage): string | null {
  if (msg.xds === 'CDS') return applyCds(sc, msg);
  for (const h of msg.resources ?? []) {
    const err = validate(mustResource(h));
    if (err) return err.slice(0, 512);
  }
  if (msg.xds === 'EDS') return applyEds(sc, msg);
  if (msg.xds === 'LDS') return applyLds(sc, msg);
  return applyRds(sc, msg);
}

/** True when `map` has no entries. */
export function isEmpty(map: Record<string, unknown>): boolean {
  for (const _ in map) return false;
  return true;
}
