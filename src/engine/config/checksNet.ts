/**
 * Address, name and visibility rules shared by the validators, each mirroring a function of
 * Istio's pkg/config/validation (agent/validation.go), pkg/config/visibility and Go's net/netip.
 */
import { isDNS1123Label, quote, type Reporter } from './checks';

/** Go `netip.ParseAddr` (IPv4 dotted quad without leading zeros, IPv6 with an optional zone). */
export function isIPAddress(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  const zone = text.indexOf('%');
  if (zone === 0 || zone === text.length - 1) return false;
  const s = zone > 0 ? text.slice(0, zone) : text;
  if (!s.includes(':')) return false;
  let groups = s.split(':');
  const last = groups[groups.length - 1] ?? '';
  let words = 0;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    words = 2;
    if (groups[groups.length - 1] === '' && groups.length >= 2 && groups[groups.length - 2] !== '')
      return false; // "1::2:" before an IPv4 tail
  }
  const double = s.indexOf('::');
  if (double >= 0 && s.indexOf('::', double + 1) >= 0) return false;
  const hex = groups.filter((g, i) => !(g === '' && (double >= 0 || i === 0)));
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  words += hex.length;
  return double >= 0 ? words < 8 : words === 8;
}

/** Go `netip.ParsePrefix`: an address, `/`, a decimal prefix length within the family's bits. */
export function isCIDR(s: string): boolean {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bits) || addr.includes('%')) return false;
  if (isIPv4(addr)) return Number(bits) <= 32;
  return isIPv6(addr) && Number(bits) <= 128;
}

/** `ValidateIPAddress`. */
export function validateIPAddress(addr: string): string | null {
  return isIPAddress(addr) ? null : `${addr} is not a valid IP`;
}

/** `ValidateIPSubnet`: a CIDR block or a single address. */
export function validateIPSubnet(subnet: string): string | null {
  if (subnet.split('/').length === 2)
    return isCIDR(subnet) ? null : `${subnet} is not a valid CIDR block`;
  return validateIPAddress(subnet);
}

/** `CheckDNS1123Preconditions` + `ValidateDNS1123Labels`: a fully qualified domain name. */
export function validateFQDN(fqdn: string): string | null {
  if (fqdn.length > 255) return `domain name ${quote(fqdn)} too long (max 255)`;
  if (fqdn === '') return 'empty domain name not allowed';
  const labels = fqdn.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (/^[+-]?\d+$/.test(tld))
    return `domain name ${quote(fqdn)} invalid (top level domain ${quote(tld)} cannot be all-numeric)`;
  for (const [i, label] of labels.entries()) {
    if (i === labels.length - 1 && label === '') return null;
    if (!isDNS1123Label(label))
      return `domain name ${quote(fqdn)} invalid (label ${quote(label)} invalid)`;
  }
  return null;
}

/**
 * `validateGatewayNames`: `<namespace>/<name>`, or a legacy FQDN name (`gw.ns`, with a warning),
 * or a short name like `mesh`. As Istio, a name without `/` ends the check of the list.
 */
export function checkGatewayNames(r: Reporter, path: string, names: readonly string[]): void {
  for (const [i, name] of names.entries()) {
    const p = `${path}[${i}]`;
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const parts = name.split('.');
        r.warn(
          p,
          `using legacy gatewayName format ${quote(name)}; prefer the <namespace>/<name> format: ${quote(`${parts[1] ?? ''}/${parts[0] ?? ''}`)}`,
        );
      }
      const e = validateFQDN(name);
      if (e) r.add(p, e);
      return;
    }
    const ns = name.slice(0, slash);
    const gw = name.slice(slash + 1);
    if (ns === '' || gw === '') r.add(p, 'config namespace and gateway name cannot be empty');
    if (!isDNS1123Label(ns)) r.add(p, `invalid value for namespace: ${quote(ns)}`);
    if (!isDNS1123Label(gw)) r.add(p, `invalid value for gateway name: ${quote(gw)}`);
  }
}

/**
 * `validateExportTo` for VirtualService and DestinationRule: `.`, `*` or namespace names, no
 * duplicates (`.` counts as the object's namespace), `*` alone, no `~`; with a workload selector
 * a DestinationRule may only be exported to its own namespace.
 */
export function checkExportTo(
  r: Reporter,
  namespace: string,
  exportTo: readonly string[] | undefined,
  withSelector = false,
): void {
  if (!exportTo || exportTo.length === 0) return;
  const p = 'spec.exportTo';
  const set = new Set<string>();
  for (const e of exportTo) {
    const key = e === '.' ? namespace : e;
    if (set.has(key)) {
      r.add(
        p,
        key !== e
          ? `duplicate entries in exportTo: . and current namespace ${namespace}`
          : `duplicate entries in exportTo for entry ${e}`,
      );
    } else if (key === '~') {
      r.add(p, 'exportTo ~ (none) is not allowed for Istio configuration objects');
    } else if (key !== '*' && key !== '.' && !isDNS1123Label(key)) {
      r.add(p, 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry');
    } else set.add(key);
  }
  if (withSelector && set.size > 0) {
    if (!set.has(namespace))
      r.add(
        p,
        'destination rule with workload selector cannot have exportTo beyond current namespace',
      );
    else if (set.size > 1)
      r.add(p, 'destination rule with workload selector cannot have multiple entries in exportTo');
  }
  if (set.has('*') && exportTo.length > 1)
    r.add(p, 'cannot have both public (*) and non-public exportTo values for a resource');
}

/** `validateWorkloadSelector`: no empty keys, no wildcards; no labels at all is only a warning. */
export function checkWorkloadSelector(
  r: Reporter,
  path: string,
  selector: { matchLabels?: Record<string, string> } | undefined,
): void {
  if (!selector) return;
  const labels = selector.matchLabels ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (k === '')
      r.add(`${path}.matchLabels`, `empty key is not supported in selector: "${k}=${v}"`);
    if (k.includes('*') || v.includes('*'))
      r.add(`${path}.matchLabels.${k}`, `wildcard is not supported in selector: "${k}=${v}"`);
  }
  if (Object.keys(labels).length === 0) r.warn(path, 'workload selector specified without labels');
}
