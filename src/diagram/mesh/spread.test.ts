import { describe, expect, it } from 'vitest';
import type { XdsMessageView } from '../../engine/mesh/contract';
import { castLayout } from '../layout/castLayout';
import { deliveredAt, END_PAD, GAP, queue, spreadTokens } from './spread';

const PODS = ['a', 'b'];
const l = castLayout({ controlPlane: true, rows: [PODS] }, PODS);

const msg = (id: number, pod: string, direction: 'down' | 'up', sentAt: number, arriveAt: number) =>
  ({
    id,
    pod,
    direction,
    kind: direction === 'down' ? 'DiscoveryResponse' : 'ACK',
    xds: 'CDS',
    versionInfo: '',
    nonce: '',
    sentAt,
    arriveAt,
  }) as XdsMessageView;

const dist = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.hypot(p.x - q.x, p.y - q.y);

describe('token spreading', () => {
  it('keeps tokens of one lane at least GAP apart, within the line, in send order', () => {
    expect(queue([5, 5, 5], 0, 100)).toEqual([2 * GAP, GAP, 0]);
    expect(queue([100, 100], 0, 100)).toEqual([100, 100 - GAP]);
    expect(queue([50, 10], 0, 100)).toEqual([50, 10]);
    // More tokens than the line holds: the gaps shrink evenly, nothing leaves the line.
    const s = queue([0, 0, 0, 0, 0], 0, 40);
    expect(s).toEqual([40, 30, 20, 10, 0]);
  });

  it('spreads a push that leaves together; the two directions ride either side of the line', () => {
    const push = [1, 2, 3].map((id) => msg(id, 'a', 'down', 0, 1000 + id));
    const placed = spreadTokens(l, [...push, msg(4, 'a', 'up', 0, 1000)], 500);
    expect(placed).toHaveLength(4);
    const down = placed.filter((p) => p.msg.direction === 'down');
    for (const p of down)
      for (const q of down) if (p !== q) expect(dist(p.p, q.p)).toBeGreaterThanOrEqual(GAP - 0.01);
    // The first sent is in front (nearest the card).
    const card = l.streams.a!.to;
    const byId = [...down].sort((x, y) => x.msg.id - y.msg.id);
    expect(dist(byId[0]!.p, card)).toBeLessThan(dist(byId[2]!.p, card));
    const up = placed.find((p) => p.msg.direction === 'up')!;
    const st = l.streams.a!;
    // Which side of the line a point is on (sign of the cross product).
    const side = (p: { x: number; y: number }) =>
      Math.sign(
        (st.to.x - st.from.x) * (p.y - st.from.y) - (st.to.y - st.from.y) * (p.x - st.from.x),
      );
    expect(side(up.p)).not.toBe(side(down[0]!.p));
  });

  it('draws a delivered message at the end it reached, not mid-line', () => {
    const st = l.streams.b!;
    const down = deliveredAt(l, msg(1, 'b', 'down', 0, 10))!;
    const up = deliveredAt(l, msg(2, 'b', 'up', 0, 10))!;
    expect(dist(down, st.to)).toBeLessThan(END_PAD + 10);
    expect(dist(up, st.from)).toBeLessThan(END_PAD + 10);
  });

  it('leaves out messages not sent yet', () => {
    expect(spreadTokens(l, [msg(1, 'a', 'down', 100, 200)], 50)).toEqual([]);
  });
});
