import { describe, expect, it } from 'vitest';
import { createFrameDriver } from './frameDriver';

function manual() {
  const advanced: number[] = [];
  const frames: ((t: number) => void)[] = [];
  let now = 0;
  const d = createFrameDriver({
    onAdvance: (us) => advanced.push(us),
    clock: () => now,
    raf: (cb) => frames.push(cb),
    caf: () => {},
  });
  const frame = (at: number) => {
    now = at;
    frames.shift()?.(at);
  };
  return { d, advanced, frame };
}

describe('frame driver', () => {
  it('maps wall time × speed to simulated microseconds', () => {
    const { d, advanced, frame } = manual();
    d.speed = 2;
    d.start();
    frame(16);
    frame(32);
    expect(advanced).toEqual([32_000, 32_000]);
  });

  it('clamps a long gap (hidden tab) to one short frame: no catch-up storm', () => {
    const { d, advanced, frame } = manual();
    d.start();
    frame(10);
    frame(10 + 5 * 60_000);
    expect(advanced).toEqual([10_000, 100_000]);
  });

  it('does nothing when stopped', () => {
    const { d, advanced, frame } = manual();
    d.start();
    d.stop();
    frame(50);
    expect(advanced).toEqual([]);
    expect(d.running).toBe(false);
  });
});
