/**
 * The scene format: a scene is data (this file's `SceneDef`) over one model, plus a small view.
 * Nothing here names a particular model; each scene folder brings its own words.
 */
import type { ComponentType } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { SimTime } from '../engine/core/time';
import type { TraceEntry } from '../engine/core/trace';
import type { EngineSim, SceneModel } from '../engine/core/sceneModel';

/** Header data, loaded eagerly with the registry (the scene itself is its own chunk). */
export interface SceneMeta {
  /** 1..13, unique. */
  number: number;
  /** kebab-case, unique; the folder is `NN-slug`. */
  slug: string;
  title: string;
  subtitle: string;
  /** The one-line caption under the header. */
  caption: string;
  /** What the scene teaches, in one line (the course map shows it). */
  teaches: string;
  /** One or two sentences tying the scene to the previous one (null for scene 1). */
  previously: string | null;
}

/** What a step waits for: the first entry of `type` (that `where` accepts) after it starts. */
export interface WaitFor<T extends TraceEntry, S> {
  type: T['type'];
  /** Only entries this accepts (about a given actor, of a given kind...). */
  where?(entry: T): boolean;
  /** And only once this holds of the simulation (checked after the matching entry's event). */
  until?(sim: S): boolean;
}

/**
 * Predict, then observe: a question the learner answers before a step runs. The answer is the run
 * itself: once the step completes, `answer` reads which choice the simulation proved.
 */
export interface Prediction<S> {
  /** Asked before the step's commands run ("Istiod is killed: what happens to requests?"). */
  question: string;
  /** 2 to 4 choices. */
  choices: readonly { id: string; label: string }[];
  /** The choice the run proved, read from the simulation when the step completes (null: not settled). */
  answer(sim: S): string | null;
  /** Where the page shows the answer ("web-1's request counter keeps rising"). */
  evidence: string;
}

/** One narrative step. */
export interface SceneStep<C, T extends TraceEntry, S> {
  caption: string;
  /** A prediction asked before this step runs (see `Prediction`). */
  predict?: Prediction<S>;
  /** Panel id → the anchor its machine is on when the step completes. */
  highlights: Readonly<Record<string, string>>;
  /** Commands applied when the step starts (recorded in the engine's input log). */
  commands?: readonly C[];
  /**
   * Commands that re-establish what the caption describes, computed from the state when the step
   * starts (a learner may have restored what the step says is down): applied before `commands`.
   */
  ensure?(sim: S): readonly C[];
  /** The actor the panels follow during this step. */
  select?: string;
  waitFor?: WaitFor<T, S>;
  /** Simulated run time when there is no waitFor, or the limit when the entry never comes. */
  runForMs?: number;
}

/** A code panel: snippet text with `# @anchor name` comments, and the machine behind its highlight. */
export interface PanelDef {
  id: string;
  /** `Actor.method` */
  title: string;
  subtitle: string;
  /** Raw snippet text (imported with `?raw`), anchors still in it. */
  source: string;
  /** `selected`: sees the entries about the selected actor (and model-wide ones); `all`: every entry. */
  follows: 'selected' | 'all';
  /** What the panel says it follows ("following web-1’s sidecar"), given the selected actor. */
  following(actor: string): string;
  /** Events are trace entries; each state's `meta.anchor` names its line (see src/machines). */
  machine: AnyStateMachine;
}

/** A "Try this" control: it really changes the simulation (a command in the input log). */
export type TryThis<C, S> =
  | {
      kind: 'toggle';
      id: string;
      label: string;
      help: string;
      /** A single-key shortcut, listed in the help overlay. */
      key?: string;
      /** A URL parameter that carries the state (`istiod=down`). */
      param?: { name: string; on: string; off: string };
      onLabel: string;
      offLabel: string;
      isOn(sim: S): boolean;
      /** The command that turns it on (built from the selected actor when `perActor`). */
      on(selected: string): C;
      off: C;
      /** The label names the selected actor. */
      perActor?: boolean;
    }
  | {
      kind: 'slider';
      id: string;
      label: string;
      help: string;
      /** A URL parameter that carries the value. */
      param?: string;
      min: number;
      max: number;
      step: number;
      initial: number;
      format(value: number): string;
      command(value: number): C;
      /** Reads the value back from a recorded command (null: not this slider's command). */
      fromCommand(c: C): number | null;
      /**
       * The value in force, read from the simulation (preferred over the input log when given: a
       * command the model refused must not move the slider).
       */
      value?(sim: S): number | null;
    }
  | {
      kind: 'button';
      id: string;
      label: string;
      help: string;
      key?: string;
      command(selected: string): C;
      /** The label names the selected actor. */
      perActor: boolean;
    };

/** How the speed control counts: real-time multiples, or simulated hours per wall second. */
export type TimeScale = 'realtime' | 'hours';

/** The diagram's cast: an optional control plane above rows of actors (actors not listed join the last row). */
export interface CastDecl {
  controlPlane: boolean;
  rows: readonly (readonly string[])[];
}

/** The data that defines a scene over model `model`. */
export interface SceneDef<C, T extends TraceEntry, S extends EngineSim<C, T>, O> {
  meta: SceneMeta;
  model: SceneModel<C, T, S, O>;
  setup: {
    seed: number;
    /** The model's own options (traffic level, certificate TTL, Delta xDS...). */
    options: O;
    /** Commands applied at t = 0, before the first step (recorded in the input log). */
    commands?: readonly C[];
    checkpointEvery: SimTime;
    timeScale: TimeScale;
    /** Default speed (a multiple of real time, or hours per second). */
    speed: number;
    /** The actor the panels follow at first. */
    select: string;
    /** The URL parameter that names the selected actor, and what the page calls an actor. */
    selection: { param: string; noun: string };
  };
  cast: CastDecl;
  steps: readonly SceneStep<C, T, S>[];
  panels: readonly PanelDef[];
  tryThis: readonly TryThis<C, S>[];
  /** Sentences shown as "simplified: ..." notes. */
  simplified: readonly string[];
}

/**
 * A scene definition with its types erased, as the registry and the app hold it. The app never
 * needs the concrete command or trace types: it passes them between the model and the scene.
 */
export type AnySceneDef = SceneDef<unknown, TraceEntry, EngineSim<unknown, TraceEntry>, unknown>;

/** A loaded scene: its data and its view. */
export interface SceneModule {
  def: AnySceneDef;
  View: ComponentType;
}

/** A scene's entry in the ordered registry: eager header data, lazy scene. */
export interface SceneEntry {
  meta: SceneMeta;
  load: () => Promise<{ default: SceneModule }>;
}

/**
 * Defines a scene over a model: `defineScene(model)({ meta, setup, steps, ... })`. The model fixes
 * the command, trace and simulation types, so every step, control and selector is checked
 * against them.
 */
export function defineScene<C, T extends TraceEntry, S extends EngineSim<C, T>, O>(
  model: SceneModel<C, T, S, O>,
) {
  return (data: Omit<SceneDef<C, T, S, O>, 'model'>): SceneDef<C, T, S, O> => ({ model, ...data });
}

/** Erases a typed scene for the registry (sound: the app only hands values back to the same model). */
export function eraseScene<C, T extends TraceEntry, S extends EngineSim<C, T>, O>(
  def: SceneDef<C, T, S, O>,
): AnySceneDef {
  return def as unknown as AnySceneDef;
}
