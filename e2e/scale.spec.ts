import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * The whole mesh at 1,000 sidecars (`#/scale`): loads without errors, passes axe in both themes,
 * and a change made from the keyboard converges — the grid's counts and the chart's version table
 * reach 1,000 on Istiod's new version. The start-up (1,000 streams through stream admission) is
 * simulated in a worker first; on a busy shared machine that takes a while.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(300_000);

async function open(page: Page, query: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`/#/scale?${query}`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'The whole mesh at 1,000 sidecars' }),
  ).toBeVisible();
  // Ready once the start-up has converged: every proxy SYNCED.
  await expect(page.getByTestId('scale-play')).toBeEnabled({ timeout: 240_000 });
  await expect(page.getByTestId('scale-count-0')).toHaveText('1,000');
  return errors;
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).include('.scale-page').analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

test('loads without errors, with the grid, the chart and their text equivalents; axe clean in both themes', async ({
  page,
}) => {
  const errors = await open(page, 'theme=light');
  await expect(page.getByTestId('scale-grid')).toHaveAttribute(
    'aria-label',
    /1,000 sidecars, one cell each: 1000 SYNCED, current version/,
  );
  await expect(page.getByRole('img', { name: /Proxies per config version/ })).toBeVisible();
  await expect(page.getByTestId('scale-episode')).toContainText('Every proxy SYNCED');
  await expect(page.getByTestId('scale-istiod')).toContainText('1,000 connected');
  expect(await axe(page)).toEqual([]);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('.scale-page')).toHaveAttribute('data-theme', 'dark');
  expect(await axe(page)).toEqual([]);
  expect(page.url()).toContain('theme=dark');
  expect(errors).toEqual([]);
});

test('a VirtualService edit, made from the keyboard, converges: 1,000 proxies on the new version', async ({
  page,
}) => {
  const errors = await open(page, 'speed=0.25');
  const versions = page.getByTestId('scale-versions');
  const before = await versions.locator('tr[data-current]').locator('th').textContent();
  const edit = page.getByRole('button', { name: 'Edit one VirtualService' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scale-play')).toHaveText(/Pause/);
  await expect(page.getByTestId('scale-episode')).toContainText(
    'A full push to 1,000 proxies started 100 ms after it',
  );
  await expect(page.getByTestId('scale-episode')).toContainText('Every proxy SYNCED');
  const current = versions.locator('tr[data-current]');
  await expect(current.locator('td')).toHaveText('1,000');
  expect(await current.locator('th').textContent()).not.toBe(before);
  await expect(page.getByTestId('scale-count-0')).toHaveText('1,000');
  // The chart drew the old version's band and the new one's.
  expect(await page.getByTestId('scale-chart').locator('path').count()).toBeGreaterThanOrEqual(2);
  // Space (focus outside a control) pauses and plays.
  await page.locator('.scale-header h2').click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('scale-play')).toHaveText(/Play/);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('scale-play')).toHaveText(/Pause/);
  expect(errors).toEqual([]);
});
