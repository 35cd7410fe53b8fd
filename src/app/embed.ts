import { useEffect, type RefObject } from 'react';
import { startEmbedApi } from '../embed/frameApi';
import type { SceneRuntime } from '../runtime/context';

/**
 * The embed API of a scene page: inside a frame, posts its height (to any parent when no host is
 * allowed; to the allowed hosts only when `host=` names some) and, with hosts, answers the
 * postMessage commands and events of docs/embedding.md (src/embed/frameApi.ts).
 */
export function useEmbedApi(rt: SceneRuntime, hosts: readonly string[]): void {
  const key = hosts.join(',');
  useEffect(() => {
    const api = startEmbedApi(rt, key ? key.split(',') : []);
    return () => api.stop();
  }, [rt, key]);
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
