/**
 * Simulated time. The engine counts integer microseconds so that every JavaScript engine computes
 * the same schedule: no float drift, no `Math.log` differences, exact equality for ties.
 */
export type SimTime = number & { readonly __brand?: 'SimTime' };

/** One microsecond, the engine's unit. */
export const MICROSECOND: SimTime = 1;
/** One millisecond in engine units. */
export const MILLISECOND: SimTime = 1_000;
/** One second in engine units. */
export const SECOND: SimTime = 1_000_000;
/** One minute in engine units. */
export const MINUTE: SimTime = 60 * SECOND;
/** One hour in engine units. */
export const HOUR: SimTime = 60 * MINUTE;

/** Milliseconds to engine time (rounded to whole microseconds). */
export const ms = (n: number): SimTime => Math.round(n * MILLISECOND);
/** Seconds to engine time (rounded to whole microseconds). */
export const sec = (n: number): SimTime => Math.round(n * SECOND);
/** Hours to engine time. */
export const hours = (n: number): SimTime => Math.round(n * HOUR);

/** Formats a time for people: `1.250 s`, `12 ms`, `3 h 05 m`. */
export function formatTime(t: SimTime): string {
  if (t >= HOUR) {
    const h = Math.floor(t / HOUR);
    const m = Math.floor((t % HOUR) / MINUTE);
    return `${h} h ${String(m).padStart(2, '0')} m`;
  }
  if (t >= SECOND) return `${(t / SECOND).toFixed(3)} s`;
  if (t >= MILLISECOND) return `${(t / MILLISECOND).toFixed(1)} ms`;
  return `${t} µs`;
}
