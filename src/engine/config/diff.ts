/**
 * A human diff of compiled route tables, for the scene that shows what a VirtualService change
 * did to a sidecar's RDS (`~ route payments: outbound|8080|v1|payments... 90 → 50`).
 */
import type { FaultConfig, Route, RouteConfiguration, RouteMatch, VirtualHost } from './envoy';

function label(vh: VirtualHost, r: Route): string {
  const host = vh.name.split(':')[0]?.split('.')[0] ?? vh.name;
  return r.name === undefined || r.name === 'default' ? host : `${host}/${r.name}`;
}

function targets(r: Route): Map<string, number | null> {
  const m = new Map<string, number | null>();
  if (r.route.cluster !== undefined) m.set(r.route.cluster, null);
  for (const c of r.route.weighted_clusters?.clusters ?? []) m.set(c.name, c.weight);
  return m;
}

function matchText(m: RouteMatch): string {
  const uri =
    m.path !== undefined
      ? `path ${m.path}`
      : m.safe_regex
        ? `regex ${m.safe_regex.regex}`
        : `prefix ${m.prefix ?? '/'}`;
  const headers = (m.headers ?? []).map((h) => {
    const sm = h.string_match;
    const v =
      sm.exact !== undefined
        ? `= ${sm.exact}`
        : sm.prefix !== undefined
          ? `^= ${sm.prefix}`
          : `~ ${sm.safe_regex?.regex ?? ''}`;
    return ` header ${h.name} ${v}`;
  });
  return uri + headers.join('');
}

function retryText(r: Route): string {
  const p = r.route.retry_policy;
  return p
    ? `${p.num_retries} on ${p.retry_on}${p.per_try_timeout ? ` per try ${p.per_try_timeout}` : ''}`
    : 'off';
}

function faultText(f: FaultConfig | undefined): string {
  if (!f) return 'none';
  const pct = (n: number): string => `${n / 10_000}%`;
  const parts: string[] = [];
  if (f.delay) parts.push(`delay ${f.delay.fixed_delay} ${pct(f.delay.percentage.numerator)}`);
  if (f.abort) parts.push(`abort ${f.abort.http_status} ${pct(f.abort.percentage.numerator)}`);
  return parts.join(', ');
}

function targetText(name: string, w: number | null): string {
  return w === null ? name : `${name} ${w}`;
}

function diffRoute(vh: VirtualHost, a: Route, b: Route, out: string[]): void {
  const l = label(vh, b);
  const ta = targets(a);
  const tb = targets(b);
  for (const [name, w] of tb) {
    if (!ta.has(name)) out.push(`+ route ${l}: ${targetText(name, w)}`);
    else if (ta.get(name) !== w)
      out.push(`~ route ${l}: ${name} ${ta.get(name) ?? 'all'} → ${w ?? 'all'}`);
  }
  for (const [name, w] of ta) if (!tb.has(name)) out.push(`- route ${l}: ${targetText(name, w)}`);
  const pairs: [string, string, string][] = [
    ['match', matchText(a.match), matchText(b.match)],
    ['timeout', a.route.timeout, b.route.timeout],
    ['retries', retryText(a), retryText(b)],
    [
      'fault',
      faultText(a.typed_per_filter_config?.['envoy.filters.http.fault']),
      faultText(b.typed_per_filter_config?.['envoy.filters.http.fault']),
    ],
  ];
  for (const [what, x, y] of pairs) if (x !== y) out.push(`~ route ${l}: ${what} ${x} → ${y}`);
}

function routeSummary(r: Route): string {
  const t = [...targets(r)].map(([n, w]) => targetText(n, w)).join(', ');
  return `${matchText(r.match)} → ${t}`;
}

/** Keys routes by name (or position), so a renamed or inserted rule shows as +/−. */
function keyed(vh: VirtualHost): Map<string, Route> {
  const m = new Map<string, Route>();
  vh.routes.forEach((r, i) => m.set(r.name ?? `#${i}`, r));
  return m;
}

/**
 * Lines describing what changed from `before` to `after` (empty if nothing did):
 * `+`/`-` for added/removed virtual hosts, routes and weighted clusters, `~` for changed weights,
 * matches, timeouts, retries and faults.
 */
export function diffRoutes(
  before: readonly RouteConfiguration[],
  after: readonly RouteConfiguration[],
): string[] {
  const out: string[] = [];
  const names = [...new Set([...before.map((r) => r.name), ...after.map((r) => r.name)])];
  for (const name of names) {
    const a = before.find((r) => r.name === name);
    const b = after.find((r) => r.name === name);
    if (!a || !b) {
      out.push(`${a ? '-' : '+'} route config ${name}`);
      continue;
    }
    const hosts = [
      ...new Set([...a.virtual_hosts.map((v) => v.name), ...b.virtual_hosts.map((v) => v.name)]),
    ];
    for (const h of hosts) {
      const va = a.virtual_hosts.find((v) => v.name === h);
      const vb = b.virtual_hosts.find((v) => v.name === h);
      if (!va || !vb) {
        out.push(`${va ? '-' : '+'} virtual host ${h}`);
        continue;
      }
      const ra = keyed(va);
      const rb = keyed(vb);
      for (const [k, r] of rb) {
        const old = ra.get(k);
        if (old) diffRoute(vb, old, r, out);
        else out.push(`+ route ${label(vb, r)}: ${routeSummary(r)}`);
      }
      for (const [k, r] of ra)
        if (!rb.has(k)) out.push(`- route ${label(va, r)}: ${routeSummary(r)}`);
    }
  }
  return out;
}
