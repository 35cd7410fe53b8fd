import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

describe('EventQueue', () => {
  it('pops in time order and breaks ties by scheduling order', () => {
    const q = new EventQueue<string>();
    let seq = 0;
    q.push(50, seq++, 'c');
    q.push(10, seq++, 'a1');
    q.push(50, seq++, 'd');
    q.push(10, seq++, 'a2');
    q.push(30, seq++, 'b');
    q.push(10, seq, 'a3');
    const out: string[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(e);
    expect(out).toEqual(['a1', 'a2', 'a3', 'b', 'c', 'd']);
  });

  it('keeps tie order across thousands of simultaneous events', () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 5000; i++) q.push(i % 3 === 0 ? 7 : 9, i, i);
    const out: number[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(e);
    const sevens = out.slice(0, 1667);
    expect(sevens.every((x) => x % 3 === 0)).toBe(true);
    expect(sevens).toEqual([...sevens].sort((a, b) => a - b));
    expect(out.slice(1667)).toEqual(out.slice(1667).sort((a, b) => a - b));
  });

  it('cancels events so they never pop, and reports unknown ids', () => {
    const q = new EventQueue<string>();
    const a = q.push(1, 0, 'a');
    const b = q.push(2, 1, 'b');
    q.push(3, 2, 'c');
    expect(q.cancel(b)).toBe(true);
    expect(q.cancel(b)).toBe(false);
    expect(q.pending).toBe(2);
    expect(q.pop()).toBe('a');
    expect(q.cancel(a)).toBe(false); // already ran
    expect(q.pop()).toBe('c');
    expect(q.pop()).toBeUndefined();
  });

  it('does not let a reused slot resurrect a cancelled id', () => {
    const q = new EventQueue<string>();
    const old = q.push(5, 0, 'old');
    q.cancel(old);
    q.push(6, 1, 'new'); // reuses the freed slot
    expect(q.cancel(old)).toBe(false);
    expect(q.pop()).toBe('new');
  });

  it('restores a snapshot exactly, ids included', () => {
    const q = new EventQueue<number>();
    const ids = Array.from({ length: 100 }, (_, i) => q.push((i * 37) % 11, i, i));
    q.cancel(ids[5] as number);
    const snap = q.snapshot();
    const first: number[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) first.push(e);
    const r = new EventQueue<number>();
    r.restore(snap);
    expect(r.cancel(ids[6] as number)).toBe(true);
    const second: number[] = [];
    for (let e = r.pop(); e !== undefined; e = r.pop()) second.push(e);
    expect(second).toEqual(first.filter((x) => x !== 6));
  });

  it('compacts when most entries are cancelled without changing the order', () => {
    const q = new EventQueue<number>();
    const ids: number[] = [];
    for (let i = 0; i < 20000; i++) ids.push(q.push(20000 - i, i, i));
    for (let i = 0; i < 20000; i++) if (i % 10 !== 0) q.cancel(ids[i] as number);
    expect(q.pending).toBe(2000);
    const out: number[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(e);
    expect(out.length).toBe(2000);
    expect(out[0]).toBe(19990);
    expect(out.at(-1)).toBe(0);
  });
});
