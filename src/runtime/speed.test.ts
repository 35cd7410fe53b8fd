import { describe, expect, it } from 'vitest';
import { formatSpeed, multiplier, nudgeSpeed, SPEEDS } from './speed';

describe('speed', () => {
  it('spans 0.1× to 100× in real time, and hours per second for long scenes', () => {
    expect(SPEEDS.realtime[0]).toBe(0.1);
    expect(SPEEDS.realtime.at(-1)).toBe(100);
    expect(multiplier('realtime', 2)).toBe(2);
    expect(multiplier('hours', 2)).toBe(7200);
    expect(formatSpeed('hours', 2)).toBe('2 h/s');
    expect(formatSpeed('realtime', 0.25)).toBe('0.25×');
  });

  it('steps to the neighbouring speed and stops at the ends', () => {
    expect(nudgeSpeed('realtime', 1, 1)).toBe(2);
    expect(nudgeSpeed('realtime', 1, -1)).toBe(0.5);
    expect(nudgeSpeed('realtime', 100, 1)).toBe(100);
    expect(nudgeSpeed('realtime', 0.1, -1)).toBe(0.1);
    expect(nudgeSpeed('realtime', 3, 1)).toBe(5);
    expect(nudgeSpeed('realtime', 3, -1)).toBe(2);
  });
});
