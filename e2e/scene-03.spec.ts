import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 3 as a learner plays it: fail a readiness probe at 1× and watch the EndpointSlice change
 * at once and every caller's list after the debounce; scale payments up at 10×.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
const CALLERS = ['web-1', 'catalog-1', 'cart-1', 'checkout-1', 'inventory-1'];
const eds = (page: Page, pod: string) => page.getByTestId(`eds-${pod}`);
const sliceRow = (page: Page, pod: string) =>
  page.getByTestId('endpoint-slice').locator(`tr[data-pod="${pod}"]`);

test('at 1×: a failed readiness probe turns the endpoint not ready, then every caller drops it', async ({
  page,
}) => {
  await page.goto('/#/scene/3?step=1');
  for (const c of CALLERS) await expect(eds(page, c)).toContainText('payments-v1-a');
  await page.getByRole('button', { name: '▶ Play' }).click();
  await page.getByTestId('try-probe').click();
  // The EndpointSlice changes at once; the pod keeps running.
  await expect(sliceRow(page, 'payments-v1-a')).toHaveAttribute('data-ready', 'false');
  await expect(sliceRow(page, 'payments-v1-a')).toContainText('readiness probe failing');
  // After the debounce every caller's list lacks it, and each ACK came ~100 ms after the change.
  for (const c of CALLERS) {
    await expect(eds(page, c)).not.toContainText('payments-v1-a');
    const ack = page.locator(`.eds-table tr[data-pod="${c}"] td[data-state]`);
    await expect(ack).toHaveAttribute('data-state', 'acked');
    const ms = Number(/\+([\d.]+) ms/.exec((await ack.textContent()) ?? '')?.[1]);
    expect(ms).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(130);
  }
  await expect(page.getByTestId('try-probe')).toHaveText(/Let the probe pass again/);
  await page.getByTestId('try-probe').click();
  for (const c of CALLERS) await expect(eds(page, c)).toContainText('payments-v1-a');
});

test('at 10×: scaling payments to 4 adds a pod that callers list once it is ready', async ({
  page,
}) => {
  await page.goto('/#/scene/3?step=1&speed=10');
  await page.getByRole('button', { name: '▶ Play' }).click();
  const slider = page.getByTestId('try-replicas');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('label.slider')).toContainText('4 pods');
  await expect(sliceRow(page, 'payments-scaled-4')).toBeVisible();
  for (const c of CALLERS) await expect(eds(page, c)).toContainText('payments-scaled-4');
  await expect(sliceRow(page, 'payments-scaled-4')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('cla-list')).toContainText('HEALTHY (payments-scaled-4)');
});
