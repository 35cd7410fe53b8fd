/**
 * Istio's `analyzeUnreachableHTTPRules` / `analyzeUnreachableTCPRules` /
 * `analyzeUnreachableTLSRules` (pkg/config/validation): warnings, not errors, for rules that can
 * never match (a catch-all rule before them, or all their matches used before) and for HTTP
 * matches covered by an earlier one (same match, or a shorter uri prefix with the same or wider
 * port, method, authority, headers, query parameters and withoutHeaders: `coveredValidation`).
 */
import type { Reporter } from './checks';
import type { HTTPMatchRequest, HTTPRoute, StringMatch, TCPRoute, TLSRoute } from './istio';

/** Go's `json.Marshal` of a proto struct: keys sorted, empty values (omitempty) left out. */
function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => !isEmpty(o[k]))
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(',')}}`;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

/** The match without its name, serialised (Istio's `asJSON`). */
function asJSON(m: object): string {
  const { name: _name, ...rest } = m as HTTPMatchRequest;
  return stable(rest);
}

const routeName = (r: HTTPRoute, i: number): string =>
  r.name !== undefined && r.name !== '' ? `"${r.name}"` : `#${i}`;
const requestName = (m: HTTPMatchRequest, j: number): string =>
  m.name !== undefined && m.name !== '' ? `"${m.name}"` : `#${j}`;

/** `assignExactOrPrefix`. */
function exactOrPrefix(m: StringMatch | undefined): string {
  if (m?.exact !== undefined && m.exact !== '') return `exact:${m.exact}`;
  if (m?.prefix !== undefined && m.prefix !== '') return `prefix:${m.prefix}`;
  return '';
}

const mapOf = (o: Record<string, StringMatch> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, exactOrPrefix(v)]));

/** Istio's `OverlappingMatchValidationForHTTPRoute`. */
interface PrefixMatch {
  at: number;
  route: string;
  match: string;
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Record<string, string>;
  queryParams: Record<string, string>;
  withoutHeaders: Record<string, string>;
}

/** Every key of `a` is in `b` with the same value or a value `a`'s starts with; same size. */
function mapCovered(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const va = a[k] ?? '';
    const vb = b[k];
    return vb !== undefined && (va === vb || va.startsWith(vb));
  });
}

/** Istio's `coveredValidation`: does `a` (earlier) cover `b`? */
function covered(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return (
    mapCovered(a.headers, b.headers) &&
    mapCovered(a.queryParams, b.queryParams) &&
    mapCovered(a.withoutHeaders, b.withoutHeaders)
  );
}

/** Adds Istio's unreachable-rule warnings for HTTP `routes` to `r`. */
export function analyzeUnreachableRules(r: Reporter, routes: readonly HTTPRoute[]): void {
  const prefixes: PrefixMatch[] = [];
  walkRules(r, 'http', routes, routeName, requestName, (route, m, i, j) => {
    const prefix = m.uri?.prefix ?? '';
    if (prefix === '') return;
    prefixes.push({
      at: i,
      route: routeName(route, i),
      match: requestName(m, j),
      prefix,
      port: m.port ?? 0,
      method: exactOrPrefix(m.method) || 'exact:GET', // no method: GET
      authority: exactOrPrefix(m.authority),
      headers: mapOf(m.headers),
      queryParams: mapOf(m.queryParams),
      withoutHeaders: mapOf(m.withoutHeaders),
    });
  });
  prefixes.forEach((a, x) => {
    for (const b of prefixes.slice(x + 1)) {
      if (b.prefix === a.prefix || !covered(a, b)) continue;
      r.warn(
        `spec.http[${b.at}]`,
        `virtualService rule ${b.route} match ${b.match} of prefix ${b.prefix} is not used (duplicate/overlapping match in rule ${a.match} of prefix ${a.prefix} on ${a.route})`,
      );
    }
  });
}

/** The same analysis for TCP or TLS rules (they have no names: `#i`). */
export function analyzeUnreachableL4Rules(
  r: Reporter,
  kind: 'tcp' | 'tls',
  routes: readonly (TCPRoute | TLSRoute)[],
): void {
  walkRules(
    r,
    kind,
    routes,
    (_r, i) => `#${i}`,
    (_m, j) => `#${j}`,
  );
}

/** The shared part: catch-all rules before others, and duplicate matches. */
function walkRules<R extends { match?: M[] }, M extends object>(
  r: Reporter,
  kind: 'http' | 'tcp' | 'tls',
  routes: readonly R[],
  rName: (route: R, i: number) => string,
  mName: (m: M, j: number) => string,
  onNew?: (route: R, m: M, i: number, j: number) => void,
): void {
  const unused = (i: number, rule: string, reason: string): void =>
    r.warn(`spec.${kind}[${i}]`, `virtualService rule ${rule} not used (${reason})`);
  const seen = new Map<string, number>();
  let emptyAt = -1;
  routes.forEach((route, i) => {
    const matches = route.match ?? [];
    if (matches.length === 0) {
      if (emptyAt >= 0) unused(i, rName(route, i), 'only the last rule can have no matches');
      emptyAt = i;
      return;
    }
    let duplicates = 0;
    matches.forEach((m, j) => {
      if (emptyAt >= 0) {
        unused(i, rName(route, i), 'route without matches defined before');
        return;
      }
      const key = asJSON(m);
      const dup = seen.get(key);
      if (dup !== undefined) {
        const prior = routes[dup];
        r.warn(
          `spec.${kind}[${i}]`,
          `virtualService rule ${rName(route, i)} match ${mName(m, j)} is not used (duplicate/overlapping match in rule ${prior ? rName(prior, dup) : `#${dup}`})`,
        );
        duplicates++;
        return;
      }
      seen.set(key, i);
      onNew?.(route, m, i, j);
    });
    if (duplicates === matches.length)
      unused(i, rName(route, i), 'all matches used by prior rules');
  });
}
