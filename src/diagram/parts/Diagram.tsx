import { domAnimation, LazyMotion, MotionConfig } from 'motion/react';
import { useMemo, type ReactNode, type Ref } from 'react';
import { useRuntime } from '../../runtime/context';
import type { CastLayout } from '../layout/castLayout';
import { fitLabels } from '../layout/fitLabels';
import { RegionLabels, type RegionLabel } from './RegionLabels';

/**
 * A diagram frame: two stacked SVGs with one viewBox [1]. `still` holds what changes only with
 * the state (nodes, cards, labels); `moving` holds what moves every frame (messages, requests).
 * Motion only eases state changes; `reducedMotion="user"` honours prefers-reduced-motion.
 */
export function Diagram({
  l,
  fitRef,
  labels,
  title,
  still,
  moving,
  movingLabel,
}: {
  /** The layout: its size, and its mode (rows, or stacked columns on narrow screens). */
  l: CastLayout;
  /** Measures the room the diagram has (the layout is chosen from it). */
  fitRef: Ref<HTMLDivElement>;
  /** The scene's region labels, placed from the layout (refitted in the stacked layout). */
  labels?: ((l: CastLayout) => readonly RegionLabel[]) | undefined;
  title: string;
  still: ReactNode;
  moving: ReactNode;
  movingLabel: string;
}) {
  const { idPrefix } = useRuntime();
  const { width, height } = l;
  const shown = useMemo(
    () => (labels ? (l.mode === 'columns' ? fitLabels(labels(l), l) : labels(l)) : null),
    [labels, l],
  );
  return (
    <div ref={fitRef} className={`diagram-fit ${l.mode}`} data-layout={l.mode}>
      <LazyMotion features={domAnimation} strict>
        <MotionConfig reducedMotion="user">
          <div className="diagram-stack">
            <svg
              className="mesh-diagram"
              viewBox={`0 0 ${width} ${height}`}
              role="group"
              aria-labelledby={`${idPrefix}-diagram-title`}
            >
              <title id={`${idPrefix}-diagram-title`}>{title}</title>
              {shown && <RegionLabels labels={shown} />}
              {still}
            </svg>
            <svg
              className="mesh-diagram moving"
              viewBox={`0 0 ${width} ${height}`}
              role="group"
              aria-label={movingLabel}
            >
              {moving}
            </svg>
          </div>
        </MotionConfig>
      </LazyMotion>
    </div>
  );
}

// [1] Everything that moves lives in its own composited layer (will-change): a frame repaints
//     only it, while the still layer changes only when the state does.
