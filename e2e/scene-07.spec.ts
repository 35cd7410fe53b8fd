import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 7 as a learner plays it: the 503 is not retried by default, retries at both hops raise
 * the success rate and multiply the tries at payments (beside the expected factor), and a retry
 * toggle reaches the caller's routes.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
const runRow = (page: Page, label: string) =>
  page.getByTestId('load-runs').locator('tbody tr', { hasText: label }).first();
/** A number in column `i` of the first run row whose words contain `label`. */
const cell = async (page: Page, label: string, i: number) =>
  Number(
    ((await runRow(page, label).locator('td').nth(i).textContent()) ?? '').replace(/[%,]/g, ''),
  );

test('with payments failing 30%, Istio’s default hands the 503 back: one try per user request, ~70% succeed', async ({
  page,
}) => {
  await page.goto('/#/scene/7?step=2');
  await expect(
    page.getByRole('figure', { name: 'RetryPolicy.shouldRetry' }).locator('[aria-current="true"]'),
  ).toContainText('if not self.retriable(response)');
  const success = await cell(page, 'payments fails 30%', 1);
  expect(success).toBeGreaterThan(60);
  expect(success).toBeLessThan(80);
  // One payments try per user request (the window's edges cut a few calls in flight).
  expect(await cell(page, 'payments fails 30%', 5)).toBeCloseTo(1, 1);
  await expect(page.getByTestId('hop-table')).toContainText('retriable-status-codes');
});

test('retries at both hops: success near 100% and the tries per user request near the expected 1.43', async ({
  page,
}) => {
  await page.goto('/#/scene/7?step=6');
  await expect(page.getByTestId('amplification')).toContainText('(expected 1.43)');
  const text = (await page.getByTestId('amplification').textContent()) ?? '';
  const amp = Number(/gets ([\d.]+) tries/.exec(text)?.[1]);
  expect(Math.abs(amp / 1.4286 - 1)).toBeLessThan(0.1);
  expect(await cell(page, '5xx retried at both hops', 1)).toBeGreaterThan(99);
  const rows = page.getByTestId('hop-table').locator('tbody tr');
  await expect(rows.nth(0)).toContainText('5xx');
  await expect(rows.nth(1)).toContainText('5xx');
});

test('at 10×: the web → checkout toggle reaches web-1’s routes', async ({ page }) => {
  await page.goto('/#/scene/7?step=4&speed=10');
  const web = page.getByTestId('hop-table').locator('tbody tr').nth(0);
  await expect(web).not.toContainText('5xx');
  await page.getByTestId('try-chk').click();
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(web).toContainText('5xx');
});

test('a 100 ms route timeout on payments: checkout-1’s Envoy answers 504 UT and does not retry', async ({
  page,
}) => {
  await page.goto('/#/scene/7?step=7');
  await expect(page.getByTestId('hop-table').locator('tbody tr').nth(1)).toContainText('100 ms');
  await expect(
    page.getByRole('figure', { name: 'Router.sendWithRetries' }).locator('[aria-current="true"]'),
  ).toContainText('return local_reply(504, flags="UT")');
  await expect(page.getByTestId('last-try')).toContainText('the route timeout ends it (504 UT)');
});
