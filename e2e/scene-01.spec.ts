import { expect as baseExpect, test } from '@playwright/test';

/** Scene 1 end to end: killing payments-v1-a makes each caller fail in its own way, on screen. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('kill payments-v1-a: web-1 times out on its hard-coded address while the others keep succeeding', async ({
  page,
}) => {
  await page.goto('/#/scene/1?step=4&speed=10');
  await expect(
    page.getByRole('heading', { level: 2, name: /^Scene 1 · Services talking directly/ }),
  ).toBeVisible();
  await expect(page.getByTestId('pod-payments-v1-a')).toHaveAttribute('data-up', 'false');
  const row = (caller: string) => page.locator(`tr[data-caller="${caller}"] td`);
  await expect(row('web-1').nth(0)).toHaveText('0');
  expect(Number(await row('web-1').nth(1).textContent())).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'web-1', exact: true }).click();
  await expect(page.getByTestId('last-outcome')).toContainText('connect timeout');
  // The other callers' successes keep rising while web-1's stay at zero.
  const okOf = async (caller: string) => Number(await row(caller).nth(0).textContent());
  const before = await okOf('checkout-1');
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect.poll(() => okOf('checkout-1')).toBeGreaterThan(before + 5);
  expect(await okOf('web-1')).toBe(0);
  await expect(page.getByText(/web-1 → payments-v1-a: \d+ connects? unanswered/)).toBeVisible();
});

test('restoring payments-v1-a from Try this (key x) brings it back up', async ({ page }) => {
  await page.goto('/#/scene/1?step=3');
  await expect(page.getByTestId('pod-payments-v1-a')).toHaveAttribute('data-up', 'false');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('x');
  await expect(page.getByTestId('pod-payments-v1-a')).toHaveAttribute('data-up', 'true');
  await expect(page.getByTestId('try-kill')).toContainText('Kill payments-v1-a');
});
