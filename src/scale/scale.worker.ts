/**
 * The scale view's worker: owns the 1,000-sidecar simulation, so that the page's main thread
 * only draws. It fast-forwards the start-up, then advances when the page asks (the page's frame
 * driver turns wall time × speed into simulated time) and answers every request with a snapshot.
 */
import type { FromWorker, ToWorker } from './protocol';
import { ScaleRunner } from './runner';

let runner: ScaleRunner | null = null;
const post = (m: FromWorker) => postMessage(m);

onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  try {
    if (m.type === 'init') {
      runner = new ScaleRunner(m.seed, m.cores, () => performance.now());
      const r = runner;
      post({ type: 'snapshot', phase: 'starting', snapshot: r.snapshot() });
      r.startUp((s) => post({ type: 'snapshot', phase: 'starting', snapshot: s }));
      post({ type: 'snapshot', phase: 'ready', snapshot: r.snapshot() });
      return;
    }
    if (!runner) return;
    if (m.type === 'advance') runner.advance(runner.sim.now + Math.max(0, Math.round(m.us)));
    else runner.act(m.action);
    post({ type: 'snapshot', phase: 'ready', snapshot: runner.snapshot() });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
