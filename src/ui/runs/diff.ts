import type { RunSummary } from '../../engine/core/sceneModel';

/** One line of a comparison: its two values (null: the run has no such line) and whether they differ. */
export interface DiffRow {
  key: string;
  label: string;
  a: string | null;
  b: string | null;
  differs: boolean;
}

/** A section of a comparison. */
export interface DiffSection {
  id: string;
  title: string;
  note?: string;
  rows: DiffRow[];
}

/** Lines both runs have, in A's order, with B's extra lines after (matched by section and key). */
export function diffSummaries(a: RunSummary, b: RunSummary): DiffSection[] {
  const ids = [...a.sections.map((s) => s.id)];
  for (const s of b.sections) if (!ids.includes(s.id)) ids.push(s.id);
  return ids.map((id) => {
    const sa = a.sections.find((s) => s.id === id);
    const sb = b.sections.find((s) => s.id === id);
    const head = (sa ?? sb) as NonNullable<typeof sa>;
    const rows = new Map<string, DiffRow>();
    for (const r of sa?.rows ?? [])
      rows.set(r.key, { key: r.key, label: r.label, a: r.value, b: null, differs: true });
    for (const r of sb?.rows ?? []) {
      const row = rows.get(r.key);
      if (row) {
        row.b = r.value;
        row.differs = row.a !== r.value;
      } else rows.set(r.key, { key: r.key, label: r.label, a: null, b: r.value, differs: true });
    }
    return {
      id,
      title: head.title,
      ...(head.note ? { note: head.note } : {}),
      rows: [...rows.values()],
    };
  });
}

/** Rows in all, and rows that differ. */
export function diffCounts(sections: readonly DiffSection[]): { rows: number; differ: number } {
  let rows = 0;
  let differ = 0;
  for (const s of sections)
    for (const r of s.rows) {
      rows++;
      if (r.differs) differ++;
    }
  return { rows, differ };
}
