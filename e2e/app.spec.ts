import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('the app shell loads with its title and course map, and no console errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Build a Service Mesh (Envoy / Istio style)',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Scenes', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course' })).toBeVisible();
  await expect(page.getByTestId('map-scene-1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the engine gives the same trace hash in Chromium as in Node', async ({ page }) => {
  await page.goto('/');
  const inPage = await page.evaluate(() => window.meshScenesDebug!.engineSelfTest(42));
  // The Node result is pinned by the engine's unit test snapshot (src/engine/core).
  const snap = readFileSync('src/engine/core/__snapshots__/simulation.test.ts.snap', 'utf8');
  const node = (key: string) => new RegExp(`"${key}": "?([0-9a-f]+)"?`).exec(snap)?.[1];
  expect(inPage.traceHash).toBe(node('traceHash'));
  expect(inPage.stateHash).toBe(node('stateHash'));
  expect(String(inPage.processed)).toBe(node('processed'));
});
