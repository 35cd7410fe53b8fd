import { describe, expect, it } from 'vitest';
import { linkTerms } from '../src/course/terms';
import { scenes } from './index';

/** The course map's glossary links (src/course/terms.ts) over every registered scene's captions. */
describe('glossary links in step captions', () => {
  it('links every step caption of the course without changing it', async () => {
    let terms = 0;
    for (const s of scenes) {
      const { default: mod } = await s.load();
      for (const step of mod.def.steps) {
        const segs = linkTerms(step.caption);
        expect(segs.map((x) => x.text).join('')).toBe(step.caption);
        const ids = segs.flatMap((x) => (x.term ? [x.term] : []));
        expect(new Set(ids).size).toBe(ids.length);
        terms += ids.length;
      }
    }
    expect(terms).toBeGreaterThan(50);
  });
});
