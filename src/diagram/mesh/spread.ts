import type { XdsMessageView } from '../../engine/mesh/contract';
import type { CastLayout, Point } from '../layout/castLayout';

/**
 * Where each config message is drawn on its ADS stream. A message's true place is its share of
 * the flight (sentAt → arriveAt, RaftScope's way); messages that share a stream and a direction
 * (a push sends CDS, LDS and RDS at once) are then spread like a queue, at least GAP apart, so
 * each stays visible and can be clicked [1]. Responses (down) ride left of the line, requests,
 * ACKs and NACKs (up) right of it, so the two directions pass without covering each other.
 * Pure: positions depend only on the layout, the messages and `now`.
 */

/** Least distance between two tokens of one lane (diagram units). */
export const GAP = 19;
/** Tokens stop this far short of a line's ends (Istiod's box, the card's edge). */
export const END_PAD = 10;

export interface Placed {
  msg: XdsMessageView;
  p: Point;
  /** Which side of the line the token rides: −1 responses (down), +1 requests (up). */
  side: -1 | 1;
}

/** Sideways offset of each direction from the line (none where streams run close together). */
const sideOffset = (l: CastLayout) => (l.mode === 'columns' ? 0 : 8);

/** The line's ends in the message's direction of travel (sender → receiver). */
function ends(l: CastLayout, msg: XdsMessageView): [Point, Point] | null {
  const st = l.streams[msg.pod];
  if (!st) return null;
  return msg.direction === 'down' ? [st.from, st.to] : [st.to, st.from];
}

/**
 * The point `s` along a → b (sender → receiver), moved `off` to the sender's right-hand side of
 * travel: a response (down) rides one side of the line, a request going up the other.
 */
function pointAt(a: Point, b: Point, s: number, off: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // The normal of the travel direction: left of a downward line, right of an upward one.
  return { x: a.x + ux * s - uy * off, y: a.y + uy * s + ux * off };
}

/**
 * Places every message in flight: one lane per stream and direction, each lane a queue whose
 * front is its oldest message. Messages not sent yet (sentAt > now) are left out.
 */
export function spreadTokens(l: CastLayout, messages: XdsMessageView[], now: number): Placed[] {
  const lanes = new Map<string, XdsMessageView[]>();
  for (const m of messages) {
    if (m.sentAt > now || !l.streams[m.pod]) continue;
    const k = `${m.pod}|${m.direction}`;
    const lane = lanes.get(k);
    if (lane) lane.push(m);
    else lanes.set(k, [m]);
  }
  const off = sideOffset(l);
  const out: Placed[] = [];
  for (const lane of lanes.values()) {
    const first = lane[0];
    const e = first && ends(l, first);
    if (!e) continue;
    const [a, b] = e;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const lo = Math.min(END_PAD, len / 2);
    const hi = Math.max(lo, len - END_PAD);
    // Front first: furthest along; on a tie the one sent first (a stream is FIFO).
    const sorted = lane
      .map((msg) => ({ msg, s: lo + (hi - lo) * progress(msg, now) }))
      .sort((x, y) => y.s - x.s || x.msg.id - y.msg.id);
    const s = queue(
      sorted.map((t) => t.s),
      lo,
      hi,
    );
    sorted.forEach((t, i) => {
      const side = t.msg.direction === 'down' ? -1 : 1;
      out.push({ msg: t.msg, p: pointAt(a, b, s[i] ?? t.s, off), side });
    });
  }
  return out;
}

/** Share of its flight a message has covered, in [0, 1]. */
export function progress(m: XdsMessageView, now: number): number {
  const span = m.arriveAt - m.sentAt;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (now - m.sentAt) / span));
}

/**
 * Spreads positions sorted front first (descending) so that neighbours are at least GAP apart
 * and all stay within [lo, hi], moving each as little as the two sweeps allow: first every token
 * queues behind the one ahead, then, if the queue ran out of line at the sender's end, the back
 * pushes forward. With more tokens than the line holds, the gaps shrink evenly.
 */
export function queue(true_: number[], lo: number, hi: number): number[] {
  const n = true_.length;
  if (n === 0) return [];
  const gap = n > 1 ? Math.min(GAP, (hi - lo) / (n - 1)) : GAP;
  const s = [...true_];
  for (let i = 1; i < n; i++) s[i] = Math.min(s[i] as number, (s[i - 1] as number) - gap);
  s[n - 1] = Math.max(s[n - 1] as number, lo);
  for (let i = n - 2; i >= 0; i--) s[i] = Math.max(s[i] as number, (s[i + 1] as number) + gap);
  return s.map((v) => Math.min(hi, Math.max(lo, v)));
}

/**
 * Where a delivered message is drawn: AT the end it reached (just short of Istiod's box or the
 * card), never mid-line.
 */
export function deliveredAt(l: CastLayout, msg: XdsMessageView): Point | null {
  const e = ends(l, msg);
  if (!e) return null;
  const [a, b] = e;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  return pointAt(a, b, Math.max(0, len - Math.min(END_PAD, len / 2)), sideOffset(l));
}

// [1] Tokens used to sit on one another (three responses of a push share a start and nearly an
//     end), so only the top one could be seen or clicked.
