import { expect as baseExpect, test } from '@playwright/test';

/** Scene 4: the stages of one request, outbound then inbound, in the listener tree and the panels. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('scene 4: the outbound HTTP chain, Istio’s filters in order, then the inbound mTLS chain', async ({
  page,
}) => {
  await page.goto('/#/scene/4?step=5');
  const tree = page.getByTestId('listener-tree');
  await expect(tree.locator('li.lit > code').first()).toHaveText('0.0.0.0_8080');
  await expect(tree.locator('ol.http-filters li.lit')).toHaveText('istio.stats');
  await expect(tree.locator('ol.http-filters').first().locator('li')).toHaveText([
    'istio.metadata_exchange',
    'envoy.filters.http.grpc_stats',
    'istio.alpn',
    'envoy.filters.http.fault',
    'envoy.filters.http.cors',
    'istio.stats',
    'envoy.filters.http.router',
  ]);
  await expect(page.locator('.config-dump pre')).toContainText('"name": "0.0.0.0_8080"');
  await page.goto('/#/scene/4?step=8');
  await expect(page.getByRole('heading', { name: /checkout-1’s listeners/ })).toBeVisible();
  await expect(tree.locator('li.lit').first()).toContainText('virtualInbound');
  await expect(page.locator('.config-dump pre')).toContainText('istio-http/1.1');
  await expect(page.locator('figure[data-panel="match"] [aria-current="true"]')).toContainText(
    'return chains[0]',
  );
});

test('scene 4: a port with no listener goes to PassthroughCluster, and to BlackHoleCluster under REGISTRY_ONLY', async ({
  page,
}) => {
  await page.goto('/#/scene/4?step=10');
  const hops = page.getByTestId('walk-hops');
  await expect(hops).toContainText('PassthroughCluster');
  await page.getByRole('button', { name: 'Set REGISTRY_ONLY' }).click();
  // Istiod pushes the new listeners (debounce, then LDS): let the run play while they arrive.
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.locator('.event-log')).toContainText(
    'outboundTrafficPolicy.mode set to REGISTRY_ONLY',
  );
  await page.waitForTimeout(2500);
  await page.getByTestId('try-external').click();
  await expect(hops).toContainText('BlackHoleCluster');
  await expect(hops).toContainText('connection reset');
});
