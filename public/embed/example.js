// The example page's own script (a file: the page allows no inline script). It drives the
// <mesh-scene> element through its methods and events, and a plain iframe through postMessage.
'use strict';
(() => {
  const script = document.querySelector('script[src*="mesh-scene.js"]');
  const APP = new URL('../', script ? script.src : location.href);
  const $ = (sel) => document.querySelector(sel);

  // The policy in force, shown as text.
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  $('#csp').textContent = (meta ? meta.content : '(sent as a header)').split('; ').join(';\n');

  // Theme: the page's colours, and both scenes (an attribute for the element, a command for the frame).
  const themeBtn = $('#theme');
  const systemDark = matchMedia('(prefers-color-scheme: dark)').matches;
  const dark = () =>
    (document.documentElement.dataset.theme ?? (systemDark ? 'dark' : 'light')) === 'dark';
  themeBtn.setAttribute('aria-pressed', String(dark()));
  themeBtn.addEventListener('click', () => {
    const next = dark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    themeBtn.setAttribute('aria-pressed', String(next === 'dark'));
    $('#wc').setAttribute('theme', next);
    send('theme', next);
  });

  // 1 · The web component.
  const wc = $('#wc');
  const status = $('#wc-status');
  const show = (s) => {
    status.textContent = `Scene ${s.scene} · step ${s.step} of ${s.steps} · ${
      s.playing ? 'playing' : 'paused'
    } · t = ${s.time.toFixed(1)} s · speed ${s.speed}`;
  };
  wc.addEventListener('mesh-scene:ready', (e) => {
    show(e.detail);
    $('#wc-step').max = String(e.detail.steps);
  });
  wc.addEventListener('mesh-scene:state', (e) => show(e.detail));
  for (const b of document.querySelectorAll('[data-wc]'))
    b.addEventListener('click', () => {
      const c = b.dataset.wc;
      if (c === 'go') wc.goToStep(Number($('#wc-step').value));
      else wc[c]();
    });
  $('#wc-speed').addEventListener('change', (e) => wc.setSpeed(Number(e.target.value)));

  // 2 · A plain iframe: it answers only the origins its address names in host=.
  const frame = document.createElement('iframe');
  frame.title = 'Mesh Scenes · scene 5 (iframe)';
  frame.setAttribute(
    'sandbox',
    'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads',
  );
  const q = new URLSearchParams({ embed: '1', step: '1', host: location.origin });
  frame.src = `${APP.href}#/scene/5?${q}`;
  $('#if-slot').append(frame);
  function send(command, value) {
    const msg = { type: 'mesh-scenes:command', v: 1, command };
    if (value !== undefined) msg.value = value;
    frame.contentWindow.postMessage(msg, APP.origin);
  }
  for (const b of document.querySelectorAll('[data-if]'))
    b.addEventListener('click', () => send(b.dataset.if));

  const log = $('#if-log');
  const describe = (d) => {
    const kind = d.type.slice('mesh-scenes:'.length);
    const at = `step ${d.step} of ${d.steps}`;
    switch (kind) {
      case 'ready':
        return `ready · ${d.title} · ${at}`;
      case 'step':
        return `step · ${at}`;
      case 'state':
        return `state · ${at} · ${d.playing ? 'playing' : 'paused'} · t = ${d.time} s · speed ${d.speed} · ignored ${d.ignored}`;
      case 'height':
        return `height · ${d.height} px`;
      case 'error':
        return `error · ${d.reason}`;
      default:
        return kind;
    }
  };
  addEventListener('message', (e) => {
    // Only the frame this page made, from the app's origin.
    if (e.source !== frame.contentWindow || e.origin !== APP.origin) return;
    const d = e.data;
    if (!d || typeof d.type !== 'string' || !d.type.startsWith('mesh-scenes:')) return;
    if (d.type === 'mesh-scenes:height' && Number.isFinite(d.height))
      frame.style.height = `${Math.min(4000, Math.max(200, d.height))}px`;
    const li = document.createElement('li');
    li.textContent = describe(d);
    log.prepend(li);
    while (log.children.length > 12) log.lastElementChild.remove();
  });
})();
