import type { EngineSim } from '../engine/core/sceneModel';
import { CommandRefused, type InputLogEntry } from '../engine/core/simulation';
import { RunKeeper } from './runs';
import type { TraceEntry } from '../engine/core/trace';
import { panelFold, type PanelFold, type PanelFoldState } from '../machines/panelFold';
import {
  createStepperMachine,
  stepMeta,
  stepperSend,
  stepperStart,
  type StepperMachine,
  type StepperSnapshot,
} from '../machines/stepper';
import type { AnySceneDef, SceneDef, SceneStep } from '../scene/types';
import { DEFAULT_WAIT_MS, playFrame, StepWait } from './stepWait';

export { matchesWait, SLOW_MOTION_WALL_MS } from './stepWait';
/** The panel fold is the first trace reducer the player installs. */
const FOLD = 0;

/**
 * The scene player (vanilla, no React) for any model: owns the simulation, the narrative position
 * and the playing flag. Views read it through `subscribe`/`getSnapshot` (useSyncExternalStore);
 * the frame driver calls `advance`. Stepping to a step applies its commands and runs until its
 * `waitFor` entry appears, then pauses, so step N is the same state however you reach it.
 */
export class Player<C, T extends TraceEntry, S extends EngineSim<C, T>, O> {
  sim: S;
  playing = false;
  /** Bumped whenever time jumps (rebuild, seek, step back). */
  epoch = 0;
  /** Whether the last finished step saw its waitFor entry (false: it hit its time limit). */
  lastWaitHit: boolean | null = null;
  /** Furthest simulated time reached (the scrubber's end). */
  highWater = 0;
  /** Protocol slow motion on (the UI turns it on; headless runs leave it off). */
  slowMotion = false;
  /** The last frame ran slower than the chosen speed, so that a message could be seen travelling. */
  slowed = false;
  /** Runs the learner left (acting in the past, going back a step, reset): reopenable exactly. */
  readonly runs = new RunKeeper<C>();
  /**
   * The run's answer to each step's prediction (`SceneStep.predict`), read when the step completed
   * in the current timeline (cleared when the run is rebuilt): step index → choice id, or null.
   */
  readonly answers = new Map<number, string | null>();
  /** Steps entered so far (a pick made before an entry belongs to it alone). */
  entries = 0;
  /** Commands the learner gave in the current run (beyond the steps' and the setup's). */
  private changes = 0;
  /** What the last single-event step did, in words (null once time moves on otherwise). */
  lastEvent: { n: number; t: number; back: boolean; lines: string[] } | null = null;
  private readonly fold: PanelFold<T>;
  private stepper: StepperMachine;
  private stepSnap: StepperSnapshot;
  private wait: StepWait<T, S> | null = null;
  private unsubTrace: () => void = () => {};
  private listeners = new Set<() => void>();
  private version = 0;
  /** The last command the model refused, in words (null once one is applied). */
  refused: string | null = null;
  /** Called when the model refuses a command (the app shows a notice). */
  onRefused: (text: string) => void = () => {};
  /** Called when a step starts (the app selects the step's actor). */
  onStepEnter: (step: SceneStep<C, T, S>, index: number) => void = () => {};

  constructor(
    readonly def: SceneDef<C, T, S, O>,
    public seed: number = def.setup.seed,
  ) {
    this.fold = panelFold<T>(def.panels, (e) => def.model.actorsOf(e));
    this.stepper = createStepperMachine(def.steps);
    this.stepSnap = stepperStart(this.stepper);
    this.sim = this.fresh();
  }

  get stepIndex(): number {
    return stepMeta(this.stepSnap).index;
  }
  get step(): SceneStep<C, T, S> {
    return this.def.steps[this.stepIndex] as SceneStep<C, T, S>;
  }
  /** True while a step runs towards its waitFor entry. */
  get waiting(): boolean {
    return this.wait !== null;
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = (): string => `${this.version}:${this.sim.revision}`;

  /** Each panel's highlighted anchor for the given actor: exact, from the whole run. */
  anchors(actor: string): (string | null)[] {
    return this.fold.anchors(this.sim.trace.fold(FOLD) as PanelFoldState, actor);
  }

  /** The actors a learner can select now. */
  actors(): readonly string[] {
    return this.def.model.actors(this.sim);
  }

  /** Rebuilds the run from the seed and plays the steps headlessly up to `index` (0-based). */
  goToStep(index: number, seed = this.seed): void {
    this.keepCurrent();
    this.seed = seed;
    this.sim = this.fresh();
    this.highWater = 0;
    this.stepSnap = stepperStart(this.stepper);
    for (let i = 0; i <= index && i < this.def.steps.length; i++) {
      if (i > 0) this.stepSnap = stepperSend(this.stepper, this.stepSnap, { type: 'NEXT' });
      this.enterStep();
      this.finishHeadless();
    }
    this.playing = false;
    this.lastEvent = null;
    this.epoch++;
    this.changed();
  }

  /** Starts the next step: applies its commands and plays until its entry. */
  next(): void {
    if (this.stepIndex + 1 >= this.def.steps.length) return;
    // A step still running to its entry finishes first, so every step starts from its canonical state.
    if (this.wait) this.finishHeadless();
    this.stepSnap = stepperSend(this.stepper, this.stepSnap, { type: 'NEXT' });
    this.enterStep();
    this.playing = true;
    this.changed();
  }
  /** Runs the current step to its entry (or its time limit) at once, and pauses. */
  finishStep(): void {
    this.finishHeadless();
    this.playing = false;
    this.changed();
  }
  /** Back one narrative step: the canonical state of the previous step. */
  prev(): void {
    if (this.stepIndex > 0) this.goToStep(this.stepIndex - 1);
  }
  reset(): void {
    this.goToStep(0);
  }

  play(): void {
    this.lastEvent = null;
    this.playing = true;
    this.changed();
  }
  pause(): void {
    this.playing = false;
    this.changed();
  }
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One engine event forward; `lastEvent` says what it did. */
  stepEvent(): void {
    this.pause();
    const lines = this.runOneEvent();
    this.lastEvent = { n: this.sim.processed, t: this.sim.now, back: false, lines };
    this.touch();
  }
  /** One engine event back (exact, from the nearest checkpoint); `lastEvent` says what was undone. */
  backEvent(): void {
    this.pause();
    const n = this.sim.processed;
    if (n === 0) return;
    this.sim.seekToEvent(n - 1);
    // Redo it once to read what it did, then undo it again (both exact).
    const lines = this.runOneEvent();
    const t = this.sim.now;
    this.sim.seekToEvent(n - 1);
    this.lastEvent = { n, t, back: true, lines };
    this.epoch++;
    this.touch();
  }

  /** Runs one event and returns its trace entries in words. */
  private runOneEvent(): string[] {
    const before = this.sim.trace.count;
    this.sim.step();
    const made = this.sim.trace.count - before;
    const entries = made > 0 ? this.sim.trace.recent(made) : [];
    return entries.flatMap((e) => {
      const d = this.def.model.describe(e);
      return d === null ? [] : [d];
    });
  }
  /** Exact jump to simulated time t (commands in the input log replay on the way). */
  seek(t: number): void {
    this.wait = null;
    this.lastEvent = null;
    this.sim.seek(Math.max(0, Math.round(t)));
    this.epoch++;
    this.touch();
  }

  /**
   * A learner's input ("Try this"): recorded in the engine's input log. Given in the past (after a
   * seek or a step back), it starts a new branch: the run it leaves is kept in `runs` first. One
   * the model refuses changes nothing (`refused` and `onRefused` say so).
   */
  command(c: C): void {
    const left = this.sim.logPosition < this.sim.inputLog.length ? this.currentRun() : null;
    if (this.send(c)) {
      if (left) {
        this.runs.keep(left);
        this.highWater = this.sim.now;
      }
      this.changes++;
    }
    this.touch();
  }

  /** A command to the engine; one the model refuses (the run left as it was) becomes a notice. */
  private send(c: C): boolean {
    try {
      this.sim.command(c);
      this.refused = null;
      return true;
    } catch (e) {
      if (!(e instanceof CommandRefused)) throw e;
      const kind = (c as { kind?: unknown } | null)?.kind ?? 'command';
      this.refused = `Not applied: “${String(kind)}” failed in the model (${e.reason.slice(0, 120)}). The run is unchanged.`;
      this.onRefused(this.refused);
      return false;
    }
  }

  /** Reopens a kept run exactly where it ended (the current one is kept in its place). */
  switchRun(id: number): void {
    const run = this.runs.take(id);
    if (!run) return;
    this.keepCurrent();
    this.openRun(run.seed, run.log, run.end, run.step, run.changes);
  }

  /**
   * Rebuilds a run from a seed and an input log (a kept run or a shared link), at time `t`, on
   * narrative step `step`. Throws when the model cannot replay the log (the caller falls back).
   */
  openRun(
    seed: number,
    log: readonly InputLogEntry<C>[],
    t: number,
    step: number,
    changes = log.length,
  ): void {
    this.seed = seed;
    this.wait = null;
    this.sim = this.fresh(log);
    this.sim.advanceTo(t);
    this.stepSnap = stepperSend(this.stepper, stepperStart(this.stepper), {
      type: `GOTO.${Math.max(0, Math.min(step, this.def.steps.length - 1))}`,
    });
    this.highWater = t;
    this.changes = changes;
    this.playing = false;
    this.lastEvent = null;
    this.epoch++;
    this.changed();
  }

  /** Commands the learner gave in the current run. */
  get learnerChanges(): number {
    return this.changes;
  }

  /** Keeps the current run if it holds the learner's commands. */
  private keepCurrent(): void {
    if (this.sim && this.changes > 0) this.runs.keep(this.currentRun());
  }

  private currentRun() {
    return {
      seed: this.seed,
      log: this.sim.inputLog.slice(),
      end: Math.max(this.highWater, this.sim.now),
      step: this.stepIndex,
      changes: this.changes,
    };
  }

  /**
   * Called by the frame driver while playing, with the simulated time the chosen speed asks for
   * and the wall time it took (see `playFrame`: at most so many events a frame, protocol slow motion).
   */
  advance(deltaUs: number, wallMs: number = deltaUs / 1000): void {
    if (!this.playing) return;
    const flight = this.slowMotion ? this.def.model.slowMotion : undefined;
    const f = playFrame(this.sim, this.wait, flight, deltaUs, wallMs);
    this.slowed = f.slowed;
    if (f.finished) {
      this.stepDone();
      this.playing = false;
    }
    this.touch();
  }

  private fresh(log?: readonly InputLogEntry<C>[]): S {
    this.unsubTrace();
    this.changes = 0;
    this.answers.clear();
    const { model, setup } = this.def;
    const sim = model.create({
      ...setup.options,
      seed: this.seed,
      checkpointEvery: setup.checkpointEvery,
      traceReducers: [this.fold],
    });
    if (log) sim.loadInputLog(log);
    else for (const c of setup.commands ?? []) sim.command(c); // the scene's own: must apply
    this.unsubTrace = sim.trace.subscribe((e) => this.wait?.offer(e));
    return sim;
  }

  private enterStep(): void {
    const step = this.step;
    const limit = (step.runForMs ?? DEFAULT_WAIT_MS) * 1000;
    this.entries++;
    this.answers.delete(this.stepIndex);
    // The wait is armed first: a command may itself emit the awaited entry (a kill closes streams).
    this.wait = new StepWait(step.waitFor ?? null, this.sim.now + limit);
    for (const c of step.ensure?.(this.sim) ?? []) this.send(c);
    for (const c of step.commands ?? []) this.send(c);
    this.wait.settle(this.sim);
    this.onStepEnter(step, this.stepIndex);
  }

  private finishHeadless(): void {
    this.wait?.runHeadless(this.sim);
    this.stepDone();
    this.highWater = Math.max(this.highWater, this.sim.now);
  }

  /** The step's wait is over: whether it saw its entry, and the run's answer to its prediction. */
  private stepDone(): void {
    const w = this.wait;
    if (!w) return;
    this.lastWaitHit = w.match ? w.hit : null;
    this.wait = null;
    this.slowed = false;
    const p = this.step.predict;
    if (p) this.answers.set(this.stepIndex, p.answer(this.sim));
  }

  private touch(): void {
    this.highWater = Math.max(this.highWater, this.sim.now);
    this.changed();
  }
  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/** The player as the app holds it (types erased; see `AnySceneDef`). */
export type AnyPlayer = Player<unknown, TraceEntry, EngineSim<unknown, TraceEntry>, unknown>;

/** A player for a registered (erased) scene. */
export const createPlayer = (def: AnySceneDef, seed?: number): AnyPlayer => new Player(def, seed);
