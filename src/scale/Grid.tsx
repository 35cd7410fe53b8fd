import { useEffect, useRef } from 'react';
import { STATE_COUNT, STATE_TEXT } from './constants';

/** Cells per row: 1,000 sidecars make 20 rows of 50. */
export const GRID_COLUMNS = 50;

/** The CSS custom property that colours each state (scale.css, per theme). */
export const stateColorVar = (k: number): string => `--scale-s${k}`;

/**
 * Every sidecar as one cell of a canvas, coloured by its state (SVG would be 1,000 nodes redrawn
 * every frame). Redrawn only when the states or the theme change. The counts table beside it is
 * the text equivalent; the canvas itself is one image with a summary for screen readers.
 */
export function Grid({
  states,
  counts,
  theme,
}: {
  states: Uint8Array | null;
  counts: number[] | null;
  theme: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const box = wrap.current;
    if (!canvas || !box) return;
    const draw = () => {
      const n = states?.length ?? 1000;
      const rows = Math.ceil(n / GRID_COLUMNS);
      const cell = Math.max(4, Math.floor(box.clientWidth / GRID_COLUMNS));
      const w = cell * GRID_COLUMNS;
      const h = cell * rows;
      const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        canvas.style.width = `${w}px`;
        canvas.style.height = `${h}px`;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const css = getComputedStyle(canvas);
      ctx.fillStyle = css.getPropertyValue('--scale-bg').trim() || '#fff';
      ctx.fillRect(0, 0, w, h);
      if (!states) return;
      const gap = cell >= 7 ? 1 : 0;
      // One path per colour: 8 fills per frame instead of 1,000.
      for (let k = 0; k < STATE_COUNT; k++) {
        ctx.fillStyle = css.getPropertyValue(stateColorVar(k)).trim() || '#888';
        ctx.beginPath();
        for (let i = 0; i < states.length; i++) {
          if (states[i] !== k) continue;
          const x = (i % GRID_COLUMNS) * cell;
          const y = Math.floor(i / GRID_COLUMNS) * cell;
          ctx.rect(x, y, cell - gap, cell - gap);
        }
        ctx.fill();
      }
    };
    draw();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(draw);
    ro?.observe(box);
    return () => ro?.disconnect();
  }, [states, theme]);
  const summary = counts
    ? counts
        .map((c, k) => (c > 0 ? `${c} ${STATE_TEXT[k]?.name ?? ''}` : ''))
        .filter(Boolean)
        .join(', ')
    : 'starting';
  return (
    <div className="scale-grid" ref={wrap}>
      <canvas
        ref={ref}
        role="img"
        aria-label={`1,000 sidecars, one cell each: ${summary}`}
        data-testid="scale-grid"
      />
    </div>
  );
}
