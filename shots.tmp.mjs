import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-sandbox'],
});
const shots = process.argv.slice(2);
for (const spec of shots) {
  const [name, url, w, h, full] = spec.split('|');
  const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
  const errs = [];
  p.on('pageerror', (e) => errs.push(e.message));
  p.on('console', (m) => m.type() === 'error' && errs.push(m.text()));
  await p.goto('http://127.0.0.1:4173/' + url);
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: full === '1' });
  const dims = await p.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
  ]);
  console.log(name, dims.join('x'), errs.length ? 'ERRORS: ' + errs.join(' | ') : '');
  await p.close();
}
await b.close();
