// Finds a Chromium for Playwright: Playwright's own build when installed, else $CHROMIUM_PATH,
// else Debian's /usr/bin/chromium. Returns { path, source } or null.
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
