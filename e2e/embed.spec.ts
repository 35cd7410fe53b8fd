import { expect as baseExpect, test, type Frame, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The embed kit from a host page on another origin. A small server on its own port serves the
 * repository's example page (public/embed/example.html, fetched from the build) as a docs site
 * would: from http://localhost:<port>, with the app's script and frames on http://127.0.0.1:<app
 * port>, under a strict Content-Security-Policy sent as a header (no inline script, no inline
 * style, no eval). The same server answers on 127.0.0.1 too: another origin, for hostile frames.
 */
const expect = baseExpect.configure({ timeout: 20_000 });

let server: Server;
let HOST = ''; // the docs site: http://localhost:<port>
let EVIL = ''; // another origin on the same server: http://127.0.0.1:<port>
let APP = ''; // the app: http://127.0.0.1:<app port>

const policy = () =>
  [
    "default-src 'none'",
    `script-src 'self' ${APP}`,
    "style-src 'self'",
    `frame-src ${APP} ${EVIL} ${HOST}`,
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

test.beforeAll(async ({ baseURL }) => {
  APP = new URL(baseURL ?? '').origin;
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'content-type': type, 'content-security-policy': policy() });
      res.end(body);
    };
    if (path === '/example.html' || path === '/example.js' || path === '/example.css') {
      fetch(`${APP}/embed${path}`)
        .then((r) => r.text())
        .then((text) => {
          if (path !== '/example.html')
            return send(path.endsWith('.js') ? 'text/javascript' : 'text/css', text);
          // As a docs site copies it: the app's script from the app, the policy as a header.
          const page = text
            .replace('src="./mesh-scene.js"', `src="${APP}/embed/mesh-scene.js"`)
            .replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '');
          send('text/html', page);
        })
        .catch(() => res.writeHead(502).end());
    } else if (path === '/blank.html') send('text/html', '<!doctype html><title>blank</title>');
    else res.writeHead(204).end(); // a favicon...: nothing to show, nothing to log
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.E2E_HOST_PORT) || 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  HOST = `http://localhost:${port}`;
  EVIL = `http://127.0.0.1:${port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Seen = { origin: string; data: Record<string, unknown> };
interface Watch {
  violations: string[];
  errors: string[];
}

/** Records CSP violations in every frame, page errors, and (in the page) messages and DOM events. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { violations: [], errors: [] };
  await page.exposeFunction('__cspViolation', (v: string) => w.violations.push(v));
  await page.addInitScript(() => {
    const win = window as unknown as {
      __cspViolation?: (v: string) => void;
      __seen: { origin: string; data: unknown }[];
      __wc: { type: string; detail: unknown }[];
    };
    document.addEventListener('securitypolicyviolation', (e) =>
      win.__cspViolation?.(
        `${location.origin}: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`,
      ),
    );
    win.__seen = [];
    win.__wc = [];
    addEventListener('message', (e) => win.__seen.push({ origin: e.origin, data: e.data }));
    for (const k of ['ready', 'step', 'state', 'height', 'error'])
      document.addEventListener(`mesh-scene:${k}`, (e) =>
        win.__wc.push({ type: k, detail: (e as CustomEvent).detail }),
      );
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  return w;
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
const wcEvents = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __wc: { type: string; detail: Record<string, unknown> }[] }).__wc,
  );
const lastWc = async (page: Page, type: string) =>
  (await wcEvents(page)).filter((e) => e.type === type).at(-1)?.detail;

/** The framed app of the web component, and of the plain iframe. */
const frameOf = async (page: Page, selector: string): Promise<Frame> => {
  const handle = await page.locator(selector).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame for ${selector}`);
  return frame;
};
const stepLabel = (f: Frame) =>
  f.getByRole('group', { name: 'Player controls' }).getByLabel('Narrative step');

async function openExample(page: Page) {
  const w = await watch(page);
  await page.goto(`${HOST}/example.html`);
  await expect(page.locator('#wc-status')).toContainText('step 1 of');
  await expect
    .poll(async () =>
      (await seen(page)).some(
        (m) => m.data?.['type'] === 'mesh-scenes:ready' && m.data['scene'] === 5,
      ),
    )
    .toBe(true);
  return w;
}

test('the example page on another origin embeds both ways under a strict CSP, with no violation', async ({
  page,
}) => {
  const w = await openExample(page);
  const wc = await frameOf(page, 'mesh-scene iframe');
  await expect(wc.locator('.diagram-stack svg').first()).toBeVisible();
  await expect(stepLabel(wc)).toHaveText(/^1 \/ \d+$/);
  const plain = await frameOf(page, '#if-slot iframe');
  await expect(plain.locator('.diagram-stack svg').first()).toBeVisible();
  // The element's frame takes the height the scene reports (not a scrolling 600 px box).
  await expect
    .poll(async () => {
      const h = (await lastWc(page, 'height'))?.['height'];
      const box = await page.locator('mesh-scene iframe').boundingBox();
      return typeof h === 'number' && box !== null && Math.abs(box.height - h) < 1 && h > 600;
    })
    .toBe(true);
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
  // The policy really is in force on the host page (an inline script is refused).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => w.violations.length).toBe(1);
  expect(w.violations[0]).toContain('script-src');
  await page.waitForTimeout(300);
  expect(w.violations).toHaveLength(1);
  expect(w.errors.filter((e) => !e.startsWith('Executing inline script violates'))).toEqual([]);
});

test('the host drives the web component (step, play, pause, speed) and hears ready, step, state and height', async ({
  page,
}) => {
  const w = await openExample(page);
  const wc = await frameOf(page, 'mesh-scene iframe');
  const ready = await lastWc(page, 'ready');
  expect(ready).toMatchObject({ v: 1, scene: 11, step: 1, playing: false, speed: 1 });
  const steps = Number(ready?.['steps']);
  expect(steps).toBeGreaterThan(3);

  await page.evaluate(() => document.querySelector('mesh-scene')?.goToStep(3));
  await expect.poll(async () => (await lastWc(page, 'step'))?.['step']).toBe(3);
  await expect(stepLabel(wc)).toHaveText(`3 / ${steps}`);
  expect(await lastWc(page, 'step')).toMatchObject({
    scene: 11,
    steps,
    caption: expect.any(String),
  });

  const at3 = Number((await lastWc(page, 'state'))?.['time']);
  await page.getByRole('button', { name: '▶ Play' }).first().click(); // the page's own control
  await expect.poll(async () => (await lastWc(page, 'state'))?.['playing']).toBe(true);
  const playButton = wc.getByRole('group', { name: 'Player controls' }).locator('button.primary');
  await expect(playButton).toHaveText(/Pause/);
  // The clock runs, and the host hears it (a state event at most every 250 ms while playing).
  await expect
    .poll(async () => Number((await lastWc(page, 'state'))?.['time']))
    .toBeGreaterThan(at3 + 0.5);
  await page.evaluate(() => document.querySelector('mesh-scene')?.pause());
  await expect.poll(async () => (await lastWc(page, 'state'))?.['playing']).toBe(false);
  await expect(playButton).toHaveText(/Play/);

  await page.evaluate(() => document.querySelector('mesh-scene')?.setSpeed(10));
  await expect.poll(async () => (await lastWc(page, 'state'))?.['speed']).toBe(10);
  await expect(wc.locator('select[id$="-speed"]')).toHaveValue('10');

  // Attributes are commands too.
  await page.evaluate(() => document.querySelector('mesh-scene')?.setAttribute('step', '2'));
  await expect(stepLabel(wc)).toHaveText(`2 / ${steps}`);
  expect(await page.evaluate(() => document.querySelector('mesh-scene')?.state?.step)).toBe(2);
  await page.locator('#theme').click();
  await expect(wc.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Every event the element relayed came from the app's frame, addressed to this page alone.
  const fromApp = (await seen(page)).filter((m) =>
    String(m.data?.['type']).startsWith('mesh-scenes:'),
  );
  expect(fromApp.every((m) => m.origin === APP)).toBe(true);
  expect(new Set(fromApp.map((m) => m.data['type']))).toEqual(
    new Set(['mesh-scenes:ready', 'mesh-scenes:height', 'mesh-scenes:step', 'mesh-scenes:state']),
  );
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('a plain iframe obeys postMessage commands from its allowed host', async ({ page }) => {
  const w = await openExample(page);
  const plain = await frameOf(page, '#if-slot iframe');
  const post = (msg: unknown) =>
    page.evaluate(
      ([m, app]) =>
        (document.querySelector('#if-slot iframe') as HTMLIFrameElement).contentWindow?.postMessage(
          m,
          app as string,
        ),
      [msg, APP] as const,
    );
  const last = async (type: string) =>
    (await seen(page))
      .filter((m) => m.data?.['type'] === `mesh-scenes:${type}` && m.data['scene'] === 5)
      .at(-1)?.data;
  await post({ type: 'mesh-scenes:command', v: 1, command: 'step', value: 2 });
  await expect.poll(async () => (await last('step'))?.['step']).toBe(2);
  await expect(stepLabel(plain)).toHaveText(/^2 \/ \d+$/);
  await post({ type: 'mesh-scenes:command', v: 1, command: 'play' });
  await expect.poll(async () => (await last('state'))?.['playing']).toBe(true);
  await post({ type: 'mesh-scenes:command', v: 1, command: 'pause' });
  await expect.poll(async () => (await last('state'))?.['playing']).toBe(false);
  await post({ type: 'mesh-scenes:command', v: 1, command: 'speed', value: 0.5 });
  await expect(plain.locator('select[id$="-speed"]')).toHaveValue('0.5');
  // The page's own log shows what the frame said.
  await expect(page.locator('#if-log li').first()).toContainText('state');
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('messages from other origins, other windows, or malformed ones change nothing', async ({
  page,
}) => {
  const w = await openExample(page);
  const plain = await frameOf(page, '#if-slot iframe');
  const wc = await frameOf(page, 'mesh-scene iframe');
  const view = async (f: Frame) => ({
    step: await stepLabel(f).innerText(),
    play: await f
      .getByRole('group', { name: 'Player controls' })
      .locator('button.primary')
      .innerText(),
    speed: await f.locator('select[id$="-speed"]').inputValue(),
    time: await f.locator('.sim-time').first().innerText(),
  });
  const before = { plain: await view(plain), wc: await view(wc) };
  const cmd = (command: string, value?: unknown) => ({
    type: 'mesh-scenes:command',
    v: 1,
    command,
    ...(value === undefined ? {} : { value }),
  });
  const attack = [cmd('step', 3), cmd('play'), cmd('speed', 10)];

  // Sibling frames, one from another origin and one from the host's own origin: not the parent.
  for (const origin of [EVIL, HOST]) {
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'sibling';
      document.body.append(f);
    }, `${origin}/blank.html`);
    const url = `${origin}/blank.html`;
    await expect
      .poll(() => page.frame({ url })?.evaluate(() => document.readyState))
      .toBe('complete');
    await page.frame({ url })!.evaluate((msgs) => {
      for (let i = 0; i < parent.frames.length; i++)
        for (const m of msgs) parent.frames[i]?.postMessage(m, '*');
    }, attack);
  }
  // The allowed host itself, with malformed and hostile messages.
  const hostile = [
    cmd('step', 0),
    cmd('step', 999),
    cmd('step', '3'),
    cmd('step', 2.5),
    cmd('speed', 3),
    cmd('speed', 1e308),
    cmd('theme', 'pink'),
    cmd('explode'),
    { ...cmd('play'), v: 2 },
    { type: 'mesh-scenes:command', command: 'play' },
    { ...cmd('play'), padding: 'x'.repeat(2_000_000) },
    'play',
    null,
    [cmd('play')],
  ];
  await page.evaluate(
    ([msgs, app]) => {
      const frames = [
        (document.querySelector('#if-slot iframe') as HTMLIFrameElement).contentWindow,
        document.querySelector('mesh-scene')?.shadowRoot?.querySelector('iframe')?.contentWindow,
      ];
      const proto = JSON.parse(
        '{"type":"mesh-scenes:command","v":1,"command":"play","__proto__":{"polluted":1}}',
      );
      for (const f of frames)
        for (const m of [...(msgs as unknown[]), proto]) f?.postMessage(m, app as string);
    },
    [hostile, APP] as const,
  );
  await page.waitForTimeout(800);
  expect({ plain: await view(plain), wc: await view(wc) }).toEqual(before);
  expect(await plain.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();

  // The frame counted every refused message and told its host why its own were refused.
  await page.evaluate((app) => {
    (document.querySelector('#if-slot iframe') as HTMLIFrameElement).contentWindow?.postMessage(
      { type: 'mesh-scenes:command', v: 1, command: 'state' },
      app,
    );
  }, APP);
  const fromPlain = async () => (await seen(page)).filter((m) => m.data?.['scene'] === 5);
  await expect
    .poll(
      async () =>
        (await fromPlain()).filter((m) => m.data['type'] === 'mesh-scenes:state').at(-1)?.data[
          'ignored'
        ],
    )
    .toBe(2 * attack.length + hostile.length + 1);
  const errors = (await fromPlain()).filter((m) => m.data['type'] === 'mesh-scenes:error');
  expect(errors.length).toBe(hostile.length + 1 - 3); // 'play', null and the array are not commands
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('a page on an origin the embed does not allow hears nothing and drives nothing', async ({
  page,
}) => {
  const w = await watch(page);
  await page.goto(`${EVIL}/blank.html`);
  await page.evaluate(
    ([app, host]) => {
      const f = document.createElement('iframe');
      f.src = `${app}/#/scene/5?embed=1&host=${encodeURIComponent(host as string)}`;
      f.width = '800';
      f.height = '600';
      document.body.append(f);
    },
    [APP, HOST] as const,
  );
  const frame = await frameOf(page, 'iframe');
  await expect(frame.locator('.diagram-stack svg').first()).toBeVisible();
  await page.evaluate((app) => {
    const f = document.querySelector('iframe')?.contentWindow;
    for (const m of [
      { type: 'mesh-scenes:command', v: 1, command: 'step', value: 3 },
      { type: 'mesh-scenes:command', v: 1, command: 'play' },
    ])
      f?.postMessage(m, app);
  }, APP);
  await page.waitForTimeout(800);
  await expect(stepLabel(frame)).toHaveText(/^1 \/ \d+$/);
  expect((await seen(page)).filter((m) => m.origin === APP)).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('each scene page offers its embed code for the current step and seed (not inside an embed)', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await page.goto('/#/scene/11?step=3&seed=42');
  await expect(page.getByLabel('Narrative step')).toHaveText(/^3 \//);
  await page.getByRole('button', { name: 'Step ▶' }).click();
  await page.getByRole('button', { name: /Copy embed code/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this scene' });
  await expect(dialog).toBeVisible();
  const component = `<script src="${APP}/embed/mesh-scene.js" defer></script>\n<mesh-scene scene="11" step="4" seed="42"></mesh-scene>`;
  await expect(dialog.getByLabel('Web component')).toHaveValue(component);
  await expect(dialog.getByLabel('iframe', { exact: true })).toHaveValue(
    new RegExp(`^<iframe src="${APP}/#/scene/11\\?embed=1&amp;step=4&amp;seed=42"`),
  );
  await dialog.getByRole('button', { name: 'Copy web component' }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(component);

  // Where the clipboard is refused, the snippet is selected and the dialog says what to press.
  await page.evaluate(() =>
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    }),
  );
  await dialog.getByRole('button', { name: 'Copy iframe' }).click();
  await expect(dialog.getByText(/press Ctrl\+C/)).toBeVisible();
  expect(
    await page.evaluate(() => {
      const el = document.activeElement;
      return (
        el instanceof HTMLTextAreaElement &&
        el.value.startsWith('<iframe') &&
        el.selectionStart === 0 &&
        el.selectionEnd === el.value.length
      );
    }),
  ).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Narrative step')).toHaveText(/^4 \//); // the keys stayed in the dialog

  await page.goto('/#/scene/11?embed=1');
  await expect(page.locator('.diagram-stack svg').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Copy embed code/ })).toHaveCount(0);
});
