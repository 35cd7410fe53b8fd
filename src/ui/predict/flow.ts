/**
 * Predict, then observe (no React): which prediction card a scene page shows, and what the
 * learner's choices do. A question is asked once the step before a `predict` step has completed,
 * before that step's commands run; choosing runs the step (and plays), "Just show me" and the
 * player's Next run it without a prediction. When the step completes, the player has read the
 * run's answer (`Player.answers`); the card shows it and marks the pick.
 */
import type { SceneRuntime } from '../../runtime/context';
import type { AnyPlayer } from '../../runtime/player';
import type { UiStore } from '../../store/uiStore';

/** A pick belongs to one entry into its step (any later entry, a rebuild or a link, is a new one). */
interface Attempt {
  step: number;
  entry: number;
  picked: string;
}
const attempts = new WeakMap<AnyPlayer, Attempt>();

/** The learner's pick for the step now current (null: none for this entry into it). */
export function pickedNow(p: AnyPlayer): string | null {
  const a = attempts.get(p);
  return a && a.step === p.stepIndex && a.entry === p.entries ? a.picked : null;
}

/** What the prediction area shows: a question about the next step, and/or the current step's. */
export interface PredictCards {
  /** The next step (0-based) has a question and the current step has completed. */
  ask: number | null;
  /** The current step has a question: the learner's pick, and the run's answer once it completed. */
  current: { step: number; picked: string | null; done: boolean; answer: string | null } | null;
}

export function predictCards(p: AnyPlayer): PredictCards {
  const i = p.stepIndex;
  const steps = p.def.steps;
  const next = i + 1 < steps.length && steps[i + 1]?.predict && !p.waiting ? i + 1 : null;
  let current: PredictCards['current'] = null;
  if (steps[i]?.predict) {
    const picked = pickedNow(p);
    const done = !p.waiting && p.answers.has(i);
    if (done || picked !== null)
      current = { step: i, picked, done, answer: done ? (p.answers.get(i) ?? null) : null };
  }
  return { ask: next, current };
}

/** Records a prediction in the UI store (the course's progress reads it). */
export function recordPrediction(
  ui: UiStore,
  step: number,
  picked: string,
  answer: string | null,
): void {
  const had = ui.getState().predictions[step];
  if (had?.picked === picked && had.answer === answer) return;
  ui.setState((s) => ({ predictions: { ...s.predictions, [step]: { picked, answer } } }));
}

/** The learner chose `choice` for step `step` (0-based): run the step and play. */
export function choose(rt: SceneRuntime, step: number, choice: string): void {
  const p = rt.player;
  if (p.stepIndex !== step - 1 || !p.def.steps[step]?.predict) return;
  // The pick is bound to the entry `next` is about to make (it enters exactly one step).
  attempts.set(p, { step, entry: p.entries + 1, picked: choice });
  recordPrediction(rt.ui, step, choice, null);
  p.next();
  syncAnswer(rt);
}

/** "Just show me": run the step without a prediction (what the player's Next does too). */
export function justShow(rt: SceneRuntime, step: number): void {
  if (rt.player.stepIndex === step - 1) rt.player.next();
}

/** Back to the end of the step before `step`, where its question is asked. */
export function askFirst(rt: SceneRuntime, step: number): void {
  if (step > 0) rt.player.goToStep(step - 1);
}

/** Once the picked step has completed, stores the run's answer beside the pick. */
export function syncAnswer(rt: SceneRuntime): void {
  const p = rt.player;
  const a = attempts.get(p);
  if (!a || a.entry !== p.entries || p.stepIndex !== a.step || p.waiting) return;
  if (!p.answers.has(a.step)) return;
  recordPrediction(rt.ui, a.step, a.picked, p.answers.get(a.step) ?? null);
}
