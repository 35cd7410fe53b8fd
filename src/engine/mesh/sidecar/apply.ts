/**
 * How Envoy applies one DiscoveryResponse (fidelity.md §1.2–1.4): validate; CDS applies the valid
 * clusters even when others fail (the response is still NACKed); unchanged clusters are skipped;
 * a new or updated EDS cluster warms until its ClusterLoadAssignment arrives (the old one keeps
 * serving); a listener whose route config is not there yet warms until RDS delivers it; routes
 * are not warmed; SotW CDS/LDS responses replace the whole set (missing = deleted). Any other
 * type that fails validation is rejected whole: the last good config stays.
 */
import { envoyRejects, type EnvoyResource } from '../../config';
import type { XdsType } from '../contract';
import { memoize } from '../resources';
import type { ResourceMap, XdsResource } from '../envoy';
import type { SidecarState, XdsMessage } from '../types';

/** Envoy's verdict on one resource (the config module's `envoyRejects`), memoised by content. */
export function validate(r: XdsResource): string | null {
  return memoize(`v|${r.hash}`, () => envoyRejects(r.envoy as EnvoyResource) ?? '') || null;
}

function removedNames(msg: XdsMessage, current: readonly string[], incoming: Record<string, unknown>): string[] {
  if (msg.delta) return msg.removed ?? [];
  return current.filter((n) => !(n in incoming));
}

function applyCds(sc: SidecarState, msg: XdsMessage): string | null {
  const incoming: Record<string, XdsResource<'CDS'>> = {};
  for (const r of msg.resources ?? []) incoming[r.name] = r as XdsResource<'CDS'>;
  const errors: string[] = [];
  for (const name of Object.keys(incoming)) {
    const r = incoming[name] as XdsResource<'CDS'>;
    const err = validate(r);
    if (err) {
      errors.push(`${name}: ${err}`);
      continue;
    }
    sc.deltaVersions.CDS[name] = r.hash;
    if (sc.active.CDS[name]?.hash === r.hash) {
      delete sc.warmingClusters[name];
      continue;
    }
    if (r.body.type === 'EDS') sc.warmingClusters[name] = r;
    else sc.active.CDS[name] = r;
  }
  const current = [...new Set([...Object.keys(sc.active.CDS), ...Object.keys(sc.warmingClusters)])];
  for (const name of removedNames(msg, current, incoming)) {
    if (errors.some((e) => e.startsWith(name + ':'))) continue;
    delete sc.active.CDS[name];
    delete sc.warmingClusters[name];
    delete sc.active.EDS[name];
    delete sc.deltaVersions.CDS[name];
  }
  if (!errors.length) return null;
  return `Error adding/updating cluster(s) ${errors.join(', ')}`.slice(0, 512);
}

function applyEds(sc: SidecarState, msg: XdsMessage): null {
  for (const r of msg.resources ?? []) {
    sc.active.EDS[r.name] = r as XdsResource<'EDS'>;
    sc.deltaVersions.EDS[r.name] = r.hash;
    const warm = sc.warmingClusters[r.name];
    if (warm) {
      sc.active.CDS[r.name] = warm;
      delete sc.warmingClusters[r.name];
    }
  }
  if (msg.delta) for (const n of msg.removed ?? []) delete sc.active.EDS[n];
  return null;
}

function applyLds(sc: SidecarState, msg: XdsMessage): null {
  const incoming: Record<string, XdsResource<'LDS'>> = {};
  for (const r of msg.resources ?? []) incoming[r.name] = r as XdsResource<'LDS'>;
  for (const name of Object.keys(incoming)) {
    const r = incoming[name] as XdsResource<'LDS'>;
    sc.deltaVersions.LDS[name] = r.hash;
    if (sc.active.LDS[name]?.hash === r.hash) continue;
    const rds = r.body.rds_route_config_name;
    if (rds && !sc.active.RDS[rds]) sc.warmingListeners[name] = r;
    else sc.active.LDS[name] = r;
  }
  const current = [...new Set([...Object.keys(sc.active.LDS), ...Object.keys(sc.warmingListeners)])];
  for (const name of removedNames(msg, current, incoming)) {
    delete sc.active.LDS[name];
    delete sc.warmingListeners[name];
    delete sc.deltaVersions.LDS[name];
  }
  return null;
}

function applyRds(sc: SidecarState, msg: XdsMessage): null {
  for (const r of msg.resources ?? []) {
    sc.active.RDS[r.name] = r as XdsResource<'RDS'>;
    sc.deltaVersions.RDS[r.name] = r.hash;
    for (const [ln, l] of Object.entries(sc.warmingListeners)) {
      if (l.body.rds_route_config_name === r.name) {
        sc.active.LDS[ln] = l;
        delete sc.warmingListeners[ln];
      }
    }
  }
  if (msg.delta) for (const n of msg.removed ?? []) delete sc.active.RDS[n];
  return null;
}

/** Applies a response; returns the NACK error text, or null when accepted. */
export function applyResponse(sc: SidecarState, msg: XdsMessage): string | null {
  const t: XdsType = msg.xds;
  if (t === 'CDS') return applyCds(sc, msg);
  for (const r of msg.resources ?? []) {
    const err = validate(r);
    if (err) return err.slice(0, 512);
  }
  if (t === 'EDS') return applyEds(sc, msg);
  if (t === 'LDS') return applyLds(sc, msg);
  return applyRds(sc, msg);
}

/** True when `map` has no entries. */
export function isEmpty(map: ResourceMap): boolean {
  for (const _ in map) return false;
  return true;
}
