/**
 * Small rule helpers shared by the per-kind validators, each mirroring a function of Istio's
 * pkg/config/validation (names in the comments).
 */
import { validateDuration } from './duration';
import type { ConfigError, IstioObject } from './istio';

/** Collects errors (and Istio's non-blocking warnings) for one object, with line numbers. */
export class Reporter {
  readonly errors: ConfigError[] = [];
  readonly warnings: ConfigError[] = [];
  /** Prepended to every error message (Istio prefixes AuthorizationPolicy errors). */
  prefix = '';
  constructor(private readonly o: IstioObject) {}

  /** Records the error `message` at `path` (line from the nearest known ancestor path). */
  add(path: string, message: string): void {
    if (this.errors.length >= MAX_ERRORS) {
      this.suppressed++;
      return;
    }
    this.errors.push(this.entry(path, `${this.prefix}${message}`));
  }

  /** The errors, the last one `… and N more errors` once more than {@link MAX_ERRORS} were found. */
  allErrors(): ConfigError[] {
    if (this.suppressed === 0) return this.errors;
    return [...this.errors, this.entry('', `… and ${this.suppressed} more errors`)];
  }

  private suppressed = 0;

  /** Records a warning: `istioctl validate` prints it, the webhook still accepts the object. */
  warn(path: string, message: string): void {
    this.warnings.push(this.entry(path, message));
  }

  private entry(path: string, message: string): ConfigError {
    const src = this.o.source;
    let line: number | undefined;
    if (src) {
      let p = path;
      while (p !== '' && !Object.hasOwn(src.lines, p)) {
        const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        p = up === p ? '' : up; // `spec` (no dot) shortens to the document itself
      }
      line = (p === '' ? undefined : src.lines[p]) ?? src.line;
    }
    return {
      path: clip(path, 200),
      message: clip(message, MAX_MESSAGE),
      object: `${this.o.kind}/${this.o.metadata.namespace}/${this.o.metadata.name}`,
      ...(src ? { doc: src.doc } : {}),
      ...(line === undefined ? {} : { line }),
    };
  }

  /** `ValidateDuration` on an optional duration field. */
  duration(path: string, value: string | undefined): void {
    if (value === undefined) return;
    let err = validateDuration(value);
    if (err) {
      // The value once, shortened (it used to come back whole after "got" when over 80 chars).
      const shown = quote(value);
      err = err.split(JSON.stringify(value)).join(shown);
      this.add(path, err.includes(shown) ? err : `${err} (got ${shown})`);
    }
  }
}

/** At most this many errors are reported per document; then `… and N more errors`. */
export const MAX_ERRORS = 20;
/** Messages are cut to this many characters. */
export const MAX_MESSAGE = 280;

/** `s` cut to `max` characters (ending in `…`) so a huge value is not echoed in full. */
export function clip(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** `JSON.stringify(s)` of a clipped `s`. */
export function quote(s: string, max = 80): string {
  return JSON.stringify(clip(s, max));
}

// Istio's labels package allows upper case here (`[a-zA-Z0-9]`), unlike Kubernetes' own check.
const DNS1123_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

/** `labels.IsDNS1123Label`: at most 63 characters of [a-zA-Z0-9-], alphanumeric at both ends. */
export function isDNS1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

/**
 * `ValidateWildcardDomain`: a host like `payments`, `payments.shop.svc.cluster.local` or
 * `*.example.com` (a wildcard only in the first label). Returns the message or null.
 */
export function validateWildcardDomain(host: string): string | null {
  if (host === '') return 'empty domain name not allowed';
  if (host.length > 255) return `domain name ${quote(host)} too long (max 255)`;
  const dot = host.indexOf('.');
  const first = dot < 0 ? host : host.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first))
    return `domain name ${quote(host)} invalid (label ${quote(first)} invalid)`;
  if (dot < 0) return null;
  // `validateDNS1123Labels(parts[1])`: Istio names the remainder, not the whole host, here.
  const rest = host.slice(dot + 1);
  const labels = rest.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (/^[+-]?\d+$/.test(tld))
    return `domain name ${quote(rest)} invalid (top level domain ${quote(tld)} cannot be all-numeric)`;
  for (const [i, label] of labels.entries()) {
    if (i === labels.length - 1 && label === '') return null; // a trailing dot is allowed
    if (!isDNS1123Label(label))
      return `domain name ${quote(rest)} invalid (label ${quote(label)} invalid)`;
  }
  return null;
}

/** `ValidatePercent`: an integer percentage in 0..100. */
export function validatePercent(v: number): string | null {
  return v < 0 || v > 100 ? `percentage ${v} is not in range 0..100` : null;
}

/** `validatePercentage` (fault injection `percentage.value`): 0, or in [0.0001, 100]. */
export function validateFractionalPercentage(v: number): string | null {
  return v < 0 || v > 100 || (v > 0 && v < 0.0001)
    ? `percentage ${v} is neither 0.0, nor in range [0.0001, 100.0]`
    : null;
}

/** `validateHTTPStatus` (fault abort). Istio's check is `status < 200 || status > 600` (600 slips through). */
export function validateHTTPStatus(status: number): string | null {
  return status < 200 || status > 600 ? `HTTP status ${status} is not in range 200-599` : null;
}

/** `ValidatePort`: 1..65535. */
export function validatePort(port: number): string | null {
  return port < 1 || port > 65535 ? `port number ${port} must be in the range 1..65535` : null;
}

const QUALIFIED = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const TAG_KEY = new RegExp(`^(${LABEL}(?:\\.${LABEL})*/)?(${QUALIFIED})$`);
const TAG_VALUE = new RegExp(`^(${QUALIFIED})?$`);

/**
 * Istio's `labels.Instance.Validate` (pkg/config/labels): keys are `[prefix/]name` with a DNS
 * prefix of at most 253 and a name of at most 63 characters; values are qualified names (Istio
 * does not check their length).
 */
export function checkLabels(
  r: Reporter,
  path: string,
  labels: Record<string, string> | undefined,
): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const m = TAG_KEY.exec(k);
    const q = quote(k);
    if (!m) r.add(`${path}.${k}`, `invalid tag key: ${q}`);
    else if ((m[1]?.length ?? 0) - 1 > 253)
      r.add(`${path}.${k}`, `invalid tag key: ${q} (DNS prefix is too long)`);
    else if ((m[2]?.length ?? 0) > 63)
      r.add(`${path}.${k}`, `invalid tag key: ${q} (name is too long)`);
    if (!TAG_VALUE.test(v)) r.add(`${path}.${k}`, `invalid tag value: ${quote(String(v))}`);
  }
}
