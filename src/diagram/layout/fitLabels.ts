import type { RegionLabel } from '../parts/RegionLabels';
import type { CastLayout } from './castLayout';

/** Width of a character in ems: DejaVu Sans measures ≈ 0.51; a little room for wider fonts. */
const EM = 0.55;
const LINE = 15;
const PAD = 6;

const fontSize = (r: RegionLabel) => (r.small ? 11 : 13);
const widthOf = (r: RegionLabel) => r.text.length * fontSize(r) * EM;

/** Greedy word wrap to at most `chars` characters a line (a longer word keeps its own line). */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** As few lines as `chars` allows, made about as long as each other. */
export function wrapBalanced(text: string, chars: number): string[] {
  const n = wrapWords(text, chars).length;
  for (let c = Math.ceil(text.length / n); c < chars; c++) {
    const lines = wrapWords(text, c);
    if (lines.length <= n) return lines;
  }
  return wrapWords(text, chars);
}

/** Horizontal extent of a label line. */
function extent(r: RegionLabel): [number, number] {
  const w = widthOf(r);
  const a = r.anchor ?? 'start';
  return a === 'start' ? [r.x, r.x + w] : a === 'end' ? [r.x - w, r.x] : [r.x - w / 2, r.x + w / 2];
}

/**
 * A scene's region labels, written for the wide canvas, refitted to a narrow layout: a label
 * placed beside a box that now spans the canvas (off the canvas) moves under the control plane,
 * centred; a label too long for the canvas wraps (upwards: labels sit above what they name);
 * a line that would overlap the one under it moves up.
 */
export function fitLabels(labels: readonly RegionLabel[], l: CastLayout): RegionLabel[] {
  const W = l.width;
  const out: RegionLabel[] = [];
  let noteY = l.regions.noteY;
  for (const r of labels) {
    const a = r.anchor ?? 'start';
    const off = r.x < 0 || r.x > W || (a === 'start' && r.x > W - 60) || (a === 'end' && r.x < 60);
    if (off && noteY !== undefined) {
      const chars = Math.floor((W - 2 * PAD) / (fontSize(r) * EM));
      for (const text of wrapBalanced(r.text, chars)) {
        out.push({ ...r, text, x: W / 2, y: noteY, anchor: 'middle' });
        noteY += LINE;
      }
      continue;
    }
    const x = Math.min(W - PAD, Math.max(PAD, r.x));
    const room = a === 'start' ? W - PAD - x : a === 'end' ? x - PAD : 2 * Math.min(x, W - x);
    const lines = wrapBalanced(r.text, Math.floor(room / (fontSize(r) * EM)));
    lines.forEach((text, i) => out.push({ ...r, x, text, y: r.y - (lines.length - 1 - i) * LINE }));
  }
  // Bottom up: a line too close above a line it overlaps moves up.
  const placed: RegionLabel[] = [];
  for (const r of [...out].sort((p, q) => q.y - p.y)) {
    const [x0, x1] = extent(r);
    let y = r.y;
    for (let moved = true; moved;) {
      moved = false;
      for (const p of placed) {
        const [p0, p1] = extent(p);
        if (x0 < p1 && p0 < x1 && y > p.y - LINE + 1 && y < p.y + LINE - 1) {
          y = p.y - LINE + 1;
          moved = true;
        }
      }
    }
    placed.push({ ...r, y });
  }
  return placed;
}
