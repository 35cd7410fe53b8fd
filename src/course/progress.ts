/**
 * The learner's course progress, kept in the browser (localStorage) under one versioned key.
 * What is stored is only what the course map shows: per scene the number of steps, the steps
 * completed, the "Try this" controls used and the predictions made; and the last scene and step
 * seen (for "Continue where you left off"). Whatever is read back is checked field by field:
 * a corrupt, foreign or hostile value is dropped (never thrown), and storage that refuses to be
 * read or written (private windows, quotas, a blocked origin) leaves progress in memory only.
 */

export const PROGRESS_KEY = 'mesh-scenes:progress';
export const PROGRESS_VERSION = 1;

/** How a prediction came out: the run proved the pick right, wrong, or has not settled yet. */
export type Outcome = 'right' | 'wrong' | 'open';

export interface SceneProgress {
  /** The scene's number of steps when last seen. */
  total: number;
  /** 0-based steps whose run has completed, ascending. */
  done: readonly number[];
  /** Ids of the "Try this" controls used, in first-use order. */
  tries: readonly string[];
  /** 0-based step → how the prediction asked there came out. */
  predicted: Readonly<Record<number, Outcome>>;
}

export interface Progress {
  /** The last scene and 0-based step seen (null: nothing yet). */
  last: { scene: number; step: number } | null;
  /** Scene number → its progress (a scene is here once visited). */
  scenes: Readonly<Record<number, SceneProgress>>;
}

export const emptyProgress: Progress = { last: null, scenes: {} };

/** The part of Web Storage the store uses (tests pass a fake one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const MAX_RAW = 64 * 1024;
const MAX_STEPS = 50;
const MAX_TRIES = 20;
const SCENE_KEY = /^\d{1,2}$/;
const TRY_ID = /^[A-Za-z0-9_.-]{1,40}$/;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown, min: number, max: number): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;

function readScene(v: unknown): SceneProgress | null {
  if (!isObj(v)) return null;
  const total = int(v['total'], 1, MAX_STEPS);
  if (total === null) return null;
  const done = Array.isArray(v['done'])
    ? [...new Set(v['done'].map((d) => int(d, 0, total - 1)))]
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b)
    : [];
  const tries = Array.isArray(v['tries'])
    ? [...new Set(v['tries'].filter((t): t is string => typeof t === 'string' && TRY_ID.test(t)))]
    : [];
  const predicted: Record<number, Outcome> = {};
  const p = v['predicted'];
  if (isObj(p))
    for (const [k, o] of Object.entries(p)) {
      const step = /^\d{1,2}$/.test(k) ? Number(k) : -1;
      if (step >= 0 && step < total && (o === 'right' || o === 'wrong' || o === 'open'))
        predicted[step] = o;
    }
  return { total, done, tries: tries.slice(0, MAX_TRIES), predicted };
}

/**
 * Reads a stored value. Anything that is not this version's shape gives empty progress; fields
 * that fail their checks are dropped one by one (a bad scene entry does not cost the others).
 */
export function parseProgress(raw: string | null): Progress {
  if (raw === null || raw.length > MAX_RAW) return emptyProgress;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return emptyProgress;
  }
  if (!isObj(v) || v['v'] !== PROGRESS_VERSION) return emptyProgress;
  const scenes: Record<number, SceneProgress> = {};
  if (isObj(v['scenes']))
    for (const [k, s] of Object.entries(v['scenes'])) {
      const n = SCENE_KEY.test(k) ? Number(k) : 0;
      const sp = n >= 1 ? readScene(s) : null;
      if (sp) scenes[n] = sp;
    }
  const l = v['last'];
  const scene = isObj(l) ? int(l['scene'], 1, 99) : null;
  const step = isObj(l) ? int(l['step'], 0, MAX_STEPS - 1) : null;
  const last = scene !== null && step !== null && scenes[scene] ? { scene, step } : null;
  return { last, scenes };
}

export const serializeProgress = (p: Progress): string =>
  JSON.stringify({ v: PROGRESS_VERSION, last: p.last, scenes: p.scenes });

/** The same value or an updated copy (so unchanged calls write nothing). */
type Update = (p: Progress) => Progress;

const scene = (p: Progress, n: number): SceneProgress | undefined => p.scenes[n];
const withScene = (p: Progress, n: number, s: SceneProgress): Progress => ({
  ...p,
  scenes: { ...p.scenes, [n]: s },
});

/** A scene was opened (it has `total` steps). */
export const visit =
  (n: number, total: number): Update =>
  (p) => {
    const t = Math.max(1, Math.min(MAX_STEPS, Math.floor(total)));
    const s = scene(p, n);
    if (s && s.total === t) return p;
    const done = (s?.done ?? []).filter((d) => d < t);
    return withScene(p, n, {
      total: t,
      done,
      tries: s?.tries ?? [],
      predicted: s?.predicted ?? {},
    });
  };

/** The learner is on 0-based `step` of scene `n`; `completed` once the step's run has finished. */
export const atStep =
  (n: number, step: number, completed: boolean): Update =>
  (p) => {
    const s = scene(p, n);
    if (!s || step < 0 || step >= s.total) return p;
    let q = p.last?.scene === n && p.last.step === step ? p : { ...p, last: { scene: n, step } };
    if (completed && !s.done.includes(step))
      q = withScene(q, n, { ...s, done: [...s.done, step].sort((a, b) => a - b) });
    return q;
  };

/** "Try this" controls used in scene `n` (ids; new ones are added). */
export const tried =
  (n: number, ids: readonly string[]): Update =>
  (p) => {
    const s = scene(p, n);
    const fresh = ids.filter((id) => TRY_ID.test(id) && !s?.tries.includes(id));
    if (!s || fresh.length === 0) return p;
    return withScene(p, n, { ...s, tries: [...s.tries, ...new Set(fresh)].slice(0, MAX_TRIES) });
  };

/** Predictions made in scene `n` (0-based step → the pick and the answer the run proved). */
export const predicted =
  (n: number, made: Readonly<Record<number, { picked: string; answer: string | null }>>): Update =>
  (p) => {
    const s = scene(p, n);
    if (!s) return p;
    let next: Record<number, Outcome> | null = null;
    for (const [k, m] of Object.entries(made)) {
      const step = Number(k);
      if (!Number.isInteger(step) || step < 0 || step >= s.total) continue;
      const o: Outcome = m.answer === null ? 'open' : m.answer === m.picked ? 'right' : 'wrong';
      // A settled outcome is never turned back into an open one.
      const had = s.predicted[step];
      if (had === o || (had !== undefined && had !== 'open' && o === 'open')) continue;
      next = { ...(next ?? s.predicted), [step]: o };
    }
    return next ? withScene(p, n, { ...s, predicted: next }) : p;
  };

/** What the course map says of one scene. */
export interface SceneSummary {
  total: number;
  done: number;
  /** 1-based furthest step completed (0: none). */
  furthest: number;
  tries: number;
  predictions: number;
  right: number;
}

export function summarize(s: SceneProgress | undefined): SceneSummary | null {
  if (!s) return null;
  const outcomes = Object.values(s.predicted);
  return {
    total: s.total,
    done: s.done.length,
    furthest: s.done.length ? (s.done[s.done.length - 1] as number) + 1 : 0,
    tries: s.tries.length,
    predictions: outcomes.length,
    right: outcomes.filter((o) => o === 'right').length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "6 of 10 steps · 2 tries · 1 prediction" (null for a scene not visited). */
export function summaryText(s: SceneSummary | null): string | null {
  if (!s) return null;
  const parts = [`${s.done} of ${s.total} steps`];
  if (s.tries) parts.push(plural(s.tries, 'try', 'tries'));
  if (s.predictions)
    parts.push(`${plural(s.predictions, 'prediction')}${s.right ? ` (${s.right} borne out)` : ''}`);
  return parts.join(' · ');
}
