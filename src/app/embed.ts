import { useEffect, type RefObject } from 'react';

/** The message a framed page posts to its host whenever its height changes. */
export interface HeightMessage {
  type: 'mesh-scenes:height';
  scene: number;
  height: number;
}

/** The document's own height in CSS px (not the frame's: a host may shrink the frame to fit). */
const contentHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

/**
 * Inside a frame (window.parent !== window), posts the document's height to the host whenever it
 * changes, so a host page can size the frame [1].
 */
export function usePostHeight(scene: number): void {
  useEffect(() => {
    if (window.parent === window || typeof ResizeObserver === 'undefined') return;
    let last = -1;
    const post = () => {
      const height = contentHeight();
      if (height === last) return;
      last = height;
      const msg: HeightMessage = { type: 'mesh-scenes:height', scene, height };
      window.parent.postMessage(msg, '*');
    };
    post();
    const ro = new ResizeObserver(post);
    ro.observe(document.documentElement);
    return () => ro.disconnect();
  }, [scene]);
}

/** Frames narrower than this are phones: legible text beats seeing the whole diagram at once. */
const FIT_MIN_WIDTH = 481;
/** Room kept under the diagram: the frame's padding and border. */
const FIT_BOTTOM = 14;
const FIT_MIN_HEIGHT = 200;

/**
 * An embed shows the caption, the player bar and the whole diagram without scrolling: the
 * diagram's height is capped (`--diagram-max-h`) at what is left of the viewport under its top.
 * Its top depends on what is above it (caption, bar, notices), so it is measured again whenever
 * the page or the window changes size; capping the diagram does not move its top.
 */
export function useEmbedFit(root: RefObject<HTMLElement | null>, embed: boolean): void {
  useEffect(() => {
    const el = root.current;
    if (!embed || !el || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const stack = el.querySelector('.diagram-stack');
      if (!stack || innerWidth < FIT_MIN_WIDTH) {
        el.style.removeProperty('--diagram-max-h');
        return;
      }
      const top = stack.getBoundingClientRect().top + scrollY;
      const h = Math.max(FIT_MIN_HEIGHT, Math.floor(innerHeight - top - FIT_BOTTOM));
      const v = `${h}px`;
      if (el.style.getPropertyValue('--diagram-max-h') !== v)
        el.style.setProperty('--diagram-max-h', v);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      removeEventListener('resize', fit);
    };
  }, [root, embed]);
}

// [1] The height is not sensitive, so any host may read it ('*'); a fuller postMessage API with
//     allowed origins is planned separately.
