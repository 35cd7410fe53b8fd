// `npm run check:browser -- [--urls 500] [--soak-seconds 60] [--warm-up-s 1800] [--seed 42]
// [--scenes 1,11]`: the browser half of the reliability review, in Chromium (scripts/browser.mjs
// finds one). `--scenes` limits the soak to some scenes.
//
// 1. Fuzzed URLs: N addresses (seeded, so the same seed gives the same URLs) — registered and
//    unknown scenes, every known query parameter and unknown ones, with valid, out-of-range,
//    malformed, hostile (markup, prototype names, broken percent-encoding), huge and tampered
//    `log=` values. Each is loaded fresh; a page is blank when the root shows no heading or no
//    text, and an uncaught error is a `pageerror` (console errors are counted apart).
// 2. Soak: every registered scene is opened at t = 30 simulated minutes (`--warm-up-s`; the run
//    is replayed at once, so its bounded lists — the text log, the checkpoints — are full), then
//    plays at 10× (slow motion off) for S seconds (default 60; the review's soak was 600). Every
//    S/12 seconds the heap after a forced GC (CDP HeapProfiler) and the DOM counters (CDP
//    Memory.getDOMCounters) are sampled. Growth compares the second half's peak with the first
//    half's (the engine's checkpoints make a bounded saw-tooth); flat means DOM nodes at most
//    1.1× and heap at most 1.5×.
//
// Builds into a temp folder and serves it with `vite preview` on its own port (CHECK_BROWSER_PORT,
// default 4403). Prints the failures and a table, then one JSON line: `urls`, `blank_pages`,
// `uncaught_errors`, `console_errors`, `scenes`, `soak_seconds`, `warm_up_s`, `max_heap_growth`,
// `max_dom_growth`, `soak` (per scene). Exit 1 when a count is not 0 or the soak is not flat.
import { chromium } from '@playwright/test';
import { buildAndServe, findBrowser } from './browser.mjs';

const USAGE =
  'usage: npm run check:browser -- [--urls 500] [--soak-seconds 60] [--warm-up-s 1800] ' +
  '[--seed 42] [--scenes 1,11]';
const PORT = Number(process.env.CHECK_BROWSER_PORT ?? 4403);
const OUT = process.env.CHECK_BROWSER_OUT ?? '/tmp/mesh-scenes-check-browser';
const BASE = `http://127.0.0.1:${PORT}/`;

function args(argv) {
  const a = { urls: 500, soak: 60, seed: 42, scenes: null, warmUp: 1800 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--scenes') {
      a.scenes = (argv[i + 1] ?? '').split(',').map(Number);
      if (a.scenes.some((n) => !Number.isInteger(n))) fail('bad value for --scenes');
      continue;
    }
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 0) fail(`bad value for ${argv[i]}`);
    if (argv[i] === '--urls') a.urls = v;
    else if (argv[i] === '--soak-seconds') a.soak = v;
    else if (argv[i] === '--seed') a.seed = v;
    else if (argv[i] === '--warm-up-s') a.warmUp = v;
    else fail(`bad argument ${argv[i]}`);
  }
  return a;
}
function fail(msg) {
  console.error(`check:browser: ${msg}\n${USAGE}`);
  process.exit(2);
}

/** mulberry32: a small seeded generator (reproducible URLs). */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b64url = (s) =>
  Buffer.from(s, 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const PARAMS = [
  'step',
  'seed',
  'speed',
  'theme',
  'slowmo',
  'embed',
  'autoplay',
  't',
  'log',
  'pod',
  'client',
  'service',
  'weight',
  'canary',
  'v2',
  'mtls',
  'istiod',
  'select',
  '__proto__',
  'constructor',
  'toString',
  '',
  'x',
  'STEP',
];
const VALUES = [
  '1',
  '2',
  '0',
  '-1',
  '3',
  '10',
  '100',
  '0.5',
  '999',
  '999999999',
  '1e9',
  'NaN',
  'Infinity',
  '',
  'abc',
  'dark',
  'light',
  'system',
  'web-1',
  'payments-v2-a',
  'alpha',
  '%00',
  '%E0%A4%A',
  '%',
  '%%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'",
  '"',
  '../../etc',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '🙂',
  'é',
  '\u202e',
  ' ',
  '+',
  '1;2',
  '0x10',
  '1.5e3',
];

/** A `log=` value: valid-looking runs, tampered ones, and garbage. */
function logValue(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const cmds = [
    { kind: 'istiod.kill' },
    { kind: 'istiod.restore' },
    { kind: 'pod.kill', pod: 'web-1' },
    { kind: 'canary.weights', v1: 50, v2: 50 },
    { kind: 'config.apply', yaml: 'kind: VirtualService\nspec: {}' },
    { kind: 'server.stop' },
    { kind: 'nope' },
    { kind: 'pod.kill', pod: 'x'.repeat(300) },
    { kind: 'canary.weights', v1: -5, v2: 1e308 },
    { kind: '__proto__' },
    null,
    [],
  ];
  const n = Math.floor(r() * 6);
  const entries = Array.from({ length: n }, (_, i) => [
    pick([0, 1000 * i, -1, 1.5, 2 ** 60, 4e9 * 3600]),
    pick([0, i, -3, 1e9]),
    pick(cmds),
  ]);
  return pick([
    b64url(JSON.stringify(entries)),
    b64url(JSON.stringify(entries)),
    b64url('not json'),
    b64url(JSON.stringify({ a: 1 })),
    b64url(JSON.stringify(Array.from({ length: 600 }, () => [0, 0, { kind: 'istiod.kill' }]))),
    'A'.repeat(17_000),
    '!!!',
    '%E0%A4%A',
    b64url(JSON.stringify(entries)).slice(0, 7),
  ]);
}

/** N fuzzed addresses over the registered scene numbers. */
function fuzzUrls(n, seed, numbers) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const urls = [];
  for (let i = 0; i < n; i++) {
    const scene =
      r() < 0.85 ? pick(numbers) : pick([0, 7, 99, 1e9, -1, 'abc', '01', '1e1', '', '%']);
    const path =
      r() < 0.05
        ? pick(['#/', '#/garbage', '#%', '', `#/${'x'.repeat(3000)}`, '#/scene'])
        : `#/scene/${scene}`;
    const q = [];
    for (let k = Math.floor(r() * 5); k > 0; k--) {
      const name = pick(PARAMS);
      const value =
        name === 'log' || r() < 0.08 ? logValue(r) : r() < 0.03 ? 'x'.repeat(6000) : pick(VALUES);
      // Mostly encoded as a browser would; sometimes raw (broken percent-encoding stays broken).
      q.push(
        r() < 0.8 ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}` : `${name}=${value}`,
      );
    }
    urls.push(`${BASE}${path}${q.length ? `?${q.join('&')}` : ''}`);
  }
  return urls;
}

/** Loads one URL fresh; returns whether the page is blank and its errors. */
async function visit(page, url, errors) {
  errors.page.length = 0;
  errors.console.length = 0;
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  // The app renders once the scene's chunk is loaded: wait for a heading (or give up after 10 s).
  await page.waitForSelector('#root h1, #root h2', { timeout: 10_000 }).catch(() => {});
  const blank = await page.evaluate(() => {
    const root = document.getElementById('root');
    const text = root?.innerText.trim() ?? '';
    return !root || text.length === 0 || !root.querySelector('h1, h2');
  });
  return { blank, pageErrors: [...errors.page], consoleErrors: [...errors.console] };
}

/** Plays a scene at 10× for `seconds`, sampling heap after GC and DOM counters. */
async function soak(page, cdp, number, seconds, warmUpS) {
  await page.goto('about:blank');
  // Opened at t = warm-up (replayed at once), so bounded lists and checkpoints are already full.
  await page.goto(`${BASE}#/scene/${number}?speed=10&slowmo=0&t=${warmUpS * 1_000_000}`);
  await page.waitForSelector('article.scene', { timeout: 30_000 });
  const play = page.locator('.player-bar button.primary').first();
  if (/play/i.test(await play.innerText({ timeout: 10_000 }))) await play.click();
  const samples = [];
  const every = Math.max(1, seconds / 12);
  for (let s = 0; s <= seconds + 1e-9; s += every) {
    if (s > 0) await page.waitForTimeout(every * 1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    const t = await page.evaluate(() => document.querySelector('.sim-time')?.textContent ?? '');
    samples.push({
      s,
      heapMb: Math.round(usedSize / 1e5) / 10,
      nodes,
      listeners: jsEventListeners,
      t,
    });
  }
  // The engine's checkpoints fill up and are thinned (a saw-tooth of bounded height), so growth
  // compares the peaks: the second half's highest sample over the first half's (warm-up sample
  // at 0 s left out). A leak keeps climbing; the saw-tooth does not.
  const warm = samples.slice(1);
  const half = Math.ceil(warm.length / 2);
  const peak = (xs, f) => Math.max(...xs.map(f));
  const growth = (f) =>
    Math.round((peak(warm.slice(half), f) / peak(warm.slice(0, half), f)) * 100) / 100;
  const first = warm[0] ?? samples[0];
  const last = samples[samples.length - 1];
  return {
    scene: number,
    heap_mb: [first.heapMb, last.heapMb],
    dom_nodes: [first.nodes, last.nodes],
    heap_growth: growth((x) => x.heapMb),
    dom_growth: growth((x) => x.nodes),
    samples,
  };
}

async function main() {
  const { urls: n, soak: soakSeconds, seed, scenes: only, warmUp } = args(process.argv.slice(2));
  const found = findBrowser();
  if (!found) {
    console.error('check:browser needs Chromium (see scripts/e2e.mjs for ways to get one).');
    process.exit(1);
  }
  const stop = await buildAndServe(OUT, PORT);
  const t0 = Date.now();
  const browser = await chromium.launch({
    ...(found.path ? { executablePath: found.path } : {}),
    args: ['--disable-gpu', '--no-first-run', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = { page: [], console: [] };
  page.on('pageerror', (e) => errors.page.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.console.push(m.text());
  });
  await page.goto(BASE);
  await page.waitForSelector('.scene-list a', { timeout: 30_000 });
  const numbers = await page.$$eval('.scene-list a', (as) =>
    as.map((a) => Number(a.getAttribute('href')?.replace('#/scene/', ''))),
  );

  let blank = 0;
  let uncaught = 0;
  let consoleErrors = 0;
  const list = fuzzUrls(n, seed, numbers);
  for (const [i, url] of list.entries()) {
    const v = await visit(page, url, errors);
    if (v.blank) {
      blank++;
      console.log(`BLANK ${url.slice(0, 300)}`);
    }
    if (v.pageErrors.length) {
      uncaught++;
      console.log(`ERROR ${url.slice(0, 300)}: ${v.pageErrors[0].slice(0, 200)}`);
    }
    if (v.consoleErrors.length) {
      consoleErrors++;
      console.log(`CONSOLE ${url.slice(0, 300)}: ${v.consoleErrors[0].slice(0, 200)}`);
    }
    if ((i + 1) % 100 === 0)
      console.error(
        `check:browser: ${i + 1}/${list.length} URLs, ${Math.round((Date.now() - t0) / 1000)} s`,
      );
  }

  const cdp = await page.context().newCDPSession(page);
  const results = [];
  if (soakSeconds > 0)
    for (const number of numbers.filter((x) => !only || only.includes(x))) {
      errors.page.length = 0;
      const r = await soak(page, cdp, number, soakSeconds, warmUp);
      if (errors.page.length) {
        uncaught++;
        console.log(`ERROR soak scene ${number}: ${errors.page[0].slice(0, 200)}`);
      }
      results.push(r);
      console.error(
        `check:browser: soak scene ${number}: heap ${r.heap_mb.join(' → ')} MB, DOM nodes ${r.dom_nodes.join(' → ')}`,
      );
    }
  await browser.close();

  console.log('');
  console.log('| scene | heap after GC (MB) | peak growth | DOM nodes | peak growth | clock |');
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const r of results)
    console.log(
      `| ${r.scene} | ${r.heap_mb.join(' → ')} | ${r.heap_growth} | ${r.dom_nodes.join(' → ')} | ${r.dom_growth} | ${r.samples.at(-1)?.t ?? ''} |`,
    );
  const maxHeap = Math.max(0, ...results.map((r) => r.heap_growth));
  const maxDom = Math.max(0, ...results.map((r) => r.dom_growth));
  const flat = maxHeap <= 1.5 && maxDom <= 1.1;
  console.log(
    JSON.stringify({
      urls: list.length,
      blank_pages: blank,
      uncaught_errors: uncaught,
      console_errors: consoleErrors,
      scenes: results.length,
      soak_seconds: soakSeconds,
      warm_up_s: warmUp,
      max_heap_growth: maxHeap,
      max_dom_growth: maxDom,
      soak: results.map(({ scene, heap_mb, dom_nodes, heap_growth, dom_growth }) => ({
        scene,
        heap_mb,
        dom_nodes,
        heap_growth,
        dom_growth,
      })),
      seconds: Math.round((Date.now() - t0) / 1000),
    }),
  );
  stop();
  process.exit(blank === 0 && uncaught === 0 && flat ? 0 : 1);
}

main().catch((e) => {
  console.error(`check:browser: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
