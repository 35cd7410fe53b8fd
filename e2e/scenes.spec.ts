import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { scenes } from '../scenes';

/**
 * One generated smoke test per registered scene: register a scene and it is covered here at once.
 * Deep flows of a scene live in its own spec (e2e/scene-NN.spec.ts).
 */
// The machines running this suite are shared and often busy: allow slow frames.
const expect = baseExpect.configure({ timeout: 15_000 });

async function open(page: Page, n: number, query: string) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#/scene/${n}?${query}`);
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^Scene ${n} · `) }),
  ).toBeVisible();
  return errors;
}

/** What the scene shows in words (the clock aside): a control must change it. */
const shown = (page: Page) =>
  page
    .locator('article.scene')
    .evaluate((el) => (el as HTMLElement).innerText.replace(/t = [^\n]*/g, ''));

for (const { meta } of scenes) {
  test.describe(`scene ${meta.number} · ${meta.title} (generated)`, () => {
    test('loads from its URL with no console errors; axe finds no violations in either theme', async ({
      page,
    }) => {
      for (const theme of ['light', 'dark']) {
        const errors = await open(page, meta.number, `step=1&theme=${theme}`);
        await expect(page.getByText(meta.caption, { exact: true })).toBeVisible();
        const axe = await new AxeBuilder({ page })
          .include('article.scene')
          .withTags(['wcag2a', 'wcag2aa'])
          .analyze();
        expect(
          axe.violations.map((v) => `${v.id}: ${v.nodes.length}`),
          theme,
        ).toEqual([]);
        expect(errors, theme).toEqual([]);
      }
    });

    test('plays every step to the same trace and state hashes in Chromium as in Node', async ({
      page,
    }) => {
      await open(page, meta.number, 'step=1');
      const inPage = await page.evaluate(
        (n) => window.meshScenesDebug!.sceneHashes(n),
        meta.number,
      );
      // Node's values are pinned by scenes/curriculum.test.ts.
      const snap = readFileSync('scenes/__snapshots__/curriculum.test.ts.snap', 'utf8');
      const block = new RegExp(
        `scene ${meta.number} > [^\n]*pinned hash[^\n]*\n[{]\n  "stateHash": "([0-9a-f]+)",\n  "traceHash": "([0-9a-f]+)"`,
      ).exec(snap);
      expect(block, 'pinned hashes in the curriculum snapshot').not.toBeNull();
      expect(inPage).toEqual({ stateHash: block![1], traceHash: block![2] });
    });

    test('“Step k of K” reaches K with the keyboard', async ({ page }) => {
      await open(page, meta.number, 'step=1');
      const heading = page.getByRole('heading', { name: /^Step \d+ of \d+$/ });
      const total = Number(/of (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThanOrEqual(4);
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      for (let k = 2; k <= total; k++) {
        await page.keyboard.press('ArrowRight');
        await expect(heading).toHaveText(`Step ${k} of ${total}`);
      }
    });

    test('every “Try this” control changes what the page shows', async ({ page }) => {
      await open(page, meta.number, 'step=1');
      const controls = page.locator('.try-this [data-testid^="try-"]');
      const n = await controls.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        await open(page, meta.number, 'step=1');
        const c = controls.nth(i);
        const before = await shown(page);
        if ((await c.getAttribute('type')) === 'range') {
          await c.focus();
          await page.keyboard.press('ArrowLeft');
          await page.keyboard.press('ArrowLeft');
        } else await c.click();
        await page.getByRole('button', { name: 'One engine event forward' }).click();
        await expect
          .poll(() => shown(page), {
            message: `control ${(await c.getAttribute('data-testid')) ?? i}`,
          })
          .not.toBe(before);
      }
    });
  });
}
