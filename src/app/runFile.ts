import type { InputLogEntry } from '../engine/core/simulation';
import { formatTime } from '../engine/core/time';
import type { AnyPlayer } from '../runtime/player';
import { settledHash, type SavedRun } from '../runtime/runs';
import { SPEEDS } from '../runtime/speed';
import type { AnySceneDef } from '../scene/types';
import { maxLinkTime } from './urlState';

/**
 * A run as a small file [1]: `mesh-scenes-run` JSON that reopens the exact moment shown — the
 * scene, the seed, the input log (every command with the time and the event count it was applied
 * at), the time, the step, the learner's other runs (branches), and the state hash at that moment
 * so that opening it can check it landed on the same state. Reading one checks every part before
 * anything changes: size, shape, versions, each command against the model's schema.
 */
export const RUN_FILE_FORMAT = 'mesh-scenes-run';
export const RUN_FILE_VERSION = 1;
/** Files larger than this are refused unread. */
export const MAX_RUN_FILE_BYTES = 512 * 1024;
/** Commands per run and branches per file. */
export const MAX_FILE_LOG = 2_000;
export const MAX_FILE_BRANCHES = 20;

/** One run in a file: enough to rebuild it (seed + input log) and where it was left. */
export interface FileRun {
  seed: number;
  /** The furthest simulated time it reached (µs). */
  end: number;
  /** 1-based, as the page shows it. */
  step: number;
  changes: number;
  log: { at: number; after: number; command: unknown }[];
}

/** The file (format version 1). */
export interface RunFile extends FileRun {
  format: typeof RUN_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  scene: { number: number; slug: string; title: string };
  model: string;
  /** The simulated time shown (µs), in words too (ignored when read). */
  t: number;
  time: string;
  /** Engine events processed and input-log entries applied at `t`: the exact moment. */
  processed: number;
  logPosition: number;
  /** `stateHash()` of the engine at that moment. */
  stateHash: string;
  speed: number;
  selected: string;
  /** The learner's other runs on this page. */
  branches: FileRun[];
}

const fileRun = (r: Omit<SavedRun<unknown>, 'id'>): FileRun => ({
  seed: r.seed,
  end: r.end,
  step: r.step + 1,
  changes: r.changes,
  log: r.log.map((e) => ({ at: e.at, after: e.after, command: e.command })),
});

/** The file for the run on screen, and its name (`scene-11-run-83.456s.json`). */
export function buildRunFile(
  def: AnySceneDef,
  player: AnyPlayer,
  ui: { speed: number; selected: string },
): { name: string; file: RunFile } {
  const sim = player.sim;
  const file: RunFile = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    scene: { number: def.meta.number, slug: def.meta.slug, title: def.meta.title },
    model: def.model.name,
    t: sim.now,
    time: formatTime(sim.now),
    processed: sim.processed,
    logPosition: sim.logPosition,
    stateHash: settledHash(sim),
    speed: ui.speed,
    selected: ui.selected,
    ...fileRun({
      seed: player.seed,
      log: sim.inputLog,
      end: Math.max(player.highWater, sim.now),
      step: player.stepIndex,
      changes: player.learnerChanges,
    }),
    branches: player.runs.list.slice(0, MAX_FILE_BRANCHES).map(fileRun),
  };
  return { name: `scene-${def.meta.number}-run-${(sim.now / 1e6).toFixed(3)}s.json`, file };
}

/** A run file read back: checked, commands typed by the model. */
export interface ReadRun {
  seed: number;
  end: number;
  /** 0-based. */
  step: number;
  changes: number;
  log: InputLogEntry<unknown>[];
}
export interface ReadRunFile extends ReadRun {
  point: { t: number; processed: number; logPosition: number };
  stateHash: string;
  /** Only when valid for this scene (else null: the page keeps its own). */
  speed: number | null;
  selected: string | null;
  branches: ReadRun[];
}

/** What reading a file gave: the run, a file for another scene, or why it was refused. */
export type RunFileResult =
  | { ok: true; run: ReadRunFile }
  | { ok: false; error: string; otherScene?: { number: number; title: string } };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** Reads one run's seed, log and position; a string says what is wrong. */
function readRun(v: unknown, def: AnySceneDef, what: string): ReadRun | string {
  const parse = def.model.parseCommand;
  if (!parse) return 'this scene takes no commands from files';
  if (!isObject(v)) return `${what} is not an object`;
  if (!count(v.seed, 999_999_999)) return `${what}: the seed is not a whole number up to 999999999`;
  if (!count(v.end, maxLinkTime(def))) return `${what}: its end time is out of range`;
  if (!count(v.step) || v.step < 1 || v.step > def.steps.length)
    return `${what}: step must be 1 to ${def.steps.length}`;
  if (!count(v.changes, MAX_FILE_LOG)) return `${what}: bad count of changes`;
  if (!Array.isArray(v.log) || v.log.length > MAX_FILE_LOG)
    return `${what}: the log is not a list of at most ${MAX_FILE_LOG} commands`;
  const log: InputLogEntry<unknown>[] = [];
  for (const [i, item] of (v.log as unknown[]).entries()) {
    if (!isObject(item)) return `${what}: log entry ${i + 1} is not an object`;
    const { at, after } = item;
    if (!count(at) || !count(after))
      return `${what}: log entry ${i + 1} has a bad time or position`;
    const command = parse(item.command);
    if (command === null) return `${what}: log entry ${i + 1} is not a command of this scene`;
    const prev = log[log.length - 1];
    if (prev && (after < prev.after || at < prev.at)) return `${what}: log entries out of order`;
    log.push({ at, after, command });
  }
  return { seed: v.seed, end: v.end, step: v.step - 1, changes: v.changes, log };
}

/** Checks a file's text for this scene; nothing is applied here. */
export function readRunFile(text: string, def: AnySceneDef): RunFileResult {
  const fail = (error: string): RunFileResult => ({ ok: false, error });
  if (text.length > MAX_RUN_FILE_BYTES)
    return fail(`the file is larger than ${MAX_RUN_FILE_BYTES / 1024} kB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('the file is not JSON');
  }
  if (!isObject(raw) || raw.format !== RUN_FILE_FORMAT)
    return fail(`the file is not a saved run (no "format": "${RUN_FILE_FORMAT}")`);
  if (raw.version !== RUN_FILE_VERSION)
    return fail(
      `the file is format version ${String(raw.version).slice(0, 12)}; this page reads version ${RUN_FILE_VERSION}`,
    );
  const scene = isObject(raw.scene) ? raw.scene : {};
  if (!count(scene.number, 99)) return fail('the file does not say which scene it is for');
  if (scene.number !== def.meta.number) {
    const title = typeof scene.title === 'string' ? scene.title.slice(0, 80) : '';
    return {
      ok: false,
      error: `the run is from scene ${scene.number}${title ? ` (${title})` : ''}, not scene ${def.meta.number}`,
      otherScene: { number: scene.number, title },
    };
  }
  if (raw.model !== def.model.name) return fail(`the run is not for the ${def.model.name} model`);
  const run = readRun(raw, def, 'the run');
  if (typeof run === 'string') return fail(run);
  const { t, processed, logPosition, stateHash } = raw;
  if (!count(t, run.end) || t > maxLinkTime(def)) return fail('its time is out of range');
  if (!count(processed) || !count(logPosition, run.log.length))
    return fail('its event count or log position is out of range');
  if (typeof stateHash !== 'string' || !/^[0-9a-f]{16}$/.test(stateHash))
    return fail('its state hash is not 16 hex digits');
  if (!Array.isArray(raw.branches) || raw.branches.length > MAX_FILE_BRANCHES)
    return fail(`its branches are not a list of at most ${MAX_FILE_BRANCHES} runs`);
  const branches: ReadRun[] = [];
  for (const [i, b] of (raw.branches as unknown[]).entries()) {
    const r = readRun(b, def, `branch ${i + 1}`);
    if (typeof r === 'string') return fail(r);
    branches.push(r);
  }
  const speed = SPEEDS[def.setup.timeScale].includes(raw.speed as number)
    ? (raw.speed as number)
    : null;
  const selected =
    typeof raw.selected === 'string' && /^[a-z0-9][a-z0-9.-]{0,62}$/.test(raw.selected)
      ? raw.selected
      : null;
  return {
    ok: true,
    run: { ...run, point: { t, processed, logPosition }, stateHash, speed, selected, branches },
  };
}

// [1] Python Tutor shares a run as a link and Learn Git Branching exports a level as JSON to paste
//     back; a file also carries what a link cannot: the other branches and a hash to check.
