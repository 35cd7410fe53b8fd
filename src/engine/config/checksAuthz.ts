/**
 * AuthorizationPolicy value checks of Istio's pkg/config/security (security.go):
 * `CheckServiceAccount`, `CheckTrustDomainValues`, `CheckValidPathTemplate`, `ValidateAttribute`.
 */
import type { Reporter } from './checks';
import { isCIDR, isIPAddress } from './checksNet';
import type { AuthorizationCondition } from './istio';

/** `CheckWildcardValues` (without the empty check done before it). */
function wildcardError(key: string, values: readonly string[]): string | null {
  if (values.includes('')) return `empty value not allowed, found in ${key}`;
  for (const v of values) {
    const n = v.split('*').length - 1;
    if (n > 1) return `at most one wildcard is allowed, found in ${key}: ${JSON.stringify(v)}`;
    if (n === 1 && v !== '*' && !v.startsWith('*') && !v.endsWith('*'))
      return `wildcard is only allowed at the start or end, found in ${key}: ${JSON.stringify(v)}`;
  }
  return null;
}

/** `CheckTrustDomainValues`. */
export function checkTrustDomains(
  r: Reporter,
  p: string,
  key: string,
  v: readonly string[] | undefined,
): void {
  const values = v ?? [];
  const e =
    wildcardError(key, values) ??
    (values.find((x) => x.includes('/')) !== undefined
      ? `trust domain must not contain '/', found in ${key}: ${JSON.stringify(values.find((x) => x.includes('/')))}`
      : null);
  if (e) r.add(p, e);
}

/** `CheckServiceAccount`: at most 16 `sa` or `ns/sa` values, no wildcards, ≤ 320 characters. */
export function serviceAccountError(key: string, values: readonly string[]): string | null {
  if (values.length > 16) return 'may not have more than 16 values';
  for (const v of values) {
    if (v === '') return `empty value not allowed, found in ${key}`;
    if (v.includes('*')) return `wildcard not allowed, found in ${key}`;
    const slashes = v.split('/').length - 1;
    const fmt = "expected format 'serviceAccount' or 'namespace/serviceAccount'";
    if (slashes > 1) return `${fmt}, found ${JSON.stringify(v)} in ${key}`;
    if (v.length > 320)
      return `value cannot exceed 320 characters, found ${JSON.stringify(v)} in ${key}`;
    if (slashes === 1) {
      const [ns = '', sa = ''] = v.split('/');
      if (ns === '') return `${fmt}, found empty namespace ${JSON.stringify(v)} in ${key}`;
      if (sa === '') return `${fmt}, found empty serviceAccount ${JSON.stringify(v)} in ${key}`;
    }
  }
  return null;
}

export function checkServiceAccounts(
  r: Reporter,
  p: string,
  key: string,
  v: readonly string[] | undefined,
): void {
  const e = serviceAccountError(key, v ?? []);
  if (e) r.add(p, e);
}

const LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** `CheckValidPathTemplate`: `{*}` segments anywhere, one `{**}` last, plain pchar literals. */
export function checkPathTemplates(
  r: Reporter,
  p: string,
  key: string,
  paths: readonly string[] | undefined,
): void {
  for (const raw of paths ?? []) {
    const template = raw.includes('{*}') || raw.includes('{**}');
    const path = raw.replace(/^\/+|\/+$/g, '');
    let any = false;
    for (const glob of path.split('/')) {
      const bad = (why: string): void =>
        r.add(p, `invalid or unsupported path ${path}, found in ${key}. ${why}`);
      if (glob === '{*}' && !any) continue;
      if (glob === '{**}' && !any) {
        any = true;
        continue;
      }
      if ((glob === '{**}' || glob === '{*}') && any) return bad('{**} is not the last operator');
      if (/[{}]/.test(glob)) return bad("Contains '{' or '}' beyond a supported path template");
      if (template && !LITERAL.test(glob))
        return bad(`Contains segment ${glob} with invalid string literal`);
    }
  }
}

/** `validateMapKey`: `a[b]`. */
const mapKeyError = (key: string): string | null => {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2
    ? null
    : `bad key (${key}): should have format a[b]`;
};

/** `ValidateAttribute`: the known `when` keys and their value formats. */
function attributeError(key: string, values: readonly string[]): string | null {
  if (values.includes('')) return `empty value not allowed, found in ${key}`;
  const ips = (): string | null => {
    const bad = values.find((v) => (v.includes('/') ? !isCIDR(v) : !isIPAddress(v)));
    if (bad === undefined) return null;
    return bad.includes('/')
      ? `bad CIDR range (${bad}): netip.ParsePrefix(${JSON.stringify(bad)}): invalid prefix`
      : `bad IP address (${bad})`;
  };
  if (key.startsWith('request.headers')) return mapKeyError(key);
  if (key === 'source.ip' || key === 'remote.ip' || key === 'destination.ip') return ips();
  if (key === 'source.serviceAccount') return serviceAccountError(key, values);
  if (key === 'source.trustDomain') return wildcardError(key, values);
  if (key.startsWith('request.auth.claims') || key.startsWith('experimental.envoy.filters.'))
    return mapKeyError(key);
  if (key === 'destination.port') {
    const bad = values.find((v) => !/^\d+$/.test(v) || Number(v) > 65535);
    return bad === undefined
      ? null
      : `bad port (${bad}): strconv.ParseUint: parsing ${JSON.stringify(bad)}: invalid syntax`;
  }
  if (
    [
      'source.namespace',
      'source.principal',
      'request.auth.principal',
      'request.auth.audiences',
      'request.auth.presenter',
      'connection.sni',
    ].includes(key)
  )
    return null;
  if (key === 'destination.namespace')
    return `attribute ${key} is replaced by the metadata.namespace`;
  if (key.startsWith('destination.labels'))
    return `attribute ${key} is replaced by the workload selector`;
  if (key === 'destination.name' || key === 'destination.user')
    return `deprecated attribute ${key}: only supported in v1alpha1`;
  return `unknown attribute: ${key}`;
}

/** The `when` conditions of one rule. */
export function checkConditions(
  r: Reporter,
  p: string,
  when: readonly AuthorizationCondition[],
): void {
  when.forEach((c, i) => {
    const key = c.key ?? '';
    const cp = `${p}[${i}]`;
    if (key === '') {
      r.add(cp, '`key` must not be empty');
      return;
    }
    if ((c.values ?? []).length === 0 && (c.notValues ?? []).length === 0) {
      r.add(cp, `at least one of \`values\` or \`notValues\` must be set for key ${key}`);
      return;
    }
    const ve = attributeError(key, c.values ?? []);
    if (ve) r.add(`${cp}.values`, `invalid \`value\` for \`key\` ${key}: ${ve}`);
    const ne = attributeError(key, c.notValues ?? []);
    if (ne) r.add(`${cp}.notValues`, `invalid \`notValue\` for \`key\` ${key}: ${ne}`);
  });
}
