import { CommandRefused } from '../engine/core/simulation';
import { formatTime } from '../engine/core/time';
import type { SceneRuntime } from '../runtime/context';
import { headlessRun, landOn, replayTo, settledHash } from '../runtime/runs';
import { select, setSpeed } from '../store/uiStore';
import type { RunFileActions, RunImportOutcome } from '../ui/runs/types';
import { buildRunFile, MAX_RUN_FILE_BYTES, readRunFile, type ReadRunFile } from './runFile';

/** A run file handed from one scene's page to another's (sessionStorage), and how long it waits. */
const PENDING_KEY = 'mesh-scenes:pending-run';
const PENDING_MS = 60_000;

const kb = (n: number): string => `${Math.max(1, Math.round(n / 1024))} kB`;
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Opens a checked run file in the player [1]. It is first replayed headlessly to its moment (a
 * run the model cannot replay is refused and nothing changes); then the run on screen is kept
 * under "Your other runs", the file's run opens in its place at the exact moment saved (the same
 * events processed and commands applied), its branches join the list, and the state hash is
 * compared with the file's.
 */
export async function openRunFile(rt: SceneRuntime, text: string): Promise<RunImportOutcome> {
  const { def, player, ui } = rt;
  const read = readRunFile(text, def);
  if (!read.ok)
    return {
      ok: false,
      message: `Not opened: ${read.error}. Your run is unchanged.`,
      ...(read.otherScene ? { otherScene: read.otherScene } : {}),
    };
  const run = read.run;
  try {
    const sim = headlessRun(def, run.seed, run.log);
    await replayTo(sim, run.point.t, { events: run.point.processed });
    landOn(sim, run.point);
  } catch (e) {
    const why = (
      e instanceof CommandRefused ? e.reason : e instanceof Error ? e.message : 'error'
    ).slice(0, 100);
    return {
      ok: false,
      message: `Not opened: the run could not be replayed (${why}). Your run is unchanged.`,
    };
  }
  openInPlayer(rt, run);
  const here = settledHash(player.sim);
  if (run.speed !== null) setSpeed(ui, run.speed);
  if (run.selected !== null && player.actors().includes(run.selected)) select(ui, run.selected);
  const where = `scene ${def.meta.number} at ${formatTime(run.point.t)}, step ${run.step + 1}`;
  const kept = `The run you had is kept under “Your other runs”${run.branches.length ? `, with ${plural(run.branches.length, 'other run')} from the file` : ''}.`;
  return here === run.stateHash
    ? {
        ok: true,
        exact: true,
        message: `Reopened exactly: ${where}. The state matches the one saved (state hash ${here}). ${kept}`,
      }
    : {
        ok: true,
        exact: false,
        message: `Opened ${where}, but the state differs from the one saved (state hash ${here} here, ${run.stateHash} in the file): the file was edited, or saved by another version of this app. ${kept}`,
      };
}

/** Keeps the run on screen, opens the file's run at its exact moment, adds its branches. */
function openInPlayer(rt: SceneRuntime, run: ReadRunFile): void {
  const { player } = rt;
  const sim0 = player.sim;
  player.runs.keep({
    seed: player.seed,
    log: sim0.inputLog.slice(),
    end: Math.max(player.highWater, sim0.now),
    step: player.stepIndex,
    changes: player.learnerChanges,
  });
  player.pause();
  player.openRun(run.seed, run.log, run.point.t, run.step, run.changes);
  const sim = player.sim;
  const { processed, logPosition } = run.point;
  if (sim.processed !== processed || sim.logPosition !== logPosition) {
    if (sim.processed >= processed) sim.seekToEvent(processed);
    landOn(sim, run.point);
  }
  player.highWater = Math.max(run.end, sim.now);
  for (const b of run.branches) player.runs.keep(b);
  // The fix-ups above moved the engine under the player: tell the views.
  player.pause();
}

/** Takes the file another scene's page handed over to this scene, if it is fresh. */
function takeHandOver(scene: number): string | null {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(PENDING_KEY);
    if (raw !== null) sessionStorage.removeItem(PENDING_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const p = JSON.parse(raw) as { scene?: unknown; text?: unknown; at?: unknown };
    const fresh = typeof p.at === 'number' && Date.now() - p.at < PENDING_MS;
    return fresh && p.scene === scene && typeof p.text === 'string' ? p.text : null;
  } catch {
    return null;
  }
}

/** The run-file actions a scene page offers (not in embeds). */
export function runFileActions(rt: SceneRuntime): RunFileActions {
  return {
    maxBytes: MAX_RUN_FILE_BYTES,
    save() {
      const { name, file } = buildRunFile(rt.def, rt.player, rt.ui.getState());
      const text = `${JSON.stringify(file, null, 1)}\n`;
      const other = file.branches.length;
      return {
        name,
        text,
        message: `Saved ${name} (${kb(text.length)}): scene ${file.scene.number} at ${file.time}, step ${file.step}, ${plural(file.changes, 'change')} of yours${other ? `, and your ${plural(other, 'other run')}` : ''}.`,
      };
    },
    open: (text) => openRunFile(rt, text),
    handOver(scene, text) {
      try {
        sessionStorage.setItem(PENDING_KEY, JSON.stringify({ scene, text, at: Date.now() }));
      } catch {
        return false;
      }
      // Now, not when the browser gets round to its hashchange: the page being left rewrites
      // its own address a few times a second and could put itself back first.
      const oldURL = location.href;
      history.pushState(null, '', `#/scene/${scene}`);
      dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
      return true;
    },
    takeHandOver: () => takeHandOver(rt.def.meta.number),
  };
}

// [1] Learn Git Branching reads a shared level back and refuses a malformed one with a message;
//     a run file here is also replayed and its state hash compared before it replaces anything.
