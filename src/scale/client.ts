/**
 * The page side of the scale view: starts the worker, paces it with the platform's frame driver
 * (wall time × speed → simulated time; the worker never reads a clock to decide what happens),
 * and keeps the latest snapshot and the current episode's chart samples for React.
 */
import { createFrameDriver, type FrameDriver } from '../runtime/frameDriver';
import type { ScaleAction } from './constants';
import type { FromWorker, ToWorker } from './protocol';
import type { ChartPoint, Snapshot } from './runner';

export interface ScaleViewState {
  phase: 'starting' | 'ready' | 'error';
  error: string | null;
  snap: Snapshot | null;
  /** The current episode's samples (µs after its start, then proxies per version). */
  points: ChartPoint[];
  playing: boolean;
  speed: number;
  /** The engine could not keep up with the chosen speed during the last frames. */
  lagging: boolean;
}

/** Most simulated time one request may carry, in wall ms at the chosen speed (the rest is dropped). */
const MAX_BACKLOG_WALL_MS = 250;

export interface WorkerLike {
  postMessage(m: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

export const spawnWorker = (): WorkerLike =>
  new Worker(new URL('./scale.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;

export class ScaleClient {
  private state: ScaleViewState;
  private listeners = new Set<() => void>();
  private readonly worker: WorkerLike;
  private readonly driver: FrameDriver;
  private outstanding = 0;
  private backlogUs = 0;

  constructor(seed: number, cores: number, speed: number, spawn: () => WorkerLike = spawnWorker) {
    this.state = {
      phase: 'starting',
      error: null,
      snap: null,
      points: [],
      playing: false,
      speed,
      lagging: false,
    };
    this.worker = spawn();
    this.worker.onmessage = (ev) => this.onMessage(ev.data);
    this.driver = createFrameDriver({ onAdvance: (us) => this.onFrame(us) });
    this.driver.speed = speed;
    this.send({ type: 'init', seed, cores });
  }

  getState = (): ScaleViewState => this.state;

  subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };

  play(): void {
    if (this.state.phase !== 'ready' || this.state.playing) return;
    this.set({ playing: true });
    this.driver.start();
  }

  pause(): void {
    if (!this.state.playing) return;
    this.driver.stop();
    this.backlogUs = 0;
    this.set({ playing: false, lagging: false });
  }

  setSpeed(speed: number): void {
    this.driver.speed = speed;
    this.set({ speed });
  }

  /** Takes an action now and plays on, so the learner sees what it does. */
  act(action: ScaleAction): void {
    if (this.state.phase !== 'ready') return;
    this.send({ type: 'act', action });
    this.play();
  }

  destroy(): void {
    this.driver.destroy();
    this.worker.terminate();
    this.listeners.clear();
  }

  private send(m: ToWorker): void {
    this.outstanding++;
    this.worker.postMessage(m);
  }

  private onFrame(us: number): void {
    const cap = this.state.speed * 1000 * MAX_BACKLOG_WALL_MS;
    this.backlogUs += us;
    const lagging = this.backlogUs > cap;
    if (lagging) this.backlogUs = cap;
    if (lagging !== this.state.lagging) this.set({ lagging });
    if (this.outstanding > 0 || this.backlogUs < 1) return;
    const step = Math.floor(this.backlogUs);
    this.backlogUs -= step;
    this.send({ type: 'advance', us: step });
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'error') {
      this.driver.stop();
      this.set({ phase: 'error', error: m.message, playing: false });
      return;
    }
    if (m.phase === 'ready') this.outstanding = Math.max(0, this.outstanding - 1);
    const s = m.snapshot;
    const points = s.reset
      ? s.points
      : s.points.length
        ? [...this.state.points, ...s.points]
        : this.state.points;
    this.set({ phase: m.phase, snap: s, points });
  }

  private set(p: Partial<ScaleViewState>): void {
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l();
  }
}
