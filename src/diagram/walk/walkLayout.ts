/**
 * Geometry of the walk diagram (scenes 2 and 4): the caller's and the callee's pod, each drawn as
 * three lanes — the app container, istio-proxy (Envoy + istio-agent) and the kernel's netfilter —
 * with Istiod above and the pod network between them. Side by side when there is room, stacked on
 * a phone. Pure: positions only, from the mode.
 */
import type { WalkHop, WalkStage } from '../../engine/mesh/walk/types';
import { narrowWidth } from '../layout/useElementWidth';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PodBox extends Box {
  app: Box;
  proxy: Box;
  kernel: Box;
}

export interface WalkLayout {
  mode: 'wide' | 'stacked';
  width: number;
  height: number;
  istiod: Box;
  caller: PodBox;
  callee: PodBox;
  /** Where the wire hop is drawn (between the pods). */
  wire: { x: number; y: number };
}

const LANE = { app: 44, proxy: 96, kernel: 44, gap: 10, head: 26 } as const;
const POD_H = LANE.head + LANE.app + LANE.proxy + LANE.kernel + 3 * LANE.gap;

function pod(x: number, y: number, w: number): PodBox {
  let cy = y + LANE.head;
  const lane = (h: number): Box => {
    const b = { x: x + 10, y: cy, w: w - 20, h };
    cy += h + LANE.gap;
    return b;
  };
  return {
    x,
    y,
    w,
    h: POD_H,
    app: lane(LANE.app),
    proxy: lane(LANE.proxy),
    kernel: lane(LANE.kernel),
  };
}

/** The layout for a diagram `px` CSS pixels wide (null: not measured yet, draw wide). */
export function walkLayout(px: number | null): WalkLayout {
  if (px !== null && px < 560) {
    // Phones: as many units as keep 9.5-unit text at 11 CSS px or more.
    const width = narrowWidth(px, 280);
    const caller = pod(8, 64, width - 16);
    const callee = pod(8, caller.y + POD_H + 56, width - 16);
    return {
      mode: 'stacked',
      width,
      height: callee.y + POD_H + 8,
      istiod: { x: width / 2 - 90, y: 8, w: 180, h: 40 },
      caller,
      callee,
      wire: { x: width / 2, y: caller.y + POD_H + 28 },
    };
  }
  const width = 760;
  const caller = pod(12, 64, 340);
  const callee = pod(width - 352, 64, 340);
  return {
    mode: 'wide',
    width,
    height: 64 + POD_H + 12,
    istiod: { x: width / 2 - 100, y: 8, w: 200, h: 40 },
    caller,
    callee,
    wire: { x: width / 2, y: caller.kernel.y + caller.kernel.h / 2 },
  };
}

/** Scene 2's fewer hops, spread over the lane. */
const HOPS_COL: Partial<Record<WalkStage, number>> = {
  'listener.accept': 0,
  'listener.handoff': 2,
  'router.route': 4,
  'tcp.proxy': 4,
  'upstream.connect': 6,
};

/** The order of Envoy's stages along the proxy lane, left to right. */
export const STAGE_COL: Partial<Record<WalkStage, number>> = {
  'listener.accept': 0,
  'listener.handoff': 1,
  'listener.filters': 1.5,
  'filterChain.match': 2,
  'hcm.decode': 3,
  'http.filter': 4,
  'router.route': 5,
  'tcp.proxy': 5,
  'upstream.connect': 6,
};
export const STAGE_COLS = 7;

/** The x of stage column `col` in a proxy lane. */
export const stageX = (b: Box, col: number): number =>
  b.x + 24 + (col * (b.w - 48)) / (STAGE_COLS - 1);

/**
 * Which pod each hop is in: the caller's until the walk crosses the network, the callee's after,
 * and the caller's again for the answer (`done`). A pod calling its own service stays apart.
 */
export function hopSides(hops: readonly WalkHop[]): ('caller' | 'callee' | 'wire')[] {
  let crossed = false;
  return hops.map((h) => {
    if (h.pod === null) {
      crossed = true;
      return 'wire';
    }
    if (h.stage === 'done') return 'caller';
    return crossed ? 'callee' : 'caller';
  });
}

/** Where a hop is drawn. */
export function hopPoint(
  l: WalkLayout,
  hop: WalkHop,
  side: 'caller' | 'callee' | 'wire',
  to: string,
  detail: 'hops' | 'stages',
): { x: number; y: number } {
  if (side === 'wire') {
    if (to === 'istiod') return { x: l.istiod.x + l.istiod.w / 2, y: l.istiod.y + l.istiod.h };
    if (to === 'external') return { x: l.wire.x, y: l.wire.y - 18 };
    return l.wire;
  }
  const p = side === 'caller' ? l.caller : l.callee;
  switch (hop.side) {
    case 'app':
      // The caller's app sends on the left (towards 15001); the callee's app is reached from the right.
      return {
        x: p.app.x + p.app.w * (side === 'callee' ? 0.8 : 0.2),
        y: p.app.y + p.app.h / 2,
      };
    case 'kernel':
      return {
        // The app's connection and arrivals on the left (towards the listeners), Envoy's own on the right.
        x: p.kernel.x + p.kernel.w * (hop.iptables?.socket === 'envoy' ? 0.8 : 0.2),
        y: p.kernel.y + p.kernel.h / 2,
      };
    default: {
      const col = (detail === 'hops' ? HOPS_COL : STAGE_COL)[hop.stage] ?? 0;
      return { x: stageX(p.proxy, col), y: p.proxy.y + p.proxy.h / 2 + 10 };
    }
  }
}
