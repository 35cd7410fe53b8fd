import type { MeshCommand } from '../../engine/mesh/contract';
import { canaryPercent, type MeshSource } from '../../engine/mesh/views';
import type { TryThis } from '../../scene/types';

/**
 * The payments canary as a "Try this" slider (v2's share, 0–100 in steps of 10, URL `canary=`):
 * a `canary.weights` edit of the payments VirtualService. Its value is read from the stored
 * config, so an edit the API server refused does not move it. `help` is the scene's words.
 */
export function canarySlider(help: string): TryThis<MeshCommand, MeshSource> {
  return {
    kind: 'slider',
    id: 'canary',
    label: 'Canary weight (payments v2)',
    help,
    param: 'canary',
    min: 0,
    max: 100,
    step: 10,
    initial: 10,
    format: (v) => `v1 ${100 - v} / v2 ${v}`,
    command: (v) => ({ kind: 'canary.weights', v1: 100 - v, v2: v }),
    value: (sim) => canaryPercent(sim),
    fromCommand: (c) =>
      c.kind === 'canary.weights' ? Math.round((100 * c.v2) / Math.max(1, c.v1 + c.v2)) : null,
  };
}
