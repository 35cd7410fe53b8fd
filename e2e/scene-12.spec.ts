import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 12 end to end: the two root rotations as the trust bundle shows them, and, with Istiod
 * down past expiry, new handshakes failing while web-1's requests on open connections complete.
 */
const expect = baseExpect.configure({ timeout: 60_000 });
const line = (page: Page, panel: string) =>
  page.getByRole('figure', { name: panel }).locator('[aria-current="true"]');
const row = (page: Page, pod: string) =>
  page.getByTestId('cert-table').locator('tr', { has: page.getByRole('rowheader', { name: pod }) });

test('same key: root-1 can go at once and handshakes still verify', async ({ page }) => {
  await page.goto('/#/scene/12?step=3');
  await expect(page.getByTestId('ca-bundle')).toHaveText('root-1 + root-2');
  await expect(line(page, 'CA.rotateRoot')).toContainText('publish(ca.bundle)');
  await page.goto('/#/scene/12?step=4');
  await expect(page.getByTestId('ca-bundle')).toHaveText('root-2');
  await expect(line(page, 'Sidecar.verifyPeer')).toContainText('ok()');
});

test('new key: both roots during the overlap, the new one alone once every workload renewed', async ({
  page,
}) => {
  await page.goto('/#/scene/12?step=5');
  await expect(page.getByTestId('ca-bundle')).toHaveText('root-2 + root-3');
  await expect(row(page, 'web-1')).toContainText('root-2 + root-3');
  await page.goto('/#/scene/12?step=7');
  await expect(page.getByTestId('ca-bundle')).toHaveText('root-3');
  for (const pod of ['web-1', 'cart-1', 'payments-v2-a']) {
    await expect(row(page, pod).locator('td').nth(4)).toHaveText('root-3'); // signed by
    await expect(row(page, pod).locator('td').nth(5)).toHaveText('root-3'); // ROOTCA
  }
});

test('Istiod down past expiry: web-1’s new handshakes fail, its open connections carry on', async ({
  page,
}) => {
  await page.goto('/#/scene/12?step=10');
  await expect(row(page, 'web-1')).toContainText('expired');
  await expect(page.locator('.cert-ca')).toContainText('Istiod down');
  await expect(line(page, 'Sidecar.verifyPeer')).toContainText('certificate expired');
  await expect(page.getByText('mTLS handshake web-1 → payments').first()).toBeVisible();
});
