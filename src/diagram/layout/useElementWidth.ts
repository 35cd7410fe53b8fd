import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element in CSS px, followed with a ResizeObserver (null until measured, and
 * where nothing can measure: jsdom). Measured before the first paint, so a diagram is drawn in
 * the layout its container calls for without a flash of the wide one.
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (w: number) => setWidth(w > 0 ? Math.floor(w) : null);
    read(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) read(e.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Text in a diagram is drawn at 9.5 units at the smallest: this scale keeps it at 11 CSS px. */
export const MIN_TEXT_SCALE = 11 / 9.5;

/** A narrow layout's width in diagram units for a container `px` wide (multiples of 4, at least `min`). */
export const narrowWidth = (px: number, min: number): number =>
  Math.max(min, Math.floor(px / MIN_TEXT_SCALE / 4) * 4);
