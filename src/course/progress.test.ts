import { describe, expect, it } from 'vitest';
import {
  atStep,
  emptyProgress,
  parseProgress,
  predicted,
  PROGRESS_KEY,
  serializeProgress,
  summarize,
  summaryText,
  tried,
  visit,
  type Progress,
} from './progress';
import { createProgressStore } from './progressStore';

/** A Storage stand-in: a map, or one that throws on every call. */
const memory = (init: Record<string, string> = {}) => {
  const m = new Map(Object.entries(init));
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};
const throwing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const walk = (...fs: ((p: Progress) => Progress)[]) => fs.reduce((p, f) => f(p), emptyProgress);

describe('course progress', () => {
  it('records a visit, steps completed, tries and predictions, and summarises them', () => {
    const p = walk(
      visit(11, 7),
      atStep(11, 0, true),
      atStep(11, 1, false),
      atStep(11, 1, true),
      atStep(11, 3, true),
      tried(11, ['kill-istiod', 'kill-istiod', 'bad-config']),
      predicted(11, {
        2: { picked: 'keeps-flowing', answer: 'keeps-flowing' },
        4: { picked: 'stops', answer: null },
      }),
    );
    expect(p.last).toEqual({ scene: 11, step: 3 });
    const s = summarize(p.scenes[11]);
    expect(s).toEqual({ total: 7, done: 3, furthest: 4, tries: 2, predictions: 2, right: 1 });
    expect(summaryText(s)).toBe('3 of 7 steps · 2 tries · 2 predictions (1 borne out)');
    expect(summaryText(summarize(walk(visit(5, 6)).scenes[5]))).toBe('0 of 6 steps');
    expect(summaryText(null)).toBeNull();
  });

  it('returns the same object when nothing changes (so a frame writes nothing)', () => {
    const p = walk(visit(3, 5), atStep(3, 2, true), tried(3, ['scale']));
    expect(visit(3, 5)(p)).toBe(p);
    expect(atStep(3, 2, true)(p)).toBe(p);
    expect(tried(3, ['scale'])(p)).toBe(p);
    expect(predicted(3, {})(p)).toBe(p);
    // Nothing is recorded for a scene never visited, or a step out of range.
    expect(atStep(4, 0, true)(p)).toBe(p);
    expect(atStep(3, 9, true)(p)).toBe(p);
  });

  it('never turns a settled prediction back into an open one', () => {
    const p = walk(visit(2, 6), predicted(2, { 1: { picked: 'a', answer: 'b' } }));
    expect(p.scenes[2]?.predicted[1]).toBe('wrong');
    expect(predicted(2, { 1: { picked: 'a', answer: null } })(p)).toBe(p);
  });

  it('round-trips through its stored form', () => {
    const p = walk(visit(1, 5), atStep(1, 4, true), tried(1, ['kill']));
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  it('ignores corrupt, foreign, other-version and hostile stored values without throwing', () => {
    for (const raw of [
      null,
      '',
      '{',
      'null',
      '[]',
      '42',
      '"text"',
      '{"v":2,"scenes":{"1":{"total":5,"done":[0]}}}',
      '{"scenes":{"1":{"total":5}}}',
      'x'.repeat(70_000),
    ])
      expect(parseProgress(raw)).toEqual(emptyProgress);
    const hostile = JSON.stringify({
      v: 1,
      last: { scene: 7, step: 2 },
      scenes: {
        __proto__: { total: 5, done: [0] },
        constructor: { total: 5 },
        '1': { total: 5, done: [0, 0, 4, 9, -1, 1.5, '2', null], tries: ['ok', '<img>', 5, 'ok'] },
        '2': { total: 1e9, done: [0] },
        '3': { total: 4, predicted: { '1': 'right', '7': 'wrong', x: 'right', '2': 'maybe' } },
        '999': { total: 5 },
      },
    }).replace('"__proto__"', '"__proto__"');
    const p = parseProgress(hostile);
    expect(Object.keys(p.scenes)).toEqual(['1', '3']);
    expect(p.scenes[1]).toEqual({ total: 5, done: [0, 4], tries: ['ok'], predicted: {} });
    expect(p.scenes[3]?.predicted).toEqual({ 1: 'right' });
    // `last` must point at a scene the progress knows.
    expect(p.last).toBeNull();
    expect(({} as Record<string, unknown>)['total']).toBeUndefined();
  });

  it('keeps progress in memory when storage throws, and survives a reload when it works', () => {
    const broken = createProgressStore(throwing);
    broken.update(visit(1, 5));
    expect(broken.getSnapshot().scenes[1]?.total).toBe(5);
    broken.reset();
    expect(broken.getSnapshot()).toEqual(emptyProgress);

    const disk = memory();
    const a = createProgressStore(disk);
    let calls = 0;
    a.subscribe(() => calls++);
    a.update(visit(2, 6));
    a.update(atStep(2, 0, true));
    a.update(atStep(2, 0, true));
    expect(calls).toBe(2);
    expect(JSON.parse(disk.m.get(PROGRESS_KEY) ?? '{}').v).toBe(1);
    // A new page (or another tab) reads it back.
    const b = createProgressStore(disk);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
    a.reset();
    expect(disk.m.has(PROGRESS_KEY)).toBe(false);
    b.reload();
    expect(b.getSnapshot()).toEqual(emptyProgress);
  });

  it('starts empty when the stored value is corrupt', () => {
    const store = createProgressStore(memory({ [PROGRESS_KEY]: '{"v":1,"scenes":' }));
    expect(store.getSnapshot()).toEqual(emptyProgress);
  });
});
