/**
 * `istioctl proxy-config clusters|routes|endpoints <pod>` summaries of compiled resources, with
 * istioctl's columns and its tabwriter layout (istioctl/pkg/writer/envoy/configdump): for the
 * scenes' text alternatives and code panels. Simplified: endpoints are read from EDS (istioctl
 * reads Envoy's /clusters, which also knows outlier ejections: pass them in `ejected`).
 */
import type { Cluster, ClusterLoadAssignment, RouteConfiguration, RouteMatch } from './envoy';

/** Byte-wise string order, as Go compares strings (deterministic, unlike localeCompare). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Go's `tabwriter.NewWriter(w, 0, 8, 5, ' ', 0)`: each column padded to its widest cell + 5. */
export function tabulate(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 5)))
        .join(''),
    )
    .join('\n');
}

/** `/apis/networking.istio.io/v1alpha3/namespaces/shop/virtual-service/payments` → `payments.shop`. */
function renderConfig(path: unknown): string {
  if (typeof path !== 'string') return '';
  const pieces = path.split('/');
  if (!path.startsWith('/apis/networking.istio.io/v1alpha3/namespaces/')) return '<unknown>';
  return pieces.length === 8 ? `${pieces[7]}.${pieces[5]}` : '';
}

/** `istioctl proxy-config clusters`: SERVICE FQDN, PORT, SUBSET, DIRECTION, TYPE, DESTINATION RULE. */
export function proxyConfigClusters(clusters: readonly Cluster[]): string {
  // istioctl sorts by service FQDN, then port, then subset, then direction.
  const key = (c: Cluster): [string, number, string, string] => {
    const [direction = '', port = '', subset = '', fqdn = ''] = c.name.split('|');
    return c.name.includes('|') ? [fqdn, Number(port), subset, direction] : [c.name, 0, '', ''];
  };
  const sorted = [...clusters].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return cmp(ka[0], kb[0]) || ka[1] - kb[1] || cmp(ka[2], kb[2]) || cmp(ka[3], kb[3]);
  });
  const rows = sorted.map((c) => {
    const dr = renderConfig(c.metadata?.filter_metadata.istio.config);
    const parts = c.name.split('|');
    if (parts.length > 3) {
      const [direction = '', port = '', subset = '', fqdn = ''] = parts;
      return [fqdn, port, subset === '' ? '-' : subset, direction, c.type, dr];
    }
    return [c.name, '-', '-', '-', c.type, dr];
  });
  return tabulate([
    ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'],
    ...rows,
  ]);
}

function describeMatch(m: RouteMatch): string {
  const conds: string[] = [];
  if (m.prefix !== undefined && m.prefix !== '') conds.push(`${m.prefix}*`);
  if (m.path !== undefined) conds.push(m.path);
  if (m.safe_regex) conds.push(`regex ${m.safe_regex.regex}`);
  return conds.join(' '); // istioctl ignores header matches here
}

/** istioctl's `describeRouteDomains`: names without port, `.svc[.cluster.local]` folded, 2 shown. */
function describeDomains(domains: readonly string[]): string {
  if (domains.length <= 1) return domains[0] ?? '';
  const withoutPort = domains.filter((d) => !d.includes(':'));
  const unique = new Set(withoutPort);
  const folded = withoutPort.filter((h) => {
    const full = h.endsWith('.svc.cluster.local') ? h.slice(0, -'.svc.cluster.local'.length) : h;
    const partial = h.endsWith('.svc') ? h.slice(0, -'.svc'.length) : h;
    return !((full !== h && unique.has(full)) || (partial !== h && unique.has(partial)));
  });
  return folded.length > 2
    ? `${folded.slice(0, 2).join(', ')} + ${folded.length - 2} more...`
    : folded.join(', ');
}

/** `istioctl proxy-config routes` (verbose form): NAME, DOMAINS, MATCH, VIRTUAL SERVICE. */
export function proxyConfigRoutes(routes: readonly RouteConfiguration[]): string {
  const rows: string[][] = [];
  for (const rc of routes) {
    for (const vh of rc.virtual_hosts) {
      for (const r of vh.routes) {
        if (r.route.cluster === 'PassthroughCluster') continue;
        rows.push([
          rc.name,
          describeDomains(vh.domains),
          describeMatch(r.match),
          renderConfig(r.metadata?.filter_metadata.istio.config),
        ]);
      }
      if (vh.routes.length === 0) rows.push([rc.name, describeDomains(vh.domains), '/*', '404']);
    }
  }
  return tabulate([['NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE'], ...rows]);
}

/** `istioctl proxy-config endpoints`: ENDPOINT, STATUS, OUTLIER CHECK, CLUSTER. */
export function proxyConfigEndpoints(
  endpoints: readonly ClusterLoadAssignment[],
  ejected: ReadonlySet<string> = new Set(),
): string {
  const rows: string[][] = [];
  for (const cla of endpoints) {
    for (const group of cla.endpoints) {
      for (const e of group.lb_endpoints) {
        const a = e.endpoint.address.socket_address;
        const addr = `${a.address}:${a.port_value}`;
        rows.push([addr, e.health_status, ejected.has(addr) ? 'FAILED' : 'OK', cla.cluster_name]);
      }
    }
  }
  rows.sort((x, y) => cmp(x[0] ?? '', y[0] ?? '') || cmp(x[3] ?? '', y[3] ?? ''));
  return tabulate([['ENDPOINT', 'STATUS', 'OUTLIER CHECK', 'CLUSTER'], ...rows]);
}
