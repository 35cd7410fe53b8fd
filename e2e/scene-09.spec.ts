import { expect as baseExpect, test } from '@playwright/test';

/** Scene 9: identities, STRICT against a caller without a sidecar, RBAC by principal. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('every pod shows its SPIFFE identity; STRICT resets web-1’s plaintext calls', async ({
  page,
}) => {
  await page.goto('/#/scene/9?step=4');
  await expect(page.getByTestId('identity-table')).toContainText(
    'spiffe://cluster.local/ns/shop/sa/payments',
  );
  await expect(page.getByTestId('identity-table')).toContainText('no sidecar: no identity');
  await expect(page.getByTestId('security-status')).toContainText('STRICT');
  await expect(page.getByTestId('web-calls')).not.toContainText(' 0 reset');
});

test('ALLOW only checkout: web-1 gets 403 RBAC: access denied; the panel lights the rule', async ({
  page,
}) => {
  await page.goto('/#/scene/9?step=6');
  await expect(page.getByTestId('web-calls')).toContainText('403 RBAC: access denied');
  await expect(page.getByTestId('web-calls')).not.toContainText(' 0 × 403');
  await expect(page.locator('figure[data-panel="handshake"] [aria-current="true"]')).toContainText(
    'if allow_policies and not any',
  );
});
