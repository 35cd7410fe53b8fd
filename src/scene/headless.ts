import { getInitialSnapshot, getNextSnapshot, type AnyMachineSnapshot } from 'xstate';
import { anchorOf } from '../machines/panelFold';
import { Player, type AnyPlayer } from '../runtime/player';
import type { AnySceneDef } from './types';

/** What one step of a headless run did. */
export interface StepReport {
  step: number;
  /** The step saw its waitFor entry (null: it waits for none). */
  hit: boolean | null;
  /** Simulated time when it completed. */
  at: number;
  /** The actor the panels follow at the end of the step. */
  actor: string;
  /** Each highlighted panel's anchor then, by panel id. */
  anchors: Record<string, string | null>;
}

/**
 * Plays a scene's steps one after the other, headlessly (Learn Git Branching's "solve every level"
 * test [1]): the report says whether each step reached its entry and what its panels showed.
 */
export function runScene(
  def: AnySceneDef,
  seed = def.setup.seed,
): { steps: StepReport[]; traceHash: string; stateHash: string; player: AnyPlayer } {
  const player: AnyPlayer = new Player(def, seed);
  let actor = def.setup.select;
  player.onStepEnter = (s) => {
    if (s.select) actor = s.select;
  };
  const steps: StepReport[] = [];
  def.steps.forEach((_, i) => {
    if (i === 0) player.goToStep(0, seed);
    else {
      player.next();
      player.finishStep();
    }
    const all = player.anchors(actor);
    const anchors = Object.fromEntries(def.panels.map((p, k) => [p.id, all[k] ?? null]));
    steps.push({ step: i + 1, hit: player.lastWaitHit, at: player.sim.now, actor, anchors });
  });
  return { steps, traceHash: player.sim.trace.digest(), stateHash: player.sim.stateHash(), player };
}

// [1] One test solves every level of Learn Git Branching headlessly; ours plays every step of
//     every scene, for several seeds, against the real models.

/**
 * A reference for the panels' exactness: follows a live run entry by entry from t = 0, the
 * obvious way (a machine per panel per actor, fed every relevant entry), with no checkpoints and
 * no folds. Tests compare the player's highlights after seeks and steps back with it.
 */
export function followNaively(
  def: AnySceneDef,
  player: AnyPlayer,
  actors: readonly string[],
): () => Record<string, (string | null)[]> {
  const start = () => def.panels.map((p) => getInitialSnapshot(p.machine));
  const wide = start(); // the panels that follow every entry: one machine each
  const snaps = new Map(actors.map((a) => [a, start()]));
  player.sim.trace.subscribe((e) => {
    const who = def.model.actorsOf(e);
    def.panels.forEach((p, i) => {
      if (!p.machine.events.includes(e.type)) return;
      if (p.follows === 'all')
        wide[i] = getNextSnapshot(p.machine, wide[i] as AnyMachineSnapshot, e);
      else
        for (const [a, list] of snaps)
          if (who === null || who.includes(a))
            list[i] = getNextSnapshot(p.machine, list[i] as AnyMachineSnapshot, e);
    });
  });
  return () =>
    Object.fromEntries(
      [...snaps].map(([a, list]) => [
        a,
        list.map((s, i) => anchorOf(def.panels[i]!.follows === 'all' ? wide[i] : s)),
      ]),
    );
}

/**
 * Runs a scene for `untilUs` of simulated time, then checks that the panels' highlights, for
 * every actor, equal the naive reference after each of the last events, after stepping back one
 * and five events, and after a seek into that window. Returns the mismatches (empty: exact).
 */
export function checkExactFollowing(
  def: AnySceneDef,
  untilUs: number,
  tailUs = 2_000_000,
): string[] {
  const player = new Player(def);
  const actors = player.actors();
  const reference = followNaively(def, player, actors);
  player.sim.advanceTo(untilUs - tailUs);
  const at = new Map<number, Record<string, (string | null)[]>>();
  const times: [number, number][] = [];
  while (player.sim.now < untilUs && player.sim.step()) {
    at.set(player.sim.processed, reference());
    times.push([player.sim.processed, player.sim.now]);
  }
  const out: string[] = [];
  const check = (label: string) => {
    const want = at.get(player.sim.processed);
    if (!want) return;
    for (const a of actors) {
      const got = player.anchors(a);
      if (JSON.stringify(got) !== JSON.stringify(want[a]))
        out.push(`${label}, ${a}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want[a])}`);
    }
  };
  const end = player.sim.processed;
  check('at the end');
  player.backEvent();
  check('one event back');
  player.sim.seekToEvent(end - 5);
  check('five events back');
  const mid = times[Math.floor(times.length / 2)];
  if (mid) {
    player.seek(mid[1]);
    check('after a seek');
  }
  if (at.size < 10) out.push(`only ${at.size} events in the last ${tailUs} µs: nothing to compare`);
  return out;
}
