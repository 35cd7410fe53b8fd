// `npm run bench:ui`: scene 11 in Chromium at 1× and 10× for 20 s each. Measures frame time
// (requestAnimationFrame intervals, p50/p95) and long tasks (> 50 ms, PerformanceObserver
// 'longtask'). Then the scale view (`#/scale`, 1,000 sidecars): the frame rate while a full push
// (a VirtualService edit) plays at 0.05×, and the wall time the engine (in its worker) spent
// simulating that push, median of 3 after a warm-up push. Prints tables, then as the last line
// one JSON object.
// Builds into a temp folder and serves it with `vite preview` on its own port, so it never
// disturbs a dev server or the e2e server.
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { buildAndServe, findBrowser } from './browser.mjs';

const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_UI_PORT ?? 4288);
const OUT = '/tmp/mesh-scenes-bench-ui';

const browser = findBrowser();
if (!browser) {
  console.error('bench:ui needs Chromium (see scripts/e2e.mjs for ways to get one).');
  process.exit(1);
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function measure(page, speed) {
  await page.goto(`http://127.0.0.1:${PORT}/#/scene/11?step=1&speed=${speed}`);
  await page.getByRole('button', { name: /play/i }).first().waitFor();
  await page.evaluate(() => {
    const w = window;
    w.__bench = { frames: [], longTasks: [] };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const loop = (t) => {
      w.__bench.frames.push(t - last);
      last = t;
      w.__bench.raf = requestAnimationFrame(loop);
    };
    w.__bench.raf = requestAnimationFrame(loop);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
  await page.getByRole('button', { name: '▶ Play' }).click();
  const m0 = await metric();
  await page.waitForTimeout(SECONDS * 1000);
  const m1 = await metric();
  await cdp.detach();
  const wall = m1.Timestamp - m0.Timestamp;
  const r = await page.evaluate(() => {
    const w = window;
    cancelAnimationFrame(w.__bench.raf);
    const completed = document.querySelector('[data-testid="count-completed"]')?.textContent ?? '0';
    return {
      frames: w.__bench.frames.slice(1),
      longTasks: w.__bench.longTasks,
      completed: Number(completed),
    };
  });
  return {
    p50: +pct(r.frames, 50).toFixed(2),
    p95: +pct(r.frames, 95).toFixed(2),
    frames: r.frames.length,
    longTasks: r.longTasks.length,
    worstLongTask: r.longTasks.length ? +Math.max(...r.longTasks).toFixed(1) : 0,
    completed: r.completed,
    // Share of wall time the page's main thread spent in tasks, and in script alone.
    busyPct: +((100 * (m1.TaskDuration - m0.TaskDuration)) / wall).toFixed(1),
    scriptMsPerFrame: +(
      (1000 * (m1.ScriptDuration - m0.ScriptDuration)) /
      Math.max(1, r.frames.length)
    ).toFixed(2),
  };
}

const SCALE_PUSHES = Number(process.env.BENCH_UI_SCALE_PUSHES ?? 3);

/** One full push on the scale view: frames per second while it plays, engine wall ms. */
async function scalePush(page) {
  await page.evaluate(() => {
    const w = window;
    w.__scale = { frames: 0, t0: performance.now() };
    const loop = () => {
      w.__scale.frames++;
      w.__scale.raf = requestAnimationFrame(loop);
    };
    w.__scale.raf = requestAnimationFrame(loop);
  });
  const episode = '[data-testid="scale-episode"]';
  const before = await page.locator(episode).textContent();
  await page.getByRole('button', { name: 'Edit one VirtualService' }).click();
  await page.waitForFunction(
    ([sel, prev]) => {
      const t = document.querySelector(sel)?.textContent ?? '';
      return t !== prev && t.includes('Every proxy SYNCED');
    },
    [episode, before],
    { timeout: 120_000 },
  );
  const r = await page.evaluate(() => {
    const w = window;
    cancelAnimationFrame(w.__scale.raf);
    const seconds = (performance.now() - w.__scale.t0) / 1000;
    return {
      fps: w.__scale.frames / seconds,
      seconds,
      busyMs: Number(document.querySelector('[data-testid="scale-busy-ms"]')?.textContent),
      synced: document.querySelector('[data-testid="scale-count-0"]')?.textContent,
    };
  });
  if (r.synced !== '1,000') throw new Error(`scale: only ${r.synced} proxies synced`);
  // Let the page settle (paused) before the next push.
  await page.getByTestId('scale-play').click();
  return r;
}

async function measureScale(page) {
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${PORT}/#/scale?speed=0.05`);
  await page.getByTestId('scale-play').waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="scale-play"]')?.disabled,
    null,
    { timeout: 600_000 },
  );
  const startupMs = Date.now() - t0;
  await scalePush(page); // warm-up: the engine's first full push compiles its code paths
  const runs = [];
  for (let i = 0; i < SCALE_PUSHES; i++) runs.push(await scalePush(page));
  const med = (xs) => pct(xs, 50);
  return {
    fps: +med(runs.map((r) => r.fps)).toFixed(1),
    pushWallMs: Math.round(med(runs.map((r) => r.busyMs))),
    playSeconds: +med(runs.map((r) => r.seconds)).toFixed(2),
    startupMs,
    runs,
  };
}

const stopServer = await buildAndServe(OUT, PORT);
try {
  const b = await chromium.launch({
    ...(browser.path ? { executablePath: browser.path } : {}),
    args: ['--disable-gpu'],
  });
  const page = await b.newPage({ viewport: { width: 1400, height: 900 } });
  const results = {};
  for (const speed of [1, 10]) results[speed] = await measure(page, speed);
  const scale = await measureScale(page);
  await b.close();
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `Scene 11, ${SECONDS} s per speed (${browser.source}); ${cpus().length} CPUs, load average ${load}`,
  );
  if (loadavg()[0] > cpus().length)
    console.log(
      'note: the machine is busier than its CPU count; frame times include waiting for a CPU.',
    );
  console.log(
    '| speed | frames | frame p50 (ms) | frame p95 (ms) | long tasks > 50 ms | worst (ms) | main thread busy | script ms/frame | completed requests |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [s, r] of Object.entries(results))
    console.log(
      `| ${s}× | ${r.frames} | ${r.p50} | ${r.p95} | ${r.longTasks} | ${r.worstLongTask} | ${r.busyPct}% | ${r.scriptMsPerFrame} | ${r.completed} |`,
    );
  console.log('targets: no long task, frame p95 <= 20 ms');
  console.log('');
  console.log(
    `Scale view (1,000 sidecars, 100 services): ${SCALE_PUSHES} full pushes (VirtualService edits) at 0.05×, median; start-up ${(scale.startupMs / 1000).toFixed(1)} s`,
  );
  console.log('| figure | value | target |');
  console.log('|---|---:|---:|');
  console.log(
    `| frames per second while the push plays (${scale.playSeconds} s) | ${scale.fps} | >= 30 |`,
  );
  console.log(`| engine wall ms to simulate the push (worker) | ${scale.pushWallMs} | <= 1000 |`);
  const json = {};
  for (const [s, r] of Object.entries(results)) {
    json[`ui_frame_p50_ms_${s}x`] = r.p50;
    json[`ui_frame_p95_ms_${s}x`] = r.p95;
    json[`ui_long_tasks_${s}x`] = r.longTasks;
    json[`ui_main_busy_pct_${s}x`] = r.busyPct;
    json[`ui_script_ms_per_frame_${s}x`] = r.scriptMsPerFrame;
  }
  json.scale_1000_fps = scale.fps;
  json.scale_1000_push_wall_ms = scale.pushWallMs;
  console.log(JSON.stringify(json));
} finally {
  stopServer();
}
