import type { SceneDef } from '../../scenes/types';
import { CAST } from '../engine/mesh/contract';
import { SPEEDS } from '../runtime/speed';
import type { ThemeChoice } from '../store/uiStore';

/** Where the hash points: the scene list, or one scene with its query. */
export type Route = { kind: 'home'; notice?: string } | { kind: 'scene'; number: number; query: URLSearchParams };

export function parseRoute(hash: string, known: number[]): Route {
  const m = /^#\/scene\/([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!m) return hash && hash !== '#' && hash !== '#/' ? { kind: 'home', notice: `Unknown address "${hash.slice(0, 60)}": showing the scene list.` } : { kind: 'home' };
  const n = /^\d{1,2}$/.test(m[1] ?? '') ? Number(m[1]) : NaN;
  if (!known.includes(n))
    return { kind: 'home', notice: `There is no scene "${(m[1] ?? '').slice(0, 20)}" yet: showing the scene list.` };
  return { kind: 'scene', number: n, query: new URLSearchParams(m[2] ?? '') };
}

/** The view a scene URL describes, every value validated. */
export interface SceneParams {
  /** 0-based. */
  step: number;
  seed: number;
  speed: number;
  istiod: 'up' | 'down' | null;
  sidecar: string | null;
  theme: ThemeChoice | null;
  embed: boolean;
}

const KNOWN = ['step', 'seed', 'speed', 'istiod', 'sidecar', 'theme', 'embed'];

/**
 * Reads a scene's query. Every invalid value falls back to its default and adds a notice, so a
 * hand-edited or hostile URL never blanks the page.
 */
export function readSceneParams(q: URLSearchParams, def: SceneDef): { params: SceneParams; notices: string[] } {
  const notices: string[] = [];
  const bad = (name: string, value: string, fallback: string) =>
    notices.push(`Ignored ${name}="${value.slice(0, 40)}": using ${fallback}.`);
  const p: SceneParams = { step: 0, seed: def.setup.seed, speed: def.setup.speed, istiod: null, sidecar: null, theme: null, embed: false };
  for (const key of q.keys()) if (!KNOWN.includes(key)) notices.push(`Unknown parameter "${key.slice(0, 30)}" ignored.`);
  const get = (k: string) => q.get(k);
  const step = get('step');
  if (step !== null) {
    const n = /^\d{1,3}$/.test(step) ? Number(step) : NaN;
    if (n >= 1 && n <= def.steps.length) p.step = n - 1;
    else bad('step', step, `step 1 (this scene has ${def.steps.length})`);
  }
  const seed = get('seed');
  if (seed !== null) {
    if (/^\d{1,9}$/.test(seed)) p.seed = Number(seed);
    else bad('seed', seed, `seed ${def.setup.seed}`);
  }
  const speed = get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && SPEEDS[def.setup.timeScale].includes(n)) p.speed = n;
    else bad('speed', speed, `speed ${def.setup.speed} (one of ${SPEEDS[def.setup.timeScale].join(', ')})`);
  }
  const istiod = get('istiod');
  if (istiod !== null) {
    if (istiod === 'up' || istiod === 'down') p.istiod = istiod;
    else bad('istiod', istiod, 'the step’s own state (up or down)');
  }
  const sidecar = get('sidecar');
  if (sidecar !== null) {
    if ((CAST as readonly string[]).includes(sidecar)) p.sidecar = sidecar;
    else bad('sidecar', sidecar, `the step’s sidecar (${CAST.join(', ')})`);
  }
  const theme = get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark' || theme === 'system') p.theme = theme;
    else bad('theme', theme, 'the system theme');
  }
  const embed = get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === '0') p.embed = embed === '1';
    else bad('embed', embed, 'embed=0');
  }
  return { params: p, notices };
}

/** The hash for a scene view (only non-default values, so links stay short). */
export function sceneHash(
  def: SceneDef,
  v: { step: number; seed: number; speed: number; istiodDown: boolean; sidecar: string; embed: boolean; theme?: ThemeChoice },
): string {
  const q = new URLSearchParams();
  q.set('step', String(v.step + 1));
  if (v.seed !== def.setup.seed) q.set('seed', String(v.seed));
  if (v.speed !== def.setup.speed) q.set('speed', String(v.speed));
  q.set('istiod', v.istiodDown ? 'down' : 'up');
  q.set('sidecar', v.sidecar);
  if (v.theme && v.theme !== 'system') q.set('theme', v.theme);
  if (v.embed) q.set('embed', '1');
  return `#/scene/${def.number}?${q.toString()}`;
}
