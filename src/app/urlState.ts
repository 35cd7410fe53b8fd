import { SPEEDS } from '../runtime/speed';
import type { InputLogEntry } from '../engine/core/simulation';
import type { AnySceneDef } from '../scene/types';
import { decodeRunLog } from './runLink';
import { parseHosts } from '../embed/protocol';
import type { ThemeChoice } from '../store/uiStore';

/** Where the hash points: the scene list, or one scene with its query. */
export type Route =
  | { kind: 'home'; notice?: string }
  | { kind: 'scene'; number: number; query: URLSearchParams }
  | { kind: 'glossary'; term: string | null }
  | { kind: 'analogies' }
  | { kind: 'scale'; query: URLSearchParams };

export function parseRoute(hash: string, known: number[]): Route {
  // The glossary, optionally at one entry (`#/glossary#term-xds`); the control/data-plane page.
  const g = /^#\/glossary\/?(?:#term-([a-z0-9-]{1,40}))?$/.exec(hash);
  if (g) return { kind: 'glossary', term: g[1] ?? null };
  if (/^#\/analogies\/?$/.test(hash)) return { kind: 'analogies' };
  // The whole mesh at 1,000 sidecars (src/scale), with its own query.
  const sc = /^#\/scale\/?(?:\?(.*))?$/.exec(hash);
  if (sc) return { kind: 'scale', query: new URLSearchParams(sc[1] ?? '') };
  const m = /^#\/scene\/([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!m)
    return hash && hash !== '#' && hash !== '#/'
      ? { kind: 'home', notice: `Unknown address "${hash.slice(0, 60)}": showing the scene list.` }
      : { kind: 'home' };
  const n = /^\d{1,2}$/.test(m[1] ?? '') ? Number(m[1]) : NaN;
  if (!known.includes(n))
    return {
      kind: 'home',
      notice: `There is no scene "${(m[1] ?? '').slice(0, 20)}" yet: showing the scene list.`,
    };
  return { kind: 'scene', number: n, query: new URLSearchParams(m[2] ?? '') };
}

/** The view a scene URL describes, every value validated. */
export interface SceneParams {
  /** 0-based. */
  step: number;
  seed: number;
  speed: number;
  /** The selected actor as written (checked against the model's actors once it runs). */
  select: string | null;
  /** Toggle id → on/off, for the scene's toggles that carry a URL parameter. */
  toggles: Record<string, boolean>;
  /** Slider id → value, for the scene's sliders that carry a URL parameter. */
  sliders: Record<string, number>;
  theme: ThemeChoice | null;
  embed: boolean;
  /** Origins allowed to drive this page through postMessage (`host=`, docs/embedding.md). */
  hosts: string[];
  /** Protocol slow motion (null: the default, on). */
  slowMotion: boolean | null;
  /** `autoplay=1` plays on load, `autoplay=0` never (null: a bare link plays; an embed or a link to a step waits). */
  autoplay: boolean | null;
  /** Simulated time to show (µs), or null: the end of the step. */
  t: number | null;
  /** A run's input log from a shared link (replayed instead of the steps), or null. */
  log: InputLogEntry<unknown>[] | null;
}

const COMMON = [
  'step',
  'seed',
  'speed',
  'theme',
  'embed',
  'host',
  'slowmo',
  'autoplay',
  't',
  'log',
];

/** The URL parameters a scene understands: the common ones plus those its setup and controls declare. */
export function sceneParamNames(def: AnySceneDef): string[] {
  const own = def.tryThis.flatMap((t) =>
    t.kind === 'toggle' && t.param
      ? [t.param.name]
      : t.kind === 'slider' && t.param
        ? [t.param]
        : [],
  );
  return [...COMMON, def.setup.selection.param, ...own];
}

/**
 * Reads a scene's query. Every invalid value falls back to its default and adds a notice, so a
 * hand-edited or hostile URL never blanks the page.
 */
export function readSceneParams(
  q: URLSearchParams,
  def: AnySceneDef,
): { params: SceneParams; notices: string[] } {
  const notices: string[] = [];
  const bad = (name: string, value: string, fallback: string) =>
    notices.push(`Ignored ${name}="${value.slice(0, 40)}": using ${fallback}.`);
  const { setup } = def;
  const p: SceneParams = {
    step: 0,
    seed: setup.seed,
    speed: setup.speed,
    select: null,
    toggles: {},
    sliders: {},
    theme: null,
    embed: false,
    hosts: [],
    slowMotion: null,
    autoplay: null,
    t: null,
    log: null,
  };
  const known = sceneParamNames(def);
  for (const key of q.keys())
    if (!known.includes(key)) notices.push(`Unknown parameter "${key.slice(0, 30)}" ignored.`);
  const step = q.get('step');
  if (step !== null) {
    const n = /^\d{1,3}$/.test(step) ? Number(step) : NaN;
    if (n >= 1 && n <= def.steps.length) p.step = n - 1;
    else bad('step', step, `step 1 (this scene has ${def.steps.length})`);
  }
  const seed = q.get('seed');
  if (seed !== null) {
    if (/^\d{1,9}$/.test(seed)) p.seed = Number(seed);
    else bad('seed', seed, `seed ${setup.seed}`);
  }
  const speed = q.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && SPEEDS[setup.timeScale].includes(n)) p.speed = n;
    else bad('speed', speed, `speed ${setup.speed} (one of ${SPEEDS[setup.timeScale].join(', ')})`);
  }
  const select = q.get(setup.selection.param);
  if (select !== null) {
    if (/^[a-z0-9][a-z0-9.-]{0,62}$/.test(select)) p.select = select;
    else bad(setup.selection.param, select, `the step’s ${setup.selection.noun}`);
  }
  for (const t of def.tryThis) {
    if (t.kind === 'toggle' && t.param) {
      const v = q.get(t.param.name);
      if (v === null) continue;
      if (v === t.param.on || v === t.param.off) p.toggles[t.id] = v === t.param.on;
      else bad(t.param.name, v, `the step’s own state (${t.param.off} or ${t.param.on})`);
    } else if (t.kind === 'slider' && t.param) {
      const v = q.get(t.param);
      if (v === null) continue;
      const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
      if (n >= t.min && n <= t.max && (n - t.min) % t.step === 0) p.sliders[t.id] = n;
      else
        bad(
          t.param,
          v,
          `${t.label.toLowerCase()} from the step (${t.min}–${t.max} in steps of ${t.step})`,
        );
    }
  }
  const theme = q.get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark' || theme === 'system') p.theme = theme;
    else bad('theme', theme, 'the system theme');
  }
  const slowmo = q.get('slowmo');
  if (slowmo !== null) {
    if (slowmo === '0' || slowmo === '1') p.slowMotion = slowmo === '1';
    else bad('slowmo', slowmo, 'slow motion on (slowmo=1)');
  }
  const embed = q.get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === '0') p.embed = embed === '1';
    else bad('embed', embed, 'embed=0');
  }
  const host = q.get('host');
  if (host !== null) {
    const { hosts, rejected } = parseHosts(host);
    p.hosts = hosts;
    for (const r of rejected)
      bad('host', r, 'the valid hosts only (https:// origins, http://localhost, http://127.0.0.1)');
  }
  const autoplay = q.get('autoplay');
  if (autoplay !== null) {
    if (autoplay === '1' || autoplay === '0') p.autoplay = autoplay === '1';
    else bad('autoplay', autoplay, 'the default (an embed waits for Play)');
  }
  readRunParams(q, def, p, bad);
  return { params: p, notices };
}

/** The longest simulated time a link may ask for (the replay must stay quick). */
export const maxLinkTime = (def: AnySceneDef): number =>
  (def.setup.timeScale === 'hours' ? 400 : 4) * 3_600_000_000;

/** `t=` (µs) and `log=` (a run's input log, see runLink.ts). */
function readRunParams(
  q: URLSearchParams,
  def: AnySceneDef,
  p: SceneParams,
  bad: (n: string, v: string, f: string) => void,
): void {
  const t = q.get('t');
  if (t !== null) {
    const n = /^\d{1,13}$/.test(t) ? Number(t) : NaN;
    if (n >= 0 && n <= maxLinkTime(def)) p.t = n;
    else bad('t', t, 'the end of the step');
  }
  const log = q.get('log');
  if (log !== null) {
    const r = decodeRunLog(log, def.model.parseCommand);
    if ('log' in r) p.log = r.log;
    else bad('log', log, `the step’s own run (${r.error})`);
  }
}

/** What the address bar describes (the current view). */
export interface SceneView {
  step: number;
  seed: number;
  speed: number;
  select: string;
  toggles: Record<string, boolean>;
  sliders: Record<string, number>;
  embed: boolean;
  /** The origins allowed to drive an embed (kept so a reloaded frame still answers its host). */
  hosts?: readonly string[];
  theme?: ThemeChoice;
  slowMotion?: boolean;
  autoplay?: boolean | null;
  /** The time shown (µs) and the run's encoded input log (when the learner changed the run). */
  t?: number;
  log?: string | null;
}

/** The hash for a scene view (only non-default values where a default exists, so links stay short). */
export function sceneHash(def: AnySceneDef, v: SceneView): string {
  const q = new URLSearchParams();
  q.set('step', String(v.step + 1));
  if (v.seed !== def.setup.seed) q.set('seed', String(v.seed));
  if (v.speed !== def.setup.speed) q.set('speed', String(v.speed));
  for (const t of def.tryThis) {
    if (t.kind === 'toggle' && t.param && t.id in v.toggles)
      q.set(t.param.name, v.toggles[t.id] ? t.param.on : t.param.off);
    if (
      t.kind === 'slider' &&
      t.param &&
      v.sliders[t.id] !== undefined &&
      v.sliders[t.id] !== t.initial
    )
      q.set(t.param, String(v.sliders[t.id]));
  }
  q.set(def.setup.selection.param, v.select);
  if (v.theme && v.theme !== 'system') q.set('theme', v.theme);
  if (v.embed) q.set('embed', '1');
  if (v.hosts?.length) q.set('host', v.hosts.join(','));
  if (v.slowMotion === false) q.set('slowmo', '0');
  if (v.autoplay !== undefined && v.autoplay !== null) q.set('autoplay', v.autoplay ? '1' : '0');
  if (v.t !== undefined) q.set('t', String(Math.round(v.t)));
  if (v.log) q.set('log', v.log);
  return `#/scene/${def.meta.number}?${q.toString()}`;
}
