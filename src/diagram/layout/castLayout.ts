import { scalePoint } from 'd3';
import type { CastDecl } from '../../scene/types';

/** Positions of everything in a diagram, as a pure function of the cast and the actors (d3 scales only). */
export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Horizontal centre. */
  cx: number;
}

export interface CastLayout {
  width: number;
  height: number;
  /** The control plane's box (null when the scene has none). */
  controlPlane: Box | null;
  /** Each actor's card. */
  nodes: Record<string, Box & { row: number }>;
  /** Where each actor's stream to the control plane leaves it and reaches the card. */
  streams: Record<string, { from: Point; to: Point }>;
  /** Traffic under the last row: where arcs start and end, and how deep they dip. */
  trafficY: number;
  trafficDepth: number;
  /** Vertical positions of the regions (for labels). */
  regions: {
    controlY: number;
    streamsY: number;
    rowsY: number[];
    trafficY: number;
    /** Narrow layouts: where words that stood beside the control plane go (under it). */
    noteY?: number;
  };
  /** `rows`: the cast's rows side by side; `columns`: cards stacked in columns (narrow screens). */
  mode: 'rows' | 'columns';
  /**
   * Columns only: where traffic leaves and reaches each card (the side facing the traffic
   * gutter), and which way (+1 right, −1 left) an arc between two cards of a column bulges.
   */
  ports?: Record<string, Point & { dir: 1 | -1 }>;
  /** Columns only: the widest an arc's control point strays into its gutter. */
  bulge?: number;
}

export interface LayoutOptions {
  width?: number;
  card?: { w: number; h: number };
  /** Vertical gap between rows of cards. */
  rowGap?: number;
  /** Room under the last row for traffic arcs (0: none). */
  traffic?: number;
}

/** Splits the actors into the cast's rows; actors the cast does not list join the last row. */
export function castRows(cast: CastDecl, actors: readonly string[]): string[][] {
  const listed = new Set(cast.rows.flat());
  const rows = cast.rows.map((r) => r.filter((a) => actors.includes(a)));
  const extra = actors.filter((a) => !listed.has(a));
  if (rows.length === 0) rows.push([]);
  (rows[rows.length - 1] as string[]).push(...extra);
  return rows.filter((r) => r.length > 0);
}

export function castLayout(
  cast: CastDecl,
  actors: readonly string[],
  o: LayoutOptions = {},
): CastLayout {
  const width = o.width ?? 1000;
  const card = o.card ?? { w: 112, h: 150 };
  const rowGap = o.rowGap ?? 90;
  const cp = cast.controlPlane ? { x: width / 2 - 170, y: 34, w: 340, h: 64, cx: width / 2 } : null;
  const firstY = cp ? 250 : 40;
  const rows = castRows(cast, actors);
  const nodes: CastLayout['nodes'] = {};
  const streams: CastLayout['streams'] = {};
  const rowsY: number[] = [];
  rows.forEach((row, r) => {
    const y = firstY + r * (card.h + rowGap);
    rowsY.push(y);
    const x = scalePoint<string>()
      .domain(row)
      .range([8, width - 8])
      .padding(0.5);
    for (const a of row) {
      const cx = x(a) ?? width / 2;
      nodes[a] = { x: cx - card.w / 2, y, w: card.w, h: card.h, cx, row: r };
    }
  });
  if (cp) {
    const top = rows[0] ?? [];
    const fan = scalePoint<string>()
      .domain(top)
      .range([cp.x + 20, cp.x + cp.w - 20]);
    for (const a of top)
      streams[a] = {
        from: { x: fan(a) ?? cp.cx, y: cp.y + cp.h },
        to: { x: nodes[a]?.cx ?? 0, y: firstY },
      };
  }
  const lastY = (rowsY[rowsY.length - 1] ?? firstY) + card.h;
  const traffic = o.traffic ?? 150;
  return {
    width,
    height: lastY + Math.max(traffic, 20),
    controlPlane: cp,
    nodes,
    streams,
    trafficY: lastY,
    trafficDepth: Math.max(0, traffic - 30),
    regions: { controlY: 20, streamsY: cp ? 170 : 0, rowsY, trafficY: lastY + traffic - 10 },
    mode: 'rows',
  };
}

/** Linear interpolation of a message between send and arrival (RaftScope's way). */
export function along(
  from: Point,
  to: Point,
  sentAt: number,
  arriveAt: number,
  now: number,
): Point {
  const span = arriveAt - sentAt;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - sentAt) / span));
  return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
}

/**
 * A quadratic curve between two cards: under the row for cards in one row, else from one row to
 * the other; in a columns layout, between the cards' ports through the traffic gutter.
 */
export function arcBetween(
  l: CastLayout,
  from: string,
  to: string,
): { p0: Point; c: Point; p1: Point } {
  const pa = l.ports?.[from];
  const pb = l.ports?.[to];
  if (pa && pb) return portArc(pa, pb, l.bulge ?? 40);
  const a = l.nodes[from];
  const b = l.nodes[to];
  const ax = a?.cx ?? 0;
  const bx = b?.cx ?? 0;
  if (a && b && a.row !== b.row) {
    const down = a.row < b.row;
    const p0 = { x: ax, y: down ? a.y + a.h : a.y };
    const p1 = { x: bx, y: down ? b.y : b.y + b.h };
    return { p0, c: { x: (ax + bx) / 2 + (down ? -12 : 12), y: (p0.y + p1.y) / 2 }, p1 };
  }
  const depth = 20 + Math.min(l.trafficDepth, Math.abs(bx - ax) * 0.22);
  const off = ax < bx ? -6 : 6; // outbound and return paths do not overlap
  return {
    p0: { x: ax + off, y: l.trafficY },
    c: { x: (ax + bx) / 2, y: l.trafficY + depth * 2 },
    p1: { x: bx + off, y: l.trafficY },
  };
}

/** Port to port: cards in one column bulge into their gutter, more for cards further apart. */
function portArc(
  a: Point & { dir: 1 | -1 },
  b: Point,
  bulge: number,
): { p0: Point; c: Point; p1: Point } {
  const off = a.y < b.y || (a.y === b.y && a.x < b.x) ? -5 : 5; // outbound and return apart
  const p0 = { x: a.x, y: a.y + off };
  const p1 = { x: b.x, y: b.y + off };
  const same = Math.abs(a.x - b.x) < 1;
  const out = same ? a.dir * Math.min(bulge, 28 + Math.abs(b.y - a.y) * 0.12) : 0;
  return { p0, c: { x: (p0.x + p1.x) / 2 + out, y: (p0.y + p1.y) / 2 }, p1 };
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
export const fadeLevel = (f: number): number =>
  Math.max(1, Math.ceil(Math.max(0, Math.min(1, f)) * 4)) / 4;

/** Fades advance in steps of this much simulated time, all marks together (fewer DOM changes). */
export const FADE_STEP_US = 250_000;

/** Age of a delivered mark as the fade sees it (time quantized to FADE_STEP_US). */
export const fadeAge = (now: number, arriveAt: number): number =>
  Math.max(0, Math.floor(now / FADE_STEP_US) * FADE_STEP_US - arriveAt);
