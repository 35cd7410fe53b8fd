import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Offline use: after one visit, the service worker has precached the app shell and every scene's
 * chunks, so with the network cut the course reloads and opens scenes it never opened before.
 * The rest of the suite blocks service workers (playwright.config.ts); this spec allows them.
 */
test.use({ serviceWorkers: 'allow' });

const expect = baseExpect.configure({ timeout: 20_000 });

/** Opens a scene from the list and checks it draws and plays. */
async function openScene(page: Page, n: number) {
  await page.goto(`/#/scene/${n}?step=1&speed=10`);
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^Scene ${n} · `) }),
  ).toBeVisible();
  await expect(page.locator('.diagram-stack svg').first()).toBeVisible();
  const bar = page.getByRole('group', { name: 'Player controls' });
  const time = await page.locator('.sim-time').first().innerText();
  await bar.locator('button.primary').click();
  await expect.poll(() => page.locator('.sim-time').first().innerText()).not.toBe(time);
  await bar.locator('button.primary').click();
}

test('after one visit the course works with the network cut, scenes never opened included', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenes' })).toBeVisible();
  // The worker installs (precaching everything) and takes control of the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await openScene(page, 5);

  // Cut the network. Nothing may reach it from now on: not the page, not the worker.
  const network: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) network.push(r.url());
  });
  page.on('response', (r) => {
    if (!r.fromServiceWorker() && !r.url().startsWith('data:')) network.push(r.url());
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.diagram-stack svg').first()).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenes' })).toBeVisible();
  // Scenes this browser never opened: their chunks (and the YAML editor's) come from the cache.
  await openScene(page, 11);
  await openScene(page, 1);
  await openScene(page, 10);
  // The embed kit and the install manifest are cached too.
  const cached = await page.evaluate(async () => {
    const js = await fetch('/embed/mesh-scene.js').then((r) => r.text());
    const manifest = (await fetch('/manifest.webmanifest').then((r) => r.json())) as {
      name: string;
      icons: { src: string }[];
    };
    const icon = await fetch(`/${manifest.icons[1]?.src}`).then((r) => r.status);
    return { defines: js.includes('mesh-scene'), name: manifest.name, icon };
  });
  expect(cached).toEqual({ defines: true, name: 'Mesh Scenes — Build a Service Mesh', icon: 200 });
  expect(network).toEqual([]);
  expect(errors).toEqual([]);
  await context.setOffline(false);
});
