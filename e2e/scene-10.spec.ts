import { expect as baseExpect, test } from '@playwright/test';

/** Scene 10: the editor applies YAML through the webhook; invalid documents change nothing. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('a preset applied from the editor is accepted, pushed, and shows in every sidecar’s route diff', async ({
  page,
}) => {
  await page.goto('/#/scene/10?step=1');
  await expect(page.getByTestId('yaml-editor')).toHaveAttribute('data-ready', '1');
  await page.getByRole('button', { name: '50/50', exact: true }).click();
  await expect(page.locator('.cm-content')).toContainText('weight: 50');
  await page.getByTestId('policy-apply').click();
  await expect(page.getByTestId('policy-reply')).toContainText('Accepted: VirtualService payments');
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.getByTestId('route-changes')).toContainText(
    'outbound|8080|v1|payments.shop.svc.cluster.local 90 → 50',
  );
});

test('typing a mistake is flagged at its line; applying it is rejected and nothing changes', async ({
  page,
}) => {
  await page.goto('/#/scene/10?step=1');
  await expect(page.getByTestId('yaml-editor')).toHaveAttribute('data-ready', '1');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n  trafficPolicy: 7');
  await expect(page.getByTestId('policy-check')).toContainText('problem');
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await page.getByTestId('policy-apply').click();
  await expect(page.getByTestId('policy-reply')).toContainText(
    'Rejected by Istio’s validating webhook',
  );
  await expect(page.getByTestId('route-changes')).toContainText('no change since its first routes');
});

test('step 4 shows Istio’s message for weight -10 and keeps the 0/100 routes', async ({ page }) => {
  await page.goto('/#/scene/10?step=4');
  await expect(page.getByTestId('policy-reply')).toContainText('weight -10 < 0');
  await expect(page.getByTestId('route-changes')).toContainText('50 → 100');
});
