import { domAnimation, LazyMotion, MotionConfig } from 'motion/react';
import type { ReactNode } from 'react';
import { useRuntime } from '../../runtime/context';

/**
 * A diagram frame: two stacked SVGs with one viewBox [1]. `still` holds what changes only with
 * the state (nodes, cards, labels); `moving` holds what moves every frame (messages, requests).
 * Motion only eases state changes; `reducedMotion="user"` honours prefers-reduced-motion.
 */
export function Diagram({
  width,
  height,
  title,
  still,
  moving,
  movingLabel,
}: {
  width: number;
  height: number;
  title: string;
  still: ReactNode;
  moving: ReactNode;
  movingLabel: string;
}) {
  const { idPrefix } = useRuntime();
  return (
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
  );
}

// [1] Everything that moves lives in its own composited layer (will-change): a frame repaints
//     only it, while the still layer changes only when the state does.
