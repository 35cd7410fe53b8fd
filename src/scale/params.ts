/** The scale view's URL (`#/scale?seed=1&cores=2&speed=0.05&theme=dark&embed=1`), validated. */
import { CORES, DEFAULT_CORES, DEFAULT_SEED, DEFAULT_SPEED, SPEEDS } from './constants';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ScaleParams {
  seed: number;
  cores: number;
  speed: number;
  theme: ThemeChoice;
  embed: boolean;
}

const KNOWN = ['seed', 'cores', 'speed', 'theme', 'embed'];

/** Reads the query; every invalid value falls back to its default with a notice. */
export function readScaleParams(q: URLSearchParams): { params: ScaleParams; notices: string[] } {
  const notices: string[] = [];
  const bad = (name: string, v: string, fallback: string) =>
    notices.push(`Ignored ${name}="${v.slice(0, 40)}": using ${fallback}.`);
  const p: ScaleParams = {
    seed: DEFAULT_SEED,
    cores: DEFAULT_CORES,
    speed: DEFAULT_SPEED,
    theme: 'system',
    embed: false,
  };
  for (const key of q.keys())
    if (!KNOWN.includes(key)) notices.push(`Unknown parameter "${key.slice(0, 30)}" ignored.`);
  const seed = q.get('seed');
  if (seed !== null) {
    if (/^\d{1,9}$/.test(seed)) p.seed = Number(seed);
    else bad('seed', seed, `seed ${DEFAULT_SEED}`);
  }
  const cores = q.get('cores');
  if (cores !== null) {
    const n = Number(cores);
    if ((CORES as readonly number[]).includes(n) && /^\d+$/.test(cores)) p.cores = n;
    else bad('cores', cores, `${DEFAULT_CORES} (one of ${CORES.join(', ')})`);
  }
  const speed = q.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && (SPEEDS as readonly number[]).includes(n)) p.speed = n;
    else bad('speed', speed, `${DEFAULT_SPEED} (one of ${SPEEDS.join(', ')})`);
  }
  const theme = q.get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark' || theme === 'system') p.theme = theme;
    else bad('theme', theme, 'the system theme');
  }
  const embed = q.get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === '0') p.embed = embed === '1';
    else bad('embed', embed, 'embed=0');
  }
  return { params: p, notices };
}

/** The hash for a view (defaults left out, so links stay short). */
export function scaleHash(p: ScaleParams): string {
  const q = new URLSearchParams();
  if (p.seed !== DEFAULT_SEED) q.set('seed', String(p.seed));
  if (p.cores !== DEFAULT_CORES) q.set('cores', String(p.cores));
  if (p.speed !== DEFAULT_SPEED) q.set('speed', String(p.speed));
  if (p.theme !== 'system') q.set('theme', p.theme);
  if (p.embed) q.set('embed', '1');
  const s = q.toString();
  return s ? `#/scale?${s}` : '#/scale';
}

/** `0.05` → `0.05×`. */
export const formatSpeed = (s: number): string => `${s}×`;
