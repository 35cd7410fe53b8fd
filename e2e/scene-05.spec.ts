import { expect as baseExpect, test } from '@playwright/test';

/** Scene 5 end to end: exactly N requests are drawn, and the route table follows the canary. */
const expect = baseExpect.configure({ timeout: 20_000 });
const count = async (page: import('@playwright/test').Page, subset: string) =>
  Number((await page.getByTestId(`hist-count-${subset}`).textContent())?.replace(/,/g, ''));

test('“Send 100 requests” from web-1 draws exactly 100 picks, split near 90/10', async ({
  page,
}) => {
  await page.goto('/#/scene/5?step=1&sidecar=web-1');
  await expect(page.getByRole('heading', { name: /Route table of web-1’s Envoy/ })).toBeVisible();
  await page.getByTestId('try-send100').click();
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect.poll(async () => (await count(page, 'v1')) + (await count(page, 'v2'))).toBe(100);
  expect(await count(page, 'v1')).toBeGreaterThan(75);
  // By now web-1's Envoy has applied its routes: the table names Istio's v2 cluster.
  await expect(page.locator('.route-table')).toContainText(
    'outbound|8080|v2|payments.shop.svc.cluster.local',
  );
  await expect(page.getByTestId('last-pick')).toContainText('r = ');
});

test('after the 50/50 step the table shows weights 50 and 50 under Istio’s cluster names', async ({
  page,
}) => {
  await page.goto('/#/scene/5?step=5');
  const table = page.locator('.route-table table');
  await expect(
    table.locator('tr', { hasText: 'outbound|8080|v1|payments.shop.svc.cluster.local' }),
  ).toContainText('50');
  await expect(
    table.locator('tr', { hasText: 'outbound|8080|v2|payments.shop.svc.cluster.local' }),
  ).toContainText('50');
  await expect(
    page.getByRole('figure', { name: 'RouteTable.match' }).locator('[aria-current="true"]'),
  ).toContainText('routes[listener.rds.route_config_name]');
});
