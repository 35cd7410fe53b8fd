/**
 * Istiod's version and nonce strings (docs/fidelity.md §1.1): `version_info` is an RFC3339 timestamp,
 * "/" and a counter (`2026-05-09T18:54:04Z/42`); the nonce is that version followed directly by a
 * UUID (`nonce(prefix) = prefix + uuid.New().String()` in pilot/pkg/xds). The engine never reads
 * the clock: the wall-looking timestamp is a fixed epoch plus simulated time, and the UUID comes
 * from the seeded RNG, so both replay exactly.
 */
import type { Rng } from '../core/rng';
import { SECOND, type SimTime } from '../core/time';

/** The wall-clock instant that simulated time 0 maps to: 2026-05-09T18:00:00Z, in Unix seconds. */
export const EPOCH_UNIX_SECONDS = 1_778_349_600;

/** Days since 1970-01-01 → [year, month 1..12, day 1..31] (Howard Hinnant's civil_from_days). */
function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formats simulated time as an RFC3339 UTC timestamp with whole seconds (Go's time.RFC3339). */
export function rfc3339(t: SimTime): string {
  const unix = EPOCH_UNIX_SECONDS + Math.floor(t / SECOND);
  const days = Math.floor(unix / 86400);
  const rem = unix - days * 86400;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(rem / 3600);
  const mi = Math.floor((rem % 3600) / 60);
  const s = rem % 60;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

/** RFC3339 with milliseconds (`2026-05-09T18:00:01.250Z`), as Envoy prints `last_updated`. */
export function rfc3339Millis(t: SimTime): string {
  const base = rfc3339(t);
  const millis = Math.floor((t % SECOND) / 1000);
  return `${base.slice(0, -1)}.${String(millis).padStart(3, '0')}Z`;
}

/** Istiod's `NextVersion()`: timestamp + "/" + counter. */
export function pushVersion(t: SimTime, counter: number): string {
  return `${rfc3339(t)}/${counter}`;
}

const HEX = '0123456789abcdef';

/** A version-4 UUID string drawn from the seeded RNG. */
export function uuid4(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 32; i++) {
    let v = rng.int(16);
    if (i === 12) v = 4;
    else if (i === 16) v = 8 + (v & 3);
    out += HEX[v];
    if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
  }
  return out;
}

/** Istiod's nonce: the version followed directly by a UUID. */
export function makeNonce(version: string, rng: Rng): string {
  return version + uuid4(rng);
}

/** Regular expression a version_info produced here always matches. */
export const VERSION_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\/\d+$/;
/** Regular expression a nonce produced here always matches. */
export const NONCE_RE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\/\d+[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
