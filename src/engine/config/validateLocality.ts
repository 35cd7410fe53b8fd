/**
 * Locality load balancing rules (`ValidateLocalityLbSetting`, `ValidateZoneAwareLbSetting`,
 * `validateLocalities` in pkg/config/validation/agent/validation.go).
 */
import type { Reporter } from './checks';
import type { LocalityLbSetting, OutlierDetection, ZoneAwareLbSetting } from './istio';

const TOPOLOGY = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
]);

/** `validateLocalities`: `region[/zone[/subzone]]`, one trailing `*`, no overlaps. */
function localitiesError(localities: readonly string[]): string | null {
  const map = new Map<string, Map<string, Set<string>>>();
  for (const loc of localities) {
    const stars = loc.split('*').length - 1;
    if (stars > 0 && (stars > 1 || !loc.endsWith('*')))
      return `locality ${loc} wildcard '*' number can not exceed 1 and must be in the end`;
    const overlap = `locality ${loc} overlap with previous specified ones`;
    if (map.has('*')) return overlap;
    const items = splitN(loc, '/', 3);
    if (items.some((x) => x === ''))
      return `locality ${loc} must not contain empty region/zone/subzone info`;
    const [region = '', zone = '', sub = ''] = items;
    const level = items.length - 1;
    const zones = map.get(region);
    if (level === 0) {
      if (zones) return overlap;
      map.set(region, new Map([['*', new Set(['*'])]]));
    } else if (level === 1) {
      if (zones?.has('*') || zones?.has(zone)) return overlap;
      if (zones) zones.set(zone, new Set(['*']));
      else map.set(region, new Map([[zone, new Set(['*'])]]));
    } else {
      if (zones?.has('*')) return overlap;
      const subs = zones?.get(zone);
      if (subs?.has('*') || subs?.has(sub)) return overlap;
      if (subs) subs.add(sub);
      else if (zones) zones.set(zone, new Set([sub]));
      else map.set(region, new Map([[zone, new Set([sub])]]));
    }
  }
  return null;
}

/** Go's `strings.SplitN`. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** `ValidateLocalityLbSetting` (Istio returns at the first distribute/failover problem). */
export function checkLocality(
  r: Reporter,
  p: string,
  lb: LocalityLbSetting | undefined,
  od: OutlierDetection | undefined,
): void {
  if (!lb) return;
  const distribute = lb.distribute ?? [];
  const failover = lb.failover ?? [];
  const priority = lb.failoverPriority ?? [];
  if (distribute.length > 0 && failover.length > 0) {
    r.add(p, "can not simultaneously specify 'distribute' and 'failover'");
    return;
  }
  if (failover.length > 0)
    for (const label of priority)
      if (TOPOLOGY.has(label)) {
        r.add(
          p,
          `can not simultaneously set 'failover' and topology label '${label}' in 'failover_priority'`,
        );
        return;
      }
  for (const [i, d] of distribute.entries()) {
    let total = 0;
    for (const w of Object.values(d.to ?? {})) {
      if (w <= 0 || w > 100) {
        r.add(`${p}.distribute[${i}].to`, 'locality weight must be in range [1, 100]');
        return;
      }
      total += w;
    }
    if (total !== 100) {
      r.add(`${p}.distribute[${i}].to`, `total locality weight ${total} != 100`);
      return;
    }
    const e = localitiesError(Object.keys(d.to ?? {}));
    if (e) r.add(`${p}.distribute[${i}].to`, e);
  }
  const e = localitiesError(distribute.map((d) => d.from ?? ''));
  if (e) r.add(`${p}.distribute`, e);
  checkFailover(
    r,
    p,
    failover,
    priority,
    od,
    'locality lb failover settings must specify different regions',
    'locality lb failover only specify region',
    'locality lb failover region should not contain',
  );
}

function checkFailover(
  r: Reporter,
  p: string,
  failover: readonly { from?: string; to?: string }[],
  priority: readonly string[],
  od: OutlierDetection | undefined,
  same: string,
  region: string,
  star: string,
): void {
  if ((failover.length > 0 || priority.length > 0) && !od)
    r.warn(p, 'outlier detection policy must be provided for failover');
  failover.forEach((f, i) => {
    const from = f.from ?? '';
    const to = f.to ?? '';
    const fp = `${p}.failover[${i}]`;
    if (from === to) r.add(fp, same);
    if (from.includes('/') || to.includes('/')) r.add(fp, region);
    if (from.includes('*') || to.includes('*')) r.add(fp, `${star} '*' wildcard`);
  });
}

/** `ValidateZoneAwareLbSetting`. */
export function checkZoneAware(
  r: Reporter,
  p: string,
  lb: ZoneAwareLbSetting | undefined,
  od: OutlierDetection | undefined,
): void {
  if (!lb) return;
  for (const label of lb.failoverPriority ?? [])
    if (TOPOLOGY.has(label))
      r.add(
        `${p}.failoverPriority`,
        `'failover_priority' for zone aware lb must not use topology label '${label}'; region- and zone-level routing are handled automatically`,
      );
  checkFailover(
    r,
    p,
    lb.failover ?? [],
    lb.failoverPriority ?? [],
    od,
    'zone aware lb failover settings must specify different regions',
    'zone aware lb failover only specifies region; zone and subzone failover are handled automatically',
    'zone aware lb failover region should not contain',
  );
}
