import { expect as baseExpect, test, type Page, type TestInfo } from '@playwright/test';
import { scenes } from '../scenes';

/**
 * Page layouts, measured: an embed in an 800×600 frame shows the caption, the player bar and the
 * whole diagram without scrolling, waits for Play, and tells its host its height; a phone
 * (390×844) never scrolls sideways, draws diagram text at 11 CSS px or more and never covers the
 * diagram with the player bar; the proxy-status table fits its column from 1280 to 1920 px.
 * Screenshots of each layout in both themes are attached to the report.
 */
// The machines running this suite are shared and often busy: allow slow frames.
const expect = baseExpect.configure({ timeout: 15_000 });

type Rect = { x: number; y: number; width: number; height: number };
const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(page: Page, n: number, query: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#/scene/${n}?${query}`);
  await expect(page.locator('.diagram-stack svg').first()).toBeVisible();
  // The layout settles once the container is measured and fonts are in: two equal reads.
  await page.evaluate(() => document.fonts.ready);
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await box(page, '.diagram-stack'));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return errors;
}

/** An element's box in viewport coordinates. */
async function box(page: Page, selector: string): Promise<Rect> {
  const r = await page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** Document width as scrolled and as shown, and its height. */
const docSize = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement;
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, height: d.scrollHeight };
  });

/** The smallest diagram text as rendered: computed font size × the SVG's scale on screen. */
const smallestDiagramText = (page: Page) =>
  page.evaluate(() => {
    let min = { px: Infinity, text: '' };
    const all = document.querySelectorAll('svg.mesh-diagram text, svg.mesh-diagram tspan');
    for (const t of all) {
      const el = t as SVGGraphicsElement;
      if (!el.textContent?.trim() || el.getClientRects().length === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 0);
      if (px < min.px) min = { px, text: el.textContent.slice(0, 40) };
    }
    return min;
  });

/** The simulated time the player bar shows. */
const simTime = (page: Page) => page.locator('.sim-time').first().textContent();

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage: boolean) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const { meta } of scenes) {
  test.describe(`scene ${meta.number} layouts`, () => {
    test('embed 800×600: caption, player bar and the whole diagram without scrolling', async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width: 800, height: 600 });
      for (const theme of ['light', 'dark']) {
        const errors = await open(page, meta.number, `embed=1&theme=${theme}`);
        const size = await docSize(page);
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        const diagram = await box(page, '.diagram-stack');
        const caption = await box(page, '.scene-header .caption');
        const bar = await box(page, '.player-bar');
        for (const [what, r] of Object.entries({ diagram, caption, bar })) {
          expect(r.x, `${what} left`).toBeGreaterThanOrEqual(0);
          expect(r.y, `${what} top`).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width, `${what} right`).toBeLessThanOrEqual(800);
          expect(r.y + r.height, `${what} bottom`).toBeLessThanOrEqual(600);
        }
        expect(intersects(bar, diagram)).toBe(false);
        expect(diagram.height).toBeGreaterThan(250);
        testInfo.annotations.push({
          type: `embed ${theme}`,
          description: `document ${size.clientWidth}×${size.height}; diagram ${Math.round(diagram.width)}×${Math.round(diagram.height)} at y ${Math.round(diagram.y)}; smallest text ${(await smallestDiagramText(page)).px.toFixed(1)} px`,
        });
        await shot(page, testInfo, `scene-${meta.number}-embed-800x600-${theme}`, false);
        expect(errors).toEqual([]);
      }
    });

    test('phone 390×844: no sideways scroll, text ≥ 11 px, the bar never covers the diagram', async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const theme of ['light', 'dark']) {
        const errors = await open(page, meta.number, `step=1&theme=${theme}`);
        await expect(page.locator('.diagram-fit').first()).toHaveAttribute(
          'data-layout',
          'columns',
        );
        const size = await docSize(page);
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
        // Nothing reaches past the right edge but inside a box that scrolls on its own (a wide
        // table, a code panel); every such box itself stays on the screen.
        const wide = await page.evaluate(() => {
          const edge = document.documentElement.clientWidth + 0.5;
          const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
          const inScrollBox = (el: Element) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
              if (scrolls(p)) return true;
            return false;
          };
          return [...document.querySelectorAll('article.scene *')]
            .filter((el) => !el.closest('svg') && !inScrollBox(el))
            .filter((el) => el.getBoundingClientRect().right > edge)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        });
        expect(wide).toEqual([]);
        const text = await smallestDiagramText(page);
        expect(text.px, `smallest diagram text: "${text.text}"`).toBeGreaterThanOrEqual(11);
        // The diagram scrolled to the top of the screen, and half way through it: the bar is
        // nowhere over it (nor over Istiod, inside it).
        for (const at of [0, 0.5]) {
          await page.evaluate((f) => {
            const r = document.querySelector('.diagram-stack')!.getBoundingClientRect();
            scrollTo(0, scrollY + r.top + r.height * f);
          }, at);
          expect(
            intersects(await box(page, '.player-bar'), await box(page, '.diagram-stack')),
          ).toBe(false);
        }
        await page.evaluate(() => scrollTo(0, 0));
        testInfo.annotations.push({
          type: `phone ${theme}`,
          description: `document ${size.clientWidth}×${size.height}; smallest diagram text ${text.px.toFixed(2)} px ("${text.text}")`,
        });
        await shot(page, testInfo, `scene-${meta.number}-phone-390x844-${theme}`, true);
        expect(errors).toEqual([]);
      }
    });
  });
}

test('an embed waits for Play; autoplay=1 plays', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await open(page, 11, 'embed=1');
  await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible();
  const before = await simTime(page);
  await page.waitForTimeout(1500);
  expect(await simTime(page)).toBe(before);
  await open(page, 11, 'embed=1&autoplay=1');
  await expect(page.getByRole('button', { name: '❚❚ Pause' })).toBeVisible();
  const start = await simTime(page);
  await expect.poll(() => simTime(page)).not.toBe(start);
});

test('inside a frame it posts its height to the host page; at the top it posts nothing', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await page.evaluate(() => {
    (window as unknown as { seen: unknown[] }).seen = [];
    addEventListener('message', (e) =>
      (window as unknown as { seen: unknown[] }).seen.push(e.data),
    );
  });
  await page.goto(`/#/scene/11?embed=1`);
  await expect(page.locator('.diagram-stack').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { seen?: unknown[] }).seen ?? [])).toEqual(
    [],
  );

  await page.setContent(`<!doctype html><title>host</title>
    <script>window.seen = []; addEventListener('message', (e) => seen.push(e.data));</script>
    <iframe src="${baseURL}/#/scene/11?embed=1" width="800" height="600" title="scene"></iframe>`);
  const heights = () =>
    page.evaluate(() =>
      (window as unknown as { seen: { type?: string }[] }).seen.filter(
        (m) => m?.type === 'mesh-scenes:height',
      ),
    );
  await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
  const frame = (await (await page.$('iframe'))!.contentFrame())!;
  await expect(frame.locator('.diagram-stack').first()).toBeVisible();
  const own = await frame.evaluate(() =>
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  );
  await expect
    .poll(async () => (await heights()).at(-1))
    .toEqual({ type: 'mesh-scenes:height', scene: 11, height: own });
  expect(own).toBeGreaterThan(600);
});

test('proxy-status fits its column from 1280 to 1920 px, even all "NOT SENT"', async ({
  page,
}, testInfo) => {
  for (const width of [1280, 1440, 1600, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, 11, 'step=1');
    const measure = () =>
      page.locator('.proxy-status').evaluate((section) => {
        const table = section.querySelector('table')!;
        const lines = (el: Element) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size;
        };
        const right = Math.min(
          section.getBoundingClientRect().right,
          table.parentElement!.getBoundingClientRect().right,
        );
        const cells = [...table.querySelectorAll('th, td')];
        table.style.width = 'max-content';
        const natural = table.getBoundingClientRect().width;
        table.style.width = '';
        return {
          // Neither the section nor the table's own box scrolls sideways: every column is shown.
          scrolls: [section, table.parentElement!].some((el) => el.scrollWidth > el.clientWidth),
          clipped: cells.filter(
            (c) =>
              c.scrollWidth > c.clientWidth + 0.5 || c.getBoundingClientRect().right > right + 0.5,
          ).length,
          splitStatus: [...table.querySelectorAll('td[data-xds]')].filter(
            (c) => /NOT SENT/.test(c.textContent ?? '') && lines(c) > 1,
          ).length,
          natural,
          column: Math.round(right - table.getBoundingClientRect().left),
        };
      });
    const now = await measure();
    expect(now.scrolls, `${width} px, as it is`).toBe(false);
    expect(now.clipped, `${width} px, as it is`).toBe(0);
    // Paused at step 1: nothing redraws the table, so every status cell can read "NOT SENT".
    await page.locator('.proxy-status td[data-xds]').evaluateAll((tds) => {
      for (const td of tds) td.innerHTML = '<span aria-hidden="true">○ </span>NOT SENT';
    });
    const m = await measure();
    expect(m.scrolls, `${width} px`).toBe(false);
    expect(m.clipped, `${width} px`).toBe(0);
    expect(m.splitStatus, `${width} px: "NOT SENT" split over two lines`).toBe(0);
    testInfo.annotations.push({
      type: `proxy-status ${width}`,
      description: `all NOT SENT: ${m.natural.toFixed(0)} px on one line each, shown in ${m.column} px (cells wrap at spaces and hyphens); as it is: ${now.natural.toFixed(0)} px`,
    });
  }
});
