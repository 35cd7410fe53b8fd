import { describe, expect, it } from 'vitest';
import { Trace } from './trace';

describe('Trace', () => {
  it('keeps only the last entries but counts and hashes all of them', () => {
    const a = new Trace<{ t: number; type: string; n: number }>(10);
    for (let i = 0; i < 1000; i++) a.emit({ t: i, type: i % 2 ? 'odd' : 'even', n: i });
    expect(a.recent().map((e) => e.n)).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999]);
    expect(a.count).toBe(1000);
    expect(a.counter('odd')).toBe(500);
    const b = new Trace<{ t: number; type: string; n: number }>(10);
    for (let i = 0; i < 1000; i++)
      b.emit({ t: i, type: i % 2 ? 'odd' : 'even', n: i === 3 ? -3 : i });
    expect(b.digest()).not.toBe(a.digest());
  });
});
