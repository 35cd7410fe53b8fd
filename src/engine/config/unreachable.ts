/**
 * Istio's `analyzeUnreachableHTTPRules` (pkg/config/validation): warnings, not errors, for HTTP
 * rules that can never match (a catch-all rule before them, or all their matches used before)
 * and for matches covered by an earlier one (same match, or a shorter uri prefix).
 */
import type { Reporter } from './checks';
import type { HTTPMatchRequest, HTTPRoute, StringMatch } from './istio';

function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(',')}}`;
}

/** The match without its name, serialised (Istio's `asJSON`). */
function asJSON(m: HTTPMatchRequest): string {
  const { name: _name, ...rest } = m;
  return stable(rest);
}

const routeName = (r: HTTPRoute, i: number): string =>
  r.name !== undefined && r.name !== '' ? `"${r.name}"` : `#${i}`;
const requestName = (m: HTTPMatchRequest, j: number): string =>
  m.name !== undefined && m.name !== '' ? `"${m.name}"` : `#${j}`;

function exactOrPrefix(m: StringMatch): string {
  if (m.exact !== undefined && m.exact !== '') return `exact:${m.exact}`;
  if (m.prefix !== undefined && m.prefix !== '') return `prefix:${m.prefix}`;
  return '';
}

interface PrefixMatch {
  route: string;
  match: string;
  prefix: string;
  headers: Record<string, string>;
}

/** Istio's `coveredValidation` restricted to the modelled fields (uri prefix, headers). */
function covered(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix)) return false;
  const ka = Object.keys(a.headers);
  if (ka.length !== Object.keys(b.headers).length) return false;
  return ka.every((k) => {
    const va = a.headers[k] ?? '';
    const vb = b.headers[k];
    return vb !== undefined && (va === vb || va.startsWith(vb));
  });
}

/** Adds Istio's unreachable-rule warnings for `routes` to `r`. */
export function analyzeUnreachableRules(r: Reporter, routes: readonly HTTPRoute[]): void {
  const unused = (i: number, rule: string, reason: string): void =>
    r.warn(`spec.http[${i}]`, `virtualService rule ${rule} not used (${reason})`);
  const ineffective = (i: number, rule: string, match: string, dup: string): void =>
    r.warn(
      `spec.http[${i}]`,
      `virtualService rule ${rule} match ${match} is not used (duplicate/overlapping match in rule ${dup})`,
    );
  const seen = new Map<string, number>();
  let emptyAt = -1;
  const prefixes: (PrefixMatch & { at: number })[] = [];
  routes.forEach((route, i) => {
    const matches = route.match ?? [];
    if (matches.length === 0) {
      if (emptyAt >= 0) unused(i, routeName(route, i), 'only the last rule can have no matches');
      emptyAt = i;
      return;
    }
    let duplicates = 0;
    matches.forEach((m, j) => {
      if (emptyAt >= 0) {
        unused(i, routeName(route, i), 'route without matches defined before');
        return;
      }
      const key = asJSON(m);
      const dup = seen.get(key);
      if (dup !== undefined) {
        const prior = routes[dup];
        ineffective(
          i,
          routeName(route, i),
          requestName(m, j),
          prior ? routeName(prior, dup) : `#${dup}`,
        );
        duplicates++;
        return;
      }
      seen.set(key, i);
      const prefix = m.uri?.prefix ?? '';
      if (prefix !== '') {
        const headers = Object.fromEntries(
          Object.entries(m.headers ?? {}).map(([k, v]) => [k, exactOrPrefix(v)]),
        );
        prefixes.push({
          at: i,
          route: routeName(route, i),
          match: requestName(m, j),
          prefix,
          headers,
        });
      }
    });
    if (duplicates === matches.length)
      unused(i, routeName(route, i), 'all matches used by prior rules');
  });
  prefixes.forEach((a, x) => {
    for (const b of prefixes.slice(x + 1)) {
      if (b.prefix === a.prefix || !covered(a, b)) continue;
      ineffective(
        b.at,
        b.route,
        `${b.match} of prefix ${b.prefix}`,
        `${a.match} of prefix ${a.prefix} on ${a.route}`,
      );
    }
  });
}
