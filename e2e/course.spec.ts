import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { scenes } from '../scenes';

/**
 * The course around the scenes: the map (landing page) with progress kept in the browser,
 * "continue", next/previous scene, the glossary reached from caption terms, and the
 * control/data-plane analogies page.
 */
const expect = baseExpect.configure({ timeout: 15_000 });
// The offline service worker reloads a page once when it takes over; these tests navigate by
// hash and read localStorage, so they run without it (e2e/offline covers it).
test.use({ serviceWorkers: 'block' });
const last = scenes[scenes.length - 1]!.meta;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Steps a scene with the keyboard and waits for each step's run to finish (the bar shows Play). */
async function stepTo(page: Page, k: number) {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const heading = page.getByRole('heading', { name: /^Step \d+ of \d+$/ });
  for (let i = 2; i <= k; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(heading).toHaveText(new RegExp(`^Step ${i} of`));
    await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible({ timeout: 30_000 });
  }
}

test('the map lists exactly the registered scenes, in order, with what each teaches', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Course map — Mesh Scenes');
  const cards = page.locator('[data-testid^="map-scene-"]');
  await expect(cards).toHaveCount(scenes.length);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(ids).toEqual(scenes.map((s) => `map-scene-${s.meta.number}`));
  for (const { meta } of scenes) {
    const card = page.getByTestId(`map-scene-${meta.number}`);
    await expect(
      card.getByRole('link', { name: new RegExp(`^Scene ${meta.number} · `) }),
    ).toHaveAttribute('href', `#/scene/${meta.number}`);
    await expect(card.getByText(meta.teaches, { exact: true })).toBeVisible();
    await expect(card.getByTestId(`progress-${meta.number}`)).toHaveText('Not started');
  }
  await expect(page.getByRole('link', { name: /^Start with scene 1/ })).toBeVisible();
  // The zoom-out is part of the course too.
  await page.getByRole('link', { name: 'The whole mesh at 1,000 sidecars' }).click();
  await expect(
    page.getByRole('heading', { name: 'The whole mesh at 1,000 sidecars' }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('progress made in a scene shows on the map, survives a reload, and "continue" reopens the step', async ({
  page,
}) => {
  await page.goto('/#/scene/5?step=1');
  await expect(page).toHaveTitle(/^Scene 5 · /);
  const heading = page.getByRole('heading', { name: /^Step \d+ of \d+$/ });
  const total = Number(/of (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  await stepTo(page, 3);
  await page.getByTestId('try-send100').click();
  await page
    .getByRole('navigation', { name: 'Course' })
    .getByRole('link', { name: 'Course map' })
    .click();
  const line = page.getByTestId('progress-5');
  await expect(line).toHaveText(`3 of ${total} steps · 1 try`);
  await expect(page.getByTestId('course-totals')).toContainText('1 of');
  await page.reload();
  await expect(line).toHaveText(`3 of ${total} steps · 1 try`);
  const cont = page.getByTestId('continue');
  await expect(cont).toHaveText(/Scene 5 · Routes and clusters, step 3$/);
  await expect(cont).toHaveAttribute('href', '#/scene/5?step=3');
  await cont.click();
  await expect(heading).toHaveText(`Step 3 of ${total}`);

  // Reset asks first; Cancel keeps everything.
  await page.goto('/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await expect(page.getByText('Forget all progress kept in this browser?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(line).toHaveText(`3 of ${total} steps · 1 try`);
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset progress', exact: true }).click();
  await expect(line).toHaveText('Not started');
  await page.reload();
  await expect(line).toHaveText('Not started');
});

test('an embed never records course progress', async ({ page }) => {
  await page.goto('/#/scene/7?step=2&embed=1');
  await expect(page.getByRole('heading', { name: /^Step 2 of/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Scenes' })).toHaveCount(0);
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByTestId('progress-7')).toHaveText('Not started');
});

test('corrupt or hostile stored progress is ignored without an error', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'mesh-scenes:progress',
      '{"v":1,"last":{"scene":3,"step":99},"scenes":{"__proto__":{"total":3},"3":{"total":"x"}}',
    );
  });
  await page.goto('/');
  await expect(page.getByTestId('progress-3')).toHaveText('Not started');
  await expect(page.getByTestId('continue')).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('mesh-scenes:progress', '<<<not json>>>'));
  await page.reload();
  await expect(page.getByTestId('progress-1')).toHaveText('Not started');
  expect(errors).toEqual([]);
});

test('every scene page links its previous and next scene; the ends have one each', async ({
  page,
}) => {
  await page.goto('/#/scene/5?step=1');
  const nav = page.getByRole('navigation', { name: 'Scenes', exact: true });
  await nav.getByRole('link', { name: /^Next: Scene 6 · / }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Scene 6 · / })).toBeVisible();
  await expect(page).toHaveTitle(/^Scene 6 · /);
  await nav.getByRole('link', { name: /^Previous: Scene 5 · / }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Scene 5 · / })).toBeVisible();
  await page.goto('/#/scene/1?step=1');
  await expect(nav.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /^Next: Scene 2 · / })).toBeVisible();
  await page.goto(`/#/scene/${last.number}?step=1`);
  await expect(nav.getByRole('link', { name: /Next/ })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Scenes (end of page)' }).getByRole('link', {
      name: 'Course map',
    }),
  ).toBeVisible();
});

test('a term in a step caption opens its glossary entry; in an embed, in a new tab', async ({
  page,
}) => {
  await page.goto('/#/scene/11?step=2');
  const caption = page.getByTestId('step-caption');
  // The caption's words are unchanged; its terms are links.
  await expect(caption).toHaveText(
    'Requests flow sidecar to sidecar below the row. The caller’s Envoy routes each one from its cached config; Istiod is NOT on the request path.',
  );
  const link = caption.getByRole('link', { name: 'Istiod' });
  await expect(link).toHaveAttribute('href', '#/glossary#term-istiod');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Glossary — Mesh Scenes');
  const entry = page.getByRole('heading', { level: 3, name: 'Istiod', exact: true });
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  // From the glossary, "see also" moves between entries.
  await page
    .getByRole('region', { name: 'Istiod', exact: true })
    .getByRole('link', { name: 'xDS', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 3, name: 'xDS', exact: true })).toBeFocused();

  await page.goto('/#/scene/11?step=2&embed=1');
  const embedded = page.getByTestId('step-caption').getByRole('link', { name: 'Istiod' });
  await expect(embedded).toHaveAttribute('target', '_blank');
  await expect(embedded).toHaveAttribute(
    'href',
    /^http:\/\/127\.0\.0\.1:\d+\/#\/glossary#term-istiod$/,
  );
  const [tab] = await Promise.all([page.context().waitForEvent('page'), embedded.click()]);
  await expect(tab.getByRole('heading', { level: 3, name: 'Istiod', exact: true })).toBeVisible();
});

test('the analogies page compares the split across systems; the map and scene 11 link it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'The same split elsewhere' }).first().click();
  await expect(page).toHaveTitle('Control plane and data plane elsewhere — Mesh Scenes');
  for (const id of ['mesh', 'kubernetes', 'routers', 'sdn', 'ebpf', 'load-balancers', 'storage']) {
    const card = page.getByTestId(`analogy-${id}`);
    await expect(card).toBeVisible();
    await expect(card.getByText('When the control plane is gone')).toBeVisible();
  }
  await expect(page.getByTestId('analogy-routers')).toContainText('FIB');
  await page.goto('/#/scene/11?step=1');
  await page.locator('.scene-view').getByRole('link', { name: 'The same split elsewhere' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^The same split elsewhere/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unknown address falls back to the map with a notice', async ({ page }) => {
  await page.goto('/#/nowhere');
  await expect(page.getByTestId('notice')).toContainText('Unknown address');
  await expect(page.getByTestId('map-scene-1')).toBeVisible();
  await page.goto('/#/glossary#term-nothing-here');
  await expect(page.getByText('There is no glossary entry “nothing-here”')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const)
  test(`axe finds no violations on the map, glossary and analogies (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Some progress, so the map shows its progress lines and the reset control too.
    await page.goto('/#/scene/3?step=2');
    await expect(page.getByRole('heading', { name: /^Step 2 of/ })).toBeVisible();
    for (const hash of ['#/', '#/glossary#term-nonce', '#/analogies']) {
      await page.goto(`/${hash}`);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${hash} ${scheme}`,
      ).toEqual([]);
    }
  });
