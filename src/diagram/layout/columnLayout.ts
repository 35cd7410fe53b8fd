import type { CastDecl } from '../../scene/types';
import { castRows, type Box, type CastLayout } from './castLayout';

/** Options of the narrow layout (a phone, a narrow window). */
export interface ColumnOptions {
  /** Width in diagram units (the container's width over the smallest scale the text allows). */
  width: number;
  /** Cards per line: two for small cards, one for wide ones. */
  columns: 1 | 2;
  /** Card height. */
  cardH: number;
  /** Vertical gap between cards. */
  gap?: number;
  /** Room above each of the cast's rows for its label. */
  labelRoom?: number;
  /** Room under the last card (a label, lines of words). */
  below?: number;
}

const EDGE = 4;
/** Outer gutter for the ADS streams (a scene with a control plane). */
const STREAMS = 24;
/** Traffic gutter: between two columns, or right of a single one. */
const TRAFFIC = { 1: 56, 2: 40 } as const;

/**
 * The cast stacked for a narrow screen: the control plane across the top, the cards in one or
 * two columns (each of the cast's rows starts a new line, under its label), the streams coming
 * down the outer gutters to each card's istio-agent strip, and the traffic in the gutter the
 * cards face (`ports`). Streams reaching lower cards start further out, so no two cross and none
 * crosses a card.
 */
export function columnLayout(
  cast: CastDecl,
  actors: readonly string[],
  o: ColumnOptions,
): CastLayout {
  const { width, columns, cardH } = o;
  const gap = o.gap ?? 14;
  const labelRoom = o.labelRoom ?? 40;
  const cp = cast.controlPlane
    ? { x: EDGE, y: 12, w: width - 2 * EDGE, h: 64, cx: width / 2 }
    : null;
  const side = cp ? EDGE + STREAMS : 8;
  const traffic = TRAFFIC[columns];
  const w = columns === 2 ? (width - 2 * side - traffic) / 2 : width - side - traffic;
  const colX = columns === 2 ? [side, width - side - w] : [side];
  const nodes: CastLayout['nodes'] = {};
  const ports: NonNullable<CastLayout['ports']> = {};
  const rowsY: number[] = [];
  // Under the control plane: room for its words (noteY), then the streams' words (streamsY).
  let y = cp ? cp.y + cp.h + 84 : EDGE;
  castRows(cast, actors).forEach((row, r) => {
    y += labelRoom;
    rowsY.push(y);
    row.forEach((a, i) => {
      const col = i % columns;
      const x = colX[col] ?? side;
      nodes[a] = { x, y, w, h: cardH, cx: x + w / 2, row: r };
      const right = columns === 1 || col === 0;
      ports[a] = { x: right ? x + w : x, y: y + cardH / 2, dir: right ? 1 : -1 };
      if (col === columns - 1 || i === row.length - 1) y += cardH + gap;
    });
    y -= gap;
  });
  const streams: CastLayout['streams'] = {};
  if (cp) {
    for (let col = 0; col < columns; col++) {
      const mine = Object.entries(nodes).filter(([, b]) => Math.abs(b.x - (colX[col] ?? 0)) < 1);
      const left = columns === 1 || col === 0;
      const step = Math.min(6, (STREAMS - 6) / Math.max(1, mine.length - 1));
      mine.forEach(([a, b]: [string, Box], k) => {
        const out = (mine.length - 1 - k) * step + 4; // the lowest card's stream is outermost
        streams[a] = {
          from: { x: left ? cp.x + out : cp.x + cp.w - out, y: cp.y + cp.h },
          to: { x: left ? b.x : b.x + b.w, y: b.y + 9 },
        };
      });
    }
  }
  const lastY = y;
  const below = o.below ?? 46;
  return {
    width,
    height: lastY + below,
    controlPlane: cp,
    nodes,
    streams,
    trafficY: lastY,
    trafficDepth: 0,
    regions: {
      controlY: cp ? cp.y : 0,
      streamsY: cp ? cp.y + cp.h + 74 : 0,
      rowsY,
      trafficY: lastY + 34,
      ...(cp ? { noteY: cp.y + cp.h + 20 } : {}),
    },
    mode: 'columns',
    ports,
    bulge: columns === 2 ? traffic - 4 : 2 * (traffic - 8),
  };
}
