import type { ComponentType } from 'react';
import type { AnyStateMachine } from 'xstate';
import type {
  MeshCommand,
  MeshModule,
  MeshView,
  PodName,
  XdsMessageView,
} from '../src/engine/mesh/contract';

/**
 * A scene's entry in the ordered registry. The scene itself (steps, panels, view) is loaded lazily
 * through `load`, so each scene is its own chunk.
 */
export interface SceneEntry {
  /** 1..13, unique. */
  number: number;
  /** kebab-case, unique; also the folder name suffix (`NN-slug`). */
  slug: string;
  title: string;
  /** The one-line caption under the header. */
  caption: string;
  /** Loads the scene module (its default export is the scene definition). */
  load: () => Promise<{ default: SceneModule }>;
}

/** What a step waits for before it is complete: the first matching trace entry after it starts. */
export interface WaitFor {
  type: string;
  /** Only entries about this pod. */
  pod?: PodName;
  /** Only entries for this xDS type. */
  xds?: string;
  /** Only requests sent from this pod (`request.done` entries). */
  from?: PodName;
  /** And only once this holds of the view (checked after each matching entry's event). */
  until?: (view: MeshView) => boolean;
}

/** One narrative step. Highlights name `panelId: anchor` pairs that the step talks about. */
export interface SceneStep {
  caption: string;
  /** Panel id → anchor that the panel's machine is on when the step completes. */
  highlights: Record<string, string>;
  /** Commands applied when the step starts (recorded in the engine's input log). */
  commands?: MeshCommand[];
  /** The sidecar the panels follow during this step. */
  select?: PodName;
  waitFor?: WaitFor;
  /** Simulated run time when there is no waitFor, or the limit when the event never comes. */
  runForMs?: number;
}

/** A code panel: snippet text with `# @anchor name` comments, and the trace it follows. */
export interface PanelDef {
  id: string;
  /** `Actor.method` */
  title: string;
  subtitle: string;
  /** Raw snippet text (imported with `?raw`), anchors still in it. */
  source: string;
  /** The panel's machine follows the selected sidecar's trace (else the whole mesh's). */
  followsSidecar: boolean;
  /**
   * The machine behind the highlight: its events are trace entries (`xds.ack`, `stream.closed`...)
   * and each state's `meta.anchor` names the line it is on.
   */
  machine: AnyStateMachine;
}

/** A "Try this" experiment: a control that really changes the simulation. */
export type TryThis =
  | {
      kind: 'toggle';
      id: string;
      label: string;
      help: string;
      /** Keyboard shortcut (single key). */
      key?: string;
      onLabel: string;
      offLabel: string;
      isOn: (view: MeshView) => boolean;
      /** A command, or one built from the selected sidecar (the label then names it). */
      on: MeshCommand | ((selected: PodName) => MeshCommand);
      off: MeshCommand;
    }
  | {
      kind: 'slider';
      id: string;
      label: string;
      help: string;
      min: number;
      max: number;
      step: number;
      initial: number;
      format: (value: number) => string;
      command: (value: number) => MeshCommand;
      /** Reads the value back from a recorded command (null: not this slider's command). */
      fromCommand: (c: MeshCommand) => number | null;
    }
  | {
      kind: 'button';
      id: string;
      label: string;
      help: string;
      /** Built from the selected sidecar (when `perSidecar`, the label names it). */
      command: (selected: PodName) => MeshCommand;
      perSidecar: boolean;
    };

/** How the speed control counts: real-time multiples, or simulated hours per wall second. */
export type TimeScale = 'realtime' | 'hours';

/** The data that defines a scene. */
export interface SceneDef {
  number: number;
  slug: string;
  title: string;
  subtitle: string;
  caption: string;
  /** One or two sentences tying the scene to the previous one (null for scene 1). */
  previously: string | null;
  setup: {
    seed: number;
    perEdgeRps?: number;
    timeScale: TimeScale;
    /** Default speed (a multiple of real time, or hours per second). */
    speed: number;
    /** The sidecar the panels follow at first. */
    select: PodName;
  };
  steps: SceneStep[];
  panels: PanelDef[];
  tryThis: TryThis[];
  /** Which code line sends each kind of xDS message (clicking a token in the diagram pins it). */
  senders: Partial<Record<XdsMessageView['kind'], { panel: string; anchor: string }>>;
  /** Sentences shown as "simplified: ..." notes. */
  simplified: string[];
}

/** Props every scene view receives. */
export interface SceneViewProps {
  def: SceneDef;
}

/** A loaded scene: its data, its engine and its view. */
export interface SceneModule {
  def: SceneDef;
  engine: MeshModule<unknown>;
  View: ComponentType<SceneViewProps>;
}
