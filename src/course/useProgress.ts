import { useEffect, useSyncExternalStore } from 'react';
import type { SceneRuntime } from '../runtime/context';
import { atStep, predicted, tried, visit, type Progress } from './progress';
import { courseProgress } from './progressStore';

/**
 * Records a scene page's progress as the learner works: the visit, the step shown (and, once its
 * run has finished, that it was completed), the "Try this" controls used and the predictions
 * made. Never in an embed [1]. Cheap per frame: each record is a no-op unless something changed.
 */
export function useProgress(rt: SceneRuntime, embed: boolean): void {
  useEffect(() => {
    if (embed) return;
    const store = courseProgress();
    const n = rt.def.meta.number;
    store.update(visit(n, rt.def.steps.length));
    const onPlayer = () => {
      const p = rt.player;
      store.update(atStep(n, p.stepIndex, !p.waiting));
    };
    const onUi = () => {
      const s = rt.ui.getState();
      store.update(tried(n, s.tried));
      store.update(predicted(n, s.predictions));
    };
    onPlayer();
    onUi();
    const offPlayer = rt.player.subscribe(onPlayer);
    const offUi = rt.ui.subscribe(onUi);
    return () => {
      offPlayer();
      offUi();
    };
  }, [rt, embed]);
}

/** The course progress, re-rendering when it changes (here or in another tab). */
export function useCourseProgress(): Progress {
  const store = courseProgress();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

// [1] An embed (`embed=1`) is a demonstration inside someone else's page: a teacher's slide that
//     opens scene 11 at step 3 must not move the learner's "Continue" pointer or mark steps done
//     that the learner never chose to take. Embeds neither read nor write course progress (in
//     browsers that partition third-party storage, a framed copy would not even see the same
//     localStorage as the app).
