// Runs the Playwright e2e suite with a browser that works here and on a laptop (see browser.mjs).
// When no browser exists, tries `npx playwright install chromium` once; if that fails too, stops
// with a message that says how to get one (never a stack trace).
import { spawnSync } from 'node:child_process';
import { findBrowser } from './browser.mjs';

let browser = findBrowser();
if (!browser) {
  console.log('No Chromium found for the e2e tests; trying `npx playwright install chromium` ...');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  browser = r.status === 0 ? findBrowser() : null;
}
if (!browser) {
  console.error(`
The end-to-end tests need a Chromium browser, and none was found or could be downloaded.
Get one in any of these ways, then run \`npm test\` again:
  - npx playwright install chromium          (any machine with internet access)
  - sudo apt-get install -y chromium         (Debian/Ubuntu: installs /usr/bin/chromium)
  - export CHROMIUM_PATH=/path/to/chrome     (use a Chrome or Chromium you already have)
`);
  process.exit(1);
}
console.log(`e2e browser: ${browser.source}`);
const env = { ...process.env, PW_EXECUTABLE_PATH: browser.path ?? '' };
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
