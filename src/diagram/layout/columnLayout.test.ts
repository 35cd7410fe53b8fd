import { describe, expect, it } from 'vitest';
import { arcBetween, onArc, type Box, type Point } from './castLayout';
import { columnLayout } from './columnLayout';
import { fitLabels, wrapBalanced } from './fitLabels';

const PODS = ['web-1', 'catalog-1', 'cart-1', 'checkout-1', 'inv-1', 'p-v1-a', 'p-v1-b', 'p-v2-a'];
const mesh = columnLayout({ controlPlane: true, rows: [PODS] }, PODS, {
  width: 312,
  columns: 2,
  cardH: 150,
});

/** Does segment a–b pass through the inside of box r (its edges excluded)? */
function crosses(a: Point, b: Point, r: Box): boolean {
  for (let i = 1; i < 200; i++) {
    const f = i / 200;
    const x = a.x + (b.x - a.x) * f;
    const y = a.y + (b.y - a.y) * f;
    if (x > r.x + 0.5 && x < r.x + r.w - 0.5 && y > r.y + 0.5 && y < r.y + r.h - 0.5) return true;
  }
  return false;
}

/** Do segments a–b and c–d cross at a point inside both? */
function properlyCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o = (p: Point, q: Point, r: Point) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const [o1, o2, o3, o4] = [o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)];
  return o1 * o2 < 0 && o3 * o4 < 0;
}

describe('the narrow (columns) layout', () => {
  it('puts every card inside the canvas, two a line, none overlapping', () => {
    const boxes = Object.values(mesh.nodes);
    expect(boxes).toHaveLength(8);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(mesh.width);
      expect(b.y + b.h).toBeLessThanOrEqual(mesh.height);
      for (const o of boxes)
        if (o !== b)
          expect(b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h).toBe(
            false,
          );
    }
    expect(new Set(boxes.map((b) => b.x)).size).toBe(2);
    expect(mesh.controlPlane!.y + mesh.controlPlane!.h).toBeLessThan(mesh.regions.rowsY[0]!);
  });

  it('brings each stream down an outer gutter: it crosses no card and no other stream', () => {
    const entries = Object.entries(mesh.streams);
    expect(entries).toHaveLength(8);
    for (const [pod, s] of entries) {
      for (const [other, b] of Object.entries(mesh.nodes))
        if (other !== pod) expect(crosses(s.from, s.to, b), `${pod} over ${other}`).toBe(false);
      for (const [o, t] of entries)
        if (o !== pod)
          expect(properlyCross(s.from, s.to, t.from, t.to), `${pod} × ${o}`).toBe(false);
    }
  });

  it('sends traffic through the gutter the cards face', () => {
    const same = arcBetween(mesh, 'web-1', 'cart-1'); // one column
    const port = mesh.ports!['web-1']!;
    expect(same.c.x).toBeGreaterThan(port.x);
    const mid = onArc(same, 0.5);
    for (const b of Object.values(mesh.nodes)) expect(crosses(mid, mid, b)).toBe(false);
    const across = arcBetween(mesh, 'web-1', 'catalog-1');
    expect(across.p0.x).toBeLessThan(across.p1.x);
  });

  it('refits labels: beside the control plane moves under it, long ones wrap, none overlap', () => {
    const cp = mesh.controlPlane!;
    const labels = fitLabels(
      [
        { x: cp.x + cp.w + 16, y: cp.y + 26, text: '↑ control plane — config issuer,' },
        { x: cp.x + cp.w + 16, y: cp.y + 44, text: 'NOT on the request path' },
        { x: 12, y: mesh.regions.streamsY, text: 'long-lived streaming gRPC ↓' },
        {
          x: 12,
          y: mesh.regions.streamsY + 17,
          text: 'one ADS stream per sidecar (Envoy → istio-agent → Istiod)',
          small: true,
        },
      ],
      mesh,
    );
    const moved = labels.filter((l) => l.anchor === 'middle').map((l) => l.y);
    expect(moved.sort((a, b) => a - b)).toEqual([mesh.regions.noteY, mesh.regions.noteY! + 15]);
    expect(labels.length).toBeGreaterThan(4);
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
    expect(Math.max(...ys)).toBeLessThan(mesh.regions.rowsY[0]!);
  });

  it('wraps text into balanced lines', () => {
    expect(wrapBalanced('requests: caller → the pod of the cluster it drew', 40)).toEqual([
      'requests: caller → the pod',
      'of the cluster it drew',
    ]);
  });
});
