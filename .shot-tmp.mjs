import { chromium } from '@playwright/test';
const [,, url, w, h, out, full] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.waitForSelector('svg.mesh-diagram', { timeout: 20000 });
await p.waitForTimeout(1500);
const m = await p.evaluate(() => {
  const d = document.documentElement;
  const svg = document.querySelector('svg.mesh-diagram');
  const r = svg.getBoundingClientRect();
  const bar = document.querySelector('.player-bar').getBoundingClientRect();
  const fonts = [...document.querySelectorAll('svg.mesh-diagram text')].map(t => {
    const fs = parseFloat(getComputedStyle(t).fontSize); return fs * r.width / svg.viewBox.baseVal.width; });
  return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, svg: [r.x, r.y, r.width, r.height], bar: [bar.x, bar.y, bar.width, bar.height], minFont: Math.min(...fonts) };
});
console.log(JSON.stringify(m));
await p.screenshot({ path: out, fullPage: full === 'full' });
await b.close();
