/**
 * Go `time.ParseDuration` syntax (what Istio accepts for `timeout: 1.5s`, `baseEjectionTime: 3m`)
 * and the proto JSON form Envoy's config_dump prints (`"0.025s"`).
 */

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration (`300ms`, `1.5h`, `2h45m`, `0`) to nanoseconds, or returns an error text
 * worded like Go's (`time: invalid duration "5 s"`, `time: missing unit in duration "10"`).
 * Simplified: the value is a JS number, exact to the nanosecond up to about 104 days.
 */
export function parseGoDuration(text: string): { ns: number } | { error: string } {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0 };
  if (s === '') return { error: `time: invalid duration ${quoted}` };
  let total = 0;
  const re = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]*)/;
  while (s !== '') {
    const m = re.exec(s);
    if (!m) return { error: `time: invalid duration ${quoted}` };
    const [all, whole = '', frac, unit = ''] = m;
    if (whole === '' && (frac === undefined || frac === ''))
      return { error: `time: invalid duration ${quoted}` };
    if (unit === '') return { error: `time: missing unit in duration ${quoted}` };
    const scale = UNIT_NS[unit];
    if (scale === undefined)
      return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    total += Number(`${whole === '' ? '0' : whole}.${frac ?? ''}0`) * scale;
    s = s.slice(all.length);
  }
  return { ns: sign * Math.round(total) };
}

/** Milliseconds of a duration already known to be valid (0 if it is not). */
export function durationMs(text: string | undefined): number {
  if (text === undefined) return 0;
  const d = parseGoDuration(text);
  return 'ns' in d ? d.ns / 1e6 : 0;
}

/**
 * Istio's `ValidateDuration` (pkg/config/validation): a valid Go duration, at least 1 ms, and a
 * whole number of milliseconds. Returns the message or null.
 */
export function validateDuration(text: string): string | null {
  const d = parseGoDuration(text);
  if ('error' in d) return d.error;
  if (d.ns < 1e6) return 'duration must be greater than 1ms';
  if (d.ns % 1e6 !== 0) return 'only durations to ms precision are supported';
  return null;
}

/** Proto JSON form of a duration in milliseconds: `10s`, `0.025s`, `0s`. */
export function protoDuration(ms: number): string {
  const s = Math.round(ms) / 1000;
  return `${s}s`;
}
