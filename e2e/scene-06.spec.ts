import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 6 as a learner plays it: the runs side by side (least request beats round robin with a
 * slow pod), and switching the load balancer from Try this, then measuring it in a new row.
 */
const expect = baseExpect.configure({ timeout: 30_000 });

/** The p99 (ms) of the table row whose run label matches. */
async function p99(page: Page, label: RegExp): Promise<number> {
  const row = page.getByTestId('latency-runs').locator('tbody tr', { hasText: label });
  const text = (await row.first().locator('td').nth(3).textContent()) ?? '';
  return Number(/([\d.]+) ms/.exec(text)?.[1]);
}

test('after the round-robin run, the plot and its table show least request with the lower p99', async ({
  page,
}) => {
  await page.goto('/#/scene/6?step=4');
  await expect(page.getByTestId('lb-policy')).toHaveText('ROUND_ROBIN');
  const rows = page.getByTestId('latency-runs').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('v1-b +200 ms');
  const lr = await p99(page, /^LEAST_REQUEST\s*v1-b/);
  const rr = await p99(page, /^ROUND_ROBIN/);
  expect(lr).toBeGreaterThan(200);
  expect(lr).toBeLessThan(rr);
  await expect(
    page.getByRole('figure', { name: 'RoundRobin.pick' }).locator('[aria-current="true"]'),
  ).toContainText('hosts[self.rr_index % len(hosts)]');
  await expect(page.getByTestId('last-lb-pick')).toContainText('(ROUND_ROBIN)');
  // The plots draw the runs, with their values in words.
  await expect(
    page.getByRole('figure', { name: /Calls to payments: latency per run/ }),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: /each pod’s share per run/ })).toBeVisible();
});

test('at 10×: ring hash from Try this arrives as CDS, and a new row measures it', async ({
  page,
}) => {
  await page.goto('/#/scene/6?step=2&speed=10');
  const slider = page.getByTestId('try-lb');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('label.slider', { hasText: 'Load balancer' })).toContainText(
    'RING_HASH',
  );
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.getByTestId('lb-policy')).toHaveText('RING_HASH');
  await expect(page.getByTestId('last-lb-pick')).toContainText(/hashes user-\d+ to payments-/);
  await page.getByTestId('new-run').click();
  const now = page.getByTestId('latency-runs').locator('tbody tr', { hasText: '(now)' });
  await expect(now).toContainText('RING_HASH');
  await expect
    .poll(async () => Number((await now.locator('td').first().textContent())?.replace(/,/g, '')))
    .toBeGreaterThan(100);
});
