/**
 * The one frame driver: the only place that reads the wall clock. Each animation frame it turns
 * elapsed wall time × speed into simulated time and hands it to `onAdvance`. Large gaps (a hidden
 * tab, a debugger pause) are clamped to `maxGapMs`, so coming back never causes a catch-up storm.
 */
export interface FrameDriverOptions {
  /** Called with the simulated microseconds to advance (may be fractional; callers round). */
  onAdvance: (simDeltaUs: number, wallMs: number) => void;
  /** Simulated microseconds per wall millisecond at speed 1 (default 1000: real time). */
  usPerMs?: number;
  /** Longest wall gap honoured between two frames (default 100 ms). */
  maxGapMs?: number;
  /** Injectable for tests. */
  clock?: () => number;
  raf?: (cb: (t: number) => void) => number;
  caf?: (id: number) => void;
}

export interface FrameDriver {
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Simulated-time multiplier (1 = real time). */
  speed: number;
  /** Runs one frame now (tests and benchmarks). */
  tick(wallNow: number): void;
  destroy(): void;
}

export function createFrameDriver(o: FrameDriverOptions): FrameDriver {
  const clock = o.clock ?? (() => performance.now());
  const raf = o.raf ?? ((cb) => requestAnimationFrame(cb));
  const caf = o.caf ?? ((id) => cancelAnimationFrame(id));
  const usPerMs = o.usPerMs ?? 1000;
  const maxGap = o.maxGapMs ?? 100;
  let last: number | null = null;
  let handle: number | null = null;
  let running = false;

  const driver: FrameDriver = {
    speed: 1,
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      last = clock();
      handle = raf(loop);
    },
    stop() {
      running = false;
      last = null;
      if (handle !== null) caf(handle);
      handle = null;
    },
    tick(wallNow: number) {
      const gap = last === null ? 0 : Math.min(Math.max(wallNow - last, 0), maxGap); // [1]
      last = wallNow;
      if (gap > 0) o.onAdvance(gap * usPerMs * driver.speed, gap);
    },
    destroy() {
      driver.stop();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVis);
    },
  };
  function loop() {
    if (!running) return;
    driver.tick(clock());
    handle = raf(loop);
  }
  // A tab coming back from hidden restarts the wall clock instead of replaying the gap.
  function onVis() {
    if (typeof document !== 'undefined' && !document.hidden && running) last = clock();
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVis);
  return driver;
}
// [1] Clamping: a tab hidden for ten minutes produces one frame of at most maxGap wall ms.
