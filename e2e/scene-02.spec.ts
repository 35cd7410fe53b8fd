import { expect as baseExpect, test } from '@playwright/test';

/** Scene 2: one connection through both pods' nat tables; UID 1337; injection refused with Istiod down. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('scene 2: the nat-table panel lights the rule that decided each hop; the hop list says why', async ({
  page,
}) => {
  await page.goto('/#/scene/2?step=2');
  const current = page.locator('figure[data-panel="rules"] [aria-current="true"]');
  await expect(current).toContainText('-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001');
  await page.goto('/#/scene/2?step=4');
  await expect(current).toContainText('-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN');
  const hops = page.getByTestId('walk-hops');
  await expect(hops).toContainText('iptables OUTPUT: not redirected');
  await expect(hops).toContainText('UID 1337');
  await expect(page.getByTestId('walk-dot')).toBeVisible();
});

test('scene 2: without a sidecar kube-proxy picks the pod; re-injecting while Istiod is down is refused', async ({
  page,
}) => {
  await page.goto('/#/scene/2?step=9');
  await expect(page.getByTestId('walk-hops')).toContainText('kube-proxy');
  await expect(page.locator('.walk-pod.bare')).toHaveCount(1);
  await page.goto('/#/scene/2?step=10');
  await expect(page.locator('.event-log')).toContainText('sidecar injector webhook is unreachable');
});
