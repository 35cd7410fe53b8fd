// Finds a Chromium for Playwright: Playwright's own build when installed, else $CHROMIUM_PATH,
// else Debian's /usr/bin/chromium. Returns { path, source } or null.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findBrowser() {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own))
      return { path: undefined, source: `Playwright's Chromium (${own})` };
  } catch {
    // Playwright has no browser of its own installed; try the next option.
  }
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return { path: env, source: `CHROMIUM_PATH (${env})` };
  if (existsSync('/usr/bin/chromium'))
    return { path: '/usr/bin/chromium', source: "Debian's /usr/bin/chromium" };
  return null;
}

/**
 * Builds the app into `out` and serves it with `vite preview` on `port` (its own folder and port,
 * so it never disturbs a dev server or the e2e server); resolves once the server answers, with a
 * function that stops it (also called when the process exits).
 */
export async function buildAndServe(out, port) {
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      out,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (let i = 0; i <= 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return stop;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}
