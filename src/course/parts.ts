import type { SceneMeta } from '../scene/types';

/**
 * The course's parts on the map: ranges of scene numbers with a heading. Only registered scenes
 * are listed; a part with none is left out, and a scene outside every range goes to the last.
 */
export const PARTS: readonly { title: string; from: number; to: number }[] = [
  { title: 'Why a mesh, and where the proxy sits', from: 1, to: 2 },
  { title: 'What each sidecar is told', from: 3, to: 5 },
  { title: 'Keeping calls healthy', from: 6, to: 8 },
  { title: 'Identity and policy', from: 9, to: 10 },
  { title: 'The control plane, over time', from: 11, to: 13 },
];

export function groupByPart(metas: readonly SceneMeta[]): { title: string; scenes: SceneMeta[] }[] {
  const groups = PARTS.map((p) => ({
    title: p.title,
    scenes: metas.filter((m) => m.number >= p.from && m.number <= p.to),
  }));
  const rest = metas.filter((m) => !PARTS.some((p) => m.number >= p.from && m.number <= p.to));
  if (rest.length) groups.push({ title: 'Later additions', scenes: rest });
  return groups.filter((g) => g.scenes.length > 0);
}
