import type { TimeScale } from '../scene/types';

/** Speeds offered per time scale: multiples of real time, or simulated hours per wall second. */
export const SPEEDS: Record<TimeScale, number[]> = {
  realtime: [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100],
  hours: [0.25, 0.5, 1, 2, 4, 8],
};

/** Simulated seconds per wall second for a speed setting. */
export const multiplier = (scale: TimeScale, speed: number): number =>
  scale === 'hours' ? speed * 3600 : speed;

export const formatSpeed = (scale: TimeScale, speed: number): string =>
  scale === 'hours' ? `${speed} h/s` : `${speed}×`;

/** The next faster (+1) or slower (−1) speed in the list. */
export function nudgeSpeed(scale: TimeScale, speed: number, dir: 1 | -1): number {
  const list = SPEEDS[scale];
  const i = list.findIndex((s) => s >= speed);
  const at = i < 0 ? list.length - 1 : i;
  const j = Math.min(
    list.length - 1,
    Math.max(0, (list[at] === speed ? at : dir > 0 ? at - 1 : at) + dir),
  );
  return list[j] ?? speed;
}
