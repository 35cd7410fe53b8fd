import { chromium } from '@playwright/test';
const [,, url, w, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.waitForSelector('svg.mesh-diagram', { timeout: 20000 });
await p.waitForTimeout(1000);
const r = await p.evaluate(() => {
  const cw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > cw + 0.5 && !el.closest('svg')) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
  }
  const f = getComputedStyle(document.querySelector('svg text')).fontFamily;
  const c = document.createElement('canvas').getContext('2d');
  c.font = 'italic 13px ' + f; const a = c.measureText('each caller’s sidecar routes and picks a cluster (RDS + CDS)').width;
  c.font = '12px ' + f; const i = c.measureText('xDS on :15012 · 8/8 streams · version 00:00/1').width;
  c.font = '9.5px ' + f; const t = c.measureText('connect timeout 5 s · TLS in the app').width;
  return { out: out.slice(0, 40), f, a, i, t };
});
console.log(JSON.stringify(r, null, 1));
const ps = await p.evaluate(() => { const t = document.querySelector('.proxy-status table'); return t ? [t.scrollWidth, t.parentElement.clientWidth] : null; });
console.log(ps);
await b.close();
