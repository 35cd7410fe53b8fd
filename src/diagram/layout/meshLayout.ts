import { scalePoint } from 'd3';

/** Positions of everything in the diagram, as a pure function of the pod list (d3 scales only). */
export interface Point {
  x: number;
  y: number;
}

export interface MeshLayout {
  width: number;
  height: number;
  istiod: { x: number; y: number; w: number; h: number };
  /** Where each pod's ADS stream leaves Istiod and reaches the sidecar (the agent's top). */
  streams: Record<string, { from: Point; to: Point }>;
  sidecars: Record<string, { x: number; y: number; w: number; h: number; cx: number }>;
  /** Traffic layer: where request arcs start/end under each pod. */
  trafficY: number;
  trafficDepth: number;
  regions: { controlY: number; streamsY: number; dataY: number; trafficY: number };
}

export function meshLayout(pods: string[], width = 1000): MeshLayout {
  const card = { w: 112, h: 150 };
  const x = scalePoint<string>().domain(pods).range([card.w / 2 + 8, width - card.w / 2 - 8]);
  const istiod = { x: width / 2 - 170, y: 34, w: 340, h: 64 };
  const fan = scalePoint<string>().domain(pods).range([istiod.x + 20, istiod.x + istiod.w - 20]);
  const sidecarY = 250;
  const sidecars: MeshLayout['sidecars'] = {};
  const streams: MeshLayout['streams'] = {};
  for (const p of pods) {
    const cx = x(p) ?? 0;
    sidecars[p] = { x: cx - card.w / 2, y: sidecarY, w: card.w, h: card.h, cx };
    streams[p] = { from: { x: fan(p) ?? 0, y: istiod.y + istiod.h }, to: { x: cx, y: sidecarY } };
  }
  const trafficY = sidecarY + card.h;
  return {
    width,
    height: trafficY + 150,
    istiod,
    streams,
    sidecars,
    trafficY,
    trafficDepth: 120,
    regions: { controlY: 20, streamsY: 170, dataY: sidecarY - 12, trafficY: trafficY + 140 },
  };
}

/** Linear interpolation of a message between send and arrival (RaftScope's way). */
export function along(from: Point, to: Point, sentAt: number, arriveAt: number, now: number): Point {
  const span = arriveAt - sentAt;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - sentAt) / span));
  return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
}

/** A request arc under the sidecar row: a quadratic curve, deeper for farther pods. */
export function trafficArc(l: MeshLayout, from: string, to: string): { p0: Point; c: Point; p1: Point } {
  const a = l.sidecars[from];
  const b = l.sidecars[to];
  const ax = a?.cx ?? 0;
  const bx = b?.cx ?? 0;
  const depth = 20 + Math.min(l.trafficDepth, Math.abs(bx - ax) * 0.22);
  const off = ax < bx ? -6 : 6; // outbound and return paths do not overlap
  return {
    p0: { x: ax + off, y: l.trafficY },
    c: { x: (ax + bx) / 2, y: l.trafficY + depth * 2 },
    p1: { x: bx + off, y: l.trafficY },
  };
}

/** A point on a quadratic Bézier at f ∈ [0, 1]. */
export function onArc(arc: { p0: Point; c: Point; p1: Point }, f: number): Point {
  const u = 1 - f;
  return {
    x: u * u * arc.p0.x + 2 * u * f * arc.c.x + f * f * arc.p1.x,
    y: u * u * arc.p0.y + 2 * u * f * arc.c.y + f * f * arc.p1.y,
  };
}

/** How long a delivered message or finished request stays drawn (simulated µs), fading out. */
export const TRAIL_US = 1_000_000;

/** Quantized fade (four levels), so a fading mark changes the DOM a few times, not every frame. */
export const fadeLevel = (f: number): number => Math.max(1, Math.ceil(Math.max(0, Math.min(1, f)) * 4)) / 4;

/** Fades advance in steps of this much simulated time, all marks together (fewer DOM changes). */
export const FADE_STEP_US = 250_000;

/** Age of a delivered mark as the fade sees it (time quantized to FADE_STEP_US). */
export const fadeAge = (now: number, arriveAt: number): number =>
  Math.max(0, Math.floor(now / FADE_STEP_US) * FADE_STEP_US - arriveAt);
