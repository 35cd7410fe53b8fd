import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 8 end to end: fortio trips cart-1's circuit breakers exactly as its pool table counts
 * them; checkout-1's outlier detector ejects the broken pod, and its timeline says for how long.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
const line = (page: Page, panel: string) =>
  page.getByRole('figure', { name: panel }).locator('[aria-current="true"]');
const fortio = (page: Page) => page.getByTestId('fortio-out');

test('fortio -c 1 gets only 200s; -c 2’s 503s are exactly the max_pending_requests overflows', async ({
  page,
}) => {
  await page.goto('/#/scene/8?step=2');
  await expect(fortio(page)).toContainText('fortio load -c 1 -qps 0 -n 20');
  await expect(fortio(page)).toContainText('Code 200 : 20 (100.0 %)');
  await expect(
    page.getByTestId('pool-state').locator('tr[data-limit="max_connections"]'),
  ).toContainText('0 / 1');
  await expect(line(page, 'ConnectionPool.admit')).toContainText('pool.pending.pop(0)');

  await page.goto('/#/scene/8?step=4');
  await expect(fortio(page)).toContainText('fortio load -c 2 -qps 0 -n 20');
  const text = (await fortio(page).textContent()) ?? '';
  const n503 = Number(/Code 503 : (\d+)/.exec(text)?.[1]);
  expect(n503).toBeGreaterThan(0);
  await expect(page.getByTestId('overflow-max_pending_requests')).toHaveText(String(n503));
  await expect(page.getByTestId('envoy-stats')).toContainText(
    `upstream_rq_pending_overflow ${n503}`,
  );
});

test('the broken pod is ejected by checkout-1 for 2 × 5 s, and the timeline and the diagram say so', async ({
  page,
}) => {
  await page.goto('/#/scene/8?step=7');
  const row = page.getByTestId('outlier-timeline').locator('tr[data-host="payments-v1-a"]');
  await expect(row).toHaveAttribute('data-ejected', 'true');
  await expect(row.locator('td').nth(0)).toHaveText('ejected');
  await expect(row.locator('td').nth(2)).toHaveText('2');
  await expect(row).toContainText(', 10 s');
  await expect(page.locator('.region-labels')).toContainText('ejected by checkout-1');
  await expect(line(page, 'OutlierDetector.onResponse')).toContainText('host.ejected = True');

  await page.goto('/#/scene/8?step=10');
  await expect(page.getByTestId('outlier-timeline')).toContainText('at most 0 of 3 hosts');
  await expect(line(page, 'OutlierDetector.onResponse')).toContainText('the host stays in');
});

test('“fortio -c 3” from the selected sidecar runs 30 calls and prints its codes', async ({
  page,
}) => {
  await page.goto('/#/scene/8?step=1&sidecar=cart-1');
  await page.getByTestId('try-fortio3').click();
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(fortio(page)).toContainText('fortio load -c 3 -qps 0 -n 30');
  await expect(fortio(page)).toContainText('30 calls');
  await expect(page.getByTestId('fortio')).toContainText('done');
});
