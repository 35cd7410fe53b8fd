import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * The learner's work and the text alternative, on scene 11: protocol slow motion at 1×, runs that
 * are kept and reopened, links that reopen the same moment, and the log in words.
 */
const expect = baseExpect.configure({ timeout: 15_000 });

async function open(page: Page, query: string) {
  await page.goto(`/#/scene/11?${query}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Scene 11 · / })).toBeVisible();
}
const simTime = (page: Page) => page.getByLabel('Simulated time').textContent();

test('at 1× a canary change is seen travelling: slow motion holds each xDS message on screen', async ({
  page,
}) => {
  await open(page, 'step=2');
  await page.getByRole('button', { name: 'Step ▶' }).click();
  // The step stops while the new routes are on the wire (STALE); Play lets them travel.
  await expect(page.getByTestId('xds-token').first()).toBeVisible();
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.getByTestId('slow-motion')).toBeVisible();
  // While slow motion is on, messages are on screen (sampled until it ends, however busy the machine).
  let samples = 0;
  let seen = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < 15_000 && (await page.getByTestId('slow-motion').count()) > 0) {
    samples++;
    if ((await page.getByTestId('xds-token').count()) > 0) seen++;
  }
  expect(samples).toBeGreaterThanOrEqual(2);
  expect(seen / samples).toBeGreaterThan(0.6);
  // And the exchange took real time to watch: not a single frame.
  expect(Date.now() - t0).toBeGreaterThan(500);
});

test('“◀ Step” after the learner acted keeps the run; it reopens exactly', async ({ page }) => {
  await open(page, 'step=2');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('k');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  await page.keyboard.press('.');
  await expect(page.getByTestId('what-happened')).toContainText(/Event #\d+ at/);
  const t = await simTime(page);
  await page.getByRole('button', { name: '◀ Step' }).click();
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'true');
  await expect(page.getByRole('heading', { name: 'Your other runs' })).toBeVisible();
  await page.getByTestId('run-1').click();
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(page)).toBe(t);
});

test('a copied link reopens the same moment, the learner’s change included', async ({
  page,
  context,
}) => {
  await open(page, 'step=2');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('k');
  for (let i = 0; i < 3; i++) await page.keyboard.press('.');
  await expect(page).toHaveURL(/log=/);
  // The address bar is rewritten a few times a second: let it catch up with the last key.
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/[?&]t=\d+/);
  const url = page.url();
  const t = await simTime(page);
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(other)).toBe(t);
  await other.goto(url.replace(/log=[^&]+/, 'log=AAAA'));
  await expect(other.getByTestId('notice')).toContainText('Ignored log=');
});

test('the event log lists every xDS message with its version and nonce, and filters', async ({
  page,
}) => {
  await open(page, 'step=1');
  const log = page.getByRole('region', { name: 'What happened (newest first)' });
  await log.getByRole('button', { name: 'Every entry' }).click();
  await expect(log.locator('tbody tr').first()).toBeVisible();
  await log.getByRole('searchbox').fill('nonce');
  await expect(log.locator('tbody tr').first()).toContainText('nonce');
  await expect(log.getByText(/\d+ of \d+ rows/)).toBeVisible();
});
